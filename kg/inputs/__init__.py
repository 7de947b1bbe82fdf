"""Inputs: files, folders, JSONL, web pages and standard input → :class:`kg.records.Article` records.

Public API:

* :func:`read_articles` — the articles of paths (files, folders, ``-``), lazily, in a fixed order;
* :class:`Skipped` — an input left out, with the reason (what ``on_skip`` receives);
* :func:`clean_text` — the offset-safe cleaning every text and title gets;
* :data:`ARTICLE_SUFFIXES` — the extensions picked up in folders;
* :data:`MAX_PART_CHARS` — the longest text read as one article (longer ones are cut into parts).

Modules: :mod:`~kg.inputs.reader` (reading, ids), :mod:`~kg.inputs.sources` (which files),
:mod:`~kg.inputs.decode` (bytes to text), :mod:`~kg.inputs.clean`, :mod:`~kg.inputs.dates`,
:mod:`~kg.inputs.markdown`, :mod:`~kg.inputs.webpage` (HTML), :mod:`~kg.inputs.jsonl`,
:mod:`~kg.inputs.parts` (cutting long texts), :mod:`~kg.inputs.problems` (skips and warnings).
"""

from kg.inputs.clean import clean_text
from kg.inputs.parts import MAX_PART_CHARS
from kg.inputs.problems import Skipped
from kg.inputs.reader import read_articles
from kg.inputs.sources import ARTICLE_SUFFIXES

__all__ = ["ARTICLE_SUFFIXES", "MAX_PART_CHARS", "Skipped", "clean_text", "read_articles"]
