"""Graph helpers shared by the tests that compare graphs (in memory, store, N-Triples), and
records to build them from without spaCy."""

from __future__ import annotations

from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from kg.records import Article, Entity, Evidence, Extraction, Relation

XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")


def canon(g: Graph) -> Graph:
    """Oxigraph keeps xsd:decimal in canonical form (0.80 → 0.8): compare values, not spellings."""
    out = Graph()
    for s, p, o in g:
        if isinstance(o, Literal) and o.datatype == XSD_DECIMAL:
            o = Literal(format(Decimal(str(o)).normalize(), "f"), datatype=XSD_DECIMAL)
        out.add((s, p, o))
    return out


def _ev(aid: str, text: str, surface: str, conf: float = 1.0, implied: bool = False) -> Evidence:
    start = text.index(surface)
    return Evidence(aid, text, start, start + len(surface), conf, implied)


def synthetic(i: int, *, variant: str = "") -> Extraction:
    """One article's records with the corner cases of the mapping: a person seen twice (as Person,
    then Minister) under two labels, the same evidence read twice with two confidences, quotes
    and newlines in literals, a url; in odd articles the minister's country is implied, read
    both implied and stated on the same span in articles 3, 7, 11..."""
    aid = f"art-{i}"
    text = f"Le sommet {i} s'ouvre à Tervala.{variant}\nLa ministre Ilse Varnok annonce un \"plan\" de {i} millions."
    e = lambda s, c=1.0: (_ev(aid, text, s, c),)  # noqa: E731
    ents = (
        Entity(f"summit/sommet-{i % 3}", "Summit", f"Sommet {i % 3}", (f"S{i % 3}",),
               (("edition", i % 7 + 1), ("startDate", f"2024-0{i % 9 + 1}-02")), e("sommet")),
        Entity("city/tervala", "City", "Tervala", (), (), e("Tervala")),
        Entity("country/FRA", "Country", "France", (), (), ()),
        Entity("person/ilse-varnok", "Person", "Ilse Varnok", (), (), e("Ilse Varnok", 0.7)),
        Entity("person/ilse-varnok", "Minister", "Mme Varnok", ("I. Varnok",), (("role", "ministre"),), e("Ilse Varnok", 0.9)),
        Entity(f"announcement/{aid}-1", "Announcement", 'un "plan"', (), (("date", "2024-05"), ("summary", 'un "plan"\nnouveau')),
               e("annonce")),
    )
    rels = (
        Relation(f"summit/sommet-{i % 3}", "hostCity", "city/tervala", e("Tervala", 0.6) + e("Tervala", 0.8), 0.8),
        Relation(f"summit/sommet-{i % 3}", "attendee", "person/ilse-varnok", e("Ilse Varnok", 0.5), 0.5),
        Relation(f"announcement/{aid}-1", "announcedBy", "person/ilse-varnok", e("annonce"), 1.0),
        Relation("person/ilse-varnok", "ministerOf", "country/FRA",
                 (_ev(aid, text, "ministre", 0.9, implied=i % 2 == 1),) + ((_ev(aid, text, "ministre", 0.7),) if i % 4 == 3 else ()),
                 0.9),
    )
    art = Article(aid, text, f"2024-06-{i % 27 + 1:02d}", url=f"https://example.org/a/{i}?x=\"y\"", title=f"Titre « {i} »")
    return Extraction(art, ents, rels)


BARROT = "person/jean-noel-barrot"


def barrot(aid: str, label: str, cls: str = "Person", *, role: bool = False) -> Extraction:
    """An article naming Jean-Noël Barrot (spelt ``label``, of class ``cls``) at a summit in Bruxelles."""
    text = f"{label} est arrivé à Bruxelles pour le sommet européen."
    e = lambda s, c=1.0: (_ev(aid, text, s, c),)  # noqa: E731
    ents = (
        Entity(BARROT, cls, label, (), (("role", "ministre délégué"),) if role else (), e(label)),
        Entity("city/bruxelles", "City", "Bruxelles", (), (), e("Bruxelles")),
        Entity("summit/sommet-europeen", "Summit", "sommet européen", (), (), e("sommet européen")),
    )
    rels = (
        Relation("summit/sommet-europeen", "hostCity", "city/bruxelles", e("Bruxelles", 0.9), 0.9),
        Relation("summit/sommet-europeen", "attendee", BARROT, e(label, 0.8), 0.8),
    )
    return Extraction(Article(aid, text, "2024-03-05"), ents, rels)


def barrot_articles() -> list[Extraction]:
    """Three articles spelling one entity three ways; only the first calls him a minister."""
    return [barrot("barrot-a", "Jean-Noël Barrot", "Minister", role=True), barrot("barrot-b", "Jean-Noel Barrot"),
            barrot("barrot-c", "JEAN-NOEL BARROT")]
