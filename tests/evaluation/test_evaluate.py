"""Tests for :mod:`kg.evaluation` -- the corpus scoring rules, on hand-built graphs and gold dicts."""

from __future__ import annotations

import json

import pytest
from rdflib import BNode, Graph, Literal, Namespace
from rdflib.namespace import RDF, RDFS, SKOS

from kg.evaluation import (
    PRF,
    EvalResult,
    combine_results,
    format_report,
    load_gold,
    merge_gold,
    normalize_name,
    score_graph,
)
from kg.records import ENTITY_TYPES
from kg.records import RELATION_TYPES as PREDICATES

EX = Namespace("http://example.org/kg#")
OTHER = Namespace("http://other.example/vocab/")


# ------------------------------------------------------------------------------------ helpers


def gold(entities, relations=(), id_="g"):
    """A gold dict; entities are (id, type, name[, aliases[, attrs]]) tuples."""
    ents = []
    for e in entities:
        ent = {"id": e[0], "type": e[1], "name": e[2], "aliases": list(e[3]) if len(e) > 3 else []}
        if len(e) > 4:
            ent["attrs"] = e[4]
        ents.append(ent)
    rels = []
    for r in relations:
        rel = {"s": r[0], "p": r[1], "o": r[2]}
        if len(r) > 3:
            rel["implied"] = r[3]
        rels.append(rel)
    return {"id": id_, "lang": "fr", "entities": ents, "relations": rels}


def add(g, name, types, *labels, ns=EX, label=RDFS.label):
    node = ns[name]
    for t in [types] if isinstance(types, str) else types:
        g.add((node, RDF.type, ns[t]))
    for lab in labels:
        g.add((node, label, Literal(lab, lang="fr")))
    return node


# ------------------------------------------------------------------------------ normalisation


@pytest.mark.parametrize(
    "text, expected",
    [
        ("États-Unis", "etats unis"),
        ("Royaume-Uni", "royaume uni"),
        ("M. Le Maire", "maire"),
        ("Bruno Le Maire", "bruno maire"),
        ("Mme Borne", "borne"),
        ("Sommet sur l’intelligence artificielle", "sommet sur intelligence artificielle"),
        ("Sommet sur l'intelligence artificielle", "sommet sur intelligence artificielle"),
        ("Plan d’investissement de 500 millions d’euros",
         "plan investissement 500 millions euros"),
        ("la France, et l'Italie !", "france italie"),
        ("Jean-Noël Barrot", "jean noel barrot"),
        ("U.E.", "ue"),
        ("Une des Les", ""),
    ],
)
def test_normalize_name(text, expected):
    assert normalize_name(text) == expected


def test_normalize_unifies_apostrophes():
    assert normalize_name("l’Union européenne") == normalize_name("L'UNION EUROPEENNE")
    assert normalize_name("d‘Italie") == normalize_name("d'Italie") == "italie"


# ---------------------------------------------------------------------------------------- PRF


def test_prf_scores_and_zero_division():
    prf = PRF(tp=3, fp=1, fn=2)
    assert prf.precision == pytest.approx(0.75)
    assert prf.recall == pytest.approx(0.6)
    assert prf.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    empty = PRF(0, 0, 0)
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)
    assert PRF(0, 2, 3).f1 == 0.0
    with pytest.raises(Exception):
        prf.tp = 5  # frozen


# -------------------------------------------------------------------------- entity matching


def test_exact_name_match_namespace_agnostic():
    g = Graph()
    add(g, "fr", "Country", "la France", ns=OTHER)
    add(g, "paris", "City", "Paris")
    add(g, "lille", "City", "Lille")
    gd = gold([("fr", "Country", "France"), ("paris", "City", "Paris"), ("rome", "City", "Rome")])
    r = score_graph(g, gd)
    assert r.matches == {"fr": str(OTHER.fr), "paris": str(EX.paris)}
    assert r.entities == PRF(2, 1, 1)
    assert r.entities_by_class["City"] == PRF(1, 1, 1)
    assert r.entities_by_class["Country"] == PRF(1, 0, 0)
    assert r.missed_entities == ("City: Rome",)
    assert r.spurious_entities == ("City: Lille",)


