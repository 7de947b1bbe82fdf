"""A small two-article graph built from records (no spaCy): fast and deterministic.

Shared by tests/test_query.py, test_store.py and test_serve.py.
"""

from __future__ import annotations

from kg.rdf.mapping import to_graph
from kg.records import Article, Entity, Evidence, Extraction, Relation

G7_TEXT = "Le sommet du G7 s'ouvre à Bari. Bruno Le Maire, ministre de l'Economie, y annonce un plan « Afrique »."
COP_TEXT = "La COP28 se tient à Dubaï. Bruno Le Maire représente la France aux Emirats arabes unis."


def ev(article: str, text: str, surface: str, confidence: float = 1.0, implied: bool = False) -> Evidence:
    start = text.index(surface)
    sentence = next(s for s in text.split(". ") if surface in s)
    return Evidence(article, sentence, start, start + len(surface), confidence, implied)


def extractions() -> list[Extraction]:
    a1 = Article("g7-2024", G7_TEXT, "2024-06-13", title="G7 à Bari")
    e = lambda s, c=1.0: (ev("g7-2024", G7_TEXT, s, c),)  # noqa: E731
    g7 = Extraction(
        a1,
        entities=(
            Entity("summit/g7-pouilles", "Summit", "G7 des Pouilles", ("G7",),
                   (("edition", 50), ("endDate", "2024-06-15"), ("startDate", "2024-06-13")), e("G7")),
            Entity("country/ITA", "Country", "Italie", (), (), ()),
            Entity("country/FRA", "Country", "France", ("française",), (), e("Afrique")[:0] + e("Bruno Le Maire")[:0]),
            Entity("city/bari", "City", "Bari", (), (), e("Bari")),
            Entity("person/bruno-le-maire", "Minister", "Bruno Le Maire", ("M. Le Maire",),
                   (("portfolio", "Economie"), ("role", "ministre de l'Economie")), e("Bruno Le Maire")),
            Entity("announcement/g7-2024-1", "Announcement", 'un plan « Afrique »', (),
                   (("date", "2024-06-14"), ("summary", 'un plan « Afrique »')), e("un plan")),
            Entity("org/o-quote", "Organization", 'L\'ONG "Quote"', (), (), ()),
        ),
        relations=(
            Relation("summit/g7-pouilles", "hostCountry", "country/ITA", e("G7", 0.8), 0.8),
            Relation("summit/g7-pouilles", "hostCity", "city/bari", e("Bari", 0.9), 0.9),
            Relation("summit/g7-pouilles", "attendee", "person/bruno-le-maire", e("Bruno Le Maire", 0.7), 0.7),
            Relation("person/bruno-le-maire", "ministerOf", "country/FRA", e("ministre de l'Economie", 0.9), 0.9),
            Relation("announcement/g7-2024-1", "announcedBy", "person/bruno-le-maire", e("annonce", 0.8), 0.8),
            Relation("announcement/g7-2024-1", "during", "summit/g7-pouilles", e("un plan", 0.7), 0.7),
            Relation("announcement/g7-2024-1", "hostCity", "city/bari", e("Bari", 0.6), 0.6),
        ),
    )
    a2 = Article("cop28", COP_TEXT, "2023-12-01")
    c = lambda s, conf=1.0: (ev("cop28", COP_TEXT, s, conf),)  # noqa: E731
    cop = Extraction(
        a2,
        entities=(
            Entity("summit/cop28", "Summit", "COP28", (), (("startDate", "2023-11-30"),), c("COP28")),
            Entity("country/ARE", "Country", "Emirats arabes unis", (), (), c("Emirats arabes unis")),
            Entity("city/dubai", "City", "Dubaï", (), (), c("Dubaï")),
            Entity("country/FRA", "Country", "France", (), (), c("France")),
            Entity("person/bruno-le-maire", "Minister", "Bruno Le Maire", (), (), c("Bruno Le Maire")),
        ),
        relations=(
            Relation("summit/cop28", "hostCountry", "country/ARE", c("COP28", 0.8), 0.8),
            Relation("summit/cop28", "hostCity", "city/dubai", c("Dubaï", 0.9), 0.9),
            Relation("summit/cop28", "attendee", "person/bruno-le-maire", c("Bruno Le Maire", 0.8), 0.8),
            Relation("summit/cop28", "attendee", "country/FRA", c("France", 0.8), 0.8),
            # implied: the COP story does not say he is France's minister (the G7 story does)
            Relation("person/bruno-le-maire", "ministerOf", "country/FRA",
                     (ev("cop28", COP_TEXT, "représente la France", 0.6, implied=True),), 0.6),
        ),
    )
    return [g7, cop]


def graph():
    return to_graph(extractions())
