"""kg.names.NameIndex: finding entities by a name a user typed (kg view --focus, kg query's entity
parameter), and the prefilter that keeps it fast on big stores without changing what it finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.names import NameIndex, fold

ENTRIES = [
    ("macron", "Emmanuel Macron", ["le président", "M. Macron"]),
    ("brigitte", "Brigitte Macron", []),
    ("barrot", "Jean-Noël Barrot", ["M. Barrot"]),
    ("oeuvre", "Fondation Œuvre d’Orient", []),
    ("strauss", "Straße", []),
    ("wide", "Ｍａｃｒｏｎ Ｌａｂ", []),
    ("xi", "习近平", ["Xi Jinping"]),
    ("nfd", "Noe\u0308l Le Graët", []),
    ("math", "𝐁𝐚𝐫𝐫𝐨𝐭 𝐒𝐀", []),
]


@pytest.fixture(params=[False, True], ids=["all-folded", "prefiltered"])
def index(request):
    return NameIndex(ENTRIES, prefilter=request.param)


@pytest.mark.parametrize("name, keys", [
    ("Emmanuel Macron", ["macron"]),                      # the label
    ("EMMANUEL MACRON", ["macron"]),
    ("le President", ["macron"]),                         # an alternative label, accents ignored
    ("Macron", ["macron", "brigitte", "wide"]),           # whole words: every entity that has it
    ("jean noel", ["barrot"]),
    ("Noel Barrot", ["barrot"]),
    ("Barro", []),                                        # not a whole word
    ("Barrot Jean", []),                                  # not in this order
    ("oeuvre", ["oeuvre"]),                               # œ reads as oe
    ("strasse", ["strauss"]),                             # ß reads as ss
    ("xi jinping", ["xi"]),
    ("习近平", ["xi"]),                                    # a label in another script, as written
    ("noel", ["barrot", "nfd"]),                          # and a decomposed accent
    ("graet", ["nfd"]),
    ("barrot", ["barrot", "math"]),                       # letters beyond the Basic Multilingual Plane
])
def test_find(index, name, keys):
    assert sorted(index.find(name)) == sorted(keys)


def test_the_label_wins_over_alternative_labels_and_words():
    idx = NameIndex([("a", "Paris", []), ("b", "Ville de Paris", ["Paris"]), ("c", "Paris Match", [])])
    assert idx.find("paris") == ["a"]
    assert NameIndex([("b", "Ville de Paris", ["Paris"]), ("c", "Paris Match", [])]).find("PARIS") == ["b"]


@pytest.mark.parametrize("name, close", [("Barot", "Jean-Noël Barrot"), ("Macr", "Emmanuel Macron"),
                                         ("Macron Emmanuel", "Emmanuel Macron"), ("Jean-Noel Barot", "Jean-Noël Barrot")])
def test_suggest(index, name, close):
    assert not index.find(name)
    assert close in index.suggest(name)
    assert len(index.suggest(name, n=2)) <= 2


def test_nothing_typed_finds_and_suggests_nothing(index):
    assert index.find("  ") == [] and index.suggest("") == []


_LETTERS = "abcdeéèêëiïîoôœuùüçnñsßyÿAÉÈÇŒ -’'.ｍ习\u0301"


@settings(max_examples=300, deadline=None)
@given(names=st.lists(st.text(alphabet=_LETTERS, min_size=1, max_size=12), min_size=1, max_size=8),
       typed=st.text(alphabet=_LETTERS, min_size=1, max_size=8))
def test_the_prefilter_never_changes_what_is_found(names, typed):
    entries = [(i, n, names[:i][-1:]) for i, n in enumerate(names)]
    assert NameIndex(entries, prefilter=True).find(typed) == NameIndex(entries, prefilter=False).find(typed)
    # and what is typed as it was written always finds its own entry
    assert 0 in NameIndex(entries, prefilter=True).find(names[0]) or not fold(names[0]).strip("'.- ")
