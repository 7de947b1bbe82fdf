"""Reading what users give ``kg build``: files, folders and standard input, as :class:`Article` records.

>>> for art in read_articles(["corpus/", "extra.jsonl", "-"], published="2023-11-01"):  # doctest: +SKIP
...     print(art.id, art.source)

Inputs
    * a ``.txt`` or ``.md`` file is one article; any other file named explicitly is read as plain
      text too;
    * an ``.html`` or ``.htm`` file is a web page: its main text is extracted with trafilatura
      (menus, footers, scripts left out) and the page's metadata give the article's ``title``,
      ``published`` date and ``url``;
    * a ``.jsonl`` file holds one JSON object per line,
      ``{"id", "text", "published", "url", "title"}``, of which only ``text`` is required (or
      ``html`` instead of ``text``: a web page, read as an ``.html`` file);
    * a folder stands for its ``.txt``, ``.md``, ``.jsonl``, ``.html`` and ``.htm`` files, recursively, in sorted
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
    are read as cp1252 (or latin-1 for the five bytes cp1252 leaves undefined), with a warning
    naming the first bad byte and its offset. An HTML page's declared ``charset`` is used when the
    bytes agree with it. Standard input is decoded as it streams: from the first byte that is not
    UTF-8 on, it is read as cp1252 (with the same warning).

Large inputs
    Nothing is read whole: JSONL files line by line, text and Markdown files and standard input in
    64 KiB blocks. A text longer than ``max_chars`` (:data:`MAX_PART_CHARS`, 100,000 characters)
    is cut into parts of at most that size, at paragraph boundaries (a blank line; else a line
    break, a sentence end, a space), each one an article ``ID-part-1``, ``ID-part-2``... whose
    ``source`` is ``path:line`` of its first line; a warning says so. Memory is bounded by the
    part size, whatever the size of the file. (spaCy itself refuses texts over a million
    characters.)

Cleaning (:func:`clean_text`, done before the :class:`Article` is created, so every later
character offset refers to ``Article.text``)
    newlines become ``\\n``; no-break spaces (U+00A0, U+202F) become spaces; zero-width characters,
    soft hyphens, bidirectional controls and control characters (but tab and newline) are removed;
    lone surrogates (``"\\ud800"`` in JSON) become U+FFFD; the text is NFC-normalised and stripped.

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
import itertools
import json
import os
import re
import sys
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from kg.errors import InputError
from kg.names import slug
from kg.records import Article

__all__ = ["Skipped", "read_articles", "clean_text", "ARTICLE_SUFFIXES", "MAX_PART_CHARS"]

#: File extensions picked up in folders.
ARTICLE_SUFFIXES = (".txt", ".md", ".jsonl", ".html", ".htm")

#: Longest text given to the pipeline as one article; longer ones are cut into parts (see above).
MAX_PART_CHARS = 100_000

_MARKDOWN_SUFFIXES = (".md", ".markdown")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_CHUNK = 65536  # bytes (or characters) read at a time
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
_CONTROLS = "".join(chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
# one regex pass: str.translate with a dict costs ~0.4 µs a character (36 ms per 100,000)
_ODD = re.compile("[" + re.escape(_BIDI + _ZERO_WIDTH + _CONTROLS) + "\ud800-\udfff]")


def _odd(m: re.Match[str]) -> str:
    return "\ufffd" if "\ud800" <= m.group() <= "\udfff" else ""


def clean_text(text: str) -> str:
    """The minimal, offset-safe cleaning applied to every article text (and title).

    >>> clean_text("Le\\u00a0sommet\\u200b de\\r\\nParis\\u202f!  ")
    'Le sommet de\\nParis !'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u202f", " ")
    # lone surrogates only come from JSON escapes ("\\ud800"); they cannot be written as UTF-8
    text = _ODD.sub(_odd, text)
    return unicodedata.normalize("NFC", text).strip()


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


_CP1252_UNDEFINED = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")


