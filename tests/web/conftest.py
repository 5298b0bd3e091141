"""Fixtures of the web tests: the local site of `pages_server`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pages_server import Site, serving_site


@pytest.fixture
def site() -> Iterator[Site]:
    with serving_site() as local:
        yield local
