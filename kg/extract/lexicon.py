"""The rules' data, loaded once from ``ontology/data``: trigger words and confidences.

- :func:`load_lexicon` — the trigger words of ``lexicon.json`` as a typed :class:`Lexicon` (word sets);
- :func:`confidence` — how sure each kind of evidence is (``rules.json``, ``"confidence"``).

Triggers of several tokens are spaCy patterns (``patterns.json``), matched by the pipeline
(:func:`kg.nlp.pipeline.trigger_spans`); one-word triggers are set look-ups in the rules (faster than a
``Matcher``, which makes a ``Token`` object per token of every article).

>>> confidence("role_phrase")
0.9
>>> "sommet" in load_lexicon().summit_nouns
True
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, fields
from importlib.resources import files
from types import MappingProxyType
from typing import Mapping

from kg.errors import KgError

__all__ = ["Lexicon", "load_lexicon", "confidence", "confidence_table"]


def _read(name: str) -> dict:
    return json.loads((files("kg.ontology") / "data" / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Lexicon:
    """The trigger words of the rules (``ontology/data/lexicon.json``), one set per kind; lower case."""

    honorifics: frozenset[str]  #: « M. », « Mme »: before a name, not part of it
    summit_nouns: frozenset[str]
    summit_acronyms: frozenset[str]  #: as written (« COP »); followed by a number
    edition_nouns: frozenset[str]
    event_nouns: frozenset[str]
    org_head_nouns: frozenset[str]  #: « Commission »: an organisation by itself
    actor_nouns: frozenset[str]  #: nouns of people acting for a country (« homologues », « délégation »)
    announce_verbs: frozenset[str]  #: lemmas
    announce_nouns: frozenset[str]  #: what « conclure » a partnership announces
    attend_verbs: frozenset[str]  #: lemmas or forms
    host_verbs: frozenset[str]
    place_verbs: frozenset[str]
    next_words: frozenset[str]  #: « prochain »: the next edition
    ordinals: Mapping[str, int]  #: « deuxième » → 2
    negations: frozenset[str]  #: around an announcing verb
    collective_nouns: frozenset[str]  #: « les dirigeants », « les Sept »
    remote_words: frozenset[str]  #: « communiqué », « visioconférence »: said from afar
    absence_words: frozenset[str]
    company_nouns: frozenset[str]
    recipient_heads: frozenset[str]  #: « livraison à Kiev »: to whom, not where
    speech_verbs: frozenset[str]  #: a person only quoted is not shown to attend
    reporting_announce_verbs: frozenset[str]  #: still announce in « ..., a annoncé X »
    gerund_announce_verbs: frozenset[str]  #: announce as « en annonçant »
    exhort_verbs: frozenset[str]  #: « appelle à ne pas ... » announces nothing
    absence_verbs: frozenset[str]
    locative_preps: frozenset[str]  #: before a place used as a location
    country_locative_preps: frozenset[str]  #: « au Japon », « en France »
    place_nouns: frozenset[str]  #: « la ville de X »
    venue_nouns: frozenset[str]  #: « le château de X »
    role_fillers: frozenset[str]  #: between « X, » and a title (« X, à la fois ministre »)
    role_phrase_stops: frozenset[str]  #: end a title after the name
    former_markers: frozenset[str]  #: « ancien ministre »: no longer in government
    possessives: frozenset[str]  #: « son Premier ministre »: the country named before
    portfolio_skip_words: frozenset[str]
    name_particles: frozenset[str]  #: « de », « von », « bin » inside names
    of_forms: frozenset[str]
    of_forms_contracted: frozenset[str]
    of_summit_forms: frozenset[str]  #: « édition du Sommet »
    definite_articles: frozenset[str]
    plural_determiners: frozenset[str]  #: « les Britanniques »: the people of a country
    demonstratives: frozenset[str]
    anaphoric_determiners: frozenset[str]  #: « ce sommet », « même sommet »: the one under discussion
    summit_name_links: frozenset[str]  #: words a summit's name runs on after
    summit_name_stops: frozenset[str]  #: words a summit's name stops at
    date_word_exceptions: frozenset[str]  #: dates by themselves that may be part of a name (« Mars »)
    list_separators: frozenset[str]
    subject_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    co_agent_words: frozenset[str]  #: « aux côtés de ses homologues »
    past_auxiliaries: frozenset[str]
    verb_negations: frozenset[str]
    negation_adverbs: frozenset[str]
    byline_openers: tuple[str, ...]  #: « Par X », « Photo : Y » (in order: a regular expression)
    substitute_nouns: tuple[str, ...]  #: « à la place de X », « en l'absence de X » (in order: a regular expression)
    # ── announcements ──
    time_preps: frozenset[str]  #: « depuis la précédente conférence »: a summit as a point in time, not where
    pre_event_words: frozenset[str]  #: « en prélude à la COP30 », « à la veille du sommet »: before it
    speech_event_nouns: frozenset[str]  #: « dans une allocution à Glasgow »: where something was said
    locative_announce_preps: frozenset[str]  #: « a annoncé à Bélem »: where it was said
    non_announcement_objects: frozenset[str]  #: « lancer une invasion », « lancer un appel »: no announcement
    anaphoric_announce_nouns: frozenset[str]  #: « a annoncé la décision »: an announcement told before
    document_nouns: frozenset[str]  #: « la déclaration finale », « le communiqué »: a text adopted
    group_nouns: frozenset[str]  #: « Huit autres pays ... : l'Espagne, ... »: a group whose members are listed
    group_quantifiers: frozenset[str]  #: « plusieurs », « autres »: a counted group
    co_agent_list_words: frozenset[str]  #: « avec l'Allemagne, la France et le Japon »: co-agents listed after
    framed_announce_verbs: Mapping[str, str]  #: lemma → what it needs to announce: « infinitive » (« a choisi
    #: de quitter »), « bare » (« s'est abstenu », no infinitive), « join » (« se joindre à une initiative »),
    #: « object » (« a levé son veto », « a suspendu le Niger »), « agreement » (« se sont mis d'accord »),
    #: « reflexive_infinitive » (« se sont entendus pour reprendre », not « entend en faire »), « approval »
    #: (« a donné son feu vert »), « invite » (« ont invité six pays à rejoindre le groupe »)
    approval_nouns: frozenset[str]  #: « donner son feu vert / son accord / son aval »
    join_verbs: frozenset[str]  #: « invités à rejoindre »
    delivery_verbs: frozenset[str]  #: « fourniront des missiles à l'Ukraine »: a pledge without a sum
    decision_objects: frozenset[str]  #: what a decision verb acts on (« veto », « sanctions », « accord »)
    modal_verbs: frozenset[str]  #: « pourrait investir », « pour tenter de lever »: speculation or an attempt
    pledge_verbs: frozenset[str]  #: « investira 200 millions »: a pledge with a sum or a fund
    bare_pledge_verbs: frozenset[str]  #: « contribuera aussi »: a pledge to the article's fund
    fund_nouns: frozenset[str]  #: « ce fonds », « ce mécanisme »: the fund the article is about
    adoption_verbs: frozenset[str]  #: « un accord a été adopté »: an act adopted whose agent is unsaid
    named_document_nouns: frozenset[str]  #: « Le Plan d'action de Nice ... prévoit »: a text named with a capital
    document_qualifiers: frozenset[str]  #: « la déclaration finale »: the summit's text
    content_verbs: frozenset[str]  #: « la déclaration condamne, souligne, prévoit »: what a text says
    first_person_pronouns: frozenset[str]  #: « nous », « je » in a quote: its speaker
    relative_object_pronouns: frozenset[str]  #: « la déclaration que nous avons approuvée »
    attendance_content_verbs: frozenset[str]  #: « a décidé d'envoyer un émissaire »: about the summit gone to
    recipient_preps: frozenset[str]  #: « versera 20 millions à ce mécanisme »: to whom a pledge goes
    collective_complements: frozenset[str]  #: « les chefs d'État », « les pays membres »: still the whole group
    support_nouns: frozenset[str]  #: « a annoncé un soutien financier » (no sum): a pledge told in general terms

    @classmethod
    def from_json(cls, data: dict) -> Lexicon:
        """The lexicon of ``data`` (the JSON object); every field must be there, and nothing else."""
        names = {f.name: f for f in fields(cls)}
        given = {k for k in data if not k.startswith("_")}
        if given != set(names):
            missing, unknown = sorted(set(names) - given), sorted(given - set(names))
            raise KgError(f"lexicon.json: missing keys {missing}, unknown keys {unknown}")
        values = {}
        for name, f in names.items():
            v = data[name]
            if isinstance(v, dict):
                values[name] = MappingProxyType(dict(v))
            elif str(f.type).startswith("tuple"):
                values[name] = tuple(v)
            else:
                values[name] = frozenset(v)
        return cls(**values)


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The trigger words of the rules (``ontology/data/lexicon.json``)."""
    return Lexicon.from_json(_read("lexicon.json"))


@functools.lru_cache(maxsize=1)
def _rules_data() -> dict:
    return _read("rules.json")


@functools.lru_cache(maxsize=1)
def confidence_table() -> Mapping[str, float]:
    """Evidence kind → confidence (``ontology/data/rules.json``, ``"confidence"``)."""
    return MappingProxyType({k: v["value"] for k, v in _rules_data()["confidence"].items()})


def confidence(kind: str) -> float:
    """How sure the evidence of ``kind`` is (« role_phrase » → 0.9)."""
    try:
        return confidence_table()[kind]
    except KeyError:
        raise KgError(f"no confidence for evidence kind {kind!r} in ontology/data/rules.json") from None
