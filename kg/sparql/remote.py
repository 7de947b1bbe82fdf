"""Refusing SPARQL that makes kg fetch from other servers: ``SERVICE`` (federated queries) and
``LOAD`` (updates that read a URL).

Oxigraph (the ``kg serve`` server and ``pyoxigraph``) and rdflib both send an HTTP request to the
IRI a ``SERVICE`` names and return what it answered, so a query written by someone else — a
saved ``.rq`` file, or a web page that makes a browser send a GET to a local ``kg serve`` — could
read from, or trigger, any server this machine can reach (server-side request forgery). kg
refuses such text unless the user allows it (``--allow-service``).

The check reads the text as SPARQL's tokenizer does rather than searching for a word: comments
(``# …``), strings (the four quotings, with escapes), IRIs (``<…>``), variables (``?service``)
and the local part of prefixed names (``ex:service``) never count. Oxigraph's parser needs no
space around a keyword (``?s ?p 1SERVICE<…>``, ``SERVICEex:x {…}`` and ``"x"SERVICE`` all run a
SERVICE), so a keyword counts anywhere in a word, in any case (``service:x`` is refused); and
since it reads ``FILTER(?a<?b)SERVICE:x#>`` as a comparison followed by SERVICE, an "IRI" that
holds a ``)`` and a keyword counts too. The text is checked both as it is and after its
``\\uXXXX`` / ``\\UXXXXXXXX`` escapes are decoded (SPARQL 1.1 decodes them before parsing). When
in doubt it refuses: a false alarm costs an ``--allow-service``, a miss a request to a server.
``tests/sparql/test_remote.py`` checks, over hundreds of spellings, that whenever Oxigraph or
rdflib would send a SERVICE request, this check refuses the text first.

>>> remote_keyword("SELECT * WHERE { sErViCe <http://127.0.0.1:9/> { ?s ?p ?o } }")
'SERVICE'
>>> remote_keyword('SELECT ?service WHERE { ?service ex:service "SERVICE" } # SERVICE')
"""

from __future__ import annotations

import re
import unicodedata

from kg.errors import InputError

__all__ = ["REMOTE_KEYWORDS", "RemoteRefused", "remote_keyword", "check_remote"]

#: Keywords that make a SPARQL engine fetch a URL.
REMOTE_KEYWORDS = ("SERVICE", "LOAD")

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# One token at a time, in SPARQL's lexical order. Strings follow the grammar exactly (a short
# string does not cross a line end): text the real parser does not read as a string is not
# skipped here either. Variables are VARNAME exactly.
_BASE = ("A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D"
         "\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF")
_VARCHARS = _BASE + "_0-9\u00B7\u0300-\u036F\u203F\u2040"
_TOKEN = re.compile(
    r"""
      (?P<comment>\#[^\n\r]*)
    | (?P<string>'''(?:'{0,2}(?:[^'\\]|\\.))*'''
                | \"\"\"(?:\"{0,2}(?:[^\"\\]|\\.))*\"\"\"
                | '(?:[^'\\\n\r]|\\.)*'
                | "(?:[^"\\\n\r]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][""" + _VARCHARS + r"""]*)
    | (?P<word>(?:[^\s{}()\[\];,<>"'\#?$=!&|+*/^@\\]|\\.)+)
    | (?P<other>.)
    """,
    re.X | re.S,
)


class RemoteRefused(InputError):
    """The SPARQL text would make kg fetch from another server, and that was not allowed."""


def _unescape(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else m.group(0)

    return _ESCAPE.sub(repl, text)


def _contains_keyword(text: str) -> str | None:
    for form in (text.upper(), unicodedata.normalize("NFKC", text).upper(), text.casefold().upper()):
        for kw in REMOTE_KEYWORDS:
            if kw in form:
                return kw
    return None


def _scan(text: str) -> str | None:
    for m in _TOKEN.finditer(text):
        kind, token = m.lastgroup, m.group()
        if kind == "word":
            # Oxigraph needs no space around a keyword (``1SERVICE<…>``, ``SERVICEex:x``): a keyword
            # anywhere in a word counts, but for the local part of a prefixed name (``ex:service``),
            # which the parser reads to its end
            found = _contains_keyword(token.split(":", 1)[0])
        elif kind == "iri" and ")" in token:
            # ``FILTER(?a<?b)SERVICE:x#>`` is an IRI to a tokenizer but a comparison, then SERVICE,
            # to Oxigraph's parser: an operator ``<`` only ever follows an operand inside parentheses
            found = _contains_keyword(token)
        else:
            found = None
        if found:
            return found
    return None


def remote_keyword(text: str) -> str | None:
    """``"SERVICE"`` or ``"LOAD"`` if the SPARQL ``text`` uses it as a keyword, else ``None``."""
    found = _scan(text)
    if found is None and "\\" in text:
        found = _scan(_unescape(text))
    return found


def check_remote(text: str, *, allow: bool = False, option: str = "--allow-service") -> None:
    """Raise :class:`RemoteRefused` if ``text`` uses ``SERVICE`` or ``LOAD`` and ``allow`` is false."""
    if allow:
        return
    found = remote_keyword(text)
    if found is not None:
        what = "query another SPARQL endpoint" if found == "SERVICE" else "read a URL"
        raise RemoteRefused(f"{found} refused: it would make kg {what} (a request to any server this machine "
                            f"can reach); give {option} to allow it")