def _latin1_for_undefined(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the five bytes cp1252 leaves undefined are read as latin-1."""
    assert isinstance(exc, UnicodeDecodeError)
    return exc.object[exc.start:exc.end].decode("latin-1"), exc.end


codecs.register_error("kg-latin1", _latin1_for_undefined)


def _first_invalid_utf8(f: BinaryIO) -> tuple[int, int] | None:
    """``(offset, byte)`` of the first byte of ``f`` that is not UTF-8, read in blocks, or None."""
    pending, base = b"", 0  # base: file offset of pending[0]
    while True:
        block = f.read(_CHUNK * 4)
        data = pending + block
        try:
            _, consumed = codecs.utf_8_decode(data, "strict", not block)
        except UnicodeDecodeError as exc:
            return base + exc.start, data[exc.start]
        if not block:
            return None
        base += consumed
        pending = data[consumed:]


def _file_codec(path: Path, display: str, warn: Callable[[str], None]) -> tuple[str, str]:
    """``(codec, name)`` that decodes the whole file, found by streaming it; raises :class:`_Unreadable`."""
    with open(path, "rb") as f:
        head = f.read(_SNIFF)
        bom = _bom(head[:4])
        if bom is not None:
            return bom
        if _looks_binary(head):
            raise _Unreadable("binary file")
        f.seek(0)
        bad = _first_invalid_utf8(f)
        if bad is None:
            return "utf-8", "UTF-8"
        f.seek(0)
        undefined = any(any(b in block for b in _CP1252_UNDEFINED) for block in iter(lambda: f.read(_CHUNK * 16), b""))
    codec = "latin-1" if undefined else "cp1252"
    warn(f"{display}: not valid UTF-8 (byte 0x{bad[1]:02x} at offset {bad[0]}); read as {codec}")
    return codec, codec


def _decoded_file(path: Path, codec: str, name: str) -> Iterator[str]:
    """The text of a file in blocks, decoded with ``codec``; raises :class:`_Unreadable`."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    offset = 0
    with open(path, "rb") as f:
        while True:
            block = f.read(_CHUNK)
            try:
                text = decoder.decode(block, final=not block)
            except UnicodeDecodeError as exc:
                raise _Unreadable(f"invalid {name} ({exc.reason} near byte {offset})") from None
            offset += len(block)
            if "\x00" in text and name in ("UTF-16", "UTF-32"):
                raise _Unreadable("binary file")
            if text:
                yield text
            if not block:
                return


def _stdin_chunks(stream: TextIO | BinaryIO, warn: Callable[[str], None]) -> Iterator[str]:
    """Standard input decoded as it streams (see "Encodings"); raises :class:`_Unreadable`."""
    buffer = getattr(stream, "buffer", None)
    src = buffer if buffer is not None else stream
    head = src.read(_SNIFF)
    if isinstance(head, str):  # a text stream (tests, embedding): already decoded
        for text in itertools.chain([head], iter(lambda: src.read(_CHUNK), "")):
            if "\x00" in text:
                raise _Unreadable("binary file")
            yield text
        return
    bom = _bom(head[:4])
    if bom is None and _looks_binary(head):
        raise _Unreadable("binary file")
    codec, name = bom if bom is not None else ("utf-8", "UTF-8")
    decoder = codecs.getincrementaldecoder(codec)("strict")
    offset = 0
    for block in itertools.chain([head], iter(lambda: src.read(_CHUNK), b"")):
        try:
            yield decoder.decode(block, final=False)
        except UnicodeDecodeError as exc:
            if bom is not None:
                raise _Unreadable(f"invalid {name} ({exc.reason} near byte {offset})") from None
            # exc.object is the decoder's pending bytes + this block: keep its valid UTF-8 prefix
            data = exc.object
            yield data[:exc.start].decode("utf-8")
            warn(f"{_STDIN_SOURCE}: not valid UTF-8 (byte 0x{data[exc.start]:02x} near offset "
                 f"{offset + exc.start - (len(data) - len(block))}); read as cp1252 from there")
            decoder = codecs.getincrementaldecoder("cp1252")("kg-latin1")
            yield decoder.decode(data[exc.start:])
        offset += len(block)
    try:
        yield decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise _Unreadable(f"invalid {name} ({exc.reason} at the end)") from None


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


def _parts(chunks: Iterable[str], limit: int) -> Iterator[tuple[int, str]]:
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
    kind: str  # "text", "markdown", "html", "jsonl", "stdin" or "empty-folder"
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
    if suffix in _HTML_SUFFIXES:
        return "html"
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
    files = [s for s in sources if s.kind in ("text", "markdown", "html")]
    groups: dict[str, list[_Source]] = {}
    for s in files:
        assert s.path is not None
        groups.setdefault(slug(s.path.stem), []).append(s)
    ids: dict[str, str] = {}
    for base, group in groups.items():
        if len(group) == 1:
            ids[group[0].display] = base
            continue
        parents = {s.display: [slug(p) for p in Path(os.path.realpath(s.path)).parent.parts[1:]] for s in group}  # type: ignore[arg-type]
        depth = max(len(p) for p in parents.values())
        for k in range(1, depth + 1):
            cands = {d: "-".join([base, *p[len(p) - k:]]) if p else base for d, p in parents.items()}
            if len(set(cands.values())) == len(cands):
                break
        else:  # same folder too (x.txt and x.md): the extension tells them apart
            cands = {s.display: f"{base}-{slug(s.path.suffix)}" for s in group}  # type: ignore[union-attr]
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
    max_chars: int = MAX_PART_CHARS,
) -> Iterator[Article]:
    """The articles of ``paths`` (files, folders, ``-``), lazily, in a deterministic order.

    ``published`` (``YYYY-MM-DD``) dates every article without a date of its own. ``stdin``
    replaces :data:`sys.stdin` for ``-`` (its ``.buffer`` bytes are read when it has one).
    Unusable inputs are reported to ``on_skip``, recoverable problems to ``on_warning``
    (both default to :func:`warnings.warn`). Texts longer than ``max_chars`` characters are cut
    into parts at paragraph boundaries (see "Large inputs").

    Raises :class:`~kg.errors.InputError` at call time, before anything is read, for a missing
    or unreadable path, ``-`` given twice, or a malformed ``published``.
    """
    default = _check_published_option(published)
    if max_chars < 1000:
        raise InputError(f"max_chars must be at least 1000, not {max_chars}")
    sources = _collect(paths)
    skip = on_skip if on_skip is not None else _warn_skip
    warn = on_warning if on_warning is not None else _warn
    return _read(sources, default, stdin, skip, warn, max_chars)


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
    limit: int = MAX_PART_CHARS,
) -> Iterator[Article]:
    file_ids = _file_ids(sources)
    used: set[str] = set()

    def unique(article: Article) -> Article:
        key = slug(article.id)
        if key not in used:
            used.add(key)
            return article
        n = 2
        while slug(f"{article.id}-{n}") in used:
            n += 1
        new = f"{article.id}-{n}"
        used.add(slug(new))
        warn(f"{article.source}: duplicate article id {article.id!r}, renamed to {new!r}")
        return Article(new, article.text, article.published, article.url, article.title, article.source)

    for src in sources:
        if src.kind == "empty-folder":
            skip(Skipped(src.display, "no .txt, .md, .jsonl or .html files"))
            continue
        try:
            if src.kind == "jsonl":
                articles = _read_jsonl(src, default, skip, warn, limit)
            elif src.kind == "html":
                assert src.path is not None
                articles = _split_article(
                    _html_article(file_ids[src.display], src.path.read_bytes(), default, src.display, warn), limit, warn)
            elif src.kind == "stdin":
                chunks = _stdin_chunks(stdin if stdin is not None else sys.stdin, warn)
                articles = _text_articles("stdin", chunks, default, src.display, warn, limit, markdown=False)
            else:
                assert src.path is not None
                codec, name = _file_codec(src.path, src.display, warn)
                chunks = _decoded_file(src.path, codec, name)
                articles = _text_articles(file_ids[src.display], chunks, default, src.display, warn, limit,
                                          markdown=src.kind == "markdown")
            for article in articles:
                yield unique(article)
        except _Unreadable as exc:
            skip(Skipped(src.display, exc.reason))
        except OSError as exc:
            skip(Skipped(src.display, f"cannot read ({exc.strerror or exc})"))


