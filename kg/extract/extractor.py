"""Extraction: a parsed spaCy ``Doc`` of one article → typed records (:mod:`kg.records`).

The spaCy pipeline (:mod:`kg.nlp`) gives tokens, sentences, dependencies, named entities and the
gazetteer matches of the reference data. This stage turns them into entities of the eight
ontology classes and the eleven relations, each with the sentence and offsets that support it.

The rules (:data:`kg.extract.rules.RULES`, in order) work on one :class:`~kg.extract.context.ArticleContext`:

1. places and organisations — gazetteer matches, repaired NER ``LOC``/``ORG`` spans, companies;
2. persons — NER ``PER`` spans, honorifics (« M. Le Drian ») linked to full names;
3. role phrases — « la ministre britannique de la Technologie X », « X, ministre délégué chargé
   du Numérique »: Minister vs Person, nationality, portfolio, affiliation;
4. nationality adjectives on actor nouns — « ses homologues italien et allemand »;
5. summits, their editions (« la prochaine édition », « COP28 ») and other events;
6. relations — hosting, attendance, location — and announcements.

Trigger words live in ``ontology/data/lexicon.json``, the confidence of each kind of evidence in
``rules.json``, triggers of several tokens in ``patterns.json`` (matched by the pipeline's ``kg_triggers``);
reference data in ``ontology/data``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.context import ArticleContext
from kg.extract.lexicon import load_lexicon
from kg.extract.rules import run_rules
from kg.nlp.reference import Reference, load_reference
from kg.records import Article, Extraction

__all__ = ["extract", "load_lexicon"]


def extract(doc: Doc, article: Article, ref: Reference | None = None) -> Extraction:
    """Extract the entities and relations of one article from its parsed ``Doc``."""
    ctx = ArticleContext(doc, article, ref or load_reference(), load_lexicon())
    run_rules(ctx)
    return ctx.freeze()
