"""Web pages: the main text of an HTML page, extracted with trafilatura (menus, footers, scripts
left out), and the page's metadata as the article's ``title``, ``published`` date and ``url``. A
page's declared ``charset`` is used when the bytes agree with it."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from kg.inputs.clean import clean_text, unwrap_lines
from kg.inputs.dates import document_date
from kg.inputs.decode import bom, decode
from kg.inputs.problems import Unreadable
from kg.records import Article

__all__ = ["decode_html", "html_article"]

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_html(data: bytes, source: str, warn: Callable[[str], None]) -> str:
    """A page's text: BOM, else its declared ``charset`` when the bytes agree, else as any file."""
    if bom(data[:4]) is None:
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
    return decode(data, source, warn)


def html_article(id_: str, page: bytes | str, published: str | None, source: str, warn: Callable[[str], None]) -> Article:
    """The main text of a web page (trafilatura) with the page's title, date and URL."""
    import logging

    import trafilatura

    html = decode_html(page, source, warn) if isinstance(page, bytes) else page
    if not html.strip():
        raise Unreadable("empty file")
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
    text = unwrap_lines(clean_text(text))
    if not text:
        raise Unreadable("no article text found in the HTML page")
    date = getattr(doc, "date", None)
    if date:
        published = document_date(date) or published
    title = clean_text(getattr(doc, "title", None) or "") or None
    url = clean_text(getattr(doc, "url", None) or "") or None
    return Article(id=id_, text=text, published=published, url=url, title=title, source=source)
