"""Property-based fuzzing of every route in the OpenAPI schema (schemathesis): whatever a
client sends, the service answers with a client error or a result, never a server error."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings


def _check(case: schemathesis.Case) -> None:
    response = case.call(timeout=30)
    if response.status_code == 503:
        # The one deliberate 5xx: a query that ran past the time limit.
        assert response.json()["title"] == "Query timed out"
        return
    assert response.status_code < 500, (case.method, case.path, response.text[:500])
    if response.status_code >= 400:
        body = response.json()
        assert body["status"] == response.status_code and body["detail"], body


def test_no_route_answers_with_a_server_error(service) -> None:
    schema = schemathesis.openapi.from_url(f"{service.base}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 5
    tried: list[str] = []
    for operation in operations:

        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def fuzz(case: schemathesis.Case) -> None:
            _check(case)

        fuzz()
        tried.append(operation.label)
    assert "GET /sparql" in tried and "GET /health" in tried


pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
