"""The extractor's memos and shortcuts (issue 16, speed) give the answers of the plain computation.

No timing here: speed is measured by ``benchmarks/bench_corpus.py``. These tests pin what the
shortcuts must keep: a memo answers for its own document only, and a reordered test accepts and
refuses the same words.
"""

from __future__ import annotations

import pytest
import spacy

import kg.extract.text as text_mod
from kg.extract.rules.organisations import is_acronym
from kg.extract.text import is_byline


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    return nlp


def _counting(monkeypatch) -> list:
    calls: list = []
    real = text_mod._is_byline

    def counted(sent):
        calls.append((sent.start, sent.end))
        return real(sent)

    monkeypatch.setattr(text_mod, "_is_byline", counted)
    monkeypatch.setattr(text_mod, "_BYLINE_MEMO", None)
    return calls


def test_byline_is_worked_out_once_per_sentence(blank, monkeypatch):
    calls = _counting(monkeypatch)
    doc = blank("Par Jean Dupont. Le sommet de Tervala commence demain.")
    first, second = list(doc.sents)
    for _ in range(3):
        assert is_byline(first)
        assert not is_byline(second)
    assert calls == [(first.start, first.end), (second.start, second.end)]


def test_byline_memo_answers_for_its_own_document_only(blank, monkeypatch):
    """Near miss: another document with a sentence at the same token offsets is asked about afresh."""
    calls = _counting(monkeypatch)
    signed = blank("Par Jean Dupont.")
    story = blank("Le sommet commence.")
    (a,), (b,) = list(signed.sents), list(story.sents)
    assert (a.start, a.end) == (b.start, b.end)
    assert is_byline(a)
    assert not is_byline(b)
    assert is_byline(a)
    assert len(calls) == 3  # one document remembered at a time: each switch works the answer out again


def test_long_sentences_are_not_bylines_without_looking(blank, monkeypatch):
    calls = _counting(monkeypatch)
    doc = blank("Par " + " ".join(["Jean"] * 30) + ".")
    (sent,) = list(doc.sents)
    assert not is_byline(sent)
    assert calls == []


def _acronym_reference(word: str) -> bool:
    """The test as first written: 2 to 8 letters, all in capitals, letters and digits only."""
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 8 and word.isupper() and word.isalnum()


@pytest.mark.parametrize("word", ["OTAN", "UE", "G7", "G20", "COP28", "ÉAU", "ABCDEFGH", "ABCDEFGHI", "A", "A1", "Otan",
                                  "otan", "O.N.U.", "ONU-", "12", "", "Ab", "AB CD", "ÀÉÎ", "X9Y"])
def test_acronym_test_accepts_and_refuses_the_same_words(word):
    assert is_acronym(word) == _acronym_reference(word)