def test_type_must_agree():
    g = Graph()
    add(g, "paris", "Country", "Paris")
    r = score_graph(g, gold([("paris", "City", "Paris")]))
    assert r.matches == {}
    assert r.entities == PRF(0, 1, 1)


def test_untyped_and_other_classes_are_not_entities():
    g = Graph()
    g.add((EX.paris, RDFS.label, Literal("Paris")))
    add(g, "art", "Article", "Paris")
    r = score_graph(g, gold([("paris", "City", "Paris")]))
    assert r.entities == PRF(0, 0, 1)


def test_alias_match_and_skos_labels():
    g = Graph()
    add(g, "uk", "Country", "Grande-Bretagne", "britannique", label=SKOS.altLabel)
    add(g, "eu", "Organization", "Union européenne", label=SKOS.prefLabel)
    gd = gold([
        ("uk", "Country", "Royaume-Uni", ["britannique"]),
        ("eu", "Organization", "UE", ["l’Union Européenne"]),
    ])
    r = score_graph(g, gd)
    assert r.matches == {"uk": str(EX.uk), "eu": str(EX.eu)}
    assert r.entities == PRF(2, 0, 0)


def test_m_le_maire_alias():
    g = Graph()
    add(g, "lm", "Minister", "Le Maire")
    gd = gold([("lemaire", "Minister", "Bruno Le Maire", ["M. Le Maire"])])
    assert score_graph(g, gd).matches == {"lemaire": str(EX.lm)}


def test_containment_needs_two_words_in_shorter():
    g = Graph()
    add(g, "s", "Summit", "Sommet de Paris")                 # 2 words, contained
    add(g, "c", "Organization", "Commission")                # 1 word: no containment
    gd = gold([
        ("s", "Summit", "grand Sommet de Paris sur l'IA"),
        ("c", "Organization", "Commission européenne"),
    ])
    r = score_graph(g, gd)
    assert r.matches == {"s": str(EX.s)}
    assert r.entities == PRF(1, 1, 1)


def test_containment_either_direction():
    g = Graph()
    add(g, "o", "Organization", "Organisation des Nations unies pour l'éducation")
    r = score_graph(g, gold([("un", "Organization", "Nations unies")]))
    assert r.matches == {"un": str(EX.o)}


def test_containment_is_on_whole_words():
    g = Graph()
    add(g, "s", "Summit", "Sommet Par")  # "sommet par" is a substring of "sommet paris"
    add(g, "o", "Organization", "unies Nations")  # same words, other order
    gd = gold([("s", "Summit", "Sommet Paris 2025"), ("o", "Organization", "Nations unies")])
    assert score_graph(g, gd).matches == {}


def test_person_first_and_last_word():
    g = Graph()
    add(g, "jb", "Minister", "Jean Barrot")
    add(g, "nm", "Person", "Nadia K. Morel")
    add(g, "org", "Organization", "Banque centrale européenne")
    gd = gold([
        ("barrot", "Minister", "Jean-Noël Barrot"),
        ("morel", "Person", "Nadia Morel"),
        ("bce", "Organization", "Banque européenne"),  # not a person: rule does not apply
    ])
    r = score_graph(g, gd)
    assert r.matches == {"barrot": str(EX.jb), "morel": str(EX.nm)}


def test_person_rule_needs_two_words():
    g = Graph()
    add(g, "m", "Person", "Macron")
    r = score_graph(g, gold([("macron", "Person", "Emmanuel Macron")]))
    assert r.matches == {}


def test_minister_also_typed_person_scored_as_minister():
    g = Graph()
    add(g, "lm", ["Person", "Minister"], "Bruno Le Maire")
    add(g, "s", ["Event", "Summit"], "AI Safety Summit")
    gd = gold([("lemaire", "Minister", "Bruno Le Maire"), ("s1", "Summit", "AI Safety Summit")])
    r = score_graph(g, gd)
    assert r.entities == PRF(2, 0, 0)
    assert r.entities_by_class["Minister"] == PRF(1, 0, 0)
    assert r.entities_by_class["Person"] == PRF(0, 0, 0)
    assert r.entities_by_class["Event"] == PRF(0, 0, 0)


