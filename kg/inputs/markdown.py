"""Markdown articles: a leading YAML front matter block (between ``---`` lines) is removed and its
simple ``key: value`` lines give ``title``, ``published`` (or ``date``), ``url`` and ``id``; heading
markers (``## ``) are dropped, the heading text stays as a line, and the first heading is the title
when the front matter gives none."""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.inputs.clean import clean_id, clean_text, unwrap_lines
from kg.inputs.dates import document_date
from kg.inputs.problems import Unreadable
from kg.records import Article

__all__ = ["split_front_matter", "strip_headings", "front_matter_date", "markdown_article"]

_FRONT_KEY = re.compile(r"([A-Za-z_][\w-]*)\s*:\s*(.*)")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    if " #" in value:  # an unquoted YAML comment
        value = value.split(" #", 1)[0].rstrip()
    return value


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """``(front matter fields, rest)``; fields are lower-cased keys with unquoted values.

    >>> split_front_matter("---\\nTitle: 'Sommet'\\n---\\nTexte")
    ({'title': 'Sommet'}, 'Texte')
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            break
    else:
        return {}, text  # no closing line: not front matter
    meta: dict[str, str] = {}
    for line in lines[1:end]:
        m = _FRONT_KEY.fullmatch(line.strip())
        if m and not line[:1].isspace():
            meta.setdefault(m.group(1).lower(), _unquote(m.group(2)))
    return meta, "\n".join(lines[end + 1:])


def strip_headings(body: str) -> tuple[str, str | None]:
    """``body`` without ATX heading markers, and the text of the first heading."""
    first: list[str] = []

    def repl(m: re.Match[str]) -> str:
        heading = (m.group(1) or "").strip()
        if heading and not first:
            first.append(heading)
        return heading

    return _HEADING.sub(repl, body), (first[0] if first else None)


def front_matter_date(meta: dict[str, str], published: str | None, source: str, warn: Callable[[str], None]) -> str | None:
    """The front matter's ``published`` (or ``date``) when it is a date, else ``published``."""
    date = meta.get("published") or meta.get("date")
    if date:
        parsed = document_date(date)
        if parsed is None:
            warn(f"{source}: front matter date {date!r} is not YYYY-MM-DD (or YYYY-MM, YYYY); ignored")
        else:
            return parsed
    return published


def markdown_article(
    id_: str, raw: str, published: str | None, source: str, warn: Callable[[str], None]
) -> Article:
    """The article of a whole Markdown text; raises :class:`Unreadable` when no text is left."""
    text = clean_text(raw)
    if not text:
        raise Unreadable("empty file")
    meta, body = split_front_matter(text)
    body, heading = strip_headings(body)
    body = unwrap_lines(body.strip())
    if not body:
        raise Unreadable("no text after the front matter" if meta else "empty file")
    published = front_matter_date(meta, published, source, warn)
    return Article(
        id=clean_id(meta.get("id") or "") or id_,
        text=body,
        published=published,
        url=meta.get("url") or None,
        title=meta.get("title") or heading,
        source=source,
    )