def _text_articles(
    id_: str,
    chunks: Iterable[str],
    published: str | None,
    source: str,
    warn: Callable[[str], None],
    limit: int,
    *,
    markdown: bool,
) -> Iterator[Article]:
    """The article(s) of one text or Markdown stream: one, or ``ID-part-N`` when it is longer than ``limit``."""
    parts = _parts(chunks, limit)
    first = next(parts)
    second = next(parts, None)
    if second is None:  # the usual case: the whole text is one article
        text = first[1]
        yield _markdown_article(id_, text, published, source, warn) if markdown else _text_article(id_, text, published, source)
        return
    warn(f"{source}: longer than {limit:,} characters: read as parts {id_}-part-1, -part-2... cut at paragraph boundaries")
    meta: dict[str, str] = {}
    title = None
    n = 0
    for i, (line, raw) in enumerate(itertools.chain([first, second], parts)):
        text = clean_text(raw)
        if markdown:
            if i == 0:
                meta, text = _split_front_matter(text)
                published = _front_matter_date(meta, published, source, warn)
            text, heading = _strip_headings(text)
            title = title or meta.get("title") or heading
            text = text.strip()
        if not text:
            continue
        n += 1
        yield Article(id=f"{meta.get('id') or id_}-part-{n}", text=text, published=published,
                      url=meta.get("url") or None, title=title, source=f"{source}:{line}")
    if n == 0:
        raise _Unreadable("empty file")


def _split_article(article: Article, limit: int, warn: Callable[[str], None]) -> Iterator[Article]:
    """``article``, or its parts ``ID-part-N`` when its text is longer than ``limit``."""
    if len(article.text) <= limit:
        yield article
        return
    warn(f"{article.source}: longer than {limit:,} characters: read as parts {article.id}-part-1, -part-2... "
         "cut at paragraph boundaries")
    n = 0
    for _, raw in _parts([article.text], limit):
        text = clean_text(raw)
        if text:
            n += 1
            yield Article(f"{article.id}-part-{n}", text, article.published, article.url, article.title, article.source)


