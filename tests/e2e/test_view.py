"""/view in headless Chromium: the page loads without console errors and without any request
leaving this machine, vis-network draws every node of /view/data, the filters hide what
they should, a real click on a node shows its evidence, the map and the timeline draw the
incidents and their brushes (real mouse drags) filter the network, a file uploads, the SPARQL
editor runs its examples, and screenshots are kept in test-artifacts/."""

from __future__ import annotations

import struct
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from support import running_server
from view_conftest import Browser, chromium, serving

from conflict_kg.extract import Extraction

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "test-artifacts" / "view.png"
BRUSHED = ROOT / "test-artifacts" / "view-map-timeline.png"
EDITOR = ROOT / "test-artifacts" / "sparql-editor.png"
KH = "entity/kataib-hezbollah"


@pytest.fixture(scope="module")
def view_server(tmp_path_factory: pytest.TempPathFactory, sample: Extraction) -> Iterator[str]:
    with serving(tmp_path_factory.mktemp("view"), sample) as base:
        yield base


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as opened:
        yield opened


@pytest.fixture(scope="module")
def view_data(view_server: str) -> dict:
    return httpx.get(f"{view_server}/view/data", timeout=30).json()


@pytest.fixture(scope="module")
def page(browser: Browser, view_server: str) -> Browser:
    browser.send("Page.navigate", {"url": f"{view_server}/view"})
    # Until the new document is there, the old one (about:blank) answers: ask for /view's.
    browser.wait_for(
        "location.pathname === '/view' && document.body !== null"
        " && ['ready', 'error'].includes(document.body.dataset.state)"
    )
    return browser


def node_centre(page: Browser, node: str) -> tuple[float, float]:
    """Where `node` is on the screen, from vis-network's own coordinates."""
    point = page.evaluate(
        f"""(() => {{
            const p = kgNetwork.canvasToDOM(kgNetwork.getPosition({node!r}));
            const box = document.getElementById('network').getBoundingClientRect();
            return [p.x + box.left, p.y + box.top];
        }})()"""
    )
    return point[0], point[1]


def test_page_loads_and_draws_every_node(page: Browser, view_data: dict, view_server: str) -> None:
    assert page.evaluate("document.body.dataset.state") == "ready"
    nodes = view_data["elements"]["nodes"]
    edges = view_data["elements"]["edges"]
    assert len(nodes) > 10
    assert page.evaluate("kgNetwork.body.data.nodes.length") == len(nodes)
    assert page.evaluate("kgNetwork.body.nodeIndices.length") == len(nodes)
    assert page.evaluate("kgNetwork.body.data.edges.length") == len(edges)
    assert page.evaluate("document.getElementById('status').textContent") == (
        f"{len(nodes)} of {len(nodes)} nodes, {len(edges)} of {len(edges)} edges shown"
    )
    shapes = page.evaluate(
        f"[kgNetwork.body.nodes[{KH!r}].options.shape,"
        " kgView.state.nodes.get({filter: n => n.kg.kind === 'incident'})[0].shape]"
    )
    assert shapes == ["dot", "diamond"]
    dashed = page.evaluate(
        "kgView.state.edges.get().filter(e => e.dashes).map(e => e.kg.certainty)"
    )
    assert dashed and "asserted" not in dashed
    assert page.console_errors() == []
    origin = urlsplit(view_server).netloc
    outside = [
        url
        for url in page.requested_urls()
        if not url.startswith("data:") and urlsplit(url).netloc != origin
    ]
    assert outside == []


def test_a_click_on_a_node_shows_its_evidence(page: Browser, view_data: dict) -> None:
    [strike] = [
        n["data"]["id"]
        for n in view_data["elements"]["nodes"]
        if n["data"]["type"] == "AirOrDroneStrike"
    ]
    [perpetrator] = [
        e["data"]
        for e in view_data["elements"]["edges"]
        if e["data"]["id"] == f"{strike}->{KH}:perpetrator"
    ]
    assert perpetrator["certainty"] == "alleged"
    sentence = perpetrator["evidence"][0]["sentence"]
    x, y = node_centre(page, KH)
    page.click(x, y)
    page.wait_for("document.querySelector('#details h2') !== null")
    details = page.evaluate("document.getElementById('details').innerText")
    assert details.startswith("Kataib Hezbollah")
    assert " ".join(sentence.split()) in " ".join(details.split())
    assert page.evaluate("kgNetwork.getSelectedNodes()") == [KH]
    link = page.evaluate("document.querySelector('#details a').getAttribute('href')")
    assert link == "/entities/kataib-hezbollah"
    assert page.console_errors() == []