def test_several_classes_scored_under_the_ontology_s_most_specific():
    # the deepest class in ontology/kg.ttl's hierarchy wins; between classes of the same depth,
    # the first in ENTITY_TYPES order (kg.rdf.ontology.most_specific)
    g = Graph()
    add(g, "x", ["Person", "Summit"], "Sommet X")
    add(g, "y", ["Organization", "Country"], "Pays Y")
    r = score_graph(g, gold([]))
    assert r.spurious_entities == ("Country: Pays Y", "Summit: Sommet X")


def test_minister_typed_person_does_not_match_gold_person():
    g = Graph()
    add(g, "x", ["Person", "Minister"], "Nadia Morel")
    r = score_graph(g, gold([("morel", "Person", "Nadia Morel")]))
    assert r.entities == PRF(0, 1, 1)
    assert r.spurious_entities == ("Minister: Nadia Morel",)


def test_one_to_one_duplicates_are_false_positives():
    g = Graph()
    add(g, "fr1", "Country", "France")
    add(g, "fr2", "Country", "la France")
    r = score_graph(g, gold([("fr", "Country", "France")]))
    assert r.entities == PRF(1, 1, 0)
    assert r.matches == {"fr": str(EX.fr1)}  # deterministic: first IRI


def test_one_to_one_prediction_used_once():
    g = Graph()
    add(g, "p", "Country", "France", "République française")
    gd = gold([("fr", "Country", "France"), ("rf", "Country", "République française")])
    r = score_graph(g, gd)
    assert r.entities == PRF(1, 0, 1)
    assert list(r.matches) == ["fr"]


def test_one_to_one_is_a_maximum_matching():
    # p1 fits both gold entities, p2 only the first: a greedy pass giving p1 to g1 would leave
    # g2 unmatched; the assignment must match both.
    g = Graph()
    add(g, "p1", "Person", "Alpha Beta", "Gamma Delta")
    add(g, "p2", "Person", "Alpha Beta")
    gd = gold([("g1", "Person", "Alpha Beta"), ("g2", "Person", "Gamma Delta")])
    r = score_graph(g, gd)
    assert r.matches == {"g1": str(EX.p2), "g2": str(EX.p1)}
    assert r.entities == PRF(2, 0, 0)


def test_exact_match_has_priority_over_containment():
    g = Graph()
    add(g, "a", "Summit", "Sommet de Paris sur l'IA")  # contains the gold name; sorts first
    add(g, "b", "Summit", "sommet de Paris")            # exact
    r = score_graph(g, gold([("s", "Summit", "Sommet de Paris")]))
    assert r.matches == {"s": str(EX.b)}
    assert r.spurious_entities == ("Summit: Sommet de Paris sur l'IA",)


def test_blank_node_entities():
    g = Graph()
    b = BNode("x1")
    g.add((b, RDF.type, EX.City))
    g.add((b, RDFS.label, Literal("Rome")))
    r = score_graph(g, gold([("rome", "City", "Rome")]))
    assert r.matches == {"rome": "_:x1"}


# ------------------------------------------------------------------------ summit edition rule


SUMMITS = gold(
    [
        ("s2", "Summit", "deuxième édition du Sommet sur l’IA", [], {"edition": 2}),
        ("paris", "City", "Paris"),
        ("london", "City", "Londres"),
        ("fr", "Country", "France"),
    ],
    [("s2", "hostCity", "paris"), ("s2", "hostCountry", "fr", True)],
)


@pytest.mark.parametrize(
    "edition, host, pred, ok",
    [
        (2, "paris", "hostCity", True),
        ("2", "paris", "hostCity", True),             # plain string literal
        (2, "fr", "hostCountry", True),               # implied gold relation still counts here
        (3, "paris", "hostCity", False),              # wrong edition
        (2, "london", "hostCity", False),             # host not shared
        (None, "paris", "hostCity", False),           # no edition
    ],
)
def test_summit_edition_and_host_rule(edition, host, pred, ok):
    g = Graph()
    add(g, "paris", "City", "Paris")
    add(g, "london", "City", "Londres")
    add(g, "fr", "Country", "France")
    s = add(g, "next", "Summit", "le prochain rendez-vous")
    if edition is not None:
        g.add((s, OTHER.edition, Literal(edition)))
    g.add((s, EX[pred], EX[host]))
    r = score_graph(g, SUMMITS)
    assert (r.matches.get("s2") == str(EX.next)) is ok
    assert r.entities_by_class["Summit"] == (PRF(1, 0, 0) if ok else PRF(0, 1, 1))