def _text_article(id_: str, text: str, published: str | None, source: str) -> Article:
    text = clean_text(text)
    if not text:
        raise _Unreadable("empty file")
    return Article(id=id_, text=text, published=published, source=source)


def _front_matter_date(meta: dict[str, str], published: str | None, source: str, warn: Callable[[str], None]) -> str | None:
    date = meta.get("published") or meta.get("date")
    if date:
        parsed = _document_date(date)
        if parsed is None:
            warn(f"{source}: front matter date {date!r} is not YYYY-MM-DD; ignored")
        else:
            return parsed
    return published


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
    published = _front_matter_date(meta, published, source, warn)
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
    src: _Source, default: str | None, skip: Callable[[Skipped], None], warn: Callable[[str], None],
    limit: int = MAX_PART_CHARS,
) -> Iterator[Article]:
    assert src.path is not None
    stem = slug(src.path.stem)
    read_any = False
    for lineno, line in _jsonl_lines(src, warn):
        if not line.strip():
            continue
        read_any = True
        where = f"{src.display}:{lineno}"
        try:
            article = _jsonl_article(line, stem, lineno, default, where, warn)
        except _Unreadable as exc:
            skip(Skipped(where, exc.reason))
            continue
        yield from _split_article(article, limit, warn)
    if not read_any:
        raise _Unreadable("empty file")


def _optional_string(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Unreadable(f'"{key}" must be a string, not {type(value).__name__}')
    return clean_text(value) or None


def _jsonl_article(
    line: str, stem: str, lineno: int, default: str | None, where: str, warn: Callable[[str], None] = _warn
) -> Article:
    try:
        obj = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as exc:  # exc.msg may end in "at" ("Unterminated string starting at")
        msg = exc.msg[:-3] if exc.msg.endswith(" at") else exc.msg
        raise _Unreadable(f"invalid JSON ({msg} at column {exc.colno})") from None
    except (ValueError, RecursionError) as exc:  # e.g. an integer too long to convert
        raise _Unreadable(f"invalid JSON ({exc})") from None
    if not isinstance(obj, dict):
        raise _Unreadable(f"not a JSON object (found {type(obj).__name__})")
    page: Article | None = None
    if obj.get("text") is None and isinstance(obj.get("html"), str):  # a web page instead of text
        page = _html_article(f"{stem}-{lineno}", obj["html"], default, where, warn)
        obj = {"text": page.text, **{k: v for k, v in obj.items() if k != "html"}}
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
    published = page.published if page is not None else default
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
        url=_optional_string(obj, "url") or (page.url if page is not None else None),
        title=_optional_string(obj, "title") or (page.title if page is not None else None),
        source=where,
    )


# ── HTML ──────────────────────────────────────────────────────────────────────────────────────

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _decode_html(data: bytes, source: str, warn: Callable[[str], None]) -> str:
    """A page's text: BOM, else its declared ``charset`` when the bytes agree, else as any file."""
    if _bom(data[:4]) is None:
        m = _META_CHARSET.search(data[:4096])
        if m:
            try:
                codec = codecs.lookup(m.group(1).decode("ascii")).name
            except (LookupError, UnicodeDecodeError):
                codec = None
            if codec is not None and codec != "utf-8":
                try:
                    return data.decode(codec)
                except UnicodeDecodeError:
                    pass  # the declaration is wrong: find out as for any file
    return _decode(data, source, warn)


def _html_article(id_: str, page: bytes | str, published: str | None, source: str, warn: Callable[[str], None]) -> Article:
    """The main text of a web page (trafilatura) with the page's title, date and URL."""
    import logging

    import trafilatura

    html = _decode_html(page, source, warn) if isinstance(page, bytes) else page
    if not html.strip():
        raise _Unreadable("empty file")
    log = logging.getLogger("trafilatura")
    level = log.level
    log.setLevel(logging.CRITICAL)  # it logs "empty HTML tree" etc. as warnings; we report ourselves
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_images=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
        # no main text found (a short page, a fragment): all the page's text, scripts left out
        text = getattr(doc, "text", None) or trafilatura.html2txt(html) or ""
        if not text and not re.search(r"<(html|body)\b", html[:65536], re.IGNORECASE):
            text = trafilatura.html2txt(f"<html><body>{html}</body></html>") or ""
    finally:
        log.setLevel(level)
    text = clean_text(text)
    if not text:
        raise _Unreadable("no article text found in the HTML page")
    date = getattr(doc, "date", None)
    if date:
        published = _document_date(date) or published
    title = clean_text(getattr(doc, "title", None) or "") or None
    url = clean_text(getattr(doc, "url", None) or "") or None
    return Article(id=id_, text=text, published=published, url=url, title=title, source=source)