def test_filters_hide_and_show(page: Browser, view_data: dict) -> None:
    edges = view_data["elements"]["edges"]
    denied = sum(1 for e in edges if e["data"]["certainty"] == "denied")
    assert denied >= 1
    page.evaluate("document.querySelector('#certainties input[value=denied]').click(), true")
    assert page.evaluate("kgNetwork.body.data.edges.length") == len(edges) - denied
    page.evaluate("document.querySelector('#certainties input[value=denied]').click(), true")
    assert page.evaluate("kgNetwork.body.data.edges.length") == len(edges)

    nodes = {n["data"]["id"]: n["data"] for n in view_data["elements"]["nodes"]}
    page.evaluate(
        """(() => {
            const from = document.getElementById('date-from');
            from.value = '2021-11-01';
            from.dispatchEvent(new Event('change'));
        })()"""
    )
    visible = set(page.evaluate("kgView.state.nodeView.getIds()"))
    for node, data in nodes.items():
        if data["kind"] == "incident" and data.get("date_end"):
            assert (node in visible) == (data["date_end"] >= "2021-11-01"), node
    [election] = [n for n, d in nodes.items() if d.get("type") == "Election"]
    assert election not in visible
    assert KH in visible
    page.evaluate(
        """(() => {
            const from = document.getElementById('date-from');
            from.value = '';
            from.dispatchEvent(new Event('change'));
        })()"""
    )
    assert page.evaluate("kgNetwork.body.data.nodes.length") == len(nodes)


def test_search_selects_and_shows(page: Browser) -> None:
    page.evaluate(
        """(() => {
            const box = document.getElementById('search');
            box.value = 'sadr';
            box.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));
        })()"""
    )
    assert page.evaluate("kgNetwork.getSelectedNodes()") == ["entity/moqtada-al-sadr"]
    assert page.evaluate("document.getElementById('search-result').textContent") == "1 match(es)"
    assert page.evaluate("document.querySelector('#details h2').textContent") == "Moqtada al-Sadr"


