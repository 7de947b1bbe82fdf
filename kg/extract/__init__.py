"""Extraction: a parsed spaCy ``Doc`` of one article → typed records (:mod:`kg.records`).

- :mod:`kg.extract.extractor` — :func:`extract`: one :class:`~kg.extract.context.ArticleContext`, the
  rule table run on it, the records frozen;
- :mod:`kg.extract.context` — the article's state and the operations the rules share (``add``,
  ``relate``, ``evidence``, mention look-ups);
- :mod:`kg.extract.rules` — the rules, one module per kind of finding, and their ordered table ``RULES``;
- :mod:`kg.extract.lexicon` — trigger words and confidences (``ontology/data/lexicon.json``, ``rules.json``);
- :mod:`kg.extract.tokens`, :mod:`kg.extract.text`, :mod:`kg.extract.clauses`, :mod:`kg.extract.dates` —
  helpers: token attributes read once, word and name helpers, subjects and agents, French dates.
"""

from kg.extract.extractor import extract, load_lexicon

__all__ = ["extract", "load_lexicon"]
