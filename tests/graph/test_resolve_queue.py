"""ResolutionQueue on a real store: concurrent writers share passes of incremental resolution
and each one returns only once its own article is resolved."""

from __future__ import annotations

import threading
from pathlib import Path

from conflict_kg.extract import ArticleInput, Extractor, article_graph, read_inputs
from conflict_kg.graph import lookups
from conflict_kg.graph.lookups.incidents import resolved
from conflict_kg.graph.resolve.queue import ResolutionQueue
from conflict_kg.graph.store import Store
from conflict_kg.ontologies import CK

ARTICLES = Path(__file__).parent / "articles"


def test_concurrent_writers_share_rebuilds_and_see_their_article(
    store: Store, extractor: Extractor
) -> None:
    graphs = []
    for path in sorted(ARTICLES.iterdir()):
        (item,) = read_inputs(path)
        assert isinstance(item, ArticleInput)
        graphs.append(article_graph(extractor.extract(item)))
    queue = ResolutionQueue(store)
    start = threading.Barrier(len(graphs))
    seen: dict[int, int] = {}
    errors: list[BaseException] = []

    def write(number: int) -> None:
        try:
            start.wait()
            assert store.add_article(*graphs[number])
            queue.after_write(added=[graphs[number][0]])
            # Once after_write returns, this writer's reports are all resolved.
            reports = set(graphs[number][1].subjects(CK.reportedIn, None))
            seen[number] = len(reports & set(resolved(store).incidents))
            assert seen[number] == len(reports) > 0
        except BaseException as error:  # reported below, not swallowed
            errors.append(error)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(len(graphs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert 1 <= queue.runs <= len(graphs)
    assert set(seen) == set(range(len(graphs)))
    # The last rebuild saw every article: the governor strike's three reports are one.
    counts = sorted(i.report_count for i in lookups.list_incidents(store, limit=500).items)
    assert counts == [1, 3]
    queue.after_write()  # nothing new: a pass that changes nothing
    assert sorted(i.report_count for i in lookups.list_incidents(store).items) == [1, 3]