def test_screenshot(page: Browser) -> None:
    page.evaluate(
        """(() => {
            const box = document.getElementById('search');
            box.value = '';
            box.dispatchEvent(new Event('search'));
            kgNetwork.selectNodes(['entity/kataib-hezbollah']);
            kgView.showNode('entity/kataib-hezbollah');
            kgNetwork.fit({animation: false});
        })()"""
    )
    page.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": 260, "y": 880})
    time.sleep(0.3)
    content = page.screenshot(SCREENSHOT)
    assert SCREENSHOT.stat().st_size == len(content) > 20_000
    assert content[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", content[16:24]) == (1400, 900)
    assert page.console_errors() == []


# --- the map and the timeline (issue #18, item 4) ---------------------------------------------


def drag(page: Browser, start: tuple[float, float], end: tuple[float, float]) -> None:
    """A real drag with the left button: press, move in steps, release."""
    page.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": start[0], "y": start[1]})
    page.send(
        "Input.dispatchMouseEvent",
        {"type": "mousePressed", "x": start[0], "y": start[1], "button": "left", "clickCount": 1},
    )
    for step in range(1, 11):
        x = start[0] + (end[0] - start[0]) * step / 10
        y = start[1] + (end[1] - start[1]) * step / 10
        page.send(
            "Input.dispatchMouseEvent",
            {"type": "mouseMoved", "x": x, "y": y, "button": "left", "buttons": 1},
        )
    page.send(
        "Input.dispatchMouseEvent",
        {"type": "mouseReleased", "x": end[0], "y": end[1], "button": "left", "clickCount": 1},
    )


def map_point(page: Browser, longitude: float, latitude: float) -> tuple[float, float]:
    """Where a longitude and latitude are on the screen, through the map's own SVG matrix."""
    point = page.evaluate(
        f"""(() => {{
            const svg = document.querySelector('#map svg');
            const [x, y] = kgMap.project({longitude}, {latitude});
            const p = new DOMPoint(x, y).matrixTransform(svg.getScreenCTM());
            return [p.x, p.y];
        }})()"""
    )
    return point[0], point[1]


def incidents_of(view_data: dict) -> dict[str, dict]:
    return {
        n["data"]["id"]: n["data"]
        for n in view_data["elements"]["nodes"]
        if n["data"]["kind"] == "incident"
    }


def test_the_map_draws_the_world_and_every_located_incident(page: Browser, view_data: dict) -> None:
    located = {i for i, d in incidents_of(view_data).items() if "latitude" in d}
    assert len(located) >= 2
    assert page.evaluate("document.querySelectorAll('#map .land path').length") > 150
    drawn = page.evaluate(
        "[...document.querySelectorAll('#map circle.incident')].map(c => c.dataset.id)"
    )
    assert set(drawn) == located
    assert page.console_errors() == []


def test_brushing_a_map_area_filters_the_network(page: Browser, view_data: dict) -> None:
    incidents = incidents_of(view_data)
    [strike] = [i for i, d in incidents.items() if d["type"] == "AirOrDroneStrike"]
    assert incidents[strike]["place_names"] == ["Baghdad"]
    # a box around Baghdad (44.4 E, 33.3 N) that leaves out the point of Iraq as a country
    drag(page, map_point(page, 44.0, 33.6), map_point(page, 44.8, 33.0))
    page.wait_for("kgView.state.map.area !== null")
    visible = set(page.evaluate("kgView.state.nodeView.getIds()"))
    assert {i for i in incidents if i in visible} == {strike}
    assert KH in visible  # the strike's perpetrator stays, with its link
    assert page.evaluate("document.getElementById('status').textContent").endswith(
        "map area brushed"
    )
    assert page.evaluate(
        "[...document.querySelectorAll('#map circle.incident:not(.hidden)')].map(c => c.dataset.id)"
    ) == [strike]
    page.evaluate("document.getElementById('clear-area').click(), true")
    assert page.evaluate("kgNetwork.body.data.nodes.length") == len(view_data["elements"]["nodes"])


def test_the_timeline_draws_dated_incidents_and_its_handle_brushes_time(
    page: Browser, view_data: dict
) -> None:
    incidents = incidents_of(view_data)
    dated = {i for i, d in incidents.items() if d.get("date_start")}
    assert set(page.evaluate("kgView.state.timelineItems.getIds()")) == dated
    # vis-timeline keeps itself hidden until it has drawn its items once
    page.wait_for(
        "getComputedStyle(document.querySelector('#timeline .vis-timeline')).visibility"
        " === 'visible'"
    )
    assert page.evaluate("document.querySelectorAll('#timeline .vis-item').length") >= 1
    # drag the "from" handle to 5 November 2021, where the screen says that day is
    handle = page.evaluate(
        """(() => {
            const bar = document.querySelector('#timeline .vis-custom-time.from');
            const box = bar.getBoundingClientRect();
            return [box.left + box.width / 2, box.top + box.height / 2];
        })()"""
    )
    target = page.evaluate(
        """(() => {
            const t = kgView.state.timeline;
            const w = t.getWindow();
            const panel = document.querySelector('#timeline .vis-center')
              .getBoundingClientRect();
            const day = new Date('2021-11-05T00:00:00Z').getTime();
            return panel.left + panel.width * (day - w.start) / (w.end - w.start);
        })()"""
    )
    drag(page, (handle[0], handle[1]), (target, handle[1]))
    page.wait_for("document.getElementById('date-from').value !== ''")
    chosen = page.evaluate("document.getElementById('date-from').value")
    assert "2021-11-01" <= chosen <= "2021-11-07", chosen  # a pixel is about a day
    visible = set(page.evaluate("kgView.state.nodeView.getIds()"))
    [strike] = [i for i, d in incidents.items() if d["type"] == "AirOrDroneStrike"]
    [election] = [i for i, d in incidents.items() if d["type"] == "Election"]
    assert strike in visible and election not in visible
    faded = set(
        page.evaluate(
            "kgView.state.timelineItems.get({filter: i => i.className === 'filtered-out'})"
            ".map(i => i.id)"
        )
    )
    assert election in faded and strike not in faded
    page.screenshot(BRUSHED)
    for box in ("date-from", "date-to"):
        page.evaluate(
            f"""(() => {{
                const input = document.getElementById({box!r});
                input.value = '';
                input.dispatchEvent(new Event('change'));
            }})()"""
        )
    assert page.evaluate("kgNetwork.body.data.nodes.length") == len(view_data["elements"]["nodes"])
    assert page.console_errors() == []


def test_picking_an_incident_on_the_map_selects_it_everywhere(
    page: Browser, view_data: dict
) -> None:
    [strike] = [i for i, d in incidents_of(view_data).items() if d["type"] == "AirOrDroneStrike"]
    centre = page.evaluate(
        f"""(() => {{
            const box = document.querySelector('#map circle[data-id="{strike}"]')
              .getBoundingClientRect();
            return [box.left + box.width / 2, box.top + box.height / 2];
        }})()"""
    )
    page.click(centre[0], centre[1])
    page.wait_for(f"kgNetwork.getSelectedNodes()[0] === {strike!r}")
    assert page.evaluate("kgView.state.timeline.getSelection()") == [strike]
    assert page.evaluate("document.querySelector('#details h2').textContent").startswith(
        "drone strike"
    )


# --- the pages the view links to: the SPARQL editor, and an upload (these leave /view) -----

UPLOADED_PAGE = """<!doctype html><html><head><title>Gunmen attack checkpoint in Mosul</title>
<meta name="author" content="Dana Invented"></head><body><article>
<h1>Gunmen attack checkpoint in Mosul</h1>
<p>MOSUL, Iraq, March 1 (Invented Daily) - Islamic State militants attacked an army checkpoint
near Mosul on Monday, killing two soldiers, Iraqi security officials said.</p>
<p>This page is invented for the tests of conflict-kg.</p></article></body></html>"""


def test_the_view_uploads_an_html_file(browser: Browser, tmp_path: Path) -> None:
    token = "view-upload-token"
    page_file = tmp_path / "mosul.html"
    page_file.write_text(UPLOADED_PAGE, encoding="utf-8")
    with running_server(
        f"oxigraph:{tmp_path / 'store'}", tmp_path, {"CONFLICT_KG_TOKEN": token}
    ) as base:
        browser.send("Page.navigate", {"url": f"{base}/view"})
        browser.wait_for(
            f"location.href === {base + '/view'!r} && document.body !== null"
            " && document.body.dataset.state === 'ready'"
        )
        document = browser.send("DOM.getDocument")
        file_input = browser.send(
            "DOM.querySelector", {"nodeId": document["root"]["nodeId"], "selector": "#upload-file"}
        )
        browser.send(
            "DOM.setFileInputFiles", {"nodeId": file_input["nodeId"], "files": [str(page_file)]}
        )
        browser.evaluate(
            f"document.getElementById('upload-token').value = {token!r};"
            " document.querySelector('#upload button[type=submit]').click(), true"
        )
        result = browser.wait_for(
            "(t => t.startsWith('Stored') || t.startsWith('Not stored') ? t : null)"
            "(document.getElementById('upload-result').textContent)",
            timeout=120,
        )
        assert result.startswith("Stored “Gunmen attack checkpoint in Mosul”:"), result
        articles = httpx.get(f"{base}/articles", timeout=30).json()
        assert [a["title"] for a in articles["items"]] == ["Gunmen attack checkpoint in Mosul"]
        # without the token the server's refusal is shown, not swallowed
        browser.evaluate(
            "document.getElementById('upload-token').value = 'wrong';"
            " document.querySelector('#upload button[type=submit]').click(), true"
        )
        refused = browser.wait_for(
            "(t => t.startsWith('Not stored') ? t : null)"
            "(document.getElementById('upload-result').textContent)"
        )
        assert "token" in refused


def test_the_sparql_editor_runs_its_examples(browser: Browser, view_server: str) -> None:
    from conflict_kg.api.routes.home import EXAMPLE_QUERIES

    browser.events.clear()  # the upload's refused request is the last page's
    browser.send("Page.navigate", {"url": f"{view_server}/sparql"})
    browser.wait_for(
        "location.pathname === '/sparql' && document.body !== null"
        " && document.body.dataset.state === 'ready'"
    )
    tabs = browser.evaluate(
        "[...document.querySelectorAll('.tabsList .tab')]"
        ".map(t => t.innerText.split('\\n')[0].trim())"
    )
    assert tabs == list(EXAMPLE_QUERIES)
    browser.evaluate("document.querySelector('.yasqe_queryButton').click(), true")
    rows = browser.wait_for(
        "document.querySelectorAll('.yasr .dataTable tbody tr').length", timeout=60
    )
    assert rows >= 5
    assert "Kataib Hezbollah" in browser.evaluate("document.querySelector('.yasr').innerText")
    browser.screenshot(EDITOR)
    assert browser.console_errors() == []