def test_summit_edition_rule_needs_matched_host():
    g = Graph()
    add(g, "ville", "City", "Marseille")  # unmatched city
    s = add(g, "next", "Summit", "le prochain rendez-vous")
    g.add((s, EX.edition, Literal(2)))
    g.add((s, EX.hostCity, EX.ville))
    assert "s2" not in score_graph(g, SUMMITS).matches


# ------------------------------------------------------------------------ announcement rule


ANNOUNCEMENTS = gold(
    [
        ("fr", "Country", "France"),
        ("it", "Country", "Italie"),
        ("s2", "Summit", "Sommet de Paris"),
        ("s1", "Summit", "AI Safety Summit"),
        ("rome", "City", "Rome"),
        ("a_host", "Announcement", "La France accueillera le prochain sommet", []),
        ("a_bare", "Announcement", "L'Italie promet un fonds", []),
    ],
    [
        ("a_host", "announcedBy", "fr"),
        ("a_host", "about", "s2"),
        ("a_host", "during", "s1"),
        ("a_bare", "announcedBy", "it", True),
    ],
)


def _ann_graph():
    g = Graph()
    add(g, "fr", "Country", "France")
    add(g, "it", "Country", "Italie")
    add(g, "s2", "Summit", "Sommet de Paris")
    add(g, "s1", "Summit", "AI Safety Summit")
    add(g, "rome", "City", "Rome")
    return g


def test_announcement_matches_on_agent_and_context():
    g = _ann_graph()
    a = add(g, "a", "Announcement", "accueil du sommet")
    g.add((a, EX.announcedBy, EX.fr))
    g.add((a, EX.during, EX.s1))
    r = score_graph(g, ANNOUNCEMENTS)
    assert r.matches["a_host"] == str(EX.a)


def test_announcement_needs_context_when_gold_has_some():
    g = _ann_graph()
    a = add(g, "a", "Announcement", "accueil du sommet")
    g.add((a, EX.announcedBy, EX.fr))            # agent only
    g.add((a, EX.hostCity, EX.rome))             # context the gold does not have
    r = score_graph(g, ANNOUNCEMENTS)
    assert "a_host" not in r.matches
    assert r.entities_by_class["Announcement"] == PRF(0, 1, 2)


def test_announcement_needs_shared_agent():
    g = _ann_graph()
    a = add(g, "a", "Announcement", "accueil du sommet")
    g.add((a, EX.announcedBy, EX.it))
    g.add((a, EX.about, EX.s2))
    assert "a_host" not in score_graph(g, ANNOUNCEMENTS).matches


def test_announcement_without_gold_context_matches_on_agent_alone():
    g = _ann_graph()
    a = add(g, "a", "Announcement", "fonds italien")
    g.add((a, EX.announcedBy, EX.it))
    r = score_graph(g, ANNOUNCEMENTS)
    assert r.matches["a_bare"] == str(EX.a)
    assert "a_host" not in r.matches


def test_announcement_agent_rule_is_one_to_one():
    g = _ann_graph()
    for name in ("a", "b"):
        a = add(g, name, "Announcement", f"annonce {name}")
        g.add((a, EX.announcedBy, EX.it))
    r = score_graph(g, ANNOUNCEMENTS)
    assert r.entities_by_class["Announcement"] == PRF(1, 1, 1)


def _reasons(r):
    return {k: v for k, v in r.miss_reasons.items() if k.startswith("announcement") and v}


