"""What the tooltips of a view hold: each node's and edge's evidence, as data the page draws on hover.

* A node's tooltip: its class, other names and data, its number of links, and up to
  :data:`MENTIONS_SHOWN` of its mentions — the sentence, with the entity's names highlighted,
  and the article it comes from: title (a link to the article's URL when that is an ``http`` or
  ``https`` URL), date and id — then how many more sentences and articles there are. Mentions are
  taken one article at a time (the first sentence of each article, then the second...), so that
  an entity named by several articles shows several of them.
* An edge's tooltip: up to :data:`EVIDENCE_SHOWN` sentences that state the relation, each with its
  article and confidence.

Sentences and articles are stored once per page (:class:`Tooltips`: the tables ``sentences`` and
``articles``) and referred to by index, so that a sentence shared by several mentions and
relations is written once. A sentence longer than :data:`SENTENCE_MAX` characters is cut around
the first highlighted name. The page builds each tooltip when it is hovered, from text nodes
(``textContent``) and ``<a>`` elements whose ``href`` is set only to ``http(s)`` URLs: names,
sentences, titles and URLs are text, never markup, whatever they contain.

Highlight offsets are in UTF-16 code units, the unit of JavaScript strings.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlsplit

__all__ = ["Tooltips", "MENTIONS_SHOWN", "EVIDENCE_SHOWN", "SENTENCE_MAX", "name_spans", "http_url"]

#: Mentions shown in a node's tooltip; the others are counted.
MENTIONS_SHOWN = 3
#: Sentences shown in an edge's tooltip; the others are counted.
EVIDENCE_SHOWN = 4
#: Longer sentences are cut (around the first highlighted name in a node's tooltip).
SENTENCE_MAX = 400

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_APOSTROPHES = {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"}


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    """One character as the name search compares it: lower case, no accent, ``'`` for apostrophes
    (always one character, so that offsets in the folded text are offsets in the original)."""
    if c in _APOSTROPHES:
        return "'"
    base = "".join(x for x in unicodedata.normalize("NFD", c) if not unicodedata.combining(x)) or c
    return base.lower()[:1] or c


@lru_cache(maxsize=1 << 15)
def _fold(text: str) -> str:
    if text.isascii():
        return text.lower().replace("`", "'")
    return "".join(map(_fold_char, text))


def name_spans(sentence: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Where ``names`` occur in ``sentence`` as whole words (case, accents and apostrophes
    ignored): sorted, non-overlapping ``(start, end)`` character offsets, longer names first.

    >>> name_spans("Le président Emmanuel Macron et M. MACRON", ["Emmanuel Macron", "Macron"])
    [(13, 28), (35, 41)]
    """
    folded = _fold(sentence)
    found: list[tuple[int, int]] = []
    for name in sorted({_fold(n.strip()) for n in names if len(n.strip()) >= 2}, key=len, reverse=True):
        at = folded.find(name)
        while at >= 0:
            end = at + len(name)
            if (at == 0 or not folded[at - 1].isalnum()) and (end == len(folded) or not folded[end].isalnum()):
                if all(end <= s or at >= e for s, e in found):
                    found.append((at, end))
            at = folded.find(name, at + 1)
    return sorted(found)


