"""/view in headless Chromium: the page loads without console errors and without any request
leaving this machine, vis-network draws every node of /view/data, the filters hide what
they should, a real click on a node shows its evidence, and a screenshot is kept as
test-artifacts/view.png."""

from __future__ import annotations

import struct
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from view_conftest import Browser, chromium, serving

from conflict_kg.extract import Extraction

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "test-artifacts" / "view.png"
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
