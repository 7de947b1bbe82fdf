"""What changed between two versions of a graph, in terms of entities and relations.

    >>> from kg.graph.diff import graph_diff                                 # doctest: +SKIP
    >>> d = graph_diff(before, after)                                  # rdflib graphs or KgStores
    >>> print(d)                                                       # doctest: +SKIP
    +2 articles · +14 entities, 3 changed · +19 relations, 2 confirmed · 812 → 1,530 triples
    >>> pd.DataFrame(d.entities)                                       # doctest: +SKIP

A triple-level diff of two builds is mostly provenance (mention and assertion nodes); this one
compares the :func:`kg.graph.projection.to_networkx` projections and the articles each entity is mentioned
in, which is what a reader wants to know after adding articles:

* ``entities``: ``added``, ``removed``, or ``changed`` — a new class (a Person now known as a
  Minister), new or lost names, data properties (role, portfolio, dates …) that differ, and the
  articles that now (or no longer) mention it: an entity found again in a new article was
  *merged*, not duplicated;
* ``relations``: ``added``, ``removed``, or ``confirmed`` (the same fact, stated by more
  articles) / ``weakened`` (by fewer).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.graph.analysis import entity_mentions, as_graph
from kg.graph.projection import class_rank, to_networkx

__all__ = ["GraphDiff", "graph_diff"]

#: The kinds of change, in the order the records are listed.
_CHANGES = ("added", "changed", "confirmed", "weakened", "removed")
_COMPARED = ("role", "portfolio", "startDate", "endDate", "date", "edition", "summary", "amount", "iso3")


@dataclass
class GraphDiff:
    """The difference between two graphs; ``entities`` and ``relations`` are lists of records."""

    entities: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    articles_added: list[str] = field(default_factory=list)
    articles_removed: list[str] = field(default_factory=list)
    triples_before: int = 0
    triples_after: int = 0

    def count(self, kind: str, change: str) -> int:
        rows = self.entities if kind == "entities" else self.relations
        return sum(1 for r in rows if r["change"] == change)

    def __bool__(self) -> bool:
        return bool(self.entities or self.relations or self.articles_added or self.articles_removed
                    or self.triples_before != self.triples_after)

    def __str__(self) -> str:
        def part(n: int, what: str, sign: str = "+") -> str:
            return f"{sign}{n} {what}" if n else ""

        arts = ", ".join(p for p in (part(len(self.articles_added), "articles"),
                                     part(len(self.articles_removed), "articles", "−")) if p) or "same articles"
        ents = ", ".join(p for p in (part(self.count("entities", "added"), "entities"),
                                     part(self.count("entities", "removed"), "entities", "−"),
                                     f"{self.count('entities', 'changed')} changed") if p)
        rels = ", ".join(p for p in (part(self.count("relations", "added"), "relations"),
                                     part(self.count("relations", "removed"), "relations", "−"),
                                     f"{self.count('relations', 'confirmed')} confirmed") if p)
        return (f"{arts} · {ents} · {rels} · "
                f"{self.triples_before:,} → {self.triples_after:,} triples")

    def _repr_markdown_(self) -> str:  # Jupyter shows the one-line summary
        return f"**Graph diff:** {self}"


def _article_ids(g) -> set[str]:
    from rdflib import RDF
    from rdflib.namespace import DCTERMS

    from kg.rdf.vocab import KG

    return {str(g.value(a, DCTERMS.identifier) or a) for a in g.subjects(RDF.type, KG.Article)}


def _entity_changes(old: dict, new: dict, old_arts: set[str], new_arts: set[str]) -> list[str]:
    details = []
    if old.get("class") != new.get("class"):
        details.append(f"class {old.get('class')} → {new.get('class')}")
    if old.get("label") != new.get("label"):
        details.append(f"name « {old.get('label')} » → « {new.get('label')} »")
    gained = sorted(set(new.get("aliases", [])) - set(old.get("aliases", [])))
    lost = sorted(set(old.get("aliases", [])) - set(new.get("aliases", [])))
    if gained:
        details.append("new names: " + ", ".join(gained))
    if lost:
        details.append("names gone: " + ", ".join(lost))
    for name in _COMPARED:
        if old.get(name) != new.get(name):
            details.append(f"{name}: {old.get(name, '—')} → {new.get(name, '—')}")
    if new_arts - old_arts:
        details.append("now also in " + ", ".join(sorted(new_arts - old_arts)))
    if old_arts - new_arts:
        details.append("no longer in " + ", ".join(sorted(old_arts - new_arts)))
    return details


def graph_diff(before, after, *, lang: str = "en") -> GraphDiff:
    """Compare two graphs (rdflib ``Graph`` or :class:`kg.store.KgStore`, e.g. before and after
    adding articles). Entities are matched by IRI, relations by (subject, property, object)."""
    g0, g1 = as_graph(before), as_graph(after)
    G0, G1 = to_networkx(g0, lang=lang), to_networkx(g1, lang=lang)
    m0, m1 = entity_mentions(g0), entity_mentions(g1)
    arts0, arts1 = _article_ids(g0), _article_ids(g1)
    diff = GraphDiff(articles_added=sorted(arts1 - arts0), articles_removed=sorted(arts0 - arts1),
                     triples_before=len(g0), triples_after=len(g1))

    def entity_row(change: str, n: str, d: dict, details: list[str], arts: set[str]) -> dict:
        return {"change": change, "class": d.get("class", "Thing"), "label": d.get("label", n),
                "details": "; ".join(details), "articles": sorted(arts), "iri": n}

    for n in sorted(set(G0) | set(G1)):
        a0 = m0.get(n, (0, set()))[1]
        a1 = m1.get(n, (0, set()))[1]
        if n not in G0:
            diff.entities.append(entity_row("added", n, G1.nodes[n], [], a1))
        elif n not in G1:
            diff.entities.append(entity_row("removed", n, G0.nodes[n], [], a0))
        else:
            details = _entity_changes(G0.nodes[n], G1.nodes[n], a0, a1)
            if details:
                diff.entities.append(entity_row("changed", n, G1.nodes[n], details, a1))

    def edges(G) -> dict:
        return {(u, k, v): d for u, v, k, d in G.edges(keys=True, data=True)}

    e0, e1 = edges(G0), edges(G1)
    for key in sorted(set(e0) | set(e1)):
        u, k, v = key
        d0, d1 = e0.get(key), e1.get(key)
        arts_before = set(d0["articles"]) if d0 else set()
        arts_after = set(d1["articles"]) if d1 else set()
        if d0 is None:
            change = "added"
        elif d1 is None:
            change = "removed"
        elif arts_after > arts_before:
            change = "confirmed"
        elif arts_after < arts_before:
            change = "weakened"
        else:
            continue
        G = G1 if d1 is not None else G0
        d = d1 if d1 is not None else d0
        new_sentences = [s for s in (d1 or {}).get("sentences", []) if s not in set((d0 or {}).get("sentences", []))]
        diff.relations.append({
            "change": change, "subject": G.nodes[u].get("label", u), "relation": d.get("label", k),
            "object": G.nodes[v].get("label", v), "articles": sorted(arts_after or arts_before),
            "new evidence": new_sentences[0] if new_sentences else "", "property": k,
        })
    order = {c: i for i, c in enumerate(_CHANGES)}
    diff.entities.sort(key=lambda r: (order[r["change"]], class_rank(r["class"]), r["label"].casefold(), r["iri"]))
    diff.relations.sort(key=lambda r: (order[r["change"]], r["subject"].casefold(), r["property"], r["object"].casefold()))
    return diff
