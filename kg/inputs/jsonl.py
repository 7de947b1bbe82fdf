"""JSONL inputs: one JSON object per line, ``{"id", "text", "published", "url", "title"}``, of which
only ``text`` is required (or ``html`` instead of ``text``: a web page). Files are read line by
line; a bad line is skipped (``path:line``) and reading goes on. A line without ``id`` gets
``<file slug>-<line>``."""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable, Iterator

from kg.inputs.clean import clean_id, clean_text, unwrap_lines
from kg.inputs.dates import document_date
from kg.inputs.decode import SNIFF, legacy_codec, legacy_decode, looks_binary, report_guess, sniff
from kg.inputs.parts import MAX_PART_CHARS, split_article
from kg.inputs.problems import Skipped, Unreadable, warn as _warn
from kg.inputs.sources import Source
from kg.inputs.webpage import html_article
from kg.names import slug
from kg.records import Article

__all__ = ["read_jsonl", "jsonl_article"]


def _jsonl_lines(src: Source, warn: Callable[[str], None]) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` of a JSONL file, streamed; raises :class:`Unreadable`."""
    assert src.path is not None
    with open(src.path, "rb") as f:
        head = f.read(SNIFF)
        f.seek(0)
        found = sniff(head)
        if found is not None:
            report_guess(found, src.display, warn)
            codec, name = found
            reader = codecs.getreader(codec)(f)  # type: ignore[arg-type]
            lineno = 0
            try:
                for lineno, line in enumerate(_text_lines(reader), 1):
                    yield lineno, line
            except UnicodeDecodeError as exc:
                raise Unreadable(f"invalid {name} after line {lineno} ({exc.reason})") from None
            return
        if looks_binary(head):
            raise Unreadable("binary file")
        legacy = None  # the encoding of lines that are not UTF-8, found on the first of them
        for lineno, raw in enumerate(f, 1):
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                if legacy is None:
                    legacy, said = legacy_codec(raw)
                    warn(f"{src.display}:{lineno}: not valid UTF-8; this and later such lines read as {said}")
                line = legacy_decode(raw, legacy)
            yield lineno, line


def _text_lines(reader: codecs.StreamReader) -> Iterator[str]:
    """Lines split on ``\\n`` only (JSON strings may hold U+2028, which ``readline`` splits on)."""
    pending = ""
    while True:
        chunk = reader.read(65536)
        if not chunk:
            break
        pending += chunk
        *lines, pending = pending.split("\n")
        yield from lines
    if pending:
        yield pending


def read_jsonl(
    src: Source, default: str | None, skip: Callable[[Skipped], None], warn: Callable[[str], None],
    limit: int = MAX_PART_CHARS,
) -> Iterator[Article]:
    """The articles of a JSONL file; bad lines go to ``skip``; raises :class:`Unreadable` for the file."""
    assert src.path is not None
    stem = slug(src.path.stem)
    read_any = False
    for lineno, line in _jsonl_lines(src, warn):
        if not line.strip():
            continue
        read_any = True
        where = f"{src.display}:{lineno}"
        try:
            article = jsonl_article(line, stem, lineno, default, where, warn)
        except Unreadable as exc:
            skip(Skipped(where, exc.reason))
            continue
        yield from split_article(article, limit, warn)
    if not read_any:
        raise Unreadable("empty file")


def _optional_string(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise Unreadable(f'"{key}" must be a string, not {type(value).__name__}')
    return clean_text(value) or None


def jsonl_article(
    line: str, stem: str, lineno: int, default: str | None, where: str, warn: Callable[[str], None] = _warn
) -> Article:
    """The article of one JSONL line; raises :class:`Unreadable` saying what is wrong with it."""
    try:
        obj = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as exc:  # exc.msg may end in "at" ("Unterminated string starting at")
        msg = exc.msg[:-3] if exc.msg.endswith(" at") else exc.msg
        raise Unreadable(f"invalid JSON ({msg} at column {exc.colno})") from None
    except (ValueError, RecursionError) as exc:  # e.g. an integer too long to convert
        raise Unreadable(f"invalid JSON ({exc})") from None
    if not isinstance(obj, dict):
        raise Unreadable(f"not a JSON object (found {type(obj).__name__})")
    page: Article | None = None
    if obj.get("text") is None and isinstance(obj.get("html"), str):  # a web page instead of text
        page = html_article(f"{stem}-{lineno}", obj["html"], default, where, warn)
        obj = {"text": page.text, **{k: v for k, v in obj.items() if k != "html"}}
    if "text" not in obj or obj["text"] is None:
        raise Unreadable('missing "text"')
    if not isinstance(obj["text"], str):
        raise Unreadable(f'"text" must be a string, not {type(obj["text"]).__name__}')
    text = unwrap_lines(clean_text(obj["text"]))
    if not text:
        raise Unreadable('empty "text"')
    raw_id = obj.get("id")
    if isinstance(raw_id, int) and not isinstance(raw_id, bool):
        raw_id = str(raw_id)
    elif raw_id is not None and not isinstance(raw_id, str):
        raise Unreadable(f'"id" must be a string, not {type(raw_id).__name__}')
    published = page.published if page is not None else default
    raw_date = obj.get("published")
    if raw_date not in (None, ""):
        parsed = document_date(raw_date) if isinstance(raw_date, str) else None
        if parsed is None:
            raise Unreadable(f'invalid "published" {raw_date!r}: expected YYYY-MM-DD, YYYY-MM or YYYY')
        published = parsed
    return Article(
        id=clean_id(raw_id or "") or f"{stem}-{lineno}",
        text=text,
        published=published,
        url=_optional_string(obj, "url") or (page.url if page is not None else None),
        title=_optional_string(obj, "title") or (page.title if page is not None else None),
        source=where,
    )
