"""Schemathesis hooks for the contract test (tests/api/test_contract.py loads them through
SCHEMATHESIS_HOOKS).

- The SPARQL Protocol's own body media types are text: sent as the generated string's bytes.
- `schema_valid_input_accepted` is schemathesis's `positive_data_acceptance` with the few
  refusals no schema can state, listed below with the reason for each. Everything else a
  schema-valid request gets refused with fails the run, and a refusal that comes from
  request validation (a problem with an `errors` member) is never excused: it means a
  parameter's schema is looser than its validation.
"""

from __future__ import annotations

import schemathesis
from schemathesis.specs.openapi.checks import RejectedPositiveData, positive_data_acceptance

schemathesis.serializer.alias(
    ["application/sparql-query", "application/sparql-update"], "text/plain"
)

ANY_TITLE = "*"

# (operation, status) -> the problem titles that may answer a schema-valid request, because
# the rule behind them spans several parameters, or lies in a language a schema cannot hold.
CROSS_PARAMETER_RULES: dict[tuple[str, int], set[str]] = {
    # SPARQL's grammar, SERVICE and graph IRIs (RFC 3987) are checked by the SPARQL parser
    # and the IRI parser, not by a regex.
    ("GET /sparql", 400): {ANY_TITLE},
    ("POST /sparql", 400): {ANY_TITLE},
    ("POST /update", 400): {ANY_TITLE},
    # date_from after date_to.
    ("GET /export/{format}", 422): {"Invalid parameters", "Cannot export"},
    ("GET /view/data", 422): {"Invalid parameters"},
    # date_from after date_to, or source and target the same entity.
    ("GET /paths", 422): {"Invalid parameters"},
    # date_from after date_to, or a filter under its new and its old name with two values.
    ("GET /incidents", 422): {"Invalid parameters"},
    ("GET /links/groups-incidents", 422): {"Invalid parameters"},
    ("GET /view", 422): {"Invalid parameters"},
    # Whether an id names a group is a fact of the store, like whether it exists (404); or
    # the dates and names above.
    ("GET /groups/{id}/incidents", 422): {"Not a group", "Invalid parameters"},
    # Whether an HTML page holds an article's main text is found by reading the page
    # (trafilatura), which no schema of a text/html body can state.
    ("POST /articles", 422): {"No article in the page"},
}


@schemathesis.check
def schema_valid_input_accepted(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: schemathesis.Case
) -> bool | None:
    """`positive_data_acceptance`, excusing only the refusals of `CROSS_PARAMETER_RULES`."""
    try:
        return positive_data_acceptance(ctx, response, case)
    except RejectedPositiveData:
        if _cross_parameter_refusal(case.operation.label, response):
            return None
        raise


def _cross_parameter_refusal(operation: str, response: schemathesis.Response) -> bool:
    titles = CROSS_PARAMETER_RULES.get((operation, response.status_code))
    if not titles:
        return False
    try:
        problem = response.json()
    except ValueError:
        return False
    if not isinstance(problem, dict) or "errors" in problem:
        return False
    return ANY_TITLE in titles or problem.get("title") in titles
