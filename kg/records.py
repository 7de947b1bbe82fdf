"""Typed records passed between the stages of the pipeline.

    inputs (Article) ─► extract (Extraction: Entity, Relation, Evidence) ─► mapping (rdflib Graph)

Only :mod:`kg.extract` and :mod:`kg.nlp` know spaCy; only :mod:`kg.mapping` knows RDF.
Every record is a frozen dataclass so stages cannot mutate each other's data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Article",
    "Evidence",
    "Entity",
    "Relation",
    "Extraction",
    "ENTITY_TYPES",
    "RELATION_TYPES",
]

#: The eight entity classes of the ontology (local names).
ENTITY_TYPES = (
    "Summit",
    "Minister",
    "Person",
    "Country",
    "Organization",
    "City",
    "Event",
    "Announcement",
)

#: The eleven object properties of the ontology (local names).
RELATION_TYPES = (
    "hostCountry",
    "hostCity",
    "attendee",
    "ministerOf",
    "nationality",
    "affiliation",
    "announcedBy",
    "about",
    "during",
    "locatedIn",
    "nextEdition",
)


@dataclass(frozen=True)
class Article:
    """One input article.

    ``published`` is an ISO date (``YYYY-MM-DD``; ``YYYY-MM`` or ``YYYY`` when only that is known) or ``None``; relative dates in the text are
    resolved against it. ``source`` says where the article came from (``path`` or
    ``path:line`` for JSONL, ``<stdin>``) and is used in messages.
    """

    id: str
    text: str
    published: str | None = None
    url: str | None = None
    title: str | None = None
    source: str = ""


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: a sentence of an article, with character offsets in the article text.

    ``implied`` marks a fact inferred from its context rather than stated in one phrase (a
    minister's country from the government the story is about, a host country from the host
    leader's nationality...): such facts have a lower confidence, and users can leave them out.
    """

    article_id: str
    sentence: str
    start: int
    end: int
    confidence: float = 1.0
    implied: bool = False


@dataclass(frozen=True)
class Entity:
    """An entity of one of the eight classes.

    ``key`` is the stable identity key from which the IRI is minted (``country/FRA``,
    ``person/bruno-le-maire`` ...): two entities with the same key are the same entity, also
    across articles. ``attrs`` holds the data properties (``edition``, ``startDate``, ``role``,
    ``portfolio``, ``summary``, ``date``, ``amount``) as sorted ``(name, value)`` pairs.
    """

    key: str
    type: str
    label: str
    aliases: tuple[str, ...] = ()
    attrs: tuple[tuple[str, str | int], ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Relation:
    """A triple between two entity keys, with the evidence that states it."""

    subject: str
    predicate: str
    object: str
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 1.0


@dataclass(frozen=True)
class Extraction:
    """What was extracted from one article, and the warnings about it that the build reports
    (``warnings``: one line each, naming the article; they travel back from worker processes
    with the records)."""

    article: Article
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = field(default_factory=tuple)
    warnings: tuple[str, ...] = ()