def test_why_an_announcement_was_missed_is_counted():
    g = _ann_graph()
    # a_host: France found, an announcement by France, but about/during on nothing of the gold's
    a = add(g, "a", "Announcement", "accueil")
    g.add((a, EX.announcedBy, EX.fr))
    g.add((a, EX.hostCity, EX.rome))
    # a_bare: Italy found, nothing announced by it
    r = score_graph(g, ANNOUNCEMENTS)
    assert _reasons(r) == {"announcement: context not shared": 1, "announcement: nothing by its agent": 1}
    g.remove((EX.it, None, None))  # its agent no longer found
    assert _reasons(score_graph(g, ANNOUNCEMENTS)) == {
        "announcement: context not shared": 1, "announcement: agent not found": 1,
    }
    g.add((a, EX.during, EX.s1))  # now a_host matches
    r = score_graph(g, ANNOUNCEMENTS)
    assert _reasons(r) == {"announcement: agent not found": 1}
    text = format_report(r, details=False)
    assert "announcement: agent not found" in text and "Italie promet" not in text


def test_why_a_relation_was_missed_is_counted():
    g = _rel_graph()
    r = score_graph(g, RELS)
    # lenient FN: one, between two found entities
    assert r.miss_reasons["relation: both ends found"] == r.relations_lenient.fn == 1
    assert r.miss_reasons["relation: an end not found"] == 0
    g.remove((EX.fr, None, None))
    g.remove((None, None, EX.fr))
    r = score_graph(g, RELS)
    assert r.miss_reasons["relation: an end not found"] >= 1
    assert sum(v for k, v in r.miss_reasons.items() if k.startswith("relation")) == r.relations_lenient.fn
    combined = combine_results([("a", r), ("b", r)])
    assert combined.miss_reasons["relation: an end not found"] == 2 * r.miss_reasons["relation: an end not found"]


# ---------------------------------------------------------------------------------- relations


RELS = gold(
    [
        ("lemaire", "Minister", "Bruno Le Maire"),
        ("fr", "Country", "France"),
        ("paris", "City", "Paris"),
        ("rome", "City", "Rome"),
        ("it", "Country", "Italie"),
    ],
    [
        ("lemaire", "ministerOf", "fr", True),
        ("paris", "locatedIn", "fr"),
        ("rome", "locatedIn", "it", True),
    ],
)


def _rel_graph():
    g = Graph()
    add(g, "lm", "Minister", "Bruno Le Maire")
    add(g, "fr", "Country", "France")
    add(g, "paris", "City", "Paris")
    add(g, "rome", "City", "Rome")
    add(g, "it", "Country", "Italie")
    return g


def test_strict_vs_lenient_with_implied():
    g = _rel_graph()
    g.add((EX.lm, EX.ministerOf, EX.fr))       # implied in gold
    g.add((EX.paris, EX.locatedIn, EX.fr))     # explicit in gold
    # rome locatedIn it (implied) is missing
    r = score_graph(g, RELS)
    assert r.relations_strict == PRF(2, 0, 1)
    assert r.relations_lenient == PRF(1, 0, 0)  # ministerOf ignored, missing implied not a FN
    assert r.relations_by_property_strict["ministerOf"] == PRF(1, 0, 0)
    assert r.relations_by_property_lenient["ministerOf"] == PRF(0, 0, 0)
    assert r.relations_by_property_strict["locatedIn"] == PRF(1, 0, 1)
    assert r.relations_by_property_lenient["locatedIn"] == PRF(1, 0, 0)
    assert r.missed_relations == ()
    assert set(r.relations_by_property_strict) == set(PREDICATES)
    assert set(r.entities_by_class) == set(ENTITY_TYPES)


def test_explicit_gold_relation_missing_is_fn_in_both():
    r = score_graph(_rel_graph(), RELS)
    assert r.relations_strict == PRF(0, 0, 3)
    assert r.relations_lenient == PRF(0, 0, 1)
    assert r.missed_relations == ("Paris —locatedIn→ France",)


