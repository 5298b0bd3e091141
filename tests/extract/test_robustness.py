"""Bad or unusual input: empty text, very long text, text with no conflict in it."""

from __future__ import annotations

from conflict_kg.extract import ArticleInput, Extractor

PEACEFUL = (
    "The city council approved a new budget for public libraries on Tuesday. "
    "The mayor said reading rooms will open longer hours, and volunteers will run "
    "weekend classes for children. Local bakers celebrated a record harvest of wheat."
)


def test_empty_text_gives_empty_result_and_warning(extractor: Extractor) -> None:
    result = extractor.extract(ArticleInput("empty", "   "))
    assert result.events == [] and result.entities == [] and result.relations == []
    assert result.warnings == ["empty: empty text, nothing extracted"]


def test_no_conflict_content_yields_no_violent_events(extractor: Extractor) -> None:
    result = extractor.extract(ArticleInput("peace", PEACEFUL))
    violent = {"Attack", "AirOrDroneStrike", "Bombing", "Shelling", "ArmedClash",
               "Assassination", "Abduction", "Riot"}  # fmt: skip
    assert [e.type for e in result.events if e.type in violent] == []


def test_long_article_is_processed_in_chunks(extractor: Extractor, sample_text: str) -> None:
    body = sample_text * 40  # ~200 kB: above the chunk size, so the chunked path runs
    result = extractor.extract(ArticleInput("long", body))
    assert len(result.text) == len(body)
    kh = result.entity("kataib-hezbollah")
    assert kh is not None and len(kh.mentions) == 3 * 40
    last = kh.mentions[-1]
    assert body[last.start : last.end] == "Kataib Hezbollah"
    assert last.start > len(body) - len(sample_text)
    triggers = [m for e in result.events for m in e.mentions]
    assert max(m.start for m in triggers) > len(body) - len(sample_text)
    assert all(body[m.start : m.end] == m.text for m in triggers)


def test_batch_keeps_input_order(extractor: Extractor, sample_text: str) -> None:
    items = [ArticleInput(f"doc{i}", PEACEFUL if i % 2 else sample_text) for i in range(5)]
    results = list(extractor.extract_many(items))
    assert [r.source for r in results] == [f"doc{i}" for i in range(5)]
    assert [bool(r.events and r.events[0].type == "AirOrDroneStrike") for r in results] == [
        True, False, True, False, True,
    ]  # fmt: skip
