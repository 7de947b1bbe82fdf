"""The ``entity`` parameter (``kg query entity --param entity=…``): a name is resolved to the entities
it names — label, else alternative label, else whole words of either, case and accents ignored —
on both engines and on a store; a name that names nothing is an error with the closest names."""

from __future__ import annotations

import pytest

from kg.cli.app import main
from kg.errors import UnknownEntityError
from kg.rdf.mapping import to_graph
from kg.records import Article, Entity, Evidence, Extraction, Relation
from kg.sparql import run_query
from kg.store.store import KgStore

KGID = "https://w3id.org/kg-news/id/"
TEXT = "Emmanuel Macron et Brigitte Macron reçoivent Jean-Noël Barrot à l’Élysée, en France."


def _ev(surface: str) -> tuple[Evidence, ...]:
    start = TEXT.index(surface)
    return (Evidence("a1", TEXT, start, start + len(surface), 0.9),)


def _extraction() -> Extraction:
    ents = (
        Entity("person/emmanuel-macron", "Person", "Emmanuel Macron", ("le président",), (), _ev("Emmanuel Macron")),
        Entity("person/brigitte-macron", "Person", "Brigitte Macron", (), (), _ev("Brigitte Macron")),
        Entity("person/jean-noel-barrot", "Minister", "Jean-Noël Barrot", (), (("role", "ministre"),), _ev("Jean-Noël Barrot")),
        Entity("country/FRA", "Country", "France", ("française",), (), _ev("France")),
    )
    rels = (Relation("person/jean-noel-barrot", "ministerOf", "country/FRA", _ev("Jean-Noël Barrot"), 0.9),
            Relation("person/emmanuel-macron", "nationality", "country/FRA", _ev("Emmanuel Macron"), 0.8))
    return Extraction(Article("a1", TEXT, "2024-05-02"), ents, rels)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("entity")
    to_graph([_extraction()]).serialize(tmp / "g.ttl", format="turtle")
    with KgStore.open(tmp / "store") as st:
        st.add_extractions([_extraction()])
    return tmp


@pytest.fixture(params=["rdflib", "oxigraph", "store"])
def source(request, files):
    return {"rdflib": to_graph([_extraction()]), "oxigraph": files / "g.ttl", "store": files / "store"}[request.param]


def entities(source, name: str) -> set[str]:
    return {str(r["entity"]).removeprefix(KGID) for r in run_query(source, "entity", {"entity": name})}


@pytest.mark.parametrize("name", ["Jean-Noël Barrot", "Jean-Noel Barrot", "JEAN NOEL BARROT", "Barrot", "barrot", "Noël",
                                  "jean-noel"])
def test_a_name_or_whole_words_of_it_find_the_entity(source, name):
    assert entities(source, name) == {"person/jean-noel-barrot"}


def test_a_word_two_entities_share_finds_both_with_their_facts(source):
    assert entities(source, "MACRON") == {"person/emmanuel-macron", "person/brigitte-macron"}
    rows = run_query(source, "entity", {"entity": "macron"})
    facts = {(str(r["entity"]).removeprefix(KGID), str(r["property"]).rsplit("#")[-1], str(r["valueName"] or r["value"]))
             for r in rows if str(r["direction"]) == "out"}
    assert ("person/emmanuel-macron", "nationality", "France") in facts
    assert ("person/brigitte-macron", "nationality", "France") not in facts
    assert [str(r["entity"]) for r in rows] == sorted(str(r["entity"]) for r in rows)  # one entity after the other


def test_the_label_wins_over_words_and_alternative_labels_count(source):
    assert entities(source, "france") == {"country/FRA"}
    assert entities(source, "Française") == {"country/FRA"}  # an alternative label
    assert entities(source, "le PRÉSIDENT") == {"person/emmanuel-macron"}


def test_an_iri_is_bound_as_it_is(source):
    assert entities(source, "kgid:country/FRA") == {"country/FRA"}
    assert entities(source, f"<{KGID}person/brigitte-macron>") == {"person/brigitte-macron"}


@pytest.mark.parametrize("name, closest", [("Barot", "Jean-Noël Barrot"), ("Macr", "Emmanuel Macron"),
                                           ("Macron Emmanuel", "Emmanuel Macron"), ("Barro", "Jean-Noël Barrot")])
def test_a_name_that_names_nothing_lists_the_closest(source, name, closest):
    with pytest.raises(UnknownEntityError) as err:
        run_query(source, "entity", {"entity": name})
    assert closest in err.value.suggestions
    assert f"no entity named « {name} »" in str(err.value)


def test_the_cli_says_so_on_stderr_with_exit_status_2(files, capsys):
    for where in (["--graph", str(files / "g.ttl")], ["--store", str(files / "store")]):
        assert main(["query", "entity", *where, "--param", "entity=Barot"]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert err.strip() == "kg: error: no entity named « Barot » in the graph; closest names: « Jean-Noël Barrot »"
        assert main(["query", "entity", *where, "--param", "entity=barrot", "--format", "csv"]) == 0
        out = capsys.readouterr().out
        assert out.splitlines()[0].startswith("entity,direction,") and f"{KGID}person/jean-noel-barrot" in out


def test_under_a_timeout_too(files):
    """With --timeout the query runs in a child process: the error and its suggestions come back whole."""
    with pytest.raises(UnknownEntityError) as err:
        run_query(files / "g.ttl", "entity", {"entity": "Barot"}, timeout=30)
    assert err.value.suggestions == ["Jean-Noël Barrot"]
    assert entities_with_timeout(files / "store", "barrot") == {"person/jean-noel-barrot"}


def entities_with_timeout(source, name: str) -> set[str]:
    return {str(r["entity"]).removeprefix(KGID) for r in run_query(source, "entity", {"entity": name}, timeout=30)}