def http_url(url: str) -> str:
    """``url`` when it is an absolute ``http``/``https`` URL with a host (a link may point to it), else ``""``."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or any(c.isspace() for c in url):
        return ""
    return url


def _utf16(text: str, spans: list[tuple[int, int]]) -> list[list[int]]:
    """Character offsets → UTF-16 offsets (characters beyond U+FFFF count twice in JavaScript)."""
    if not spans or not _ASTRAL.search(text):
        return [[s, e] for s, e in spans]

    def at(i: int) -> int:
        return i + sum(1 for c in text[:i] if ord(c) > 0xFFFF)

    return [[at(s), at(e)] for s, e in spans]


def _cut(sentence: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """A sentence of at most :data:`SENTENCE_MAX` characters (plus ``…`` at a cut end), around its
    first span, and the spans that are still in it."""
    if len(sentence) <= SENTENCE_MAX:
        return sentence, spans
    start = max(0, spans[0][0] - SENTENCE_MAX // 3) if spans else 0
    start = min(start, len(sentence) - SENTENCE_MAX)
    end = start + SENTENCE_MAX
    head = "…" if start > 0 else ""
    text = head + sentence[start:end] + ("…" if end < len(sentence) else "")
    shift = len(head) - start
    return text, [(s + shift, e + shift) for s, e in spans if s >= start and e <= end]


class Tooltips:
    """The tooltip data of one page: :meth:`node` and :meth:`edge` give what a node or edge carries,
    :meth:`tables` the sentences and articles they refer to."""

    def __init__(self) -> None:
        self._sentences: dict[str, int] = {}
        self._articles: dict[tuple, int] = {}
        self._whole: dict[str, int] = {}  # a sentence as read → its index, shown without highlights

    def _sentence_as_is(self, text: str) -> int:
        if text not in self._whole:
            self._whole[text] = self._sentence(_cut(text, [])[0])
        return self._whole[text]

    def _sentence(self, text: str) -> int:
        return self._sentences.setdefault(text, len(self._sentences))

    def _article(self, r: dict) -> int:
        key = (r.get("article", ""), r.get("title", ""), r.get("published", ""), r.get("url", ""))
        if key not in self._articles:
            self._articles[key] = len(self._articles)
        return self._articles[key]

    def tables(self) -> dict:
        """``{"sentences": [...], "articles": [[id, title, date, url], ...]}`` (url: ``""`` or http(s))."""
        return {"sentences": list(self._sentences), "articles": [[*k[:3], http_url(k[3])] for k in self._articles]}

    def node(self, d: dict, degree: int) -> dict:
        """A node's tooltip: ``rows`` of (name, value), ``note``, ``m`` — the mentions shown as
        ``[sentence, article, highlights]`` — and ``more`` (sentences not shown, articles in all)."""
        rows: list[list] = []

        def row(name: str, value) -> None:
            if value not in (None, "", []):
                rows.append([name, str(value)])

        row("also:", ", ".join(d.get("aliases", [])))
        row("role:", d.get("role"))
        row("portfolio:", d.get("portfolio"))
        row("edition:", d.get("edition"))
        row("dates:", d.get("dates"))
        row("summary:", d.get("summary"))
        row("amount:", d.get("amount"))
        row("ISO code:", d.get("iso3"))
        if d.get("properties"):
            row("data:", ", ".join(d["properties"]))
        row("links:", degree)
        tip: dict = {"rows": rows}
        if d.get("comment"):
            tip["note"] = d["comment"]
        by_article: dict[str, list[dict]] = defaultdict(list)
        seen: set[tuple[str, str]] = set()
        for r in d.get("mentions") or ():
            if r.get("sentence") and (r["article"], r["sentence"]) not in seen:
                seen.add((r["article"], r["sentence"]))
                by_article[r["article"]].append(r)
        # one article at a time: the first sentence of each article (oldest first), then the second...
        order = sorted(by_article, key=lambda a: (by_article[a][0].get("published", ""), a))
        chosen: list[dict] = []
        for rank in range(MENTIONS_SHOWN):
            chosen += [by_article[a][rank] for a in order if rank < len(by_article[a])][:MENTIONS_SHOWN - len(chosen)]
        if chosen:
            names = [d.get("label", ""), *d.get("aliases", [])]
            shown = []
            for r in chosen:
                text, spans = _cut(r["sentence"], name_spans(r["sentence"], names))
                shown.append([self._sentence(text), self._article(r), _utf16(text, spans)])
            tip["m"] = shown
            if len(seen) > len(chosen):
                tip["more"] = [len(seen) - len(chosen), len(by_article)]
        return tip

    def edge(self, d: dict) -> dict:
        """An edge's tooltip: ``ev`` — ``[sentence, article, confidence]``, with a fourth item ``1`` when the
        fact is only implied there (``kg:implied``) — ``more`` (sentences not
        shown) and ``note`` (the ontology view's comment when there is no evidence)."""
        ev = d.get("evidence") or []
        tip: dict = {}
        if ev:
            tip["ev"] = [[self._sentence_as_is(r.get("sentence", "")), self._article(r),
                          round(r["confidence"], 2) if r.get("confidence") is not None else None]
                         + ([1] if r.get("implied") else [])
                         for r in ev[:EVIDENCE_SHOWN]]
            if len(ev) > EVIDENCE_SHOWN:
                tip["more"] = len(ev) - EVIDENCE_SHOWN
        elif d.get("comment"):
            tip["note"] = d["comment"]
        return tip
