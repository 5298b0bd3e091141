"""The lookup routes end to end: a real `conflict-kg serve` (uvicorn) over a real oxigraph store
holding the sample article, spoken to by httpx; writes against a second server with a token."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_TEXT = (ROOT / "examples" / "reuters-2021-11-08-iraq-pm-drone-strike.txt").read_text(
    encoding="utf-8"
)
ARTICLE = "cae519a2248111b3b0aeb4010fc0f292c944b181c38da82165337548a15e6d78"
STRIKE = "cae519a22481-1"
INCIDENT = f"c-{STRIKE}"  # the strike as resolved across articles
KH, AAH = "kataib-hezbollah", "asaib-ahl-al-haq"
PROBLEM_JSON = "application/problem+json"
SECOND_TEXT = (
    "Two Kurdish security officials said Kataib Hezbollah fired rockets at an Iraqi army base "
    "in Kirkuk on Monday, wounding three soldiers. Islamic State militants clashed with Iraqi "
    "army troops near Hawija last week, the army said."
)
INJECTIONS = ('x" } ; DROP ALL ; #', "<urn:x>", "x> } DROP ALL { <y", "' OR 1=1 --", "?s ?p ?o")


def ok(response: httpx.Response) -> dict:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def problem(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


def item_ids(body: dict) -> list[str]:
    return [item["id"] for item in body["items"]]


# Entities ----------------------------------------------------------------------------------


def test_entities_of_a_type(client: httpx.Client) -> None:
    body = ok(client.get("/entities", params={"type": "ArmedGroup"}))
    assert (body["total"], body["limit"], body["offset"]) == (2, 50, 0)
    assert item_ids(body) == [AAH, KH]
    aah = body["items"][0]
    assert aah == {
        "id": AAH,
        "name": "Asaib Ahl al-Haq",
        "type": "ArmedGroup",
        "aliases": ["Asaib"],
        "incidents": 1,
    }
    assert any("Asaib" in alias for alias in aah["aliases"])


def test_entities_search(client: httpx.Client) -> None:
    body = ok(client.get("/entities", params={"q": "kadhim"}))
    assert item_ids(body) == ["mustafa-al-kadhimi"]
    assert body["items"][0]["type"] == "Person"
    assert ok(client.get("/entities", params={"q": "zzz-nobody"}))["total"] == 0


def test_entities_pages(client: httpx.Client) -> None:
    everything = ok(client.get("/entities", params={"limit": 500}))
    first = ok(client.get("/entities", params={"limit": 5}))
    second = ok(client.get("/entities", params={"limit": 5, "offset": 5}))
    assert first["total"] == second["total"] == everything["total"] > 10
    assert item_ids(first) + item_ids(second) == item_ids(everything)[:10]


def test_entity_detail(client: httpx.Client) -> None:
    body = ok(client.get(f"/entities/{KH}"))
    assert (body["id"], body["name"], body["type"], body["country"]) == (
        KH,
        "Kataib Hezbollah",
        "ArmedGroup",
        "iraq",
    )
    assert body["iri"] == f"https://w3id.org/conflict-kg/id/entity/{KH}"
    assert body["articles"] == [ARTICLE]
    backed = [r for r in body["relations"] if r["predicate"] == "backedBy"]
    assert backed == [
        {
            "predicate": "backedBy",
            "direction": "out",
            "other": {"id": "iran", "name": "Iran", "type": "State"},
            "certainty": "asserted",
            "source": None,
            "evidence": {
                "article": ARTICLE,
                "sentence": "The Iranian-backed militia carried out a drone strike on the Iraqi "
                "prime minister – officials",
                "start": 35,
                "end": 49,
                "text": "Iranian-backed",
            },
        }
    ]
    strike = [i for i in body["incidents"] if i["id"] == STRIKE]
    assert {(i["role"], i["certainty"], i["source"]) for i in strike} == {
        ("perpetrator", "alleged", "Two Iraqi security officials"),
        ("perpetrator", "alleged", "A militia source"),
    }
    assert {(i["type"], i["acled"], i["date"]) for i in strike} == {
        ("AirOrDroneStrike", "AIR_STRIKE", "2021-11-07")
    }


def test_neighbors_depth(client: httpx.Client) -> None:
    one = ok(client.get(f"/entities/{KH}/neighbors", params={"depth": 1}))
    two = ok(client.get(f"/entities/{KH}/neighbors", params={"depth": 2}))
    assert one["center"] == two["center"] == KH
    assert len(two["nodes"]) > len(one["nodes"]) >= 3
    near = {n["id"]: n for n in one["nodes"]}
    assert near[INCIDENT] == {
        "id": INCIDENT,
        "name": "drone strike",
        "kind": "incident",
        "type": "AirOrDroneStrike",
    }
    assert near["iran"]["kind"] == "actor"
    assert {
        "source": INCIDENT,
        "target": KH,
        "predicate": "perpetrator",
        "certainty": "alleged",
    } in one["edges"]
    far = {n["id"] for n in two["nodes"]}
    assert {"baghdad", "mustafa-al-kadhimi", AAH} <= far
    problem(client.get(f"/entities/{KH}/neighbors", params={"depth": 4}), 422)
    problem(client.get(f"/entities/{KH}/neighbors", params={"depth": 0}), 422)


def test_unknown_entity_is_404(client: httpx.Client) -> None:
    assert "no-such-entity" in problem(client.get("/entities/no-such-entity"), 404)["detail"]
    problem(client.get("/entities/no-such-entity/neighbors"), 404)


# Incidents ---------------------------------------------------------------------------------


def test_incidents_of_a_class(client: httpx.Client) -> None:
    body = ok(client.get("/incidents", params={"type": "AirOrDroneStrike"}))
    assert body["total"] == 1
    (strike,) = body["items"]
    assert set(strike) == {
        "id",
        "type",
        "acled",
        "date",
        "date_precision",
        "place",
        "actors",
        "reports",
        "report_count",
    }
    # The incident resolved across articles, named after its first report.
    assert (strike["id"], strike["type"], strike["acled"], strike["date"]) == (
        f"c-{STRIKE}",
        "AirOrDroneStrike",
        "AIR_STRIKE",
        "2021-11-07",
    )
    assert strike["date_precision"] == "day"
    assert strike["place"]["id"] == "baghdad"
    assert {
        "id": KH,
        "name": "Kataib Hezbollah",
        "type": "ArmedGroup",
        "role": "perpetrator",
        "certainty": "alleged",
    } in strike["actors"]
    assert {
        "id": "iran",
        "name": "Iran",
        "type": "State",
        "role": "perpetrator",
        "certainty": "denied",
    } in strike["actors"]
    iran = [a for a in strike["actors"] if a["id"] == "iran"]
    assert [a["certainty"] for a in iran] == ["denied"]  # never as if asserted
    (report,) = strike["reports"]
    assert report["article"] == ARTICLE
    assert report["published"] == "2021-11-08"
    assert {"Two Iraqi security officials", "A militia source"} <= set(report["sources"])


def test_incident_filters(client: httpx.Client) -> None:
    def found(**params: str) -> list[str]:
        return item_ids(ok(client.get("/incidents", params={"limit": 500, **params})))

    assert INCIDENT in found(type="Attack")  # AirOrDroneStrike is an Attack
    assert INCIDENT not in found(type="Protest")
    assert INCIDENT in found(**{"from": "2021-11-01", "to": "2021-11-30"})
    assert INCIDENT in found(**{"from": "2021-11", "to": "2021-11"})
    assert found(**{"from": "2022-01-01"}) == []
    assert found(certainty="denied") == [INCIDENT]
    assert INCIDENT in found(actor=KH)
    assert found(place="baghdad") == [INCIDENT]
    assert found(actor="iran", certainty="denied") == [INCIDENT]
    assert found(actor="no-such-actor") == []
    # A month-precision date covers its whole month.
    sanctions = ok(client.get("/incidents", params={"type": "Sanction"}))["items"]
    assert sanctions and (sanctions[0]["date"], sanctions[0]["date_precision"]) == (
        "2021-10",
        "month",
    )
    assert sanctions[0]["id"] in found(**{"from": "2021-10-10", "to": "2021-10-10"})


def test_incident_detail(client: httpx.Client) -> None:
    body = ok(client.get(f"/incidents/{STRIKE}"))
    # Asked by the article's report id, answered with the incident it was resolved into.
    assert (body["id"], strike_report_count(body)) == (f"c-{STRIKE}", 1)
    assert ok(client.get(f"/incidents/c-{STRIKE}")) == body
    # One article: nothing is corroborated by a second one.
    assert ok(client.get("/incidents", params={"min_reports": 2}))["total"] == 0
    assert ok(client.get("/incidents", params={"min_reports": 1}))["total"] >= 6
    assert body["reports"][0]["report"] == STRIKE and body["reports"][0]["date"] == "2021-11-07"
    assert (body["type"], body["acled"], body["trigger"], body["date_precision"]) == (
        "AirOrDroneStrike",
        "AIR_STRIKE",
        "drone strike",
        "day",
    )
    assert body["places"] == [{"id": "baghdad", "name": body["places"][0]["name"]}]
    assert body["injuries_reported"] is True
    assert "drone" in [w["id"] for w in body["instruments"]]
    kh = [r for r in body["roles"] if r["actor"]["id"] == KH]
    assert {
        "role": "perpetrator",
        "actor": {"id": KH, "name": "Kataib Hezbollah", "type": "ArmedGroup"},
        "certainty": "alleged",
        "source": "Two Iraqi security officials",
        "evidence": {
            "article": ARTICLE,
            "sentence": "Two Iraqi security officials, speaking to Reuters on Monday on condition "
            "of anonymity, said the Kataib Hezbollah and Asaib Ahl al-Haq groups carried out the "
            "attack together.",
            "start": 2835,
            "end": 2851,
            "text": "Kataib Hezbollah",
        },
    } in kh
    assert SAMPLE_TEXT[2835:2851] == "Kataib Hezbollah"
    assert {r["certainty"] for r in body["roles"] if r["actor"]["id"] == "iran"} == {"denied"}
    problem(client.get("/incidents/000000000000-1"), 404)


ANOTHER_REPORT = (
    "Kataib Hezbollah carried out a drone strike on Prime Minister Mustafa al-Kadhimi at his "
    "residence in Baghdad on Sunday, two officials said."
)


def test_a_second_report_joins_the_incident_and_leaves_with_its_article(
    writer: httpx.Client,
) -> None:
    sample = writer.post("/articles", content=SAMPLE_TEXT, headers={"Content-Type": "text/plain"})
    assert sample.status_code in (200, 201), sample.text
    before = ok(writer.get("/stats"))
    created = writer.post("/articles", json={"text": ANOTHER_REPORT, "published": "2021-11-09"})
    assert created.status_code == 201, created.text
    article = created.json()["id"]
    (report,) = [e["id"] for e in created.json()["events"] if e["type"] == "AirOrDroneStrike"]
    # Resolution ran with the write: the new report is the strike's second report.
    detail = ok(writer.get(f"/incidents/{report}"))
    assert detail["id"] == INCIDENT
    assert [(r["report"], r["published"]) for r in detail["reports"]] == [
        (STRIKE, "2021-11-08"),
        (report, "2021-11-09"),
    ]
    assert {(r["actor"]["id"], r["evidence"]["article"]) for r in detail["roles"]} >= {
        (KH, ARTICLE),
        (KH, article),
    }
    after = ok(writer.get("/stats"))
    assert after["incidents"] == before["incidents"]
    assert after["events_by_type"]["AirOrDroneStrike"] == 2
    assert writer.delete(f"/articles/{article}").status_code == 204
    detail = ok(writer.get(f"/incidents/{INCIDENT}"))
    assert [r["report"] for r in detail["reports"]] == [STRIKE]
    problem(writer.get(f"/incidents/{report}"), 404)
    assert ok(writer.get("/stats")) == before
    if sample.status_code == 201:  # leave the store as this test found it
        assert writer.delete(f"/articles/{ARTICLE}").status_code == 204


def reported(client: httpx.Client) -> set[str]:
    """The article reports behind every listed incident."""
    items = ok(client.get("/incidents", params={"limit": 500}))["items"]
    return {report["report"] for item in items for report in item["reports"]}


def strike_report_count(body: dict) -> int:
    return len({r["report"] for r in body["reports"]})


# Groups ------------------------------------------------------------------------------------


def test_group_incidents(client: httpx.Client) -> None:
    body = ok(client.get(f"/groups/{KH}/incidents"))
    strike = next(i for i in body["items"] if i["id"] == INCIDENT)
    assert strike["type"] == "AirOrDroneStrike"
    assert {(link["role"], link["certainty"], link["source"]) for link in strike["links"]} == {
        ("perpetrator", "alleged", "Two Iraqi security officials"),
        ("perpetrator", "alleged", "A militia source"),
    }
    sources = {link["source"]: link["evidence"] for link in strike["links"]}
    assert sources["A militia source"][0]["sentence"].startswith("A militia source said")
    assert ok(client.get(f"/groups/{KH}/incidents", params={"role": "target"}))["total"] == 0
    assert "Person" in problem(client.get("/groups/mustafa-al-kadhimi/incidents"), 422)["detail"]
    problem(client.get("/groups/no-such-group/incidents"), 404)


def test_links_groups_incidents(client: httpx.Client) -> None:
    body = ok(client.get("/links/groups-incidents", params={"role": "perpetrator"}))
    rows = {
        (row["group"]["id"], row["incident"]["id"], row["certainty"], row["source"])
        for row in body["items"]
    }
    assert {
        (KH, INCIDENT, "alleged", "Two Iraqi security officials"),
        (KH, INCIDENT, "alleged", "A militia source"),
        (AAH, INCIDENT, "alleged", "Two Iraqi security officials"),
        (AAH, INCIDENT, "unconfirmed", "A militia source"),
    } <= rows
    assert {row["role"] for row in body["items"]} == {"perpetrator"}
    assert all(row["evidence"] for row in body["items"])
    denied = ok(client.get("/links/groups-incidents", params={"certainty": "denied"}))
    assert {(r["group"]["id"], r["incident"]["id"]) for r in denied["items"]} == {
        ("iran", INCIDENT)
    }
    late = ok(client.get("/links/groups-incidents", params={"from": "2022"}))
    assert late["total"] == 0


# Parameters --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/incidents", {"type": "Bogus"}),
        ("/entities", {"type": "Weapon"}),
        ("/entities", {"limit": 0}),
        ("/entities", {"limit": 501}),
        ("/incidents", {"offset": -1}),
        ("/incidents", {"min_reports": 0}),
        ("/incidents", {"certainty": "certain"}),
        ("/incidents", {"from": "2021-13"}),
        ("/incidents", {"to": "yesterday"}),
        ("/links/groups-incidents", {"role": "instrument"}),
        ("/links/groups-incidents", {"group_type": "Person"}),
    ],
)
def test_bad_parameters_are_422(client: httpx.Client, path: str, params: dict) -> None:
    body = problem(client.get(path, params=params), 422)
    assert body["title"] == "Invalid parameters"


def test_injection_attempts_change_nothing(client: httpx.Client) -> None:
    before = ok(client.get("/stats"))
    for attempt in INJECTIONS:
        assert ok(client.get("/entities", params={"q": attempt}))["total"] == 0
        for name in ("actor", "place"):
            response = client.get("/incidents", params={name: attempt})
            if response.status_code == 200:
                assert response.json()["total"] == 0
            else:
                problem(response, 422)
        problem(client.get(f"/entities/{quote(attempt, safe='')}"), 422)
    assert ok(client.get("/stats")) == before


def test_openapi_documents_every_lookup(client: httpx.Client) -> None:
    schema = ok(client.get("/openapi.json"))
    for path in (
        "/entities",
        "/entities/{id}",
        "/entities/{id}/neighbors",
        "/incidents",
        "/incidents/{id}",
        "/groups/{id}/incidents",
        "/links/groups-incidents",
        "/articles",
        "/articles/{id}",
    ):
        assert path in schema["paths"], path
    answer = schema["paths"]["/incidents"]["get"]["responses"]["200"]["content"]
    assert answer["application/json"]["schema"]["examples"][0]["items"][0]["id"] == INCIDENT
    # the body's schema is the lookup's own dataclass, with its field descriptions
    summary = schema["components"]["schemas"]["IncidentSummary"]
    assert "resolved into this incident" in summary["properties"]["report_count"]["description"]
    assert "text/plain" in schema["paths"]["/articles"]["post"]["requestBody"]["content"]


# Articles ----------------------------------------------------------------------------------


def test_articles_list(client: httpx.Client) -> None:
    body = ok(client.get("/articles"))
    assert body["total"] == 1
    (article,) = body["items"]
    assert (article["id"], article["published"]) == (ARTICLE, "2021-11-08")
    assert article["publisher"]["id"] == "reuters"
    assert article["dateline"]["id"] == "baghdad"
    assert article["entities"] > 20
    contents = ok(client.get(f"/articles/{ARTICLE}"))
    assert article["events"] == len(contents["events"]) >= 6
    assert len(contents["entities"]) == article["entities"]
    strike = contents["events"][0]
    assert {k: strike[k] for k in ("id", "type", "acled", "date")} == {
        "id": STRIKE,
        "type": "AirOrDroneStrike",
        "acled": "AIR_STRIKE",
        "date": "2021-11-07",
    }
    # Every telling of the strike, the most specific first: the trigger, then "the attack".
    assert strike["mentions"][0] == {"start": 72, "end": 84, "text": "drone strike"}
    assert [m["text"] for m in strike["mentions"]].count("drone strike") == 3
    assert len(strike["mentions"]) >= 5 and {m["text"] for m in strike["mentions"][3:]} == {
        "attack"
    }
    assert contents["triples"] == ok(client.get("/stats"))["triples"]
    problem(client.get(f"/articles/{'0' * 64}"), 404)


def test_writes_are_disabled_without_a_configured_token(client: httpx.Client) -> None:
    for response in (
        client.post("/articles", content="text", headers={"Authorization": "Bearer x"}),
        client.delete(f"/articles/{ARTICLE}", headers={"Authorization": "Bearer x"}),
    ):
        assert "disabled" in problem(response, 403)["detail"]
    assert ok(client.get("/stats"))["articles"] == 1


@pytest.fixture(scope="module")
def writer(writable_service) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {writable_service.token}"}
    with httpx.Client(base_url=writable_service.base, timeout=120, headers=headers) as http:
        yield http


def test_write_token_is_required(writable_service) -> None:
    with httpx.Client(base_url=writable_service.base, timeout=30) as anonymous:
        problem(anonymous.post("/articles", content=SAMPLE_TEXT), 401)
        wrong = {"Authorization": "Bearer not-the-token"}
        problem(anonymous.post("/articles", content=SAMPLE_TEXT, headers=wrong), 403)
        problem(anonymous.delete(f"/articles/{ARTICLE}", headers=wrong), 403)
        assert ok(anonymous.get("/stats"))["articles"] == 0


def test_post_text_then_again(writer: httpx.Client) -> None:
    before = ok(writer.get("/stats"))
    created = writer.post(
        "/articles", content=SAMPLE_TEXT.encode(), headers={"Content-Type": "text/plain"}
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["id"], body["iri"]) == (
        ARTICLE,
        f"https://w3id.org/conflict-kg/id/article/{ARTICLE}",
    )
    (strike,) = [e for e in body["events"] if e["id"] == STRIKE]
    assert (strike["type"], strike["acled"], strike["date"]) == (
        "AirOrDroneStrike",
        "AIR_STRIKE",
        "2021-11-07",
    )
    assert strike["mentions"][0] == {"start": 72, "end": 84, "text": "drone strike"}
    assert {"id": KH, "name": "Kataib Hezbollah", "type": "ArmedGroup"} in body["entities"]
    after = ok(writer.get("/stats"))
    assert after["articles"] == before["articles"] + 1
    assert after["triples"] == before["triples"] + body["triples"]
    again = writer.post("/articles", content=SAMPLE_TEXT, headers={"Content-Type": "text/plain"})
    assert again.status_code == 200, again.text
    assert again.json() == body
    assert ok(writer.get("/stats")) == after
    assert INCIDENT in item_ids(ok(writer.get("/incidents", params={"actor": KH})))


def test_post_json_then_delete(writer: httpx.Client) -> None:
    before = ok(writer.get("/stats"))
    created = writer.post(
        "/articles",
        json={
            "text": SECOND_TEXT,
            "title": "Rockets hit an army base in Kirkuk",
            "published": "2021-12-14",
            "url": "https://example.org/kirkuk",
        },
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["title"], body["published"]) == (
        "Rockets hit an army base in Kirkuk",
        "2021-12-14",
    )
    assert "Shelling" in {event["type"] for event in body["events"]}
    events = {event["id"] for event in body["events"]}
    listed = ok(writer.get("/articles"))
    assert listed["items"][0]["id"] == body["id"]  # newest first
    assert events <= reported(writer)  # each report resolved into a listed incident

    deleted = writer.delete(f"/articles/{body['id']}")
    assert deleted.status_code == 204 and deleted.content == b""
    assert not events & reported(writer)
    assert ok(writer.get("/stats")) == before
    problem(writer.get(f"/articles/{body['id']}"), 404)
    problem(writer.delete(f"/articles/{body['id']}"), 404)


def test_bad_article_bodies(writer: httpx.Client) -> None:
    before = ok(writer.get("/stats"))
    problem(
        writer.post(
            "/articles", content=b"{not json", headers={"Content-Type": "application/json"}
        ),
        400,
    )
    problem(writer.post("/articles", json={"title": "no text"}), 422)
    problem(writer.post("/articles", json=["a", "list"]), 422)
    problem(writer.post("/articles", json={"text": "Some text.", "published": "2021-02-30"}), 422)
    for url in ("(c)", "https://example.org/\x1e", "ftp://example.org/a", "https://e.org/é"):
        problem(writer.post("/articles", json={"text": "Some text.", "url": url}), 422)
    problem(writer.post("/articles", params={"url": "x y"}, content=b"Some text."), 422)
    problem(writer.post("/articles", content=b"   ", headers={"Content-Type": "text/plain"}), 422)
    problem(
        writer.post("/articles", content=b"\xff\xfe", headers={"Content-Type": "text/plain"}), 400
    )
    problem(writer.post("/articles", content=b"<a/>", headers={"Content-Type": "text/xml"}), 415)
    problem(writer.delete("/articles/x%20y"), 422)
    assert ok(writer.get("/stats")) == before
