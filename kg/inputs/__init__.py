"""Inputs: files, folders, JSONL, web pages and standard input → :class:`kg.records.Article` records."""

from kg.inputs.reader import ARTICLE_SUFFIXES, MAX_PART_CHARS, Skipped, clean_text, read_articles

__all__ = ["ARTICLE_SUFFIXES", "MAX_PART_CHARS", "Skipped", "clean_text", "read_articles"]
