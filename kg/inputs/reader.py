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
    ``-2``, ``-3``... and a warning, so two inputs never become the same article. Ids are
    cleaned like titles and kept on one line (:func:`~kg.inputs.clean.clean_id`); ids that
    differ only in case or punctuation (``Sommet-1``, ``sommet 1``) are different articles, with
    different IRIs (:func:`kg.rdf.vocab.id_path`).

URLs
    An article's ``url`` (JSONL, front matter, a page's metadata) is kept only if it is an http or
    https URL; another one (``javascript:…``) is left out with a warning.

Markdown
    A leading YAML front matter block (between ``---`` lines) is removed; its simple
    ``key: value`` lines give ``title``, ``published`` (or ``date``), ``url`` and ``id``. Heading
    markers (``## ``) are dropped, the heading text stays as a line, and the first heading is the
    title when the front matter gives none.

Encodings
    UTF-8 (with or without BOM), UTF-16 and UTF-32 with BOM, and without BOM (told by their zero
    bytes, with a warning). Other bytes that are not valid UTF-8 are in a legacy encoding:
    charset-normalizer picks it among cp1252, ISO-8859-15, Mac-Roman and cp850
    (:func:`kg.inputs.decode.detect_legacy`), and when it cannot tell they are read as cp1252 (or
    latin-1 for the five bytes cp1252 leaves undefined); a warning names the first bad byte, its
    offset and the encoding assumed (« read as Mac-Roman (detected) »). An HTML page's declared
    ``charset`` is used when the bytes agree with it. Standard input is decoded as it streams:
    from the first byte that is not UTF-8 on, it is read in the encoding detected there (with the
    same warning).

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
    newlines (and U+0085) become ``\\n``; no-break spaces (U+00A0, U+202F) become spaces; zero-width
    characters, soft hyphens, bidirectional controls and C0 and C1 control characters (but tab and
    newline) are removed; lone surrogates (``"\\ud800"`` in JSON) become U+FFFD; the text is
    NFC-normalised and stripped.

Dates
    ``published`` (the argument, a JSONL field, front matter) is ``YYYY-MM-DD``, or ``YYYY-MM`` /
    ``YYYY`` when only the month or year is known. In JSONL and front
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

import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import BinaryIO, TextIO

from kg.errors import InputError
from kg.inputs.clean import clean_id, clean_text, clean_url, unwrap_lines
from kg.inputs.dates import check_published_option
from kg.inputs.decode import decoded_file, file_codec, open_stream, stream_chunks
from kg.inputs.jsonl import read_jsonl
from kg.inputs.markdown import front_matter_date, markdown_article, split_front_matter, strip_headings
from kg.inputs.parts import MAX_PART_CHARS, parts, split_article
from kg.inputs.problems import Skipped, Unreadable, warn as _warn, warn_skip as _warn_skip
from kg.inputs.sources import ARTICLE_SUFFIXES, Source, collect, file_ids
from kg.inputs.webpage import html_article
from kg.records import Article

# clean_text and ARTICLE_SUFFIXES are re-exported: callers outside kg.inputs import them from here
__all__ = ["Skipped", "read_articles", "clean_text", "ARTICLE_SUFFIXES", "MAX_PART_CHARS"]


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

    ``published`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) dates every article without a date of its own. ``stdin``
    replaces :data:`sys.stdin` for ``-`` (its ``.buffer`` bytes are read when it has one).
    Unusable inputs are reported to ``on_skip``, recoverable problems to ``on_warning``
    (both default to :func:`warnings.warn`). Texts longer than ``max_chars`` characters are cut
    into parts at paragraph boundaries (see "Large inputs").

    Raises :class:`~kg.errors.InputError` at call time, before anything is read, for a missing
    or unreadable path, ``-`` given twice, or a malformed ``published``.
    """
    default = check_published_option(published)
    if max_chars < 1000:
        raise InputError(f"max_chars must be at least 1000, not {max_chars}")
    sources = collect(paths)
    skip = on_skip if on_skip is not None else _warn_skip
    warn = on_warning if on_warning is not None else _warn
    return _read(sources, default, stdin, skip, warn, max_chars)


def _read(
    sources: list[Source],
    default: str | None,
    stdin: TextIO | BinaryIO | None,
    skip: Callable[[Skipped], None],
    warn: Callable[[str], None],
    limit: int = MAX_PART_CHARS,
) -> Iterator[Article]:
    ids = file_ids(sources)
    used: set[str] = set()

    def unique(article: Article) -> Article:
        article = tidy(article, warn)
        if article.id not in used:
            used.add(article.id)
            return article
        n = 2
        while f"{article.id}-{n}" in used:
            n += 1
        new = f"{article.id}-{n}"
        used.add(new)
        warn(f"{article.source}: duplicate article id {article.id!r}, renamed to {new!r}")
        return replace(article, id=new)

    for src in sources:
        if src.kind == "empty-folder":
            skip(Skipped(src.display, "no .txt, .md, .jsonl or .html files"))
            continue
        if src.kind == "problem":
            skip(Skipped(src.display, src.reason))
            continue
        try:
            for article in _articles_of(src, ids, default, stdin, skip, warn, limit):
                yield unique(article)
        except Unreadable as exc:
            skip(Skipped(src.display, exc.reason))
        except OSError as exc:
            skip(Skipped(src.display, f"cannot read ({exc.strerror or exc})"))


def tidy(article: Article, warn: Callable[[str], None]) -> Article:
    """The article with its id on one clean line (:func:`clean_id`) and its URL only if http(s)
    (:func:`clean_url`, with a warning); an id with nothing left becomes ``article``."""
    new_id = clean_id(article.id) or "article"
    url = clean_url(article.url, article.source, warn)
    if new_id == article.id and url == article.url:
        return article
    return replace(article, id=new_id, url=url)


def _articles_of(
    src: Source,
    ids: dict[str, str],
    default: str | None,
    stdin: TextIO | BinaryIO | None,
    skip: Callable[[Skipped], None],
    warn: Callable[[str], None],
    limit: int,
) -> Iterator[Article]:
    """The articles of one source, by its kind; raises :class:`Unreadable` or :class:`OSError`."""
    if src.kind == "jsonl":
        return read_jsonl(src, default, skip, warn, limit)
    if src.kind == "html":
        assert src.path is not None
        return split_article(html_article(ids[src.display], src.path.read_bytes(), default, src.display, warn), limit, warn)
    if src.kind == "stdin":
        chunks = stream_chunks(stdin if stdin is not None else sys.stdin, warn)
        return _text_articles("stdin", chunks, default, src.display, warn, limit, markdown=False)
    if src.kind == "stream":
        return _stream_articles(src, ids[src.display], default, warn, limit)
    assert src.path is not None
    codec, name = file_codec(src.path, src.display, warn)
    chunks = decoded_file(src.path, codec, name)
    return _text_articles(ids[src.display], chunks, default, src.display, warn, limit, markdown=src.kind == "markdown")


def _stream_articles(src: Source, id_: str, published: str | None, warn: Callable[[str], None],
                     limit: int) -> Iterator[Article]:
    """The article(s) of a pipe or device named as a path, read once as a stream."""
    assert src.path is not None
    with open_stream(src.path, src.display, warn) as f:
        yield from _text_articles(id_, stream_chunks(f, warn, src.display), published, src.display, warn, limit,
                                  markdown=src.path.suffix.lower() in (".md", ".markdown"))


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
    pieces = parts(chunks, limit)
    first = next(pieces)
    second = next(pieces, None)
    if second is None:  # the usual case: the whole text is one article
        text = first[1]
        yield markdown_article(id_, text, published, source, warn) if markdown else _text_article(id_, text, published, source)
        return
    warn(f"{source}: longer than {limit:,} characters: read as parts {id_}-part-1, -part-2... cut at paragraph boundaries")
    meta: dict[str, str] = {}
    title = None
    n = 0
    for i, (line, raw) in enumerate(itertools.chain([first, second], pieces)):
        text = clean_text(raw)
        if markdown:
            if i == 0:
                meta, text = split_front_matter(text)
                published = front_matter_date(meta, published, source, warn)
            text, heading = strip_headings(text)
            title = title or meta.get("title") or heading
            text = text.strip()
        text = unwrap_lines(text)
        if not text:
            continue
        n += 1
        yield Article(id=f"{clean_id(meta.get('id') or '') or id_}-part-{n}", text=text, published=published,
                      url=meta.get("url") or None, title=title, source=f"{source}:{line}")
    if n == 0:
        raise Unreadable("empty file")


def _text_article(id_: str, text: str, published: str | None, source: str) -> Article:
    text = unwrap_lines(clean_text(text))
    if not text:
        raise Unreadable("empty file")
    return Article(id=id_, text=text, published=published, source=source)
