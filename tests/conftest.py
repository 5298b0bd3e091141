"""Fixtures shared by the whole suite: the real spaCy pipeline, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflict_kg.extract import ArticleInput, Extraction, Extractor

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "reuters-2021-11-08-iraq-pm-drone-strike.txt"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample(extractor: Extractor, sample_text: str) -> Extraction:
    return extractor.extract(ArticleInput(source=str(SAMPLE), text=sample_text))
