"""The extraction rules, in the order they run: :data:`RULES`.

Each rule is a plain function ``rule(ctx: ArticleContext) -> None`` that reads the article and what
earlier rules found, and adds entities, mentions, attributes or relations through the context's
operations (:mod:`kg.extract.context`). Its :class:`Rule` record says what it ``needs`` and what it
``provides``:

- a context field (``"summit_seq"``, ``"main_summit"``, ``"next_of"``...; see :class:`ArticleContext`);
- ``"mentions:T"``: mentions of entities of class ``T`` (``"mentions:Person"``);
- ``"entities:T"``: entities of class ``T`` made without a mention (announcements);
- ``"attrs:A"``: the attribute ``A`` of entities (``"attrs:edition"``);
- ``"relations:P"``: relations of predicate ``P`` (``"relations:hostCity"``).

What the parse gives (:data:`FROM_PARSE`) needs no rule. Every ``needs`` is provided by an earlier
rule (checked by the tests), so the order of the table is the order of the evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kg.extract.context import ArticleContext
from kg.extract.rules.anaphora import implied_minister_countries, leaders_of_countries, numbered_group, role_anaphora
from kg.extract.rules.announcements import announcements
from kg.extract.rules.attendance import attendance, narrative_attendance
from kg.extract.rules.delegations import country_attendance
from kg.extract.rules.events import date_attrs, events
from kg.extract.rules.hosting import (cleft_places, dateline, gathering_country, host_nouns, implied_relations, nearby_host_city,
                                      summit_relations)
from kg.extract.rules.identity import summit_identity
from kg.extract.rules.media import wire_agencies
from kg.extract.rules.organisations import (acronym_organisations, affiliation_phrases, body_organisations, companies,
                                             hyphenated_organisations, page_chrome, platforms, short_names)
from kg.extract.rules.persons import persons
from kg.extract.rules.locations import stated_locations
from kg.extract.rules.places import capitals_as_governments, place_adjectives, places_and_orgs
from kg.extract.rules.unknown_places import unknown_places
from kg.extract.rules.roles import nationality_adjectives, roles, side_countries
from kg.extract.rules.summit_body_names import summit_body_names
from kg.extract.rules.summit_variants import summit_variants
from kg.extract.rules.summits import edition_links, main_summit, summits

__all__ = ["Rule", "RULES", "FROM_PARSE", "run_rules", "unmet_needs"]


@dataclass(frozen=True)
class Rule:
    """One step of the extraction: its name, its function, what it reads and what it adds."""

    name: str
    function: Callable[[ArticleContext], None]
    needs: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()


#: what the context holds before any rule runs: the parse, the sentences, the gazetteer matches
FROM_PARSE = ("doc", "sents", "gaz", "role_spans", "triggers")

_PEOPLE = ("mentions:Person", "mentions:Minister")
_PLACES = ("mentions:Country", "mentions:City")

RULES: tuple[Rule, ...] = (
    Rule("places_and_orgs", places_and_orgs, needs=("doc", "gaz", "role_spans"),
         provides=(*_PLACES, "mentions:Organization", "split_persons")),
    Rule("unknown_places", unknown_places, needs=("doc", *_PLACES, "mentions:Organization"), provides=("mentions:City",)),
    Rule("companies", companies, needs=("triggers", "gaz", *_PLACES, "mentions:Organization"),
         provides=("mentions:Organization",)),
    Rule("acronym_organisations", acronym_organisations, needs=("doc", *_PLACES, "mentions:Organization"),
         provides=("mentions:Organization",)),
    Rule("hyphenated_organisations", hyphenated_organisations, needs=("doc", *_PLACES, "mentions:Organization"),
         provides=("mentions:Organization", "mentions:Country")),
    Rule("wire_agencies", wire_agencies, needs=("doc", *_PLACES, "mentions:Organization"),
         provides=("mentions:Organization",)),
    Rule("body_organisations", body_organisations, needs=("doc", "mentions:Organization"),
         provides=("mentions:Organization",)),
    Rule("platforms", platforms, needs=("triggers", "mentions:Organization"), provides=("mentions:Organization",)),
    Rule("page_chrome", page_chrome, needs=("sents", "mentions:Organization"), provides=("mentions:Organization",)),
    Rule("persons", persons, needs=("gaz", "role_spans", "split_persons", "mentions:Organization"),
         provides=("mentions:Person",)),
    Rule("roles", roles, needs=("role_spans", "mentions:Person", *_PLACES, "mentions:Organization"),
         provides=("mentions:Minister", "mentions:Country", "mentions:Organization", "used_tokens", "attrs:role",
                   "attrs:portfolio", "relations:ministerOf", "relations:nationality", "relations:affiliation")),
    Rule("side_countries", side_countries, needs=("triggers", "gaz", *_PEOPLE, "relations:ministerOf"),
         provides=("mentions:Country", "used_tokens", "relations:ministerOf", "relations:nationality")),
    Rule("nationality_adjectives", nationality_adjectives,
         needs=("gaz", "used_tokens", *_PEOPLE, "relations:ministerOf", "relations:nationality"),
         provides=("mentions:Country", "used_tokens", "relations:ministerOf", "relations:nationality")),
    Rule("affiliation_phrases", affiliation_phrases, needs=(*_PEOPLE, "mentions:Organization"),
         provides=("relations:affiliation",)),
    Rule("leaders_of_countries", leaders_of_countries, needs=("mentions:Country", *_PEOPLE, "relations:nationality"),
         provides=("relations:ministerOf", "relations:nationality")),
    Rule("role_anaphora", role_anaphora,
         needs=("role_spans", *_PEOPLE, "mentions:Country", "mentions:Organization", "attrs:role", "relations:ministerOf",
                "relations:nationality"),
         provides=("mentions:Person", "mentions:Minister", "mentions:Country", "used_tokens", "attrs:role",
                   "relations:ministerOf", "relations:nationality", "relations:affiliation")),
    Rule("numbered_group", numbered_group, needs=("role_spans", *_PEOPLE), provides=("mentions:Person", "mentions:Minister")),
    Rule("implied_minister_countries", implied_minister_countries,
         needs=(*_PEOPLE, "mentions:Country", "relations:ministerOf", "relations:nationality"),
         provides=("relations:ministerOf",)),
    Rule("capitals_as_governments", capitals_as_governments, needs=("mentions:City",),
         provides=("mentions:Country",)),
    Rule("place_adjectives", place_adjectives, needs=("mentions:City", "mentions:Country"),
         provides=("mentions:Country",)),
    Rule("stated_locations", stated_locations, needs=("gaz", "mentions:City", "mentions:Country"),
         provides=("relations:locatedIn",)),
    Rule("summits", summits, needs=("doc", "mentions:Organization"),
         provides=("mentions:Summit", "summit_seq", "next_of", "prev_editions", "attrs:edition", "relations:nextEdition")),
    Rule("main_summit", main_summit, needs=("summit_seq", "next_of", "prev_editions"),
         provides=("next_parent", "main_summit", "relations:nextEdition")),
    Rule("events", events, needs=("doc", "mentions:Organization", *_PLACES, "mentions:Summit"),
         provides=("mentions:Event",)),
    Rule("date_attrs", date_attrs, needs=("summit_seq", "mentions:Event"),
         provides=("attrs:startDate", "attrs:endDate", "attrs:date")),
    Rule("summit_relations", summit_relations, needs=("sents", "summit_seq", "mentions:Event", *_PLACES),
         provides=("relations:hostCity", "relations:hostCountry")),
    Rule("cleft_places", cleft_places, needs=("sents", "summit_seq", *_PLACES),
         provides=("relations:hostCity", "relations:hostCountry")),
    Rule("summit_variants", summit_variants,
         needs=("summit_seq", "next_of", "prev_editions", "relations:hostCity", "relations:hostCountry", "relations:locatedIn"),
         provides=("mentions:Summit", "summit_seq", "next_parent", "main_summit")),
    Rule("summit_body_names", summit_body_names, needs=("summit_seq", "mentions:Organization"), provides=("entities:Summit",)),
    Rule("attendance", attendance, needs=("summit_seq", "next_parent", "main_summit", *_PEOPLE),
         provides=("relations:attendee",)),
    Rule("country_attendance", country_attendance,
         needs=("summit_seq", "next_parent", "main_summit", *_PEOPLE, *_PLACES, "mentions:Summit", "relations:hostCity",
                "relations:hostCountry"),
         provides=("relations:attendee",)),
    Rule("announcements", announcements,
         needs=("summit_seq", "next_parent", "main_summit", *_PEOPLE, *_PLACES, "mentions:Organization",
                "mentions:Summit", "mentions:Event", "attrs:date", "attrs:startDate", "attrs:endDate"),
         provides=("entities:Announcement", "attrs:summary", "attrs:amount", "relations:announcedBy",
                   "relations:about", "relations:during", "relations:hostCity")),
    Rule("short_names", short_names, needs=("mentions:Organization",),
         provides=("mentions:Organization",)),
    Rule("edition_links", edition_links, needs=("attrs:edition", "relations:nextEdition"),
         provides=("relations:nextEdition",)),
    Rule("nearby_host_city", nearby_host_city,
         needs=("summit_seq", "next_parent", "main_summit", "mentions:City", "relations:hostCity"),
         provides=("relations:hostCity",)),
    Rule("dateline", dateline, needs=("main_summit", "mentions:City", "relations:hostCity"),
         provides=("relations:hostCity",)),
    Rule("narrative_attendance", narrative_attendance,
         needs=("sents", "summit_seq", "next_parent", "main_summit", *_PEOPLE, "mentions:City", "mentions:Summit",
                "mentions:Event", "attrs:edition", "relations:attendee", "relations:hostCity"),
         provides=("relations:attendee",)),
    Rule("host_nouns", host_nouns, needs=("summit_seq", "next_parent", "main_summit", "mentions:Country"),
         provides=("relations:hostCountry",)),
    Rule("gathering_country", gathering_country, needs=("main_summit", "next_parent", "mentions:Country", "relations:hostCountry"),
         provides=("relations:hostCountry",)),
    Rule("implied_relations", implied_relations, needs=("main_summit", "next_parent", "mentions:City", "relations:hostCity", "relations:locatedIn"),
         provides=("relations:hostCountry", "relations:locatedIn")),
    Rule("summit_identity", summit_identity, needs=("mentions:Summit", "entities:Summit", "attrs:edition", "attrs:startDate",
                                                   "relations:nextEdition"),
         provides=("mentions:Summit", "entities:Summit")),  # the same summits, with their keys across articles
)


def unmet_needs(rules: Sequence[Rule] = RULES) -> list[tuple[str, str]]:
    """(rule, need) for every need not provided by the parse or an earlier rule: ``[]`` for a sound table."""
    have = set(FROM_PARSE)
    out = []
    for rule in rules:
        out.extend((rule.name, need) for need in rule.needs if need not in have)
        have.update(rule.provides)
    return out


def run_rules(ctx: ArticleContext, rules: Sequence[Rule] = RULES) -> None:
    """Run ``rules`` on ``ctx``, in order."""
    for rule in rules:
        rule.function(ctx)