def test_wrong_and_unmatched_relations_are_false_positives():
    g = _rel_graph()
    add(g, "lille", "City", "Lille")                     # not in gold
    g.add((EX.paris, EX.locatedIn, EX.it))               # both ends matched, not in gold
    g.add((EX.lille, EX.locatedIn, EX.fr))               # subject unmatched
    g.add((EX.rome, EX.locatedIn, EX.nowhere))           # object is not a typed entity
    g.add((EX.rome, EX.hostCity, Literal("Italie")))     # literal object
    g.add((EX.paris, EX.nearBy, EX.rome))                # not one of the eleven: ignored
    r = score_graph(g, RELS)
    assert r.relations_strict == PRF(0, 4, 3)
    assert r.relations_lenient == PRF(0, 4, 1)
    assert r.relations_by_property_strict["hostCity"] == PRF(0, 1, 0)
    assert "Paris —locatedIn→ Italie" in r.spurious_relations
    assert "Lille —locatedIn→ France" in r.spurious_relations
    assert len(r.spurious_relations) == 4


def test_predicted_relation_equal_to_implied_gold_is_not_fp_in_lenient():
    g = _rel_graph()
    g.add((EX.rome, EX.locatedIn, EX.it))
    r = score_graph(g, RELS)
    assert r.relations_lenient.fp == 0 and r.relations_lenient.tp == 0
    assert r.relations_strict.tp == 1


def test_relations_deduplicated_after_mapping():
    g = _rel_graph()
    g.add((EX.paris, EX.locatedIn, EX.fr))
    g.add((EX.paris, OTHER.locatedIn, EX.fr))  # same triple through another namespace
    r = score_graph(g, RELS)
    assert r.relations_strict == PRF(1, 0, 2)


def test_relation_direction_matters():
    g = _rel_graph()
    g.add((EX.fr, EX.locatedIn, EX.paris))
    r = score_graph(g, RELS)
    assert r.relations_strict == PRF(0, 1, 3)


# ------------------------------------------------------------------------------- gold files


GOLD_A = gold(
    [("fr", "Country", "France", ["la France"]), ("paris", "City", "Paris")],
    [("paris", "locatedIn", "fr", True)],
    id_="a",
)
GOLD_B = gold(
    [
        ("france", "Country", "la France", ["République française"], {"iso3": "FRA"}),
        ("fr", "City", "Fréjus"),  # id clash with a different entity
        ("paris", "City", "Paris"),
    ],
    [("fr", "locatedIn", "france"), ("paris", "locatedIn", "france")],
    id_="b",
)


def test_merge_gold_same_type_and_name():
    m = merge_gold([GOLD_A, GOLD_B])
    by_name = {e["name"]: e for e in m["entities"]}
    assert len(m["entities"]) == 3
    fr = by_name["France"]
    assert fr["id"] == "fr"
    assert "République française" in fr["aliases"]
    assert fr["attrs"] == {"iso3": "FRA"}
    frejus = by_name["Fréjus"]
    assert frejus["id"] != "fr"
    rels = {(r["s"], r["p"], r["o"]): r["implied"] for r in m["relations"]}
    # implied in a, explicit in b: explicit wins
    assert rels == {("paris", "locatedIn", "fr"): False, (frejus["id"], "locatedIn", "fr"): False}


def test_score_against_union_of_gold_files():
    g = Graph()
    add(g, "fr", "Country", "République française")
    add(g, "paris", "City", "Paris")
    add(g, "fj", "City", "Fréjus")
    g.add((EX.paris, EX.locatedIn, EX.fr))
    g.add((EX.fj, EX.locatedIn, EX.fr))
    r = score_graph(g, [GOLD_A, GOLD_B])
    assert r.entities == PRF(3, 0, 0)
    assert r.relations_strict == PRF(2, 0, 0)
    assert r.relations_lenient == PRF(2, 0, 0)
    assert r == score_graph(g, merge_gold([GOLD_A, GOLD_B]))


def test_load_gold_fills_defaults(tmp_path):
    path = tmp_path / "art.gold.json"
    path.write_text(json.dumps({
        "lang": "fr",
        "entities": [{"id": "x", "type": "City", "name": "Paris"}],
        "relations": [{"s": "x", "p": "locatedIn", "o": "x"}],
    }), encoding="utf-8")
    data = load_gold(path)
    assert data["id"] == "art"
    assert data["entities"][0]["aliases"] == [] and data["entities"][0]["attrs"] == {}
    assert data["relations"][0]["implied"] is False


