"""Hard-wrapped text (copied from a page or a mail with a line break every 60-80 columns) reads as
the same sentences: kg.inputs.clean.unwrap_lines makes the breaks that only wrap a sentence spaces,
one character for one, and keeps headlines and paragraphs."""

from __future__ import annotations

import textwrap

import pytest

from kg.inputs.clean import clean_text, unwrap_lines

ARTICLE = (
    "Sommet de Tervala : un fonds pour les forêts\n\n"
    "Le président sénégalais Ousmane Diallo a annoncé mardi à Tervala une contribution de 50 millions de dollars "
    "au fonds pour les forêts tropicales, lors du sommet sur le climat organisé par la Norvège. "
    "La ministre française des Affaires étrangères, Claire Morel, a assisté à la séance d'ouverture du sommet, "
    "en présence du secrétaire général des Nations unies.\n\n"
    "Les dirigeants ont adopté une déclaration commune sur la protection des forêts du bassin du Congo."
)


def _wrapped(text: str, width: int) -> str:
    return "\n\n".join(textwrap.fill(p, width) if len(p) > width else p for p in text.split("\n\n"))


@pytest.mark.parametrize("width", [60, 80])
def test_a_hard_wrapped_text_is_read_as_its_sentences(width):
    wrapped = _wrapped(ARTICLE, width)
    assert wrapped.count("\n") > ARTICLE.count("\n") + 4
    out = unwrap_lines(wrapped)
    assert len(out) == len(wrapped)  # offsets stay
    assert out.split("\n\n") == [" ".join(p.split()) for p in wrapped.split("\n\n")]


def test_headlines_datelines_and_paragraphs_stay():
    text = "Un titre sans point\nLe texte commence ici.\nUne autre ligne.\n\nUn paragraphe."
    assert unwrap_lines(text) == text
    assert clean_text("Par Jeanne Roy\nLe sommet s'ouvre.") == "Par Jeanne Roy\nLe sommet s'ouvre."


def test_a_break_inside_a_sentence_is_a_space():
    assert unwrap_lines("une aide de\ntrois milliards.\nLe sommet") == "une aide de trois milliards.\nLe sommet"
    assert unwrap_lines("Il a dit\nque le sommet") == "Il a dit que le sommet"  # the next line goes on in lower case
    assert unwrap_lines("Il a dit.\nque") == "Il a dit.\nque"  # a sentence ended


@pytest.mark.model
@pytest.mark.parametrize("suffix", [".txt", ".md", ".jsonl"])
def test_a_hard_wrapped_article_gives_the_same_facts(tmp_path, suffix):
    # read as a user's file is: the readers unwrap once they have taken the metadata (a Markdown
    # front matter and heading stay what they are)
    import json

    from kg.extract import extract
    from kg.inputs import read_articles
    from kg.nlp.pipeline import load_pipeline

    nlp = load_pipeline("md")

    def facts(text, name):
        f = tmp_path / f"{name}{suffix}"
        if suffix == ".md":
            f.write_text(f"---\ntitle: Un titre\ndate: 2024-06-14\n---\n# Sommet\n\n{text}", encoding="utf-8")
        elif suffix == ".jsonl":
            f.write_text(json.dumps({"id": name, "text": text, "published": "2024-06-14"}) + "\n", encoding="utf-8")
        else:
            f.write_text(text, encoding="utf-8")
        (article,) = list(read_articles([f], published="2024-06-14"))
        if suffix == ".md":
            assert article.title == "Un titre" and article.published == "2024-06-14"
        ex = extract(nlp(article.text), article)
        labels = {e.key: e.label for e in ex.entities}
        return {(e.type, e.label) for e in ex.entities}, {(labels[r.subject], r.predicate, labels[r.object]) for r in ex.relations}

    ents, rels = facts(ARTICLE, "plain")
    assert rels  # the article says something
    assert facts(_wrapped(ARTICLE, 60), "wrapped") == (ents, rels)
