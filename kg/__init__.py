"""kg — knowledge graphs from French news about summits, ministers, countries and announcements.

>>> import kg                                                    # doctest: +SKIP
>>> g = kg.build_graph([kg.Article("a1", open("examples/ai_safety_summit_fr.txt").read(), "2023-11-01")])  # doctest: +SKIP
>>> print(g.serialize(format="turtle"))                          # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.9.0"

__all__ = ["__version__", "Article", "BuildConfig", "build_graph", "extract_articles"]


def __getattr__(name: str):
    # Imported lazily so that `import kg` stays cheap (spaCy loads only when used).
    if name == "Article":
        from kg.records import Article

        return Article
    if name in ("BuildConfig", "build_graph", "extract_articles"):
        from kg.pipeline import build

        return getattr(build, name)
    if name == "query":
        # the kg.sparql package, callable: kg.query(source, "name or SPARQL", **params) → DataFrame / rows
        import kg.sparql

        return kg.sparql
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
