"""Reading what users give ``kg build``: files, folders and standard input, as :class:`Article` records.

>>> for art in read_articles(["corpus/", "extra.jsonl", "-"], published="2023-11-01"):  # doctest: +SKIP
...     print(art.id, art.source)

Inputs
    * a ``.txt`` or ``.md`` file is one article; any other file named explicitly is read as plain
      text too;
    * a ``.jsonl`` file holds one JSON object per line,
      ``{"id", "text", "published", "url", "title"}``, of which only ``text`` is required;
    * a folder stands for its ``.txt``, ``.md`` and ``.jsonl`` files, recursively, in sorted
      order (hidden files and folders, whose name starts with ``.``, are ignored; symbolic links to
      folders are not followed);
    * ``-`` is standard input, read as one plain-text article with id ``stdin``.

Ids
    A file's id is the slug of its name without the extension (``Sommet de l'IA.txt`` →
    ``sommet-de-l-ia``). When several files share a slug, each gets its parent folder(s) appended
    (``2023/x.txt``, ``2024/x.txt`` → ``x-2023``, ``x-2024``). A JSONL line without ``id`` gets
    ``<file slug>-<line>``. Any id still repeated (e.g. the same ``id`` twice in a JSONL file) gets
    ``-2``, ``-3``... and a warning, so two inputs never become the same article.

Markdown
    A leading YAML front matter block (between ``---`` lines) is removed; its simple
    ``key: value`` lines give ``title``, ``published`` (or ``date``), ``url`` and ``id``. Heading
    markers (``## ``) are dropped, the heading text stays as a line, and the first heading is the
    title when the front matter gives none.

Encodings
    UTF-8 (with or without BOM), UTF-16 and UTF-32 with BOM. Other bytes that are not valid UTF-8
    are read as cp1252 (or latin-1 for the five bytes cp1252 leaves undefined), with a warning.

Cleaning (:func:`clean_text`, done before the :class:`Article` is created, so every later
character offset refers to ``Article.text``)
    newlines become ``\\n``; no-break spaces (U+00A0, U+202F) become spaces; zero-width characters,
    soft hyphens and bidirectional controls are removed; the text is NFC-normalised and stripped.

Dates
    ``published`` (the argument, a JSONL field, front matter) is ``YYYY-MM-DD``. In JSONL and front
    matter an ISO date-time (``2023-11-01T09:30:00+01:00``) is accepted too and its date is kept.
    The ``published`` argument is the date of every article that has none of its own.

Problems
    A missing path, or a malformed ``published`` argument, raises :class:`~kg.errors.InputError`
    when :func:`read_articles` is called, before any article is read. An input that cannot be used
    (empty file, binary file, bad JSONL line, folder without articles...) is reported to
    ``on_skip`` as a :class:`Skipped` and reading goes on; recoverable oddities (encoding fallback,
    renamed duplicate id, bad front-matter date) go to ``on_warning``. Without callbacks both become
    :func:`warnings.warn` calls. If nothing at all could be read the iterator is simply empty: the
    caller decides what that means.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import json
import os
import re
import sys
import unicodedata
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from .errors import InputError
from .records import Article

__all__ = ["Skipped", "read_articles", "clean_text", "ARTICLE_SUFFIXES"]

#: File extensions picked up in folders.
ARTICLE_SUFFIXES = (".txt", ".md", ".jsonl")

_MARKDOWN_SUFFIXES = (".md", ".markdown")
_SNIFF = 8192  # bytes looked at to tell text from binary
_STDIN_SOURCE = "<stdin>"


@dataclass(frozen=True)
class Skipped:
    """An input that was left out: ``source`` is ``path`` or ``path:line``; ``reason`` says why.

    ``str(skipped)`` reads ``corpus/x.txt: empty file``.
    """

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


# ── text cleaning ─────────────────────────────────────────────────────────────────────────────

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # U+00AD soft hyphen: invisible too
_CLEAN_TABLE: dict[int, str | None] = {ord(c): None for c in _BIDI + _ZERO_WIDTH}
_CLEAN_TABLE.update({0x00A0: " ", 0x202F: " "})


def clean_text(text: str) -> str:
    """The minimal, offset-safe cleaning applied to every article text (and title).

    >>> clean_text("Le\\u00a0sommet\\u200b de\\r\\nParis\\u202f!  ")
    'Le sommet de\\nParis !'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_CLEAN_TABLE)
    return unicodedata.normalize("NFC", text).strip()


def _slug(text: str) -> str:
    from unidecode import unidecode

    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-") or "x"


# ── dates ─────────────────────────────────────────────────────────────────────────────────────

