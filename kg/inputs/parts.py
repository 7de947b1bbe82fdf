"""Cutting long texts: a text longer than the part size becomes articles ``ID-part-1``,
``ID-part-2``... cut at paragraph boundaries (a blank line; else a line break, a sentence end, a
space), so memory is bounded by the part size whatever the size of the input."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from kg.inputs.clean import clean_text, unwrap_lines
from kg.records import Article

__all__ = ["MAX_PART_CHARS", "parts", "split_article"]

#: Longest text given to the pipeline as one article; longer ones are cut into parts.
MAX_PART_CHARS = 100_000

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_SENTENCE_END = re.compile(r"[.!?…][»”\"')\]]*\s")


def _cut(buf: str, limit: int) -> int:
    """Where to cut ``buf`` (longer than ``limit``): after its last paragraph break before
    ``limit``, else the last line break, sentence end or space (in its second half), else at ``limit``."""
    window = buf[:limit]
    floor = limit // 2
    last = None
    for last in _BLANK_LINE.finditer(window, floor):
        pass
    if last is not None:
        return last.end()
    i = window.rfind("\n", floor)
    if i >= 0:
        return i + 1
    for last in _SENTENCE_END.finditer(window, floor):
        pass
    if last is not None:
        return last.end()
    i = max(window.rfind(" ", floor), window.rfind("\t", floor))
    return i + 1 if i >= 0 else limit


def parts(chunks: Iterable[str], limit: int) -> Iterator[tuple[int, str]]:
    """``(line number of its first line, text)`` of pieces of at most ``limit`` characters.

    At least one piece (maybe empty) is yielded; at most ``limit`` plus one block is held."""
    buf, line, yielded = "", 1, False
    for chunk in chunks:
        buf += chunk
        while len(buf) > limit:
            cut = _cut(buf, limit)
            piece, buf = buf[:cut], buf[cut:]
            yield line, piece
            yielded = True
            line += piece.count("\n")
    if buf or not yielded:
        yield line, buf


def split_article(article: Article, limit: int, warn: Callable[[str], None]) -> Iterator[Article]:
    """``article``, or its parts ``ID-part-N`` when its text is longer than ``limit``."""
    if len(article.text) <= limit:
        yield article
        return
    warn(f"{article.source}: longer than {limit:,} characters: read as parts {article.id}-part-1, -part-2... "
         "cut at paragraph boundaries")
    n = 0
    for _, raw in parts([article.text], limit):
        text = unwrap_lines(clean_text(raw))
        if text:
            n += 1
            yield Article(f"{article.id}-part-{n}", text, article.published, article.url, article.title, article.source)
