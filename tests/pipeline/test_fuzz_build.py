"""Property-based tests: random and adversarial text through the whole build (reader → spaCy →
extraction → RDF → Turtle). Whatever the text, the build does not crash, the Turtle parses (rdflib
and Oxigraph), every IRI is valid and the graph conforms to ontology/shapes.ttl.

The spaCy pipeline is loaded once (kg.nlp caches it); each example is a few short articles.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef

pytestmark = pytest.mark.model

FUZZ = settings(max_examples=15, deadline=None, database=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Pieces of French news with the entities the rules look for, and pieces users' scrapes contain.
NEWS = [
    "Le président français, Emmanuel Macron, a reçu le chancelier allemand Olaf Scholz à Paris.",
    "Le ministre britannique des Affaires étrangères, James Whitfield, s'est rendu à Kyiv, en Ukraine.",
    "LE SOMMET DU G7 S'OUVRE À HIROSHIMA, AU JAPON, DU 19 AU 21 MAI 2023",
    "Le sommet de l'OTAN se tiendra à Riga les 9 et 10 juillet.",
    "La France a annoncé un plan de 500 millions d’euros pour l’Afrique lors du sommet.",
    "La présidente de la Commission européenne, Ursula von der Leyen, était présente à Bruxelles.",
    "Le 1er novembre, la ministre de la Culture a annoncé à Londres la création d'un institut.",
    "Le prochain sommet aura lieu en Corée du Sud, puis en France en 2025.",
]
ODD = [
    '"""', '"', "'", "’", "‘", "«\u00a0", "\u00a0»", "<", ">", "<script>", "&amp;", "\\", "\\\\", "\\u0000",
    "\u00a0", "\u202f", "\u200b", "\u200d", "\ufeff", "\u202e", "\u202c", "\u200f", "\u061c", "\u2028",
    "🇫🇷", "👩‍👩‍👧", "🚀", "ﷺ", "שלום", "مرحبا", "\x00", "\x1b", "\r\n", "\n\n", "\t", "{", "}", "|", "^", "`",
    " M. ", " Mme ", " de ", " l'", " d’", "-", "—", "…", ".", " : ", " ; ", "!", "?", "%", "#", "@",
]
CAPITALISED = st.text(alphabet=st.characters(categories=("Lu", "Ll")), min_size=1, max_size=12).map(str.capitalize)
NAME = st.builds(lambda a, b, odd: f"{a}{odd}{b}", CAPITALISED, CAPITALISED, st.sampled_from(ODD + [" ", "-"]))
PIECE = st.one_of(
    st.sampled_from(NEWS),
    st.sampled_from(NEWS).map(str.upper),
    st.sampled_from(ODD),
    st.builds(lambda n: f"Le ministre français de l'Économie, {n}, a annoncé à Paris un plan.", NAME),
    st.builds(lambda n: f"La ministre {n} s'est rendue au sommet de {n}.", NAME),
    st.builds(lambda n: f"« {n} » a déclaré le président {n} à Genève, en Suisse.", NAME),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
)
TEXT = st.lists(PIECE, min_size=1, max_size=12).map(" ".join)
LONG_SENTENCE = st.builds(lambda n, k: "Le sommet de Paris, " + ", ".join([f"avec {n}"] * k) + ", s'est achevé.",
                          NAME, st.integers(30, 150))
OPTIONAL_TEXT = st.none() | st.text(max_size=30) | st.sampled_from(ODD)
JSON_ARTICLE = st.fixed_dictionaries(
    {"text": TEXT | LONG_SENTENCE},
    optional={"id": st.text(max_size=20), "title": OPTIONAL_TEXT, "url": OPTIONAL_TEXT,
              "published": st.sampled_from(["2023-11-01", "2024-02-29", "2024-06-13T09:30:00+02:00"])},
)

# RFC 3987, roughly: a scheme, then no whitespace, controls or <>"{}|\^` characters
_IRI = re.compile(r"^[a-z][a-z0-9+.-]*:[^\x00-\x20<>\"{}|\\^`\x7f]+$")


def _build_and_check(articles) -> Graph:
    import pyoxigraph as ox

    from kg.pipeline.build import BuildConfig, extract_articles
    from kg.rdf.mapping import add_extraction, new_graph
    from kg.validate.shacl import validate_graph

    g = new_graph()
    for ex in extract_articles(articles, BuildConfig(model="md")):
        add_extraction(g, ex)
    turtle = g.serialize(format="turtle")
    back = Graph().parse(data=turtle, format="turtle")
    assert len(back) == len(g)
    assert sum(1 for _ in ox.parse(turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE)) == len(g)
    for term in {t for triple in g for t in triple if isinstance(t, URIRef)}:
        assert _IRI.match(str(term)), f"invalid IRI {str(term)!r}"
    report = validate_graph(g)
    assert report.conforms, report.format(max_items=None)
    return g


@pytest.mark.model
@FUZZ
@given(st.lists(JSON_ARTICLE, min_size=1, max_size=3))
def test_jsonl_of_random_articles_builds_a_valid_graph(objs):
    from kg.inputs.reader import read_articles

    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "fuzz.jsonl"
        f.write_text("".join(json.dumps(o) + "\n" for o in objs), encoding="utf-8")  # ASCII-escaped: any str
        skipped: list = []
        articles = list(read_articles([f], on_skip=skipped.append, on_warning=lambda m: None))
    assert len(articles) + len(skipped) >= len(objs)  # every line is an article (or parts of one) or a skip
    for s in skipped:
        assert s.source.startswith(f"{f}:") and s.reason
    if articles:
        _build_and_check(articles)


@pytest.mark.model
@FUZZ
@given(st.binary(max_size=400) | TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_random_bytes_as_a_file_never_crash_the_build(data):
    from kg.inputs.reader import read_articles

    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "fuzz.txt"
        f.write_bytes(data)
        skipped: list = []
        articles = list(read_articles([f], on_skip=skipped.append, on_warning=lambda m: None))
    assert len(articles) + len(skipped) == 1  # one article, or one reason
    if articles:
        assert "\x00" not in articles[0].text
        _build_and_check(articles)
