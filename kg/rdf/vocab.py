"""The project's RDF vocabulary as a closed namespace, and the one place where IRIs are minted.

``KG`` mirrors ``ontology/kg.ttl``: a typo such as ``KG.ministreOf`` raises instead of minting a
new IRI, and ``tests/rdf/test_ontology.py`` checks the two never drift apart.

>>> KG.Minister
rdflib.term.URIRef('https://w3id.org/kg-news/ontology#Minister')
>>> entity_iri("country/FRA")
rdflib.term.URIRef('https://w3id.org/kg-news/id/country/FRA')
"""

from __future__ import annotations

import hashlib
import re

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg.names import slug

__all__ = ["KG", "KGID", "SCHEMA", "PREFIXES", "entity_iri", "article_iri", "id_path", "evidence_iri", "evidence_path",
           "slug"]


class KG(DefinedNamespace):
    """The kg ontology (``ontology/kg.ttl``)."""

    _fail = True
    _NS = Namespace("https://w3id.org/kg-news/ontology#")

    # classes
    Event: URIRef
    Summit: URIRef
    Person: URIRef
    Minister: URIRef
    Country: URIRef
    Organization: URIRef
    City: URIRef
    Announcement: URIRef
    Article: URIRef
    Mention: URIRef
    Assertion: URIRef
    # object properties
    hostCountry: URIRef
    hostCity: URIRef
    attendee: URIRef
    ministerOf: URIRef
    nationality: URIRef
    affiliation: URIRef
    announcedBy: URIRef
    about: URIRef
    during: URIRef
    locatedIn: URIRef
    nextEdition: URIRef
    # data properties
    edition: URIRef
    startDate: URIRef
    endDate: URIRef
    role: URIRef
    portfolio: URIRef
    summary: URIRef
    date: URIRef
    amount: URIRef
    iso3: URIRef
    # provenance
    mentionOf: URIRef
    sentence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    confidence: URIRef
    implied: URIRef
    mentionCount: URIRef
    assertionCount: URIRef


#: Namespace of the resources the tool mints (entities, articles, mentions, assertions).
KGID = Namespace("https://w3id.org/kg-news/id/")

#: schema.org (``schema:url`` of an article, ``schema:mentions`` from an article to an entity).
SCHEMA = Namespace("https://schema.org/")

#: Prefixes bound in every graph the tool writes and predeclared in queries.
PREFIXES = {
    "kg": str(KG._NS),
    "kgid": str(KGID),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
}

def entity_iri(key: str) -> URIRef:
    """The IRI of an entity from its identity key (``"person/bruno-le-maire"``)."""
    kind, _, rest = key.partition("/")
    return KGID[f"{slug(kind)}/{rest if kind == 'country' else slug(rest)}"]


_HASHED = re.compile(r"-[0-9a-f]{16}$")


def id_path(article_id: str, reserved: frozenset[str] = frozenset()) -> str:
    """The part of an article's IRIs that stands for its id, one-to-one: the id itself when it is
    already a slug (``"g7-2023"``), else its slug and 16 hex digits of the SHA-256 of the exact
    id (``"Sommet-1"`` → ``"sommet-1-…"``), so that ids that differ but slug alike (``Sommet-1``,
    ``sommet 1``; ``…`` and ``«»`` both slug to ``x``) never share an IRI. A slug that already ends
    like a hash, or is ``reserved``, is hashed too, which keeps the two forms apart.

    >>> id_path("g7-2023")
    'g7-2023'
    >>> id_path("Sommet-1") != id_path("sommet 1") != id_path("sommet-1")
    True
    """
    s = slug(article_id)
    if s == article_id and not _HASHED.search(s) and s not in reserved:
        return s
    digest = hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{s}-{digest}"


def article_iri(article_id: str) -> URIRef:
    """The IRI of an article: ``kgid:article/`` + :func:`id_path` (one IRI per exact id)."""
    return KGID[f"article/{id_path(article_id)}"]


def evidence_path(kind: str, *parts: object) -> str:
    """The part of :func:`evidence_iri` after ``KGID`` (``"mention/0123456789abcdef"``), for the
    N-Triples writer, which builds no rdflib term."""
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]
    return f"{kind}/{digest}"


def evidence_iri(kind: str, *parts: object) -> URIRef:
    """A deterministic IRI for a mention or an assertion, hashed from what identifies it."""
    return KGID[evidence_path(kind, *parts)]