@pytest.mark.parametrize(
    "content, fragment",
    [
        ("{not json", "not valid JSON"),
        (json.dumps({"entities": []}), "relations"),
        (json.dumps({"entities": [{"id": "x", "name": "Paris"}], "relations": []}), "type"),
        (json.dumps({"entities": [{"id": "x", "type": "Town", "name": "P"}], "relations": []}),
         "Town"),
        (json.dumps({"entities": [{"id": "x", "type": "City", "name": "P"}],
                     "relations": [{"s": "x", "p": "locatedIn", "o": "y"}]}), "'y'"),
        (json.dumps({"entities": [{"id": "x", "type": "City", "name": "P"}],
                     "relations": [{"s": "x", "p": "near", "o": "x"}]}), "near"),
    ],
)
def test_load_gold_errors_name_the_file(tmp_path, content, fragment):
    path = tmp_path / "broken.gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError) as info:
        load_gold(path)
    assert "broken.gold.json" in str(info.value)
    assert fragment in str(info.value)


# ---------------------------------------------------------------------------------- report


def test_format_report_contains_numbers_and_details():
    g = _rel_graph()
    add(g, "lille", "City", "Lille")
    g.add((EX.lm, EX.ministerOf, EX.fr))
    g.add((EX.paris, EX.locatedIn, EX.it))
    r = score_graph(g, RELS)
    assert isinstance(r, EvalResult)
    text = format_report(r, title="Corpus dev")
    lines = text.splitlines()
    assert lines[0] == "Corpus dev"
    city = next(line for line in lines if line.split()[:1] == ["City"])
    assert city.split() == ["City", "2", "1", "0", "0.667", "1.000", "0.800"]
    micro = [line for line in lines if line.split()[:1] == ["micro"]]
    assert micro[0].split() == ["micro", "5", "1", "0", "0.833", "1.000", "0.909"]
    # relations: strict TP1 FP1 FN2 | lenient TP0 FP1 FN1
    assert micro[1].split() == [
        "micro", "1", "1", "2", "0.500", "0.333", "0.400",
        "|", "0", "1", "1", "0.000", "0.000", "0.000",
    ]
    located = next(line for line in lines if line.split()[:1] == ["locatedIn"])
    assert located.split()[1:4] == ["0", "1", "2"]
    assert "City: Lille" in text
    assert "Paris —locatedIn→ Italie" in text
    assert "Paris —locatedIn→ France" in text  # missed
    short = format_report(r, details=False)
    assert "City: Lille" not in short and "Corpus dev" not in short
    # columns are aligned: every table row has the same width
    table = short.split("Why missed")[0]
    rows = [line for line in table.splitlines() if line.startswith("  ")]
    assert len({len(line) for line in rows if "|" not in line}) == 1
    assert len({len(line) for line in rows if "|" in line}) == 1


@pytest.mark.parametrize("only, expected", [
    (None, ["21", "34", "35", "41", "g7_rome", "g20"]),
    (["35-41"], ["35", "41"]),
    (["21-34,g7_*"], ["21", "34", "g7_rome"]),
    (["21", "g20"], ["21", "g20"]),
    (["1-3"], []),
])
def test_select_picks_names_patterns_and_number_ranges(only, expected):
    from kg.evaluation.suite import select

    assert select(["21", "34", "35", "41", "g7_rome", "g20"], only) == expected


def test_find_pairs_only_and_a_clear_error_when_nothing_is_picked(tmp_path):
    from kg.errors import InputError
    from kg.evaluation.suite import find_pairs

    for stem in ("21", "35"):
        (tmp_path / f"{stem}.txt").write_text("Le sommet.", encoding="utf-8")
        (tmp_path / f"{stem}.gold.json").write_text('{"id": "%s", "published": "2024-11", "entities": [], "relations": []}' % stem,
                                                    encoding="utf-8")
    assert [t.stem for t, _ in find_pairs(tmp_path, ["35-41"])] == ["35"]
    with pytest.raises(InputError, match="picks none"):
        find_pairs(tmp_path, ["50-60"])
