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


def _no_duplicates(name: str):
    """A JSON object hook that refuses a key given twice (the second would silently win)."""
    def hook(pairs: list) -> dict:
        seen: set = set()
        for key, _ in pairs:
            if key in seen:
                raise KgError(f"ontology/data/{name}: key {key!r} appears twice")
            seen.add(key)
        return dict(pairs)
    return hook


def _read(name: str) -> dict:
    text = (files("kg.ontology") / "data" / name).read_text(encoding="utf-8")
    return json.loads(text, object_pairs_hook=_no_duplicates(name))


@dataclass(frozen=True)
class Lexicon:
    """The trigger words of the rules (``ontology/data/lexicon.json``), one set per kind; lower case."""

    honorifics: frozenset[str]  #: « M. », « Mme »: before a name, not part of it
    civility_titles: frozenset[str]  #: « le Général X », « Son Excellence Monsieur X »: between a title and a name, not part of it
    composition_verbs: frozenset[str]  #: « la délégation comprenait X et Y »: lemmas; its members attend
    office_phrases: tuple[str, ...]  #: « président en exercice de », « par intérim »: inside a title, lower case
    currency_nouns: frozenset[str]  #: « francs CFA », « dollars EC »: the name after them is the currency's, not a body's
    given_name_honorifics: frozenset[str]  #: « Cheikh »: an honorific, but a first name after another honorific (« Monsieur Cheikh X »)
    summit_nouns: frozenset[str]
    summit_acronyms: frozenset[str]  #: as written (« COP »); followed by a number
    conference_nouns: frozenset[str]  #: « la conférence »: a summit when of governments (see ``conference_links``)
    conference_links: frozenset[str]  #: « conférence sur / pour / internationale »: a conference of governments
    conference_members: frozenset[str]  #: « la conférence des donateurs », « la Conférence des Parties »: a summit
    meeting_of_body_nouns: frozenset[str]  #: « la réunion des ministres ... du G7 »: a summit when of a body's office holders
    ministerial_adjectives: frozenset[str]  #: « la réunion ministérielle de l'OMC »
    time_nouns: frozenset[str]  #: « l'an prochain », « l'année dernière »: end a summit's name
    meeting_bodies: frozenset[str]  #: organisation keys of bodies that are their own summit (« le Conseil européen extraordinaire »)
    meeting_adjectives: frozenset[str]  #: « extraordinaire », « informel »: a body's meeting
    meeting_preps: frozenset[str]  #: « lors du », « en marge du »: words before « du X » when X is a meeting
    summit_series: frozenset[str]  #: organisation keys whose name + « de » + city is a summit (« le G20 de Rio »)
    press_words: frozenset[str]  #: « conférence de presse »: not a summit
    previous_words: frozenset[str]  #: « le dernier sommet », « la précédente conférence »: the edition before
    indefinite_articles: frozenset[str]  #: « un sommet » under a negation: none in particular
    edition_nouns: frozenset[str]
    event_nouns: frozenset[str]
    org_head_nouns: frozenset[str]  #: « Commission »: an organisation by itself
    body_head_nouns: frozenset[str]  #: « Organisation », « Union » (look-up keys): the first word of a body of states' name
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
    podium_nouns: frozenset[str]  #: remote words that are a place at the summit after « à la » (« à la tribune »)
    absence_words: frozenset[str]
    company_nouns: frozenset[str]
    head_of_nouns: frozenset[str]  #: « le patron de X », « la fondatrice de X »: X is an organisation
    recipient_heads: frozenset[str]  #: « livraison à Kiev »: to whom, not where
    speech_verbs: frozenset[str]  #: a person only quoted is not shown to attend
    reporting_announce_verbs: frozenset[str]  #: still announce in « ..., a annoncé X »
    gerund_announce_verbs: frozenset[str]  #: announce as « en annonçant »
    exhort_verbs: frozenset[str]  #: « appelle à ne pas ... » announces nothing
    joint_call_words: frozenset[str]  #: « ont appelé conjointement à »: a joint statement; a call by one is no announcement
    absence_verbs: frozenset[str]
    proxy_verbs: frozenset[str]  #: lemmas: « X était représenté par Y », « s'est fait remplacer »: X stayed away
    locative_preps: frozenset[str]  #: before a place used as a location
    country_locative_preps: frozenset[str]  #: « au Japon », « en France »
    place_nouns: frozenset[str]  #: « la ville de X »
    venue_nouns: frozenset[str]  #: « le château de X »
    town_nouns: frozenset[str]  #: « le port de X », « la maire de X »: what only a town has (X is one)
    motion_verbs: frozenset[str]  #: lemmas: « rentré de Moscou »: a place one comes from
    venue_preps: frozenset[str]  #: « au Bourget »: before an unknown venue
    session_nouns: frozenset[str]  #: « la 64e session ordinaire »: a summit when followed by ``session_adjectives``
    session_adjectives: frozenset[str]
    meeting_part_nouns: frozenset[str]  #: « la semaine de haut niveau de l'Assemblée générale »: a body's meeting
    meeting_verbs: frozenset[str]  #: lemmas: reflexive, a meeting taking place (« le G7 s'est ouvert », « se tiendra »)
    intransitive_meeting_verbs: frozenset[str]  #: lemmas: the same without « se » (« le sommet siège », « ouvre ses portes »)
    contracted_le: frozenset[str]  #: « au Caire », « du Cap »: « à »/« de » + the « Le » of a place name
    gathering_nouns: frozenset[str]  #: « la conférence », « la réunion »: a sentence about a gathering
    topic_links: frozenset[str]  #: « la conférence pour la paix en X »: a topic, not a place
    cleft_openers: frozenset[str]  #: « C'est à X que se tiendra ... »
    host_nouns: frozenset[str]  #: « l'hôte du sommet, le président brésilien », « le Brésil, pays hôte »
    gathering_verbs: frozenset[str]  #: lemmas: « se réunir à X », where a summit is held
    global_bodies: frozenset[str]  #: organisation keys of bodies many summits are « of » (the UN)
    dateline_marks: frozenset[str]  #: after a dateline's place: « PARIS — », « Bruxelles (AFP) - »
    reporter_phrases: tuple[str, ...]  #: « De notre envoyé spécial à Tervala »: where the story is filed from
    compass_words: frozenset[str]  #: « dans le sud de l'Espagne »
    region_names: frozenset[str]  #: « au Sahel », « dans les Caraïbes »: regions, never a city (lower case)
    institution_seats: frozenset[str]  #: capitals whose name used as a metonym is an international body's (« Bruxelles »)
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
    summit_idiom_nouns: frozenset[str]  #: « au sommet de l'État », « de la pyramide »: the top of something, no summit
    english_venue_heads: frozenset[str]  #: « au Kenyatta International Convention Centre »: a venue named in English
    summit_anaphor_nouns: frozenset[str]  #: « la rencontre », « le conclave », « cette grand-messe »: the summit under discussion
    side_meeting_words: frozenset[str]  #: « la rencontre bilatérale », « la réunion de presse »: another meeting
    leader_group_nouns: frozenset[str]  #: « la cinquième réunion des présidents des États parties au ... »: a leaders' summit
    descriptive_summit_adjectives: frozenset[str]  #: « un sommet extraordinaire conjoint »: describes, does not name
    summit_topic_participles: frozenset[str]  #: « un mini-sommet consacré à l'Ukraine »: the name runs on
    date_word_exceptions: frozenset[str]  #: dates by themselves that may be part of a name (« Mars »)
    list_separators: frozenset[str]
    subject_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    co_agent_words: frozenset[str]  #: « aux côtés de ses homologues »
    past_auxiliaries: frozenset[str]
    pluperfect_auxiliaries: frozenset[str]  #: « avait décidé », « s'était engagé »: a decision told as background
    first_edition_words: frozenset[str]  #: « lors du premier sommet »: the first edition of a series, before the article's
    verb_negations: frozenset[str]
    acronym_org_heads: frozenset[str]  #: « le Fonds de protection ... (FPO) »: an organisation with its acronym
    departure_verbs: frozenset[str]  #: lemmas: « X a quitté le pays avant l'ouverture du sommet »: not there
    opening_nouns: frozenset[str]  #: « avant l'ouverture / le début du sommet »
    caption_openers: frozenset[str]  #: « Photo : ... », « Légende : », « Lire aussi »: a paragraph that is no lead
    acronym_body_context: frozenset[str]  #: « les États membres de la XYZ », « secrétaire général de la XYZ »: a body
    government_body_nouns: frozenset[str]  #: « le ministère des Affaires étrangères »: an organisation
    non_org_heads: frozenset[str]  #: « la stratégie « Global Gateway » », « le Plan d'action »: not an organisation
    affiliation_phrases: tuple[str, ...]  #: « X au nom de l'Union africaine »: X's organisation
    office_verbs: frozenset[str]  #: lemmas: « X a pris la présidence de l'UA »: X's organisation
    office_nouns: frozenset[str]  #: lemmas: the office taken (« présidence », « direction »)
    generic_org_nouns: frozenset[str]  #: « de l'organisation »: the last organisation named before
    appointment_verbs: frozenset[str]  #: lemmas: « X, nommée à la tête de l'Unicef »: X's organisation
    lead_verbs: frozenset[str]  #: lemmas and forms: « X, qui préside la Commission »: X's organisation
    body_nouns: frozenset[str]  #: actor nouns of a body, not a person (« la délégation britannique »)
    number_words: Mapping[str, int]  #: « quatre » → 4 (« les quatre dirigeants »)
    count_words: frozenset[str]  #: number words past ten, parts of a spelled count (« les Quarante-Six », « les Neuf »)
    group_determiners: frozenset[str]  #: « les quatre dirigeants », « ces deux hommes »
    group_nouns: frozenset[str]  #: plural nouns of people in a numbered group
    continuation_verbs: frozenset[str]  #: lemmas: « Le président américain a ajouté »: the last speaker goes on
    reflexive_pronouns: frozenset[str]  #: « se rendre »: the reflexive verb
    send_verbs: frozenset[str]  #: lemmas: « dépêcher son ministre »: the country and the envoy attend
    envoy_nouns: frozenset[str]  #: lemmas of who is sent (« un émissaire »), not what (« des armes »)
    take_part_verbs: frozenset[str]  #: lemmas: « le Brésil participera »: the country attends
    country_group_nouns: frozenset[str]  #: lemmas: « plusieurs pays ont participé : l'Inde, ... »
    meeting_nouns: frozenset[str]  #: lemmas: « participer aux travaux »: a meeting one takes part in
    represented_verbs: frozenset[str]  #: lemmas, in the passive: « la France sera représentée par »
    participation_nouns: frozenset[str]  #: « le Brésil sera observateur »
    sign_verbs: frozenset[str]  #: lemmas: « a signé la déclaration finale »: the signatory attends
    declaration_nouns: frozenset[str]  #: lemmas: the summit's own document (« la déclaration finale »)
    declaration_adjectives: frozenset[str]  #: lemmas: « finale », « commun »
    chair_nouns: frozenset[str]  #: « le président de la conférence, X », « X, hôte du sommet »: attends
    prelude_nouns: frozenset[str]  #: « en prélude à la COP30 », « à la veille du sommet »: before it
    during_adverbs: frozenset[str]  #: « lors du sommet » (parsed as an adverb with the summit under it)
    before_words: frozenset[str]  #: « en prélude au sommet », « avant le sommet »: not at it
    delegation_nouns: frozenset[str]  #: « la délégation britannique »: the country takes part
    leader_titles: frozenset[str]  #: « les chefs d'État chinois et français » (unnamed): their countries attend
    head_of_government_titles: frozenset[str]  #: « le Premier ministre X ... le chef du gouvernement »: one title
    head_of_state_titles: tuple[str, ...]  #: « le président brésilien » ... « Le chef de l'État »: one head of state, named two ways
    modal_verbs: frozenset[str]  #: lemmas: « pourrait envoyer », « a refusé de signer »: not done
    negation_adverbs: frozenset[str]
    editorial_note_openers: tuple[str, ...]  #: « (Nouvelle version : ajoute ...) »: a wire's note on its update, not the story
    byline_openers: tuple[str, ...]  #: « Par X », « Photo : Y », « De notre correspondante à X, Y » (in order: a regular expression)
    substitute_nouns: tuple[str, ...]  #: « à la place de X », « en l'absence de X » (in order: a regular expression)
    # ── announcements ──
    time_preps: frozenset[str]  #: « depuis la précédente conférence »: a summit as a point in time, not where
    pre_event_words: frozenset[str]  #: « en prélude à la COP30 », « à la veille du sommet »: before it
    speech_event_nouns: frozenset[str]  #: « dans une allocution à Tervala »: where something was said
    locative_announce_preps: frozenset[str]  #: « a annoncé à Nairobi »: where it was said
    non_announcement_objects: frozenset[str]  #: « lancer une invasion », « lancer un appel »: no announcement
    attendance_objects: frozenset[str]  #: « a confirmé sa participation »: one's own attendance, not a decision
    report_nouns: frozenset[str]  #: « présentera un rapport », « présenter ses excuses »: no decision
    presenting_verbs: frozenset[str]  #: lemmas: « présenter », « dévoiler »: announce unless their object is a report
    without_marks: frozenset[str]  #: « sans présenter d'excuses »: not done
    made_known_verbs: frozenset[str]  #: lemmas: « a fait savoir X »: « faire » + one of them says
    appointment_nouns: Mapping[str, str]  #: « élire » → « élection »: names an appointment announced
    passive_decision_verbs: frozenset[str]  #: lemmas: « a été choisi pour accueillir », « ont été admis »: a decision, agent unsaid
    negotiation_nouns: frozenset[str]  #: « ont conclu les négociations »: an agreement reached
    infinitive_nouns: Mapping[str, str]  #: « relancer » → « relance »: names an announcement told by an infinitive
    seat_bodies: Mapping[str, tuple]  #: « Bruxelles a refusé »: a seat city as a subject stands for the first of these bodies the article names
    refusal_nouns: Mapping[str, str]  #: « a refusé de lever » → « Refus de lever ... »: names a refusal
    joining_verbs: frozenset[str]  #: lemmas: « ne s'est pas associé au traité »: not joining a text is refusing it
    deferral_verbs: frozenset[str]  #: lemmas: « la signature du protocole a été reportée »: an act put off, not made
    chrome_words: frozenset[str]  #: « Partager : Facebook · X »: a page's share or follow line, not the story
    anaphoric_announce_nouns: frozenset[str]  #: « a annoncé la décision »: an announcement told before
    document_nouns: frozenset[str]  #: « la déclaration finale », « le communiqué »: a text adopted
    listed_group_nouns: frozenset[str]  #: « Huit autres pays ... : l'Espagne, ... »: a group whose members are listed
    group_quantifiers: frozenset[str]  #: « plusieurs », « autres »: a counted group
    co_agent_list_words: frozenset[str]  #: « avec l'Allemagne, la France et le Japon »: co-agents listed after
    framed_announce_verbs: Mapping[str, str]  #: lemma → what it needs to announce: « infinitive » (« a choisi
    #: de quitter »), « bare » (« s'est abstenu », no infinitive), « join » (« se joindre à une initiative »),
    #: « object » (« a levé son veto », « a suspendu le Niger »), « agreement » (« se sont mis d'accord »),
    #: « reflexive_infinitive » (« se sont entendus pour reprendre », not « entend en faire »), « approval »
    #: (« a donné son feu vert »), « invite » (« ont invité six pays à rejoindre le groupe »), « decision » (an
    #: « object » or an « infinitive »: « a accepté la candidature », « a accepté de lever son veto »), « appoint »
    #: (a named person as object: « ont élu X à la présidence », « a nommé X »)
    approval_nouns: frozenset[str]  #: « donner son feu vert / son accord / son aval »
    join_verbs: frozenset[str]  #: « invités à rejoindre »
    delivery_verbs: frozenset[str]  #: « fourniront des missiles à l'Ukraine »: a pledge without a sum
    decision_objects: frozenset[str]  #: what a decision verb acts on (« veto », « sanctions », « accord »)
    speculation_verbs: frozenset[str]  #: « pourrait investir », « pour tenter de lever »: speculation or an attempt
    declined_objects: frozenset[str]  #: « X, qui a décliné l'invitation »: what an absence verb turns down (with summit nouns)
    demand_verbs: frozenset[str]  #: « a demandé que le G20 accorde »: what their clause says is asked for, not done
    pledge_verbs: frozenset[str]  #: « investira 200 millions »: a pledge with a sum or a fund
    bare_pledge_verbs: frozenset[str]  #: « contribuera aussi »: a pledge to the article's fund
    fund_nouns: frozenset[str]  #: « ce fonds », « ce mécanisme »: the fund the article is about
    adoption_verbs: frozenset[str]  #: « un accord a été adopté »: an act adopted whose agent is unsaid
    named_document_nouns: frozenset[str]  #: « Le Plan d'action de Nice ... prévoit »: a text named with a capital
    document_qualifiers: frozenset[str]  #: « la déclaration finale »: the summit's text
    content_verbs: frozenset[str]  #: « la déclaration condamne, souligne, prévoit »: what a text says
    first_person_pronouns: frozenset[str]  #: « nous », « je » in a quote: its speaker
    relative_object_pronouns: frozenset[str]  #: « la déclaration que nous avons approuvée »
    prepositional_relatives: frozenset[str]  #: « un accord, par lequel X s'engage à … », « aux termes duquel »
    attendance_content_verbs: frozenset[str]  #: « a décidé d'envoyer un émissaire »: about the summit gone to
    recipient_preps: frozenset[str]  #: « versera 20 millions à ce mécanisme »: to whom a pledge goes
    collective_complements: frozenset[str]  #: « les chefs d'État », « les pays membres »: still the whole group
    member_group_words: frozenset[str]  #: « les pays membres », « les pays participants »: all the members, as a group
    naming_participles: frozenset[str]  #: « une déclaration, baptisée « déclaration de Rio » »: the name given (lemmas)
    joinable_nouns: frozenset[str]  #: « a rejoint la coalition pour X »: a group one joins
    support_nouns: frozenset[str]  #: « a annoncé un soutien financier » (no sum): a pledge told in general terms
    light_announce_verbs: frozenset[str]  #: « prendre », « faire »: announce through their noun (« a pris l'engagement de »)
    light_announce_nouns: Mapping[str, str]  #: noun of a light verb → the announcing verb it stands for
    concord_verbs: frozenset[str]  #: « se sont accordés sur un plan », « s'entendent sur un texte »: an agreement
    pledge_nouns: frozenset[str]  #: « la contribution de l'Algérie »: the country after « de » gives, it is not what the pledge is about
    adoption_nouns: frozenset[str]  #: « par l'adoption de la déclaration de Tervala »: a text adopted, told as a noun
    opinion_verbs: frozenset[str]  #: lemmas: « ..., estimant qu'elle engageait ... »: what a participle of opinion says is a reason, not an act
    list_announce_nouns: frozenset[str]  #: lemmas: « ont pris trois décisions : X, Y et Z »: one announcement per item of the list
    nominal_announce_nouns: frozenset[str]  #: lemmas: « l'annonce par X d'un fonds », « par l'annonce de 10 milliards »: an announcement told by its noun
    denial_verbs: frozenset[str]  #: « a démenti avoir promis »: what is denied is not announced
    institution_nouns: frozenset[str]  #: « par les instances africaines »: the body named by the adjective
    obtain_verbs: frozenset[str]  #: lemmas: « ont obtenu le statut de candidat à l'UE »: granted by that body
    object_complement_preps: frozenset[str]  #: « lève son veto à l'adhésion de la Suède »: a complement of the object hung on the verb
    counted_party_nouns: frozenset[str]  #: lemmas: « les deux pays ont signé »: the countries named last
    accession_nouns: frozenset[str]  #: lemmas: « négociations d'adhésion », « statut de candidat »: about the body joined
    organ_heads: frozenset[str]  #: « Conseil européen », « Commission »: an organ of a body, which no one joins
    chair_verbs: frozenset[str]  #: lemmas among host_verbs: « le Brésil présidera le G20 en 2024 »: a body chaired
    copula_like_verbs: frozenset[str]  #: lemmas: « est devenue membre »: « être » is their auxiliary, not a passive
    delivery_nouns: frozenset[str]  #: lemmas: « la livraison à Kiev de cinq systèmes »: « à Kiev » receives, it is no place
    handover_verbs: frozenset[str]  #: lemmas: « a transmis la présidence du G20 à l'Afrique du Sud »: an office handed over
    office_handover_nouns: frozenset[str]  #: lemmas: what is handed over (« la présidence », « le relais », « le flambeau »)
    delegation_lead_participles: frozenset[str]  #: « sa délégation, conduite par X »: X leads it, and attends
    street_nouns: frozenset[str]  #: « rue Jules-Barni », « boulevard Jean-Jaurès »: the name after them is a street's, not a person's
    occasion_nouns: frozenset[str]  #: « ..., à l'issue d'un sommet extraordinaire »: after a comma, when the object was decided, not what it is about

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