_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
_DATETIME_TAIL = re.compile(r"[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")


def _valid_date(value: str) -> bool:
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _check_published_option(published: str | None) -> str | None:
    if published is None:
        return None
    if not isinstance(published, str) or not _DATE.fullmatch(published.strip()) or not _valid_date(published.strip()):
        raise InputError(f"invalid published date {published!r}: expected a date as YYYY-MM-DD, e.g. 2023-11-01")
    return published.strip()


def _document_date(value: str) -> str | None:
    """``YYYY-MM-DD`` from a date or ISO date-time string, or ``None`` if it is neither."""
    value = value.strip()
    m = _DATE.match(value)
    if not m or not _valid_date(m.group(1)):
        return None
    tail = value[m.end():]
    if tail and not _DATETIME_TAIL.fullmatch(tail):
        return None
    return m.group(1)


# ── decoding ──────────────────────────────────────────────────────────────────────────────────

_BOMS = (  # UTF-32 first: its LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1b")


def _bom(head: bytes) -> tuple[str, str] | None:
    for bom, codec, name in _BOMS:
        if head.startswith(bom):
            return codec, name
    return None


def _looks_binary(head: bytes) -> bool:
    """NUL bytes, or more than 10 % control bytes, in the first bytes of a BOM-less file."""
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
    return controls > len(head) * 0.10


def _legacy_decode(data: bytes) -> tuple[str, str]:
    """Decode bytes that are not UTF-8: cp1252, else latin-1 (which never fails)."""
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


class _Unreadable(Exception):
    """Internal: the input must be skipped for ``reason``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _decode(data: bytes, source: str, warn: Callable[[str], None]) -> str:
    """The text of a whole file; raises :class:`_Unreadable` for binary or undecodable data."""
    bom = _bom(data[:4])
    if bom is not None:
        codec, name = bom
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise _Unreadable(f"invalid {name} ({exc.reason} at byte {exc.start})") from None
        if "\x00" in text:
            raise _Unreadable("binary file")
        return text
    if _looks_binary(data[:_SNIFF]):
        raise _Unreadable("binary file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text, codec = _legacy_decode(data)
        warn(f"{source}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); read as {codec}")
        return text


# ── markdown ──────────────────────────────────────────────────────────────────────────────────

_FRONT_KEY = re.compile(r"([A-Za-z_][\w-]*)\s*:\s*(.*)")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    if " #" in value:  # an unquoted YAML comment
        value = value.split(" #", 1)[0].rstrip()
    return value


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """``(front matter fields, rest)``; fields are lower-cased keys with unquoted values."""
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


def _strip_headings(body: str) -> tuple[str, str | None]:
    """``body`` without ATX heading markers, and the text of the first heading."""
    first: list[str] = []

    def repl(m: re.Match[str]) -> str:
        heading = (m.group(1) or "").strip()
        if heading and not first:
            first.append(heading)
        return heading

    return _HEADING.sub(repl, body), (first[0] if first else None)


# ── sources ───────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class _Source:
    kind: str  # "text", "markdown", "jsonl", "stdin" or "empty-folder"
    path: Path | None
    display: str


def _is_hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def _folder_files(root: Path) -> list[Path]:
    found: list[tuple[tuple[str, ...], Path]] = []
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith(".") or not name.lower().endswith(ARTICLE_SUFFIXES):
                continue
            path = Path(folder, name)
            if path.is_file():
                found.append((path.relative_to(root).parts, path))
    return [path for _, path in sorted(found)]


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return "jsonl"
    return "markdown" if suffix in _MARKDOWN_SUFFIXES else "text"


def _collect(paths: Sequence[str | os.PathLike[str]]) -> list[_Source]:
    """Check every path and list what to read, in order; raises :class:`InputError`."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if not paths:
        raise InputError("no input given: name files, folders, or - for standard input")
    sources: list[_Source] = []
    seen: set[str] = set()
    stdin_seen = False

    def add(kind: str, path: Path, display: str) -> None:
        key = os.path.realpath(path)
        if key not in seen:  # the same file named twice (or also inside a folder) is read once
            seen.add(key)
            sources.append(_Source(kind, path, display))

    for raw in paths:
        if os.fspath(raw) == "-":
            if stdin_seen:
                raise InputError("- (standard input) given more than once")
            stdin_seen = True
            sources.append(_Source("stdin", None, _STDIN_SOURCE))
            continue
        path = Path(raw)
        display = os.fspath(raw)
        if not path.exists():
            raise InputError("no such file or folder", path=display)
        if path.is_dir():
            files = _folder_files(path)
            if not files:
                sources.append(_Source("empty-folder", path, display))
            for f in files:
                add(_kind(f), f, os.path.join(display, os.fspath(f.relative_to(path))))
        else:
            if not os.access(path, os.R_OK):
                raise InputError("permission denied", path=display)
            add(_kind(path), path, display)
    return sources


def _file_ids(sources: list[_Source]) -> dict[str, str]:
    """The default id of each text/markdown source (keyed by display), unique among them."""
    files = [s for s in sources if s.kind in ("text", "markdown")]
    groups: dict[str, list[_Source]] = {}
    for s in files:
        assert s.path is not None
        groups.setdefault(_slug(s.path.stem), []).append(s)
    ids: dict[str, str] = {}
    for base, group in groups.items():
        if len(group) == 1:
            ids[group[0].display] = base
            continue
        parents = {s.display: [_slug(p) for p in Path(os.path.realpath(s.path)).parent.parts[1:]] for s in group}  # type: ignore[arg-type]
        depth = max(len(p) for p in parents.values())
        for k in range(1, depth + 1):
            cands = {d: "-".join([base, *p[len(p) - k:]]) if p else base for d, p in parents.items()}
            if len(set(cands.values())) == len(cands):
                break
        else:  # same folder too (x.txt and x.md): the extension tells them apart
            cands = {s.display: f"{base}-{_slug(s.path.suffix)}" for s in group}  # type: ignore[union-attr]
        ids.update(cands)  # still equal ones are numbered by the duplicate guard
    return ids


# ── reading ───────────────────────────────────────────────────────────────────────────────────


def read_articles(
    paths: Sequence[str | os.PathLike[str]],
    *,
    published: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> Iterator[Article]:
    """The articles of ``paths`` (files, folders, ``-``), lazily, in a deterministic order.

    ``published`` (``YYYY-MM-DD``) dates every article without a date of its own. ``stdin``
    replaces :data:`sys.stdin` for ``-`` (its ``.buffer`` bytes are read when it has one).
    Unusable inputs are reported to ``on_skip``, recoverable problems to ``on_warning``
    (both default to :func:`warnings.warn`).

    Raises :class:`~kg.errors.InputError` at call time, before anything is read, for a missing
    or unreadable path, ``-`` given twice, or a malformed ``published``.
    """
    default = _check_published_option(published)
    sources = _collect(paths)
    skip = on_skip if on_skip is not None else _warn_skip
    warn = on_warning if on_warning is not None else _warn
    return _read(sources, default, stdin, skip, warn)


def _warn_skip(skipped: Skipped) -> None:
    warnings.warn(f"kg: skipped {skipped}", stacklevel=3)


def _warn(message: str) -> None:
    warnings.warn(f"kg: {message}", stacklevel=3)


def _read(
    sources: list[_Source],
    default: str | None,
    stdin: TextIO | BinaryIO | None,
    skip: Callable[[Skipped], None],
    warn: Callable[[str], None],
) -> Iterator[Article]:
    file_ids = _file_ids(sources)
    used: set[str] = set()

    def unique(article: Article) -> Article:
        key = _slug(article.id)
        if key not in used:
            used.add(key)
            return article
        n = 2
        while _slug(f"{article.id}-{n}") in used:
            n += 1
        new = f"{article.id}-{n}"
        used.add(_slug(new))
        warn(f"{article.source}: duplicate article id {article.id!r}, renamed to {new!r}")
        return Article(new, article.text, article.published, article.url, article.title, article.source)

    for src in sources:
        if src.kind == "empty-folder":
            skip(Skipped(src.display, "no .txt, .md or .jsonl files"))
            continue
        try:
            if src.kind == "jsonl":
                for article in _read_jsonl(src, default, skip, warn):
                    yield unique(article)
                continue
            if src.kind == "stdin":
                text = _read_stdin(stdin, warn)
                article = _text_article("stdin", text, default, src.display)
            else:
                assert src.path is not None
                text = _decode(src.path.read_bytes(), src.display, warn)
                if src.kind == "markdown":
                    article = _markdown_article(file_ids[src.display], text, default, src.display, warn)
                else:
                    article = _text_article(file_ids[src.display], text, default, src.display)
        except _Unreadable as exc:
            skip(Skipped(src.display, exc.reason))
            continue
        except OSError as exc:
            skip(Skipped(src.display, f"cannot read ({exc.strerror or exc})"))
            continue
        yield unique(article)


def _read_stdin(stdin: TextIO | BinaryIO | None, warn: Callable[[str], None]) -> str:
    stream = stdin if stdin is not None else sys.stdin
    buffer = getattr(stream, "buffer", None)
    data = (buffer if buffer is not None else stream).read()
    if isinstance(data, str):
        if "\x00" in data:
            raise _Unreadable("binary file")
        return data
    return _decode(data, _STDIN_SOURCE, warn)


def _text_article(id_: str, text: str, published: str | None, source: str) -> Article:
    text = clean_text(text)
    if not text:
        raise _Unreadable("empty file")
    return Article(id=id_, text=text, published=published, source=source)


def _markdown_article(
    id_: str, raw: str, published: str | None, source: str, warn: Callable[[str], None]
) -> Article:
    text = clean_text(raw)
    if not text:
        raise _Unreadable("empty file")
    meta, body = _split_front_matter(text)
    body, heading = _strip_headings(body)
    body = body.strip()
    if not body:
        raise _Unreadable("no text after the front matter" if meta else "empty file")
    date = meta.get("published") or meta.get("date")
    if date:
        parsed = _document_date(date)
        if parsed is None:
            warn(f"{source}: front matter date {date!r} is not YYYY-MM-DD; ignored")
        else:
            published = parsed
    return Article(
        id=meta.get("id") or id_,
        text=body,
        published=published,
        url=meta.get("url") or None,
        title=meta.get("title") or heading,
        source=source,
    )


def _jsonl_lines(src: _Source, warn: Callable[[str], None]) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` of a JSONL file, streamed; raises :class:`_Unreadable`."""
    assert src.path is not None
    with open(src.path, "rb") as f:
        head = f.read(_SNIFF)
        f.seek(0)
        bom = _bom(head[:4])
        if bom is not None:
            codec, name = bom
            reader = codecs.getreader(codec)(f)  # type: ignore[arg-type]
            lineno = 0
            try:
                for lineno, line in enumerate(_text_lines(reader), 1):
                    yield lineno, line
            except UnicodeDecodeError as exc:
                raise _Unreadable(f"invalid {name} after line {lineno} ({exc.reason})") from None
            return
        if _looks_binary(head):
            raise _Unreadable("binary file")
        fallback_warned = False
        for lineno, raw in enumerate(f, 1):
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                line, codec = _legacy_decode(raw)
                if not fallback_warned:
                    fallback_warned = True
                    warn(f"{src.display}:{lineno}: not valid UTF-8; this and later such lines read as {codec}")
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


def _read_jsonl(
    src: _Source, default: str | None, skip: Callable[[Skipped], None], warn: Callable[[str], None]
) -> Iterator[Article]:
    assert src.path is not None
    stem = _slug(src.path.stem)
    read_any = False
    for lineno, line in _jsonl_lines(src, warn):
        if not line.strip():
            continue
        read_any = True
        where = f"{src.display}:{lineno}"
        try:
            yield _jsonl_article(line, stem, lineno, default, where)
        except _Unreadable as exc:
            skip(Skipped(where, exc.reason))
    if not read_any:
        raise _Unreadable("empty file")


def _optional_string(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Unreadable(f'"{key}" must be a string, not {type(value).__name__}')
    return clean_text(value) or None


def _jsonl_article(line: str, stem: str, lineno: int, default: str | None, where: str) -> Article:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _Unreadable(f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    except (ValueError, RecursionError) as exc:  # e.g. an integer too long to convert
        raise _Unreadable(f"invalid JSON ({exc})") from None
    if not isinstance(obj, dict):
        raise _Unreadable(f"not a JSON object (found {type(obj).__name__})")
    if "text" not in obj or obj["text"] is None:
        raise _Unreadable('missing "text"')
    if not isinstance(obj["text"], str):
        raise _Unreadable(f'"text" must be a string, not {type(obj["text"]).__name__}')
    text = clean_text(obj["text"])
    if not text:
        raise _Unreadable('empty "text"')
    raw_id = obj.get("id")
    if isinstance(raw_id, int) and not isinstance(raw_id, bool):
        raw_id = str(raw_id)
    elif raw_id is not None and not isinstance(raw_id, str):
        raise _Unreadable(f'"id" must be a string, not {type(raw_id).__name__}')
    published = default
    raw_date = obj.get("published")
    if raw_date not in (None, ""):
        parsed = _document_date(raw_date) if isinstance(raw_date, str) else None
        if parsed is None:
            raise _Unreadable(f'invalid "published" {raw_date!r}: expected YYYY-MM-DD')
        published = parsed
    return Article(
        id=(raw_id or "").strip() or f"{stem}-{lineno}",
        text=text,
        published=published,
        url=_optional_string(obj, "url"),
        title=_optional_string(obj, "title"),
        source=where,
    )
