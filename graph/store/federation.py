"""Where a SPARQL request could make the server connect to, read from its parse tree, and the
rule that refuses it before any connection is opened.

Three constructs make an engine fetch a URL: `SERVICE` (Oxigraph, rdflib and any remote
endpoint POST or GET to it), `LOAD` (they download the source), and dataset clauses — `FROM`,
`FROM NAMED`, `USING`, `USING NAMED` and the protocol's `default-graph-uri`/`named-graph-uri`
— that name a graph the engine does not hold (rdflib parses it from the web unless
`SPARQL_LOAD_GRAPHS` is off, and a remote endpoint may do the same). The rule:

- `SERVICE` and `LOAD` reach only the origins (scheme://host[:port]) the operator allows;
  none by default. A variable `SERVICE ?x` is always refused: a query never chooses where the
  server connects.
- A dataset IRI must be a graph this store holds, or a `urn:` IRI (which no client fetches);
  no backend is ever asked to load a graph from elsewhere.

The decision is made on rdflib's parse tree and algebra (prefixed names and BASE resolved),
never by searching the text, so `SERVICE` in a string or a comment is harmless; only a text
that cannot name any such construct (not even the word) is let through unparsed. Two lexical
gaps between rdflib and the engines are closed first, because each lets a query show rdflib a
`SERVICE` inside a string or comment that Oxigraph executes: rdflib expands `\\u` escapes in
the whole text while Oxigraph expands them only inside strings and IRIs (`"\\u0022"` ends a
string for one and not the other), so an escape may only stand for a letter, a digit or a
non-ASCII character; and rdflib ends a comment only at LF while SPARQL also ends it at CR, so
the text is read with CR as a line end.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from pyparsing import ParseResults
from rdflib import URIRef, Variable
from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Identifier

from conflict_kg.graph.errors import InvalidQueryError, StoreError
from conflict_kg.graph.store.base import Store
from conflict_kg.graph.store.sparql import SparqlStore

__all__ = [
    "MAX_READ_CHARS",
    "FederatedQueryFailed",
    "Reach",
    "RemoteAccessRefused",
    "check_query",
    "check_update",
    "origin_of",
    "parse_origins",
]

UPSTREAM_FAILED = (
    "the request names another endpoint and could not be completed; no detail is given, so "
    "that this service cannot be used to probe other hosts"
)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_BACKSLASH_U = re.compile(r"\\[uU]")
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))")
# Words without which a request cannot reach anything on an embedded backend (see `_read`).
_QUERY_WORDS = ("service", "from")
_UPDATE_WORDS = ("service", "load", "using")
MAX_READ_CHARS = 256 * 1024
"""Longest text parsed for the check (about 2 s of rdflib's parser); longer ones that must
be read are refused rather than tie up a thread."""


class RemoteAccessRefused(InvalidQueryError):
    """A request that could make the server connect somewhere it may not (HTTP 400).

    `construct` names the SPARQL construct or protocol parameter (`SERVICE`, `LOAD`,
    `FROM`, `default-graph-uri`, ...), `target` the IRI or variable it names."""

    def __init__(self, construct: str, target: str, reason: str) -> None:
        super().__init__(f"{construct} {target} is refused: {reason}")
        self.construct = construct
        self.target = target


class FederatedQueryFailed(StoreError):
    """A request that reached an allowed endpoint failed; deliberately without detail."""

    def __init__(self) -> None:
        super().__init__(UPSTREAM_FAILED)


@dataclass(frozen=True, slots=True)
class Reach:
    """What a request names outside the store's own graphs, in the order it names them."""

    services: tuple[Identifier, ...] = ()
    loads: tuple[URIRef, ...] = ()
    graphs: tuple[tuple[str, Identifier], ...] = ()
    """(construct, IRI) of every dataset clause: FROM, FROM NAMED, USING, USING NAMED."""

    @property
    def connects(self) -> bool:
        """Whether running the request opens a connection (to an allowed origin)."""
        return bool(self.services or self.loads)


def parse_origins(value: str) -> tuple[str, ...]:
    """The comma-separated origins of `CONFLICT_KG_FEDERATION_ORIGINS`, normalised.

    Raises `ValueError` naming the first entry that is not scheme://host[:port] with an
    http(s) scheme, an ASCII host and no path, so a typo stops the server at start-up
    instead of silently allowing nothing or too much."""
    origins = []
    for entry in (part.strip() for part in value.split(",")):
        if not entry:
            continue
        parts = urlsplit(entry)
        normalised = origin_of(entry)
        if (
            normalised is None
            or not entry.isascii()
            or parts.path not in ("", "/")
            or parts.query
            or parts.fragment
        ):
            raise ValueError(
                "CONFLICT_KG_FEDERATION_ORIGINS must list origins like "
                f"https://query.wikidata.org or http://127.0.0.1:8890, got {entry!r}"
            )
        origins.append(normalised)
    return tuple(dict.fromkeys(origins))


def origin_of(iri: str) -> str | None:
    """scheme://host[:port] of an http(s) IRI, lower-cased, default port dropped; None for
    anything else, user info included (`http://allowed@elsewhere/` goes to elsewhere)."""
    try:
        parts = urlsplit(iri)
        port = parts.port
    except ValueError:
        return None
    host = parts.hostname
    if parts.scheme not in ("http", "https") or not host or "@" in parts.netloc:
        return None
    if ":" in host:
        host = f"[{host}]"
    default = 80 if parts.scheme == "http" else 443
    return f"{parts.scheme}://{host}" + (f":{port}" if port not in (None, default) else "")


def check_query(
    text: str,
    store: Store,
    origins: Sequence[str],
    default_graphs: Iterable[URIRef] = (),
    named_graphs: Iterable[URIRef] = (),
) -> Reach:
    """Refuse (`RemoteAccessRefused`) a query that could make `store` connect to anything
    but `origins`, before it runs; the protocol's dataset parameters are checked with it.

    A text that must be read (see `_read`) and that rdflib cannot read raises
    `InvalidQueryError`; any other goes on to the store, whose parser has the last word."""
    algebra = _read(text, store, _QUERY_WORDS, lambda t: [translateQuery(parseQuery(t)).algebra])
    reach = _reach(algebra)
    given = [("default-graph-uri", g) for g in default_graphs]
    given += [("named-graph-uri", g) for g in named_graphs]
    _check(reach, store, origins, given)
    return reach


def check_update(text: str, store: Store, origins: Sequence[str]) -> Reach:
    """`check_query` for a SPARQL Update: `LOAD`, `SERVICE` in a WHERE, `USING`."""
    operations = _read(
        text, store, _UPDATE_WORDS, lambda t: translateUpdate(parseUpdate(t)).algebra
    )
    reach = _reach(operations)
    _check(reach, store, origins, [])
    return reach


def _read(
    text: str, store: Store, words: Sequence[str], translate: Callable[[str], list[Any]]
) -> list[Any]:
    """The algebra of `text`, or nothing when it need not be read.

    An embedded backend fetches only through keywords written out in full (Oxigraph expands
    no escape outside strings and IRIs), so a text without any of `words` and without a \\u
    escape cannot fetch and is not parsed: rdflib's parser costs about 7 ms per KiB, and
    lags behind Oxigraph's grammar (SPARQL 1.2, LATERAL). A remote endpoint may have
    extensions of its own (Virtuoso's `DEFINE get:soft` fetches), so all it is sent is read,
    and what rdflib cannot read is not sent."""
    normalised = _readable(text)
    lowered = normalised.lower()
    remote = isinstance(store, SparqlStore)
    if not remote and "\\u" not in lowered and not any(word in lowered for word in words):
        return []
    why = (
        "a remote store is sent only what this check reads"
        if remote
        else f"the text mentions {' or '.join(w.upper() for w in words)} or has a \\u escape, "
        "so it is read before it runs"
    )
    if len(normalised) > MAX_READ_CHARS:
        raise InvalidQueryError(
            f"the text is {len(normalised) // 1024} KiB, more than the "
            f"{MAX_READ_CHARS // 1024} KiB read at most, and {why}"
        )
    try:
        return translate(normalised)
    except Exception as error:  # pyparsing, translation and recursion errors alike
        raise InvalidQueryError(f"invalid SPARQL: {error} ({why})") from error


def _readable(text: str) -> str:
    """The text as every engine reads it, or `RemoteAccessRefused` for an escape they read
    differently (see the module docstring)."""
    for found in _BACKSLASH_U.finditer(text):
        escape = _ESCAPE.match(text, found.start())
        digits = escape and (escape.group(1) or escape.group(2))
        code = int(digits, 16) if digits else -1
        if not _harmless(code):
            shown = escape.group(0) if escape else text[found.start() : found.start() + 6]
            raise RemoteAccessRefused(
                "Unicode escape",
                shown,
                "a \\u escape may stand only for a letter, a digit or a non-ASCII character "
                "(engines disagree on where escapes apply, which could hide a SERVICE from "
                "this check); write the character itself",
            )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _harmless(code: int) -> bool:
    """A code point that cannot start or end a token: an ASCII letter or digit, or a
    non-ASCII character that SPARQL gives no role (not a surrogate, not a line separator)."""
    if 0 <= code < 0x80:
        return chr(code).isalnum()
    if 0xD800 <= code <= 0xDFFF or code in (0x2028, 0x2029):
        return False
    return 0xA0 <= code <= 0x10FFFF


def _nodes(roots: Iterable[object]) -> Iterator[CompValue]:
    """Every CompValue under `roots`, depth first, without recursion (queries nest deep)."""
    stack = list(roots)[::-1]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            yield node
            stack.extend(reversed(list(dict.values(node))))
        elif isinstance(node, (list, tuple, ParseResults)):
            stack.extend(reversed(list(node)))


def _reach(roots: Iterable[object]) -> Reach:
    services: list[Identifier] = []
    loads: list[URIRef] = []
    graphs: list[tuple[str, Identifier]] = []
    for node in _nodes(roots):
        # dict.get, not CompValue.get: the latter answers a missing key with its name.
        if node.name == "ServiceGraphPattern":
            services.append(dict.get(node, "term"))
        elif node.name == "Load":
            loads.append(dict.get(node, "iri"))
        elif node.name in ("DatasetClause", "UsingClause"):
            verb = "FROM" if node.name == "DatasetClause" else "USING"
            if dict.get(node, "default") is not None:
                graphs.append((verb, dict.get(node, "default")))
            if dict.get(node, "named") is not None:
                graphs.append((f"{verb} NAMED", dict.get(node, "named")))
    return Reach(tuple(services), tuple(loads), tuple(graphs))


def _check(
    reach: Reach,
    store: Store,
    origins: Sequence[str],
    given: list[tuple[str, Identifier]],
) -> None:
    allowed = set(origins)
    for construct, targets in (("SERVICE", reach.services), ("LOAD", reach.loads)):
        for target in targets:
            if isinstance(target, Variable):
                raise RemoteAccessRefused(
                    construct,
                    target.n3(),
                    "the endpoint must be a fixed IRI; a query never chooses where the "
                    "server connects",
                )
            if origin_of(str(target)) not in allowed:
                why = (
                    "its origin is not among the endpoints the operator allows"
                    if allowed
                    else "this service does not contact other endpoints (federation is off)"
                )
                raise RemoteAccessRefused(construct, f"<{target}>", why)
    for construct, iri in [*reach.graphs, *given]:
        if not isinstance(iri, URIRef) or not _SCHEME.match(iri):
            raise RemoteAccessRefused(construct, str(iri), "a graph name must be an absolute IRI")
        if iri.startswith("urn:") or store.has_article(iri):
            continue
        raise RemoteAccessRefused(
            construct,
            f"<{iri}>",
            "the store holds no such graph, and the server never fetches graphs from "
            "elsewhere; name one of its own graphs",
        )
