"""The knowledge graph: storage (`graph.store`), cross-article resolution, named queries,
network projections and exports.

Depends on `ontologies` for its vocabulary and never on `extract` or `api`.
"""
