"""Extraction: a parsed spaCy ``Doc`` of one article → typed records (:mod:`kg.records`).

The spaCy pipeline (:mod:`kg.nlp`) gives tokens, sentences, dependencies, named entities and the
gazetteer matches of the reference data. This stage turns them into entities of the eight
ontology classes and the eleven relations, each with the sentence and offsets that support it.

Steps, each a method of :class:`_ArticleExtractor` (state for one article only):

1. places and organisations — gazetteer matches, repaired NER ``LOC``/``ORG`` spans;
2. persons — NER ``PER`` spans, honorifics (« M. Le Drian ») linked to full names;
3. role phrases — « la ministre britannique de la Technologie X », « X, ministre délégué chargé
   du Numérique »: Minister vs Person, nationality, portfolio, affiliation;
4. nationality adjectives on actor nouns — « ses homologues italien et allemand »;
5. summits, their editions (« la prochaine édition », « COP28 ») and other events;
6. relations — hosting, attendance, location — and announcements.

Trigger words live in ``ontology/data/lexicon.json``; reference data in ``ontology/data``.
"""

from __future__ import annotations

import functools
import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date as date_cls
from datetime import timedelta
from importlib.resources import files

from spacy.tokens import Doc, Span, Token

from kg.extract.dates import find_dates
from kg.extract.tokens import TokenCache
from kg.nlp.pipeline import has_common_words, is_common_word
from kg.records import Article, Entity, Evidence, Extraction, Relation
from kg.names import lookup_key as normalize
from kg.names import slug
from kg.nlp.reference import Reference, load_reference

__all__ = ["extract", "load_lexicon"]


@functools.lru_cache(maxsize=1)
def load_lexicon() -> dict:
    """Trigger words of the rules (``ontology/data/lexicon.json``)."""
    text = (files("kg.ontology") / "data" / "lexicon.json").read_text(encoding="utf-8")
    return json.loads(text)


APOS = ("'", "’")
_MONEY = re.compile(
    r"(?:(?:\d+(?:[ \u202f.,]\d+)*)\s*(?:milliards?|millions?|mille|Md|M|k)?\s*(?:d['’]\s*)?"
    r"(?:euros?|dollars?|€|\$|livres?|yens?|francs?|yuans?)"
    r"|[$€]\s*\d+(?:[.,]\d+)*\s*(?:milliards?|millions?)?)",
    re.I,
)
_ORDINAL_NUM = re.compile(r"^(\d+|[IVXLC]+)(?:e|ème|eme|er|re|ᵉ)$")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _ordinal_value(text: str) -> int | None:
    """« 18e » → 18, « XIXe » → 19, « 1er » → 1; anything else → None."""
    m = _ORDINAL_NUM.match(text) or re.match(r"^(\d+)(?:e|ème|eme|er|re|ᵉ)$", text, re.I)
    if not m:
        return None
    num = m.group(1)
    if num in ("L", "C"):
        return None  # « Le », « Ce »
    if num.isdigit():
        return int(num)
    total = 0
    for a, b in zip(num, num[1:] + " "):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN.get(b, 0) > v else v
    return total
_SPEECH_VERBS = {"déclarer", "ajouter", "affirmer", "estimer", "souligner", "indiquer", "expliquer", "assurer", "dire",
                 "prévenir", "insister", "rappeler", "préciser", "commenter", "conclure", "noter", "juger", "regretter"}
_LOCATIVE_PREPS = {"à", "dans", "depuis", "vers", "près", "entre"}
_PLACE_NOUNS = {"ville", "villes", "région", "capitale", "cité", "port", "banlieue", "faubourg", "agglomération", "aéroport", "centre", "rues", "hôtel", "palais", "maire", "conférence", "forum", "salon", "accord", "accords", "déclaration", "traité", "festival", "jeux"}
_VENUE_NOUNS = {"château", "palais", "centre", "parc", "stade", "musée", "hôtel", "complexe", "site"}
_ROLE_FILLERS = {"à", "la", "fois", "aussi", "également", "lui-même", "elle-même", "actuel", "actuelle", "nouveau", "nouvelle"}
_NAME_PARTICLES = {"de", "du", "des", "von", "van", "der", "den", "le", "la", "di", "da", "del", "bin", "ben", "al", "el", "ibn", "d'", "d’"}
_COP_NUMBER = re.compile(r"^(cop|cmp)[- ]?(\d+)$")  # « COP29 », « cop-21 », « CMP 5 »


@dataclass
class _Ent:
    """An entity being assembled for one article (mutable; frozen into :class:`Entity` at the end)."""

    key: str
    type: str
    label: str
    aliases: set[str] = field(default_factory=set)
    attrs: dict[str, str | int] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    label_rank: int = 0


@dataclass
class _Mention:
    start: int  # token index
    end: int
    key: str

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


class _GazSpan:
    """A gazetteer match (``doc.spans["gazetteer"]``) with its attributes read once: ``Span.label_``,
    ``.id_`` and ``.text`` look up strings on every read."""

    __slots__ = ("start", "end", "label_", "id_", "text")

    def __init__(self, start: int, end: int, label: str, id_: str, text: str) -> None:
        self.start, self.end, self.label_, self.id_, self.text = start, end, label, id_, text

    def __len__(self) -> int:
        return self.end - self.start


@dataclass
class _Role:
    title: str
    cls: str
    plural: bool
    start: int  # token span of the whole role phrase
    end: int
    countries: list[str]
    orgs: list[str]
    portfolio: str | None


class _ArticleExtractor:
    def __init__(self, doc: Doc, article: Article, ref: Reference, lex: dict):
        self.doc = TokenCache(doc)
        self.article = article
        self.ref = ref
        self.lex = lex
        self.ents: dict[str, _Ent] = {}
        self.mentions: list[_Mention] = []
        self._by_start: tuple[list[_Mention], list[int]] | None = None  # mentions by start, their starts
        self._cover: dict[int, list[_Mention]] | None = None  # the mentions over each token, in mention order
        self._empty: list[_Mention] = []  # mentions of no token (the token index does not see them)
        self.relations: dict[tuple[str, str, str], Relation] = {}
        self.gaz = self._gazetteer()
        self._gaz_starts = [s.start for s in self.gaz]
        self.role_spans = [s for s in self.gaz if s.label_ == "ROLE"]
        self.used_tokens: set[int] = set()  # tokens consumed by role phrases (portfolio, adjectives)
        # sentences once: ``Token.sent`` walks the document on every call
        self.sents: list[Span] = list(doc.sents)
        self._sent_no: list[int] = [0] * len(doc)
        for n, sent in enumerate(self.sents):
            self._sent_no[sent.start : sent.end] = [n] * (sent.end - sent.start)
        self._sent_text: dict[int, str] = {}
        self._evidence: dict[tuple[int, int, float], Evidence] = {}
        self._absent_at: dict[tuple[int, int], bool] = {}  # by mention span
        self._neg_subj: dict[int, list[tuple[int, int]]] = {}  # by sentence

    # ------------------------------------------------------------------ helpers
    def _gazetteer(self) -> list[_GazSpan]:
        doc = self.doc
        text = doc.span_text
        spans = [_GazSpan(a, b, label, id_, text(a, b))
                 for a, b, label, id_ in [(s.start, s.end, s.label_, s.id_) for s in doc.spans.get("gazetteer", [])]]
        spans.sort(key=lambda s: (s.start - s.end, s.start))  # longest first
        taken: dict[bool, set[int]] = {True: set(), False: set()}  # role titles may overlap names
        per = [(e.start, e.end) for e in self.doc.ents if e.label_ == "PER"]
        kept = []
        for s in spans:
            is_role = s.label_ == "ROLE"
            if not taken[is_role].isdisjoint(range(s.start, s.end)):
                continue
            if s.label_ in ("COUNTRY", "CITY", "ORG") and not (s.text[:1].isupper() or s.text.isupper()):
                continue
            if is_role and any(a < s.start < b for a, b in per):
                continue  # « Jean Le Prince »: a surname, not the title « prince »
            kept.append(s)
            taken[is_role].update(range(s.start, s.end))
        kept.sort(key=lambda s: s.start)
        return kept

    def sent_at(self, i: int) -> Span:
        """The sentence of token ``i``."""
        return self.sents[self._sent_no[i]]

    def evidence(self, start: int, end: int, conf: float = 1.0) -> Evidence:
        key = (start, end, conf)
        ev = self._evidence.get(key)  # records are frozen: the same evidence is one object
        if ev is None:
            doc = self.doc
            n = self._sent_no[start]
            if n not in self._sent_text:
                self._sent_text[n] = doc.span_text(self.sents[n].start, self.sents[n].end).strip()
            ev = self._evidence[key] = Evidence(
                article_id=self.article.id,
                sentence=self._sent_text[n],
                start=doc.idx[start],
                end=doc.idx[end - 1] + len(doc.words[end - 1]),
                confidence=_rounded(conf),
            )
        return ev

    def add(self, type_: str, key: str, label: str, start: int, end: int, surface: str | None = None,
            conf: float = 1.0, rank: int = 0, mention: bool = True) -> _Ent:
        ent = self.ents.get(key)
        if ent is None:
            ent = self.ents[key] = _Ent(key=key, type=type_, label=label, label_rank=rank)
        elif rank > ent.label_rank:
            ent.aliases.add(ent.label)
            ent.label, ent.label_rank = label, rank
        if type_ == "Minister" and ent.type == "Person":
            ent.type = "Minister"
        surface = (surface or self.doc.span_text(start, end)).strip()
        if surface and surface != ent.label:
            ent.aliases.add(surface)
        ent.evidence.append(self.evidence(start, end, conf))
        if mention:
            m = _Mention(start, end, key)
            self.mentions.append(m)
            if self._by_start is not None:  # after the mentions of the same start, as a stable sort puts it
                ms, starts = self._by_start
                k = bisect_right(starts, start)
                ms.insert(k, m)
                starts.insert(k, start)
            if start >= end:
                self._empty.append(m)
            if self._cover is not None:
                for i in range(start, end):
                    self._cover.setdefault(i, []).append(m)
        return ent

    def relate(self, s: str, p: str, o: str, start: int, end: int, conf: float) -> None:
        if s == o or s not in self.ents or o not in self.ents:
            return
        k = (s, p, o)
        if end <= start:  # « ..., a annoncé X »: the agent after the verb; the evidence spans both
            start, end = min(start, end - 1), max(start + 1, end)
        ev = self.evidence(start, end, conf)
        old = self.relations.get(k)
        if old is None:
            self.relations[k] = Relation(s, p, o, (ev,), conf)
        elif ev not in old.evidence:
            self.relations[k] = Relation(s, p, o, old.evidence + (ev,), max(old.confidence, conf))

    def gaz_label(self, i: int) -> str | None:
        for g in self.gaz:
            if g.start <= i < g.end:
                return g.label_
        return None

    def _covering(self) -> dict[int, list[_Mention]]:
        """The mentions over each token (made on first use, then kept up to date by :meth:`add`)."""
        if self._cover is None:
            cover: dict[int, list[_Mention]] = {}
            for m in self.mentions:
                for i in range(m.start, m.end):
                    cover.setdefault(i, []).append(m)
            self._cover = cover
        return self._cover

    def mention_at(self, i: int, types: tuple[str, ...] | None = None) -> _Mention | None:
        """The first mention (in the order they were made) over token ``i``, of one of ``types``."""
        for m in self._covering().get(i, ()):
            if types is None or self.ents[m.key].type in types:
                return m
        return None

    def _overlapping(self, start: int, end: int) -> list[_Mention]:
        """The mentions that overlap tokens ``start:end`` (in no particular order)."""
        cover = self._covering()
        out = [m for i in range(start, end) for m in cover.get(i, ())]
        return out + [m for m in self._empty if m.overlaps(start, end)]

    def overlaps_mention(self, start: int, end: int) -> bool:
        """Does a mention overlap tokens ``start:end``?"""
        cover = self._covering()
        return any(i in cover for i in range(start, end)) or any(m.overlaps(start, end) for m in self._empty)

    def mentions_in(self, start: int, end: int, types: tuple[str, ...] | None = None) -> list[_Mention]:
        if self._by_start is None:
            ms = sorted(self.mentions, key=lambda m: m.start)  # stable: ties keep their order
            self._by_start = (ms, [m.start for m in ms])
        ms, starts = self._by_start
        out = []
        for k in range(bisect_left(starts, start), len(ms)):
            m = ms[k]
            if m.start >= end:
                break
            if m.end <= end and (types is None or self.ents[m.key].type in types):
                out.append(m)
        return out

    def lower(self, i: int) -> str:
        return self.doc.lower[i] if 0 <= i < len(self.doc) else ""

    def covered_by_ner(self, span: _GazSpan, labels: tuple[str, ...]) -> bool:
        ent_type = self.doc.ent_type
        return any(ent_type[i] in labels for i in range(span.start, span.end))

    # ------------------------------------------------------------ 1. places
    def places_and_orgs(self) -> None:
        ref = self.ref
        for s in self.gaz:
            if s.label_ in ("CITY", "COUNTRY") and self.covered_by_ner(s, ("PER",)):
                continue
            if s.label_ == "COUNTRY":
                c = ref.country_by_iso3(s.id_)
                if c:
                    self.add("Country", f"country/{c.iso3}", c.name, s.start, s.end, rank=2)
            elif s.label_ == "CITY":
                city = ref.city(s.text)
                if city:
                    self.add("City", f"city/{slug(city.name)}", city.name, s.start, s.end, rank=2)
            elif s.label_ == "ORG":
                org = ref.organization(s.text)
                if org:
                    self.add("Organization", f"org/{org.key}", org.name, s.start, s.end, rank=2)
        for e in self.doc.ents:
            if self.overlaps_mention(e.start, e.end):
                # « l'OTAN Jens Stoltenberg » tagged as one organisation: the name after it is a person
                end = max(m.end for m in self._overlapping(e.start, e.end))
                if e.label_ in ("ORG", "MISC") and e.end - end >= 2 and _looks_like_name(self.doc[end : e.end]):
                    self.split_persons.append((end, e.end))
                continue
            if e.label_ == "LOC":
                self._loc(e)
            elif e.label_ in ("ORG", "MISC"):
                self._org(e)

    def companies(self) -> None:
        """« le fabricant norvégien Nordvolt Energi », « la start-up française Mistral AI », « la compagnie
        pétrolière nationale Adnoc »: the name after a company noun is an organisation, whatever the NER said."""
        doc = self.doc
        nouns = set(self.lex["company_nouns"])
        nat_at = {g.start: g.end for g in self.gaz if g.label_ == "NAT"}
        words, pos, sent_start, n = doc.words, doc.pos, doc.sent_start, len(doc)
        for i, low in enumerate(doc.lower):
            j = i + 1
            if low == "start" and doc[i + 1 : i + 3].text.lower() == "-up":
                j = i + 3  # « start-up » comes as three tokens
            elif low == "jeune" and self.lower(i + 1) == "pousse":
                j = i + 2
            elif low not in nouns:
                continue
            while j < n:
                if j in nat_at:
                    j = nat_at[j]
                elif pos[j] == "ADJ" and words[j][:1].islower():
                    j += 1
                else:
                    break
            k = j
            while k < n and k - j < 4 and words[k][:1].isupper() and pos[k] in ("PROPN", "X", "NOUN") and not sent_start[k]:
                k += 1
            if k == j or self.overlaps_mention(j, k):
                continue
            name = doc.span_text(j, k)
            if self.ref.country(name) or self.ref.city(name) or self.ref.role(name):
                continue
            org = self.ref.organization(name)
            key = f"org/{org.key}" if org else f"org/{slug(name)}"
            self.add("Organization", key, org.name if org else name, j, k, conf=0.7, rank=2 if org else 1)

    def _loc(self, e: Span) -> None:
        text = _strip_det(e)
        # « château de Chantilly » tagged as one place: the town is the last part
        if len(text) > 2 and text[0].lower_ in _VENUE_NOUNS and text[1].lower_ in ("de", "d'", "d’"):
            text = text[2:]
        if not text or not text.text[:1].isupper():
            return
        c = self.ref.country(text.text)
        if c:
            self.add("Country", f"country/{c.iso3}", c.name, text.start, text.end, rank=2)
            return
        city = self.ref.city(text.text)
        if city:
            self.add("City", f"city/{slug(city.name)}", city.name, text.start, text.end, rank=2)
            return
        prev = self.lower(text.start - 1)
        # « à Kananaskis », « au château de Chantilly »
        if len(text) <= 4 and (prev == "à" or prev in ("de", "d'", "d’") and self.lower(text.start - 2) in _VENUE_NOUNS):
            self.add("City", f"city/{slug(text.text)}", text.text, text.start, text.end, conf=0.6, rank=1)

    def _org(self, e: Span) -> None:
        span = _strip_det(e)
        if not span:
            return
        # « Commission Jean-Claude Juncker »: an organisation (or title) followed by a person's name
        role_inside = any(span.start <= r.start < span.end for r in self.role_spans)
        if (e.label_ == "ORG" or role_inside) and self.ref.organization(span.text) is None and not any(
                t.lower_ in self.lex["summit_nouns"] or t.lower_ in self.lex["event_nouns"] for t in span):
            for k in range(1, len(span) - 1):
                tail = span[k:]
                if span[k].pos_ in ("PROPN", "X") and _looks_like_name(tail) and not any(
                        g.label_ in ("ORG", "COUNTRY", "CITY") and g.start >= tail.start and g.start < tail.end for g in self.gaz):
                    self.split_persons.append((tail.start, tail.end))
                    head = span[:k]
                    org = self.ref.organization(head.text)
                    if org:
                        self.add("Organization", f"org/{org.key}", org.name, head.start, head.end, rank=2)
                    elif len(head) == 1 and head[0].lower_ in self.lex["org_head_nouns"]:
                        self.add("Organization", f"org/{slug(head.text)}", head.text, head.start, head.end, conf=0.7, rank=1)
                    return
        # a role title mislabelled as an organisation: « ministre de l'Economie »
        if any(r.start < span.end and span.start < r.end for r in self.role_spans):
            return
        # a portfolio: « chargé de l'Économie et du Climat »
        k = span.start - 1
        while k >= 0 and (self.doc[k].pos_ in ("DET", "ADP") or self.doc[k].text in APOS):
            k -= 1
        if k >= 0 and self.doc[k].lower_.startswith("chargé"):
            return
        # a portfolio after a title: « ministre des Armées », « ministre de l'Économie et du Climat »
        if not _is_namey(span[0]) and any(
                r.end <= span.start and span.start - r.end <= 8 and self._role_phrase_ok(r.end, span.start)
                for r in self.role_spans):
            return
        org = self.ref.organization(span.text)
        if org:
            self.add("Organization", f"org/{org.key}", org.name, span.start, span.end, rank=2)
            return
        if e.label_ != "ORG":
            return  # MISC spans become organisations only through role phrases (affiliation)
        if len(span) == 1 and (not _is_namey(span[0]) or span[0].is_sent_start):
            return
        # « (AI) » right after a name: an acronym, an alias of what precedes it
        if self.lower(span.start - 1) == "(" and self.lower(span.end) == ")":
            return
        if not span.text[:1].isupper():
            return
        # « le patron de Google, Sundar Pichai »: the name after a title and a comma is the title holder's
        if self.lower(span.start - 1) == "," and _looks_like_name(span) and any(
                r.end < span.start and span.start - r.end <= 8 and self._role_phrase_ok(r.end, span.start - 1)
                for r in self.role_spans):
            return
        self.add("Organization", f"org/{slug(span.text)}", span.text, span.start, span.end, conf=0.7, rank=1)

    # ------------------------------------------------------------ 2. persons
    def persons(self) -> None:
        doc = self.doc
        honor = set(self.lex["honorifics"])
        cands: list[tuple[int, int, bool]] = []  # start, end, honorific
        lower = doc.lower
        spans = [(e.start, e.end) for e in doc.ents if e.label_ == "PER"] + self.split_persons + self._names_after_titles()
        countries_orgs = [(g.start, g.end) for g in self.gaz if g.label_ in ("COUNTRY", "ORG")]
        for start, end in sorted(set(spans)):
            toks = list(range(start, end))
            honorific = False
            while toks and (lower[toks[0]] in honor or lower[toks[0]].rstrip(".") in honor):
                toks.pop(0)
                honorific = True
            if start > 0 and (lower[start - 1] in honor):
                honorific = True
            if not toks:
                continue
            s, t = toks[0], toks[-1] + 1
            overlapping = [r for r in self.role_spans if r.start < t and s < r.end]
            if overlapping:
                r = overlapping[0]
                if r.start <= s and r.end >= t:
                    continue  # « Président de la République »: a title, not a name
                if r.start <= s < r.end < t and t - r.end >= 2:
                    s = r.end  # « Président Emmanuel Macron »
                elif not (r.start == s and r.end - r.start == 1 and t - r.end == 1):
                    continue
            text = doc.span_text(s, t)
            if not text[:1].isupper() or self.overlaps_mention(s, t):
                continue
            if self.ref.country(text) or self.ref.city(text) and t - s == 1:
                continue
            if any(a < t and s < b for a, b in countries_orgs):
                continue  # « X. La Géorgie »: a country or organisation is not part of a person's name
            if _byline(self.sent_at(s)):
                continue  # « Par Jeanne Dupont, envoyée spéciale » / « Photo : Jean Martin »
            cands.append((s, t, honorific))
        full = {}
        for s, t, hon in cands:
            if t - s >= 2 and not hon:
                name = doc.span_text(s, t)
                full.setdefault(_name_key(name), name)
        for s, t, hon in cands:
            name = doc.span_text(s, t)
            words = _name_words(name)
            target = None
            if t - s >= 2 and not hon:
                target = name
            else:
                for fk, fname in full.items():
                    fw = _name_words(fname)
                    if len(words) < len(fw) and fw[-len(words):] == words:
                        target = fname
                        break
                    if fw == words:
                        target = fname
                        break
                if target is None and len(words) == 1:
                    hits = [f for f in full.values() if words[0] in _name_words(f)[1:]]
                    if len(hits) == 1:
                        target = hits[0]
            if target is None:
                if t - s < 2 and not hon:
                    continue  # a lone word tagged PER with no full name to attach to
                target = name
            surface = doc.span_text(s - 1, t) if hon and s > 0 and lower[s - 1] in honor else name
            self.add("Person", f"person/{slug(target)}", target, s, t, surface=surface,
                     rank=2 if target == name else 1)

    def _names_after_titles(self) -> list[tuple[int, int]]:
        """Names the NER missed right after a title: « le président kényan William Ruto »."""
        doc = self.doc
        out = []
        starts = []
        nat_end: dict[int, int] = {}
        for g in self.gaz:
            if g.label_ == "NAT":
                nat_end.setdefault(g.start, g.end)
        not_roles = [(g.start, g.end) for g in self.gaz if g.label_ != "ROLE"]
        words, lower, pos, sent_start, n = doc.words, doc.lower, doc.pos, doc.sent_start, len(doc)
        for r in self.role_spans:
            j = r.end
            while j in nat_end:
                j = nat_end[j]
            starts.append(j)
            # « le président de la COP29, Moukhtar Babaïev, » — after the title's complement and a comma
            c = r.end
            while c < n and c - r.end < 8 and words[c] != "," and not sent_start[c]:
                c += 1
            if c < n and words[c] == "," and c > r.end and self._role_phrase_ok(r.end, c):
                starts.append(c + 1)
        for j in starts:
            k = j
            while k < n and k - j < 5 and (
                    (words[k][:1].isupper() and pos[k] in ("PROPN", "X", "NOUN", "ADJ"))
                    or (lower[k] in _NAME_PARTICLES and k > j)) and not sent_start[k]:
                k += 1
            while k > j and lower[k - 1] in _NAME_PARTICLES:
                k -= 1
            if k - j >= 2 and not any(doc.ent_type[i] == "PER" for i in range(j, k)) and not any(
                    gs < k and j < ge for gs, ge in not_roles) and not self.overlaps_mention(j, k):
                out.append((j, k))
        return out

    # ------------------------------------------------------------ 3. roles
    def roles(self) -> None:
        persons = sorted((m for m in self.mentions if self.ents[m.key].type == "Person"), key=lambda m: m.start)
        prev_role: tuple[_Mention, _Role] | None = None
        prev_rank = 0
        rank = 0  # the person's place among those sharing a plural title
        for m in persons:
            left, right = self._left_role(m), self._right_role(m)
            if left and right:
                self._apply_role(m, right)
            role = left or right
            rank = 0
            if role is None and prev_role is not None:
                pm, pr = prev_role
                gap = self.doc[pm.end : m.start]
                if pr.plural and len(gap) <= 2 and all(t.lower_ in ("et", ",") for t in gap):
                    role, rank = pr, prev_rank + 1
            if role is None:
                prev_role = None
                continue
            prev_role, prev_rank = (m, role), rank
            self._apply_role(m, role, rank)
        self._side_countries()

    def _side_countries(self) -> None:
        """« Côté allemand, la ministre X et le vice-chancelier Y ... »: the sentence's people serve that country."""
        for sent in self.sents:
            k = sent.start + (1 if self.lower(sent.start) == "du" else 0)
            if self.lower(k) != "côté":
                continue
            nat = next((g for g in self.gaz if g.start == k + 1 and g.label_ in ("NAT", "COUNTRY")), None)
            c = self.ref.country_by_iso3(nat.id_) if nat is not None else None
            if c is None:
                continue
            country = self.add("Country", f"country/{c.iso3}", c.name, nat.start, nat.end, conf=0.8, rank=0)
            country.label_rank = max(country.label_rank, 1)
            self.used_tokens.update(range(nat.start, nat.end))
            for m in self.mentions_in(sent.start, sent.end, ("Person", "Minister")):
                if not any(r[0] == m.key and r[1] in ("ministerOf", "nationality") for r in self.relations):
                    p = "ministerOf" if self.ents[m.key].type == "Minister" else "nationality"
                    self.relate(m.key, p, country.key, nat.start, m.end, 0.75)

    def _role_phrase_ok(self, start: int, end: int) -> bool:
        """Can tokens ``start:end`` be the rest of a role phrase (« de la Transition énergétique »)?"""
        words, pos, lower = self.doc.words, self.doc.pos, self.doc.lower
        for i in range(start, end):
            if words[i] in APOS or words[i] == "-":
                continue
            if pos[i] not in ("ADJ", "ADP", "DET", "NOUN", "PROPN", "CCONJ", "NUM", "X") and not lower[i].startswith("chargé") or words[i] == ",":
                return False
            if self.mention_at(i, ("Person", "Minister")):
                return False
        return True

    def _left_role(self, m: _Mention) -> _Role | None:
        sent = self.sent_at(m.start)
        best = None
        for r in self.role_spans:
            if r.end <= m.start and r.start >= sent.start and m.start - r.end <= 10:
                # « la ministre de la Transition énergétique, Agnès Pannier-Runacher »
                stop = m.start - 1 if self.doc.words[m.start - 1] in (",", ":") else m.start
                if self._role_phrase_ok(r.end, stop):
                    best = r  # the nearest acceptable trigger wins
        if best is None:
            return None
        stop = m.start - 1 if self.doc[m.start - 1].text in (",", ":") else m.start
        return self._analyse_role(best, best.start, stop)

    def _right_role(self, m: _Mention) -> _Role | None:
        doc = self.doc
        i = m.end
        if i >= len(doc) or doc[i].text != ",":
            return None
        j = i + 1
        while j < len(doc) and j - i <= 4 and (doc[j].pos_ == "DET" or doc[j].lower_ in _ROLE_FILLERS):
            j += 1
        trig = next((r for r in self.role_spans if r.start == j), None)
        if trig is None:
            return None
        end = trig.end
        while end < len(doc) and end - trig.end < 12:
            t = doc[end]
            if t.is_punct and t.text not in APOS and t.text != "-" or (
                    t.pos_ in ("VERB", "AUX", "PRON", "SCONJ") and not t.lower_.startswith("chargé")):
                break
            if t.lower_ in ("dans", "qui", "lors", "pendant", "depuis", "selon", "avec", "à", "en", "par", "pour", "sur"):
                break
            if self.mention_at(end, ("Person", "Minister")):
                return None  # « X, la ministre ... Y »: a list, the title is Y's
            end += 1
        return self._analyse_role(trig, trig.start, end)

    def _analyse_role(self, trig: _GazSpan, start: int, end: int) -> _Role:
        doc = self.doc
        info = self.ref.role(trig.text)
        cls = info.cls if info else "Person"
        plural = bool(info.plural) if info else False
        if self.lower(trig.start - 1) in ("ancien", "ancienne", "anciens", "anciennes", "ex", "ex-"):
            cls = "Person"  # « l'ancien Premier ministre néerlandais »: no longer in government
        elif trig.text.lower().startswith("homologue"):
            # a counterpart holds the same kind of post as the person before it
            before = [self.ents[m.key] for m in self.mentions if m.end <= trig.start and self.ents[m.key].type in ("Person", "Minister")]
            cls = "Minister" if not before or before[-1].type == "Minister" else "Person"
            plural = trig.text.lower().endswith("s")
        countries: list[str] = []
        orgs: list[str] = []
        orgs_before: list[str] = []
        portfolio_toks: list[int] = []
        for s in self.gaz[bisect_left(self._gaz_starts, trig.end):]:
            if s.start >= end:
                break  # (sorted by start)
            if s.end <= end:
                if s.label_ == "NAT" and not self._describes_company(s.start):
                    c = self.ref.country_by_iso3(s.id_)
                    if c:
                        ent = self.add("Country", f"country/{c.iso3}", c.name, s.start, s.end, rank=0)
                        if ent.label_rank == 0:
                            ent.label_rank = 1
                        countries.append(ent.key)
                        self.used_tokens.update(range(s.start, s.end))
        for m in self.mentions_in(trig.end, end, ("Country",)):
            if m.key not in countries:
                countries.append(m.key)
        # « le Royaume-Uni, représenté par son Premier ministre X », « Pékin a dépêché son Premier ministre »,
        # « Microsoft ..., a détaillé son président, Brad Smith »
        if not countries and not self.mentions_in(trig.end, end, ("Organization",)) and self.lower(trig.start - 1) in ("son", "sa", "leur"):
            sent_start = self.sent_at(trig.start).start
            before = self.mentions_in(max(sent_start, trig.start - 25), trig.start, ("Country", "City", "Organization"))
            if cls != "Minister":  # « son président », « son directeur »: an organisation's first
                before = [m for m in before if self.ents[m.key].type != "Organization"] + [
                    m for m in before if self.ents[m.key].type == "Organization"]
            for m in reversed(before):
                city = self.ref.city(self.ents[m.key].label) if self.ents[m.key].type == "City" else None
                if self.ents[m.key].type == "Organization":
                    orgs_before = [m.key]
                elif city is not None:
                    c = self.ref.country_by_iso3(city.country)
                    if c is None or c.capital is None or normalize(c.capital) != normalize(city.name):
                        continue  # only a capital speaks for its country
                    countries.append(self.add("Country", f"country/{c.iso3}", c.name, m.start, m.end, conf=0.6, rank=0).key)
                else:
                    countries.append(m.key)
                break
        for m in self.mentions_in(trig.start, end, ("Organization",)):
            orgs.append(m.key)
        orgs.extend(k for k in orgs_before if k not in orgs)
        # an unknown organisation after « de/d' »: « cofondateurs d'OpenAI »
        if not orgs:
            k = trig.end
            while k < end and (doc[k].pos_ in ("ADP", "DET") or doc[k].text in APOS):
                k += 1
            j = k
            while j < end and doc[j].text[:1].isupper() and doc[j].pos_ in ("PROPN", "X", "NOUN") and not self.mention_at(j):
                j += 1
            prev = self.lower(k - 1)
            if j > k and prev in ("de", "d'", "d’", "du", "des") and (cls == "Person" or doc[k].ent_type_ in ("ORG", "MISC")) and (
                    _is_namey(doc[k]) or self.ref.organization(doc[k:j].text)):
                name = doc[k:j].text
                if not self.ref.role(name) and self.ref.country(name) is None:
                    org = self.ref.organization(name)
                    key = f"org/{org.key}" if org else f"org/{slug(name)}"
                    self.add("Organization", key, org.name if org else name, k, j, conf=0.7, rank=2 if org else 1)
                    orgs.append(key)
        # the portfolio: what follows « ministre (de|chargé de) » that is not a country or organisation
        if cls == "Minister":
            for i in range(trig.end, end):
                if i in self.used_tokens or self.mention_at(i, ("Country", "Organization", "City")):
                    continue
                portfolio_toks.append(i)
        portfolio = _portfolio(doc, portfolio_toks)
        title = doc.span_text(start, end).strip(" ,")
        return _Role(title, cls, plural, start, end, countries, orgs, portfolio)

    def _describes_company(self, i: int) -> bool:
        """Does the nationality adjective at ``i`` qualify a company (« la start-up française »), not a person?"""
        k = i - 1
        while k >= 0 and self.doc.pos[k] == "ADJ":
            k -= 1
        if k < 0:
            return False
        if self.doc.lower[k] in self.lex["company_nouns"]:
            return True
        return (self.doc.span_text(k - 2, k + 1) if k >= 2 else self.doc[k - 2 : k + 1].text).lower() == "start-up"

    def _apply_role(self, m: _Mention, role: _Role, rank: int = 0) -> None:
        ent = self.ents[m.key]
        if role.cls == "Minister":
            ent.type = "Minister"
        ent.attrs.setdefault("role", role.title)
        if role.portfolio and role.cls == "Minister":
            ent.attrs.setdefault("portfolio", role.portfolio)
        lo, hi = min(role.start, m.start), max(role.end, m.end)
        conf = 0.9
        # « les Premiers ministres japonais et canadien, X et Y »: countries and people pair up in order
        countries = role.countries[rank : rank + 1] if role.plural and len(role.countries) > 1 else role.countries[:1]
        for c in countries:
            self.relate(m.key, "ministerOf" if role.cls == "Minister" else "nationality", c, lo, hi, conf)
        for o in role.orgs:
            self.relate(m.key, "affiliation", o, lo, hi, conf)

    # ------------------------------------------------- 4. nationality adjectives
    def nationality_adjectives(self) -> None:
        """Every nationality adjective names its country (« la stratégie française » → France).

        The mention is surer (0.8) on an actor noun (« ses homologues italien et allemand ») or a person
        (« l'historien camerounais X ») than elsewhere (0.6); next to a person it also gives their country.
        """
        actor = set(self.lex["actor_nouns"])
        doc = self.doc
        for s in self.gaz:
            if s.label_ != "NAT" or s.start in self.used_tokens:
                continue
            j = s.start - 1
            ok = False
            steps = 0
            while j >= 0 and steps < 6:
                t = doc[j]
                if t.lower_ in actor or any(r.start <= j < r.end for r in self.role_spans):
                    ok = True
                    break
                if t.lower_ in ("et", ",") or any(g.label_ == "NAT" and g.start <= j < g.end for g in self.gaz) or t.text == "-":
                    j -= 1
                    steps += 1
                    continue
                break
            # « les Britanniques », « Pékin et les Émiratis »: the people of a country
            if not ok and s.text[:1].isupper() and self.lower(s.start - 1) in ("les", "des", "aux") and s.text.lower().endswith("s"):
                ok = True
            # « l'historien camerounais Achille Mbembe », « la Rwandaise Louise Mushikiwabo »
            person = self.mention_at(s.end, ("Person", "Minister")) or (
                self.mention_at(s.end + 1, ("Person", "Minister")) if self.lower(s.end) == "," else None)
            c = self.ref.country_by_iso3(s.id_)
            if c:
                conf = 0.8 if ok or person is not None else 0.6
                ent = self.add("Country", f"country/{c.iso3}", c.name, s.start, s.end, conf=conf, rank=0)
                ent.label_rank = max(ent.label_rank, 1)
                self.used_tokens.update(range(s.start, s.end))
                if person is not None and not any(
                        k[0] == person.key and k[1] in ("nationality", "ministerOf") for k in self.relations):
                    p = "ministerOf" if self.ents[person.key].type == "Minister" else "nationality"
                    self.relate(person.key, p, ent.key, s.start, person.end, 0.8)

    # ---------------------------------------------------------- 5. summits
    def summits(self) -> None:
        doc = self.doc
        lex = self.lex
        summit_nouns = set(lex["summit_nouns"])
        acronyms = {a.lower() for a in lex["summit_acronyms"]}
        self.summit_seq: list[tuple[int, int, str]] = []  # (start, end, key) in text order
        i = 0
        current: str | None = None
        lower, pos, n = doc.lower, doc.pos, len(doc)
        edition_nouns = set(lex["edition_nouns"])
        starters = summit_nouns | edition_nouns | acronyms  # and « COP28 », « cmp-5 » (_COP_NUMBER)
        while i < n:
            low = lower[i]
            if low not in starters and low[:3] not in ("cop", "cmp"):
                i += 1
                continue
            t = doc[i]
            m = _COP_NUMBER.match(low)
            if m or (low in acronyms and i + 1 < n and doc[i + 1].like_num):
                end = i + 1 if m else i + 2
                num = int(m.group(2)) if m else int(doc[i + 1].text) if doc[i + 1].text.isdigit() else None
                name = f"{t.text[:3].upper()}{num}" if num else doc[i:end].text
                key = f"summit/{slug(name)}"
                ent = self.add("Summit", key, name, i, end, rank=3)
                if num:
                    ent.attrs.setdefault("edition", num)
                self._summit_context(i, end, key)
                current = key
                i = end
                continue
            if low in summit_nouns and pos[i] in ("NOUN", "PROPN", "X"):
                key, end = self._summit_mention(i, current)
                if key:
                    current = key
                i = max(end, i + 1)
                continue
            if low in edition_nouns:
                key, end = self._edition_mention(i, current)
                if key:
                    current = key
                i = max(end, i + 1)
                continue
            i += 1

    def _summit_mention(self, i: int, current: str | None) -> tuple[str | None, int]:
        """« Sommet sur la sécurité de l'IA », « sommet du G20 », « AI Safety Summit », « ce sommet »."""
        doc = self.doc
        t = doc[i]
        # English-style names ending in Summit: take the capitalised words before it
        if t.lower_ == "summit":
            s = i
            while s > 0 and doc[s - 1].text[:1].isupper() and self.sent_at(s - 1) == self.sent_at(i) and doc[s - 1].pos_ != "DET":
                s -= 1
            name = doc[s : i + 1].text
            key = self._summit_key(name, s, i + 1)
            self._summit_context(s, i + 1, key)
            return key, i + 1
        end = i + 1
        allowed_after = {"de", "du", "des", "d'", "d’", "sur", "pour", "l'", "l’", "la", "le", "les", "et", "entre"}
        stop_words = {"à", "qui", "que", "où", "dont", "en", "le", "la", "les"}
        while end < len(doc) and end - i < 12:
            u = doc[end]
            if u.is_punct and u.text not in APOS and u.text != "-":
                break
            if u.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "ADV", "NUM") or u.is_space:
                break
            if u.lower_ in stop_words and not (doc[end - 1].lower_ in allowed_after):
                break
            if u.lower_ in ("à",):
                break
            if u.pos_ == "ADP" and u.lower_ not in allowed_after:
                break
            if _is_date_word(u.text) and u.lower_ not in ("mars",):
                break
            end += 1
        while end > i + 1 and (doc[end - 1].pos_ in ("ADP", "DET", "CCONJ") or doc[end - 1].text in APOS):
            end -= 1
        # left: ordinal / first / next adjectives and a preceding capitalised name part
        s = i
        edition = None
        nxt = False
        if i > 0:
            prev = doc[i - 1]
            pl = prev.lower_
            if pl in self.lex["ordinals"]:
                edition = self.lex["ordinals"][pl]
            elif _ordinal_value(prev.text):
                edition = _ordinal_value(prev.text)
            elif pl in self.lex["next_words"]:
                nxt = True
        tail = doc[i + 1 : end]
        demonstrative = i > 0 and doc[i - 1].lower_ in ("ce", "cet", "cette", "même")
        if len(tail) == 0:
            # a bare « le sommet » / « ce Sommet »: the summit under discussion
            if nxt and current:
                return self._next_edition(current, i - 1, end), end
            cur_ed = self.ents[current].attrs.get("edition") if current else None
            if current and edition and cur_ed and int(cur_ed) != edition:
                start = i - 1
                return self._next_edition(current, start, end, edition=edition, linked=edition == int(cur_ed) + 1), end
            if current:
                self.add("Summit", current, self.ents[current].label, i, end, rank=0)
                self._summit_context(i, end, current)
                if edition and "edition" not in self.ents[current].attrs:
                    self.ents[current].attrs["edition"] = edition
                return current, end
            return None, end
        name = doc[i:end].text
        if edition and _ordinal_value(doc[i - 1].text):
            name = doc[i - 1 : end].text
        if demonstrative and current:
            self.add("Summit", current, self.ents[current].label, i, end, rank=0)
            return current, end
        # apposition: « X Summit, le premier Sommet sur ... » names the same summit
        key = None
        if current and self._is_apposition(i, current):
            key = current
            self.add("Summit", key, name, i, end, rank=0)
        elif nxt and current:
            return self._next_edition(current, i - 1, end, series=name), end
        else:
            key = self._summit_key(name, i, end)
        if edition:
            self.ents[key].attrs.setdefault("edition", edition)
        self._summit_context(i, end, key)
        return key, end

    def _is_apposition(self, i: int, current: str) -> bool:
        doc = self.doc
        k = i - 1
        while k >= 0 and (doc[k].pos_ in ("DET", "ADJ", "NUM") or _ordinal_value(doc[k].text)):
            k -= 1
        if k < 0 or doc[k].text != ",":
            return False
        prev = self.mention_at(k - 1, ("Summit",))
        return prev is not None and prev.key == current

    def _summit_key(self, name: str, start: int, end: int) -> str:
        # the same name (normalised) is the same summit — unless the edition numbers differ
        norm = normalize(_series_name(name))
        edition = _ordinal_value(name.split()[0]) if name.split() else None
        for e in self.ents.values():
            other = e.attrs.get("edition")
            if edition and isinstance(other, int) and other != edition:
                continue
            if e.type == "Summit" and e.key not in self.next_of.values() and (
                    norm in {normalize(_series_name(a)) for a in e.aliases | {e.label}}):
                self.add("Summit", e.key, name, start, end, rank=0)
                return e.key
        key = f"summit/{slug(name)}"
        self.add("Summit", key, name, start, end, rank=3 if name[:1].isupper() else 2)
        return key

    def _edition_mention(self, i: int, current: str | None) -> tuple[str | None, int]:
        """« la prochaine édition », « la deuxième édition du Sommet sur l'IA », « la 49e édition »."""
        doc = self.doc
        if i == 0:
            return None, i + 1
        prev = doc[i - 1]
        pl = prev.lower_
        edition = None
        nxt = pl in self.lex["next_words"]
        if pl in self.lex["ordinals"]:
            edition = self.lex["ordinals"][pl]
        elif _ordinal_value(prev.text):
            edition = _ordinal_value(prev.text)
        if edition is None and not nxt:
            return None, i + 1
        # « ... édition du Sommet X » / « de ce Sommet »
        end = i + 1
        series = None
        if end + 1 < len(doc) and doc[end].lower_ in ("du", "de", "des") and (
            doc[end + 1].lower_ in self.lex["summit_nouns"] or doc[end + 1].lower_ in ("ce", "cet", "cette")):
            j = end + 1
            if doc[j].lower_ in ("ce", "cet", "cette"):
                j += 1
            if j < len(doc) and doc[j].lower_ in self.lex["summit_nouns"]:
                skey, send = self._summit_mention_peek(j)
                series = doc[j:send].text if send > j + 1 else None
                end = send
        if current is None:
            if series is None:
                return None, end
            current = self._summit_key(series, i + 2, end)
        cur = self.ents[current]
        cur_ed = cur.attrs.get("edition")
        start = i - 1 if pl in self.lex["next_words"] or edition else i
        while start > 0 and doc[start - 1].pos_ == "DET":
            start -= 1
        if nxt or (edition and cur_ed and edition == int(cur_ed) + 1):
            key = self._next_edition(current, start, end, series=series, edition=edition)
            return key, end
        if edition and (cur_ed is None or int(cur_ed) == edition):
            cur.attrs["edition"] = edition
            self.add("Summit", current, cur.label, start, end, rank=0)
            self._summit_context(start, end, current)
            return current, end
        return None, end

    def _summit_mention_peek(self, j: int) -> tuple[None, int]:
        """The end of a summit noun phrase starting at token ``j`` (no entity is created)."""
        doc = self.doc
        end = j + 1
        while end < len(doc) and end - j < 10:
            u = doc[end]
            if (u.is_punct and u.text not in APOS) or u.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "ADV") or u.lower_ == "à":
                break
            end += 1
        while end > j + 1 and (doc[end - 1].pos_ in ("ADP", "DET", "CCONJ") or doc[end - 1].text in APOS):
            end -= 1
        return None, end

    def _next_edition(self, current: str, start: int, end: int, series: str | None = None, edition: int | None = None,
                      linked: bool = True) -> str:
        cur = self.ents[current]
        cur_ed = cur.attrs.get("edition")
        if edition is None and cur_ed:
            edition = int(cur_ed) + 1
        if edition and not cur_ed and edition > 1:
            cur.attrs["edition"] = edition - 1
        existing = self.next_of.get(current)
        base = series or cur.label
        label = f"{_ordinal_word(edition)} édition du {_series_name(base)}" if edition else f"prochaine édition du {_series_name(base)}"
        if existing and edition and self.ents[existing].attrs.get("edition") not in (None, edition):
            existing = None
        key = existing or f"{current}/edition-{edition or 'next'}"
        surface = self.doc[start:end].text
        if edition and any(t.lower_ in self.lex["summit_nouns"] for t in self.doc[start:end]) and not any(
                t.lower_ in self.lex["edition_nouns"] for t in self.doc[start:end]):
            label = _strip_det_text(surface)  # « le 50e sommet »
        ent = self.add("Summit", key, label, start, end, surface=surface, rank=1)
        if series:
            ent.aliases.add(f"{_strip_det_text(self.doc[start:end].text)}")
        if edition:
            ent.attrs["edition"] = edition
        if linked:
            self.next_of[current] = key
            self.relate(current, "nextEdition", key, start, end, 0.85)
        self._summit_context(start, end, key)
        return key

    def _summit_context(self, start: int, end: int, key: str) -> None:
        self.summit_seq.append((start, end, key))

    def events(self) -> None:
        doc = self.doc
        nouns = set(self.lex["event_nouns"])
        words, pos, sent_start, n = doc.words, doc.pos, doc.sent_start, len(doc)
        for i, low in enumerate(doc.lower):
            if low not in nouns or self.mention_at(i):
                continue
            t = doc[i]
            # « l'évènement Eurosatory », « le salon Eurosatory », « le Forum de Davos »
            j = i + 1
            while j < n and (words[j][:1].isupper() or doc[j].like_num) and pos[j] in ("PROPN", "X", "NOUN", "NUM", "ADJ") and not sent_start[j]:
                j += 1
            if j > i + 1:
                name = doc.span_text(i + 1, j)
                if self.ref.country(name) or self.ref.city(name) or self.ref.organization(name):
                    continue
                label = name if not words[i][:1].isupper() else doc.span_text(i, j)
                self.add("Event", f"event/{slug(label)}", label, i, j, surface=doc.span_text(i, j), conf=0.8, rank=2)
            elif words[i][:1].isupper() and not sent_start[i]:
                # « le Forum économique mondial de Davos », « la Conférence de Munich sur la sécurité »
                end = t.i + 1
                while end < len(doc) and end - t.i < 9:
                    u = doc[end]
                    if u.is_punct and u.text not in APOS or u.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "ADV", "NUM") or u.lower_ == "à":
                        break
                    if u.pos_ == "NOUN" and not u.text[:1].isupper() and doc[end - 1].pos_ in ("ADP", "DET"):
                        break  # « Forum de la semaine » is not a name
                    end += 1
                while end > t.i + 1 and (doc[end - 1].pos_ in ("ADP", "DET", "CCONJ") or doc[end - 1].text in APOS):
                    end -= 1
                if end > t.i + 1 and not self.ref.organization(doc[t.i:end].text):
                    label = doc[t.i:end].text
                    self.add("Event", f"event/{slug(label)}", label, t.i, end, conf=0.7, rank=2)

    # ---------------------------------------------------------- 6. relations
    def summit_relations(self) -> None:
        doc = self.doc
        host_verbs = set(self.lex["host_verbs"])
        by_sent: dict[int, list[tuple[int, int, str]]] = {}
        for s, e, k in self.summit_seq:
            by_sent.setdefault(self.sent_at(s).start, []).append((s, e, k))
        for m in self.mentions:
            ev = self.ents[m.key]
            if ev.type not in ("Event",):
                continue
            by_sent.setdefault(self.sent_at(m.start).start, []).append((m.start, m.end, m.key))
        for sent in self.sents:
            events = sorted(by_sent.get(sent.start, []))
            if not events:
                continue
            # host city: « ... qui se déroule à Londres », « accueillerait la prochaine édition à Paris »
            placed: set[str] = set()  # the nearest place after a summit is its own; later ones are not
            for c in self.mentions_in(sent.start, sent.end, ("City",)):
                if not self.is_locative(c.start) or self.doc[c.start].is_sent_start:
                    continue
                before = [ev for ev in events if ev[1] <= c.start]
                if before and before[-1][2] not in placed:
                    s, e, k = before[-1]
                    placed.add(k)
                    self.relate(k, "hostCity", c.key, s, c.end, 0.8)
            # « ouvert vendredi au Japon »
            for c in self.mentions_in(sent.start, sent.end, ("Country",)):
                if self.lower(c.start - 1) not in ("au", "en", "aux"):
                    continue
                before = [ev for ev in events if ev[1] <= c.start and self.ents[ev[2]].type == "Summit"]
                if before and c.start - before[-1][1] <= 8:
                    s, e, k = before[-1]
                    self.relate(k, "hostCountry", c.key, s, c.end, 0.75)
            # « sommet de Vilnius », « Sommet de Paris »
            for s, e, k in events:
                for c in self.mentions_in(s, e, ("City",)):
                    self.relate(k, "hostCity", c.key, s, e, 0.85)
            # host country: « organisé par le Royaume-Uni », « la France accueillera ... »
            for c in self.mentions_in(sent.start, sent.end, ("Country",)):
                tok = doc[c.start]
                head = tok.head
                while head.dep_ in ("flat:name", "fixed") and head.head.i != head.i:
                    head = head.head
                verb = None
                if tok.dep_ in ("obl:agent",) or self.lower(c.start - 1) == "par" or self.lower(c.start - 2) == "par":
                    h = tok.head
                    if h.lemma_.lower() in host_verbs:
                        verb = h
                elif tok.dep_ == "nsubj" and tok.head.lemma_.lower() in host_verbs:
                    verb = tok.head
                if verb is None:
                    continue
                # the summit the verb is about: a summit mention in the verb's subtree or its head
                cand = None
                for s, e, k in events:
                    if self.ents[k].type != "Summit":
                        continue
                    toks = set(range(s, e))
                    if any(t.i in toks for t in verb.subtree) or doc[s].head == verb or verb.head.i in toks or any(
                        t.i in toks for t in verb.head.subtree if verb.dep_ in ("acl", "acl:relcl")):
                        cand = k
                        if verb.i < s:
                            break
                if cand:
                    self.relate(cand, "hostCountry", c.key, min(c.start, verb.i), max(c.end, verb.i + 1), 0.85)

    def edition_links(self) -> None:
        """Editions n and n+1 of the same series in one article: « COP28 » → « COP29 »."""
        series: dict[str, dict[int, str]] = {}
        for e in self.ents.values():
            ed = e.attrs.get("edition")
            if e.type != "Summit" or not isinstance(ed, int):
                continue
            name = re.sub(r"\d+$", "", e.label) if re.match(r"^[A-Z]+\d+$", e.label) else _series_name(e.label)
            series.setdefault(normalize(name), {})[ed] = e.key
        for eds in series.values():
            for n, key in eds.items():
                nxt = eds.get(n + 1)
                if nxt and not any(k[0] == key and k[1] == "nextEdition" for k in self.relations):
                    ev = self.ents[nxt].evidence[0]
                    self.relations[(key, "nextEdition", nxt)] = Relation(key, "nextEdition", nxt, (ev,), 0.75)

    def dateline(self) -> None:
        """« JOHANNESBURG, 24 août 2023 – »: where the article was filed hosts its summit, unless told otherwise."""
        if not self.main_summit or any(k[0] == self.main_summit and k[1] == "hostCity" for k in self.relations):
            return
        first = self.mentions_in(0, 3, ("City",))
        if first and self.doc[first[0].start].text.isupper():
            m = first[0]
            self.relate(self.main_summit, "hostCity", m.key, m.start, m.end, 0.6)

    def nearby_host_city(self) -> None:
        """« réunis à Bruxelles pour le troisième sommet UE-CELAC », « organisée au château de Versailles »: a
        summit still without a host city takes the place named next to it in a sentence that names it."""
        doc = self.doc
        for key in [k for k in dict.fromkeys(k for _, _, k in sorted(self.summit_seq))]:
            if key in self.next_parent or any(r[0] == key and r[1] == "hostCity" for r in self.relations):
                continue
            best = None
            for s, e, k in self.summit_seq:
                if k != key:
                    continue
                sent = self.sent_at(s)
                for c in self.mentions_in(sent.start, sent.end, ("City",)):
                    if doc[c.start].is_sent_start or not (self.is_locative(c.start) or self.lower(c.start - 2) in _VENUE_NOUNS):
                        continue
                    if any(s2 <= c.start < e2 for s2, e2, k2 in self.summit_seq if k2 != key):
                        continue  # the place of another summit
                    dist = c.start - e if c.start >= e else s - c.end
                    if dist <= 12 and (best is None or dist < best[0]):
                        best = (dist, c, s, e)
            if best:
                _, c, s, e = best
                self.relate(key, "hostCity", c.key, min(s, c.start), max(e, c.end), 0.65)
        # the summit the story is about, still without a place: where the story keeps being set
        main = self.main_summit
        if main is None or any(r[0] == main and r[1] == "hostCity" for r in self.relations):
            return
        hosts_elsewhere = {o for (s_, p, o) in self.relations if p == "hostCity"}
        counts: dict[str, list[_Mention]] = {}
        for c in self.mentions:
            if self.ents[c.key].type == "City" and c.key not in hosts_elsewhere and self.is_locative(c.start):
                counts.setdefault(c.key, []).append(c)
        if counts:
            key, ms = max(counts.items(), key=lambda kv: (len(kv[1]), -kv[1][0].start))
            if len(ms) >= 2:
                self.relate(main, "hostCity", key, ms[0].start, ms[0].end, 0.55)

    def merge(self, old: str, new: str) -> None:
        """``old`` names the same entity as ``new``: move its names, evidence, mentions and relations."""
        o, n = self.ents.pop(old), self.ents[new]
        n.aliases |= o.aliases | {o.label}
        n.evidence.extend(o.evidence)
        for k, v in o.attrs.items():
            n.attrs.setdefault(k, v)
        for m in self.mentions:
            if m.key == old:
                m.key = new
        for (s_, p, o_), rel in list(self.relations.items()):
            if old in (s_, o_):
                del self.relations[(s_, p, o_)]
                s2, o2 = (new if s_ == old else s_), (new if o_ == old else o_)
                if s2 != o2:
                    self.relations.setdefault((s2, p, o2), Relation(s2, p, o2, rel.evidence, rel.confidence))

    def short_names(self) -> None:
        """« la Commission » after « la Commission européenne »: a bare head noun names the full organisation."""
        orgs = [e for e in self.ents.values() if e.type == "Organization"]
        for e in orgs:
            if " " in e.label or e.key not in self.ents:
                continue
            fuller = [f for f in orgs if f is not e and f.key in self.ents
                      and normalize(f.label).split()[:1] == [normalize(e.label)] and " " in f.label]
            if len(fuller) == 1:
                self.merge(e.key, fuller[0].key)

    def implied_relations(self) -> None:
        """Host country from host city; a city's country when the country is named in the article."""
        for (s, p, o), rel in list(self.relations.items()):
            if p == "hostCity" and self.ents[s].type == "Summit":
                city = self._city_country(o)
                if city and city in self.ents:
                    ev = rel.evidence[0]
                    self.relations.setdefault((s, "hostCountry", city), Relation(s, "hostCountry", city, (ev,), 0.7))
        for key, ent in self.ents.items():
            if ent.type != "City":
                continue
            c = self._city_country(key)
            if c and c in self.ents:
                ev = ent.evidence[0]
                self.relations.setdefault((key, "locatedIn", c), Relation(key, "locatedIn", c, (ev,), 0.75))

    def _capital_country(self, key: str) -> str | None:
        """The country whose capital the city ``key`` is, when the article names that country too."""
        city = self.ref.city(self.ents[key].label)
        c = self.ref.country_by_iso3(city.country) if city else None
        if c is None or c.capital is None or normalize(c.capital) != normalize(city.name):
            return None
        return f"country/{c.iso3}" if f"country/{c.iso3}" in self.ents else None

    def _city_country(self, key: str) -> str | None:
        city = self.ref.city(self.ents[key].label)
        return f"country/{city.country}" if city else None

    def attendance(self) -> None:
        doc = self.doc
        attend = set(self.lex["attend_verbs"])
        remote = set(self.lex["remote_words"])
        current: str | None = None
        seq = sorted(self.summit_seq)
        for sent in self.sents:
            in_sent = [k for s, e, k in seq if sent.start <= s < sent.end]
            if in_sent:
                current = in_sent[0] if self.ents[in_sent[0]].attrs.get("edition") != "next" else current
            if current is None:
                continue
            # an attendance verb in the sentence
            trig = not attend.isdisjoint(doc.lemma[sent.start : sent.end]) or not attend.isdisjoint(doc.lower[sent.start : sent.end])
            if not trig and not in_sent:
                continue
            target = in_sent[0] if in_sent else current
            # not the next edition being hosted (« le prochain sommet », « le XXe sommet se tiendra »)
            if self.next_parent.get(target):
                target = self.next_parent[target]
            elif self.main_summit and self._later_edition(target):
                target = self.main_summit
            people = self.mentions_in(sent.start, sent.end, ("Person", "Minister"))
            if not remote.isdisjoint(doc.lower[sent.start : sent.end]):
                continue  # « a déclaré X dans un communiqué »: words sent from afar
            if not trig:
                people = [p for p in people if not any(
                    doc.lemma_[h] in _SPEECH_VERBS or self._reporting_clause(h)
                    for h in self._governors(max(sent.start, p.start - 1), p.end))]
            for p in people:
                if self._absent(p):
                    continue
                self.relate(target, "attendee", p.key, p.start, p.end, 0.6)

    def narrative_attendance(self) -> None:
        """In an article about one summit, the people whose words and deeds it reports took part in it
        (« le président colombien X a réclamé ... »), unless the article places them elsewhere: at another
        place or event (« était à Rome », « lors du salon Y »), speaking through a statement or from afar
        (« dans un communiqué », « par visioconférence »), or absent. A weaker signal than an attendance
        verb, hence the lower confidence."""
        if self.main_summit is None:
            return
        # the summit the article reports attendance at, else the one it names most
        counts: dict[str, int] = {}
        for (s, p, o) in self.relations:
            if p == "attendee":
                counts[s] = counts.get(s, 0) + 1
        main = max(counts, key=lambda k: (counts[k], k == self.main_summit)) if counts else self.main_summit
        if self.ents[main].attrs.get("edition") == "next" or main in self.next_parent:
            return
        doc = self.doc
        hosts = {o for (s, p, o) in self.relations if s == main and p == "hostCity"}
        family = {main} | {k for k, v in self.next_parent.items() if v == main}
        away_words = set(self.lex["remote_words"]) | set(self.lex["absence_words"])
        first = min(s for s, _, k in self.summit_seq if k == main)
        elsewhere: set[str] = set()
        cands: dict[str, tuple[int, int]] = {}
        for sent in self.sents:
            people = self.mentions_in(sent.start, sent.end, ("Person", "Minister"))
            if not people:
                continue
            away = (not away_words.isdisjoint(doc.lower[sent.start : sent.end])
                    or any(m.key not in family for m in self.mentions_in(sent.start, sent.end, ("Summit", "Event")))
                    or any(c.key not in hosts and self.is_locative(c.start) and not doc.sent_start[c.start]
                           for c in self.mentions_in(sent.start, sent.end, ("City",))))
            for p in people:
                if away:
                    elsewhere.add(p.key)
                    continue
                if sent.end <= first or p.key in cands or self._absent(p):
                    continue
                if self._acts(p):
                    cands[p.key] = (p.start, p.end)
        for key, (s, e) in cands.items():
            if key not in elsewhere:
                self.relate(main, "attendee", key, s, e, 0.5)

    def _acts(self, p: _Mention) -> bool:
        """Is the person at ``p`` (part of) the subject of a verb in a past or present tense (« X a réclamé »,
        « ..., a dit X », « le ministre X, rentré de ..., a été accueilli »), not a future one (« X prendra ses
        fonctions »)?"""
        doc = self.doc
        deps, heads = doc.deps, doc.heads
        tok, subj = p.start, False
        for _ in range(8):
            if deps[tok].startswith("nsubj"):
                subj = True
            head = heads[tok]
            if head == tok:
                return False
            tok = head
            if doc.pos[tok] not in ("VERB", "AUX"):
                continue
            kids = doc.children(tok)
            verbs = [tok] + [c for c in kids if deps[c].startswith("aux")]
            if any(doc.morph(t, "VerbForm") == "Fin" for t in verbs):
                negated = any(doc.lower[c] in ("ne", "n'", "n’", "pas", "jamais") for c in kids)
                return subj and not negated and not any(doc.morph(t, "Tense") == "Fut" for t in verbs)
        return False

    # ------------------------------------------------------- announcements
    def announcements(self) -> None:
        doc = self.doc
        verbs = set(self.lex["announce_verbs"])
        negs = set(self.lex["negations"])
        n = 0
        nouns = set(self.lex["announce_nouns"])
        lower, lemmas, deps, heads, tws = doc.lower, doc.lemma, doc.deps, doc.heads, doc.tws
        for i, pos in enumerate(doc.pos):
            if pos != "VERB":
                continue
            lemma = lemmas[i]
            kids = doc.children(i)
            if lemma == "faire" and any(lower[c] == "état" for c in kids):
                lemma = "annoncer"  # « a fait état d'un accord »
            elif lemma == "conclure" and any(deps[c] == "obj" and lemmas[c] in nouns for c in kids):
                lemma = "signer"  # « a conclu un partenariat »
            if lemma not in verbs:
                continue
            if doc.morph(i, "VerbForm") == "Part" and doc.morph(i, "Tense") == "Pres" and not (
                    self.lower(i - 1) == "en" and lemma in _ANNOUNCING_REPORT | {"dévoiler", "lancer", "présenter"}):
                continue  # « en appelant la France à ... »; but « en annonçant », « en dévoilant » announce
            inverted = self._inverted_clause(i)
            if inverted is not None and lemma not in _ANNOUNCING_REPORT:
                continue  # « « ... », lui a lancé une entrepreneuse »: a way of saying, not an announcement
            sent = self.sent_at(i)
            if any(lower[c] in negs for c in kids) or any(
                    lower[c] in negs for c in range(sent.start, sent.end) if heads[c] == i):
                continue
            if lemma in ("appeler", "exhorter") and any(
                    lower[u] in ("ne", "n'", "n’") for c in kids if deps[c] in ("xcomp", "obl:arg", "obl", "ccomp")
                    for u in doc.subtree(c)):
                continue  # « appelle à ne pas céder »: an exhortation, nothing is announced
            passive = any(deps[c] == "aux:pass" for c in kids)
            if passive:
                # « le texte a été annoncé par X »; without its agent (« aucune date n'a été annoncée »), nothing
                agent_tok = next((c for c in kids if deps[c] == "obl:agent"), None)
            else:
                agent_tok = self._inverted_subject(i) if inverted is not None else self._subject(i)
            if agent_tok is None:
                agent_tok = self._misattached_subject(i)
            if agent_tok is None:
                continue
            agents = self._agents(agent_tok) or self._collective_agent(agent_tok)
            if not agents:
                continue
            n += 1
            obj_deps = ("ccomp", "obj", "xcomp", "obl:arg", "obl") + (("nsubj:pass",) if passive else ())
            obj_toks = sorted({u for c in kids if deps[c] in obj_deps for u in doc.subtree(c)})
            if inverted is not None and not any(deps[c] in ("obj", "ccomp") and c < i for c in kids):
                # « Le prochain sommet se tiendra en Turquie, a annoncé M. Rutte »: what precedes is announced
                obj_toks = [k for k in range(sent.start, inverted) if not doc[k].is_punct or doc.words[k] in APOS]
            key = f"announcement/{self.article.id}-{n}"
            summary = _summary(doc, i, sent, obj_toks)
            first, _, rest = summary.partition(" ")
            if first.lower() in ("il", "elle", "ils", "elles") and rest:
                summary = f"{self.ents[agents[0]].label} {rest}"  # « qu'elle accueillerait » → « France accueillerait »
            label = _clip(summary[:1].upper() + summary[1:], 90)
            ent = self.add("Announcement", key, label, i, i + 1, conf=0.75, rank=3, mention=False)
            ent.aliases.discard(doc.words[i])
            ent.attrs["summary"] = summary
            obj_set = set(obj_toks)
            for a in agents:
                self.relate(key, "announcedBy", a, agent_tok, i + 1, 0.8)
            # co-agents: « en compagnie de ses homologues italien et allemand »
            for c in self.mentions_in(sent.start, sent.end, ("Country",)):
                if c.start in obj_set or c.key in agents:
                    continue
                if any(lower[w] in ("compagnie", "côtés", "homologue", "homologues", "avec")
                       for w in range(max(sent.start, c.start - 6), c.start)):
                    self.relate(key, "announcedBy", c.key, c.start, c.end, 0.6)
            # what it is about: summits, events, organisations, countries inside the object
            summit_spans = [(s_, e_) for s_, e_, _ in self.summit_seq]
            summit_in_obj = any(s_ in obj_set for s_, _, k_ in self.summit_seq if k_ not in agents)
            host_verbs = set(self.lex["host_verbs"]) | set(self.lex["place_verbs"])
            for m in self.mentions_in(sent.start, sent.end, ("Summit", "Event", "Organization", "Country")):
                inside_summit = any(s_ <= m.start < e_ for s_, e_ in summit_spans) and self.ents[m.key].type != "Summit"
                if m.start not in obj_set or m.key in agents or inside_summit:
                    continue
                # « la Russie accueillera le prochain sommet », « il se tiendra au Cambodge »: the host of a
                # summit announced is part of the news about that summit, not a topic of its own
                if summit_in_obj and self.ents[m.key].type == "Country" and (
                        self.lower(m.start - 1) in ("au", "aux", "en")
                        or (deps[m.start].startswith("nsubj") and lemmas[heads[m.start]] in host_verbs)):
                    continue
                self.relate(key, "about", m.key, m.start, m.end, 0.7)
            for s, e, k in self.summit_seq:
                if s in obj_set and k not in agents:
                    self.relate(key, "about", k, s, e, 0.7)
            # « une aide militaire pour Kiev », « priver Moscou de ses revenus »: a capital inside what is
            # announced stands for its country
            core = {u for c in kids if deps[c] in ("obj", "ccomp", "xcomp", "nsubj:pass") for u in doc.subtree(c)}
            for c in self.mentions_in(sent.start, sent.end, ("City",)):
                country = self._capital_country(c.key) if c.start in core else None
                if country and country not in agents:
                    self.relate(key, "about", country, c.start, c.end, 0.6)
            # during which event: a summit/event of the sentence outside the object
            during = None
            for s, e, k in sorted(self.summit_seq) + [(m.start, m.end, m.key) for m in self.mentions_in(sent.start, sent.end, ("Event",))]:
                if sent.start <= s < sent.end and s not in obj_set and not self._later_edition(k):
                    during = (s, e, k)
                    break
            if during:
                self.relate(key, "during", during[2], during[0], during[1], 0.7)
            # where: a city of the sentence outside the object, after « à »
            # (a country's announcement is a communiqué, not a speech somewhere: no place)
            if any(self.ents[a].type in ("Person", "Minister") for a in agents):
                for c in self.mentions_in(sent.start, sent.end, ("City",)):
                    if c.start not in obj_set and self.lower(c.start - 1) == "à":
                        self.relate(key, "hostCity", c.key, c.start, c.end, 0.7)
            # when: a date outside the object, else the event's date, else publication
            tense = "past" if any(lower[a] in ("a", "ont", "avait", "avaient") or doc.lemma_[a] == "avoir"
                                  for a in kids if deps[a].startswith("aux")) else "present"
            date = None
            outside = "".join(tws(u) if u not in obj_set else " " * len(tws(u)) for u in range(sent.start, sent.end))
            ds = find_dates(outside, self.article.published, tense)
            if ds:
                date = ds[0].first
            elif during and self.ents[during[2]].attrs.get("date"):
                date = self.ents[during[2]].attrs["date"]
            elif self.article.published:
                date = self.article.published
            if date:
                ent.attrs["date"] = date
            # no event named: the summit the article is about, unless the dates say otherwise
            if during is None and self.main_summit and self.main_summit not in self._about_keys(key):
                ms = self.ents[self.main_summit]
                start, end = ms.attrs.get("startDate"), ms.attrs.get("endDate")
                explicit = bool(ds)
                if end is None and start:
                    end = (date_cls.fromisoformat(str(start)) + timedelta(days=6)).isoformat()
                if not (explicit and date and start and len(date) == 10 and not (str(start) <= date <= str(end))):
                    self.relate(key, "during", self.main_summit, i, i + 1, 0.5)
            money = _MONEY.search("".join(tws(k) for k in obj_toks) if obj_toks else doc.span_text(sent.start, sent.end))
            if money:
                ent.attrs["amount"] = re.sub(r"\s+", " ", money.group(0)).strip()

    def _clause_start(self, verb: int) -> int:
        """The token before the auxiliaries, pronouns and adverbs in front of ``verb`` (« », a-t-il annoncé »)."""
        doc = self.doc
        start = self.sent_at(verb).start
        k = verb - 1
        while k >= start and (doc.pos[k] in ("AUX", "PRON", "ADV") or doc.deps[k].startswith("aux")):
            k -= 1
        return k

    def _inverted_clause(self, verb: int) -> int | None:
        """For « ..., a annoncé X »: the index of the comma that opens the inverted clause, else None."""
        k = self._clause_start(verb)
        if k > self.sent_at(verb).start and self.doc.words[k] == "," and self._inverted_subject(verb) is not None:
            return k
        return k if self._reporting_clause(verb) else None

    def _inverted_subject(self, verb: int) -> int | None:
        """The subject after the verb in « ..., a annoncé M. Rutte » (parsed as nsubj, or as obj of a parataxis)."""
        deps = self.doc.deps
        for c in self.doc.children(verb):
            if c > verb and (deps[c].startswith("nsubj") or (deps[c] == "obj" and deps[verb] in ("parataxis", "advcl"))):
                return c
        return None

    def _misattached_subject(self, verb: int) -> int | None:
        """« Le Canada, qui présidera le G7, a confirmé ... » parsed with « Canada » as a second subject of the
        relative clause: a subject before ``verb`` whose head already has the relative pronoun as subject."""
        doc = self.doc
        deps, heads = doc.deps, doc.heads
        for t in range(self.sent_at(verb).start, verb):
            h = heads[t]
            if deps[t] == "nsubj" and h != verb and heads[h] == verb and t < h and any(
                    deps[c] == "nsubj" and doc.lower[c] == "qui" for c in doc.children(h)):
                return t
        return None

    def _reporting_clause(self, verb: int) -> bool:
        """Is ``verb`` the verb of a reporting clause after a quote (« « ... », a lancé X »)?"""
        words = self.doc.words
        k = self._clause_start(verb)
        return k >= self.sent_at(verb).start and words[k] == "," and k > 0 and words[k - 1] in ("»", "\"", "”")

    def _absent(self, p: _Mention) -> bool:
        """« X ne s'est pas déplacé », « venu à la place de X », « en l'absence de X », « X, absent »."""
        key = (p.start, p.end)
        if key not in self._absent_at:
            self._absent_at[key] = self._is_absent(p.start, p.end)
        return self._absent_at[key]

    def _is_absent(self, start: int, end: int) -> bool:
        doc = self.doc
        lower = doc.lower
        before = " ".join(lower[max(self.sent_at(start).start, start - 4) : start])
        if _IN_PLACE_OF.search(before) or before.endswith("sans"):
            return True
        for h in self._governors(start, end):
            kids = doc.children(h)
            if any(lower[c] in ("pas", "jamais", "ne", "n'", "n’") for c in kids) or doc.lemma_[h] in ("renoncer", "boycotter", "annuler"):
                return True
            if any(lower[c].startswith("absent") for c in kids):
                return True
        # « Le président X, invité à un dîner, n'a pas participé à la séance »
        return any(a <= start <= b for a, b in self._negated_subjects(self._sent_no[start]))

    def _negated_subjects(self, n: int) -> list[tuple[int, int]]:
        """The first and last tokens of the subjects of the negated verbs of sentence ``n`` (« X ... n'a pas participé »)."""
        if n not in self._neg_subj:
            doc = self.doc
            sent = self.sents[n]
            out = []
            for v in range(sent.start, sent.end):
                if doc.pos[v] == "VERB":
                    kids = doc.children(v)
                    if any(doc.lower[c] in ("pas", "jamais") for c in kids):
                        out.extend((c, max(doc.subtree(c))) for c in kids if doc.deps[c].startswith("nsubj"))
            self._neg_subj[n] = out
        return self._neg_subj[n]

    def _governors(self, start: int, end: int) -> list[int]:
        """The heads, outside the span, of the span's tokens (the words it depends on)."""
        heads, pos = self.doc.heads, self.doc.pos
        out = []
        for t in range(start, end):
            h = heads[t]
            if start <= h < end:
                continue
            # up through nouns (« le cabinet de X ») to the verb
            for _ in range(3):
                if pos[h] in ("VERB", "AUX") or heads[h] == h:
                    break
                h = heads[h]
            out.append(h)
        return out

    def _later_edition(self, key: str) -> bool:
        """A summit still to come (« qui accueillera la COP30 »): nothing is announced during it."""
        if key in self.next_parent:
            return True
        main = self.ents.get(self.main_summit) if self.main_summit else None
        ed, main_ed = self.ents[key].attrs.get("edition"), main.attrs.get("edition") if main else None
        return isinstance(ed, int) and isinstance(main_ed, int) and ed > main_ed

    def _about_keys(self, key: str) -> list[str]:
        return [o for (s_, p, o) in self.relations if s_ == key and p == "about"]

    def _subject(self, verb: int) -> int | None:
        doc = self.doc
        subjects = [c for c in doc.children(verb) if doc.deps[c] in ("nsubj", "nsubj:pass")]
        if subjects:
            # « le constructeur japonais Toyota » parsed as two subjects: the named one
            named = [c for c in subjects if self.mention_at(c, ("Person", "Minister", "Organization", "Country"))]
            return (named or subjects)[0]
        # « pour appeler », « afin de lancer »: the subject of the governing verb
        if doc.deps[verb] in ("advcl", "xcomp", "conj", "acl") and doc.heads[verb] != verb:
            return self._subject(doc.heads[verb])
        return None

    def _agents(self, tok: int) -> list[str]:
        doc = self.doc
        out = []
        for u in [tok] + [c for c in doc.children(tok) if doc.deps[c] == "conj"]:
            m = self.mention_at(u, ("Person", "Minister", "Country", "Organization"))
            if m is None and doc.lower[u] in ("qui", "lequel", "laquelle"):
                # « le président américain Joe Biden, qui a annoncé ... »: the antecedent
                k = u - 1
                while k >= 0 and doc.words[k] in (",",):
                    k -= 1
                m = self.mention_at(k, ("Person", "Minister", "Country", "Organization"))
            if m is None:
                # the subject token may be a title whose name follows (« le ministre ... X »)
                # « le fabricant norvégien X »: the named organisation, not its nationality adjective
                subtree = doc.subtree(u)
                for types in (("Person", "Minister"), ("Organization",), ("Country",)):
                    for c in subtree:
                        m = self.mention_at(c, types)
                        if m:
                            break
                    if m:
                        break
            if m is None and doc.pos[u] == "PRON" and doc.lower[u] in ("il", "elle", "ils", "elles"):
                m = self._antecedent(u)
            if m and m.key not in out:
                out.append(m.key)
        return out

    def _collective_agent(self, tok: int) -> list[str]:
        """« les dirigeants », « les Sept », « les Alliés » as a subject: the organisation whose summit the
        article reports (« sommet du G7 » → G7), when its name is part of the summit's."""
        if self.doc.lower[tok] not in self.lex["collective_nouns"] or self.main_summit is None:
            return []
        if any(self.doc.deps[c] == "nmod" for c in self.doc.children(tok)):
            return []  # « les dirigeants africains de ... »: a narrower group
        for s, e, k in self.summit_seq:
            if k == self.main_summit:
                orgs = self.mentions_in(s, e, ("Organization",))
                if orgs:
                    return [orgs[0].key]
        # « sommet de Washington » of « l'OTAN »: the international organisation the article names most
        counts: dict[str, int] = {}
        for m in self.mentions:
            if self.ents[m.key].type == "Organization" and self.ref.organization(self.ents[m.key].label):
                counts[m.key] = counts.get(m.key, 0) + 1
        best = max(counts, key=lambda k: counts[k], default=None)
        return [best] if best and counts[best] >= 2 else []

    def _antecedent(self, pron: int) -> _Mention | None:
        cands = [m for m in self.mentions if m.end <= pron and self.ents[m.key].type in ("Person", "Minister", "Country", "Organization")]
        return cands[-1] if cands else None

    def is_locative(self, start: int) -> bool:
        """Is the place at token ``start`` used as a location (« à Paris », « la ville d'Hiroshima »)?"""
        prev = self.lower(start - 1)
        if prev == "à" and self._recipient(start):
            return False  # « la livraison à Kiev », « un message adressé à Moscou »: to whom, not where
        if prev in _LOCATIVE_PREPS:
            return True
        if prev in ("de", "d'", "d’"):
            k = start - 2
            while k >= 0 and self.doc.pos[k] == "ADJ":
                k -= 1
            return self.lower(k) in _PLACE_NOUNS or self.lower(k) in _VENUE_NOUNS or self.lower(k) in self.lex["summit_nouns"]
        # a dateline: « HIROSHIMA (Japon), 21 mai 2023 – »
        return self.doc.sent_start[start] and self.doc.words[start].isupper()

    def _recipient(self, start: int) -> bool:
        """Is the place at ``start``, after « à », what something is given or said to (its head a verb or noun
        of giving, sending, promising)?"""
        heads = self.lex["recipient_heads"]
        doc = self.doc
        h = doc.heads[start]
        for _ in range(2):
            if doc.lemma[h] in heads or doc.lower[h] in heads:
                return True
            if doc.heads[h] == h:
                break
            h = doc.heads[h]
        return False

    def capitals_as_governments(self) -> None:
        """« saluée par Kiev », « Pékin a salué »: a capital not used as a place stands for its country."""
        capitals = _capitals(self.ref)
        for m in list(self.mentions):
            ent = self.ents[m.key]
            if ent.type != "City" or self.is_locative(m.start):
                continue
            country = capitals.get(normalize(ent.label))
            if country is None:
                continue
            ckey = f"country/{country.iso3}"
            self.mentions.remove(m)
            self._by_start = self._cover = None
            if m in self._empty:
                self._empty.remove(m)
            start, end = self.doc[m.start].idx, self.doc[m.end - 1].idx + len(self.doc[m.end - 1])
            ent.evidence = [e for e in ent.evidence if (e.start, e.end) != (start, end)]
            if not ent.evidence:
                del self.ents[m.key]
            self.add("Country", ckey, country.name, m.start, m.end, conf=0.7, rank=1)

    def date_attrs(self) -> None:
        """Start/end dates of summits and the date of events from the sentence that introduces them."""
        seen = set()
        for s, e, k in sorted(self.summit_seq) + [(m.start, m.end, m.key) for m in self.mentions if self.ents[m.key].type == "Event"]:
            ent = self.ents.get(k)
            if ent is None or k in seen or ent.attrs.get("startDate") or ent.attrs.get("date"):
                continue
            sent = self.sent_at(s)
            doc = self.doc
            text = doc.text_with_ws(s, sent.end)
            tense = "past" if any(doc.lemma_[t] in ("avoir", "être") and doc.morph(t, "Tense") == "Pres"
                                  and doc.morph(doc.heads[t], "VerbForm") == "Part" for t in range(s, sent.end)) else "present"
            ds = find_dates(text[:160], self.article.published, tense)
            if not ds:
                continue
            seen.add(k)
            d = ds[0]
            if ent.type == "Summit":
                if len(d.values[0]) == 10:
                    ent.attrs["startDate"] = d.first
                    if len(d.values) > 1:
                        ent.attrs["endDate"] = d.last
            else:
                ent.attrs["date"] = d.first

    # ------------------------------------------------------------ run
    def run(self) -> Extraction:
        self.split_persons: list[tuple[int, int]] = []
        self.next_of: dict[str, str] = {}
        self.places_and_orgs()
        self.companies()
        self.persons()
        self.roles()
        self.nationality_adjectives()
        self.capitals_as_governments()
        self.summits()
        self.next_parent = {v: k for k, v in self.next_of.items()}
        counts: dict[str, int] = {}
        for _, _, k in self.summit_seq:
            if k not in self.next_parent:
                counts[k] = counts.get(k, 0) + 1
        self.main_summit = max(counts, key=lambda k: (counts[k], -min(s for s, _, kk in self.summit_seq if kk == k))) if counts else None
        self.events()
        self.date_attrs()
        self.summit_relations()
        self.attendance()
        self.announcements()
        self.short_names()
        self.edition_links()
        self.dateline()
        self.nearby_host_city()
        self.narrative_attendance()
        self.implied_relations()
        return self.freeze()

    def freeze(self) -> Extraction:
        ents = []
        for key in sorted(self.ents):
            e = self.ents[key]
            aliases = tuple(sorted(a for a in e.aliases if a and a != e.label))
            ents.append(Entity(key=e.key, type=e.type, label=e.label, aliases=aliases,
                               attrs=tuple(sorted(e.attrs.items())), evidence=tuple(e.evidence)))
        rels = tuple(self.relations[k] for k in sorted(self.relations))
        return Extraction(article=self.article, entities=tuple(ents), relations=rels)


# ---------------------------------------------------------------- utilities
_CAPITALS: dict[int, tuple[Reference, dict]] = {}
_ROUNDED: dict[float, float] = {}
_IN_PLACE_OF = re.compile(r"(place|absence|lieu) d[eu']?\s*(la |le |l'|l’)?\S*$")  # « à la place de », « en l'absence de »


def _rounded(conf: float) -> float:
    """``round(conf, 2)``, remembered: the rules use a handful of confidences, and ``round`` to two
    digits is slow."""
    r = _ROUNDED.get(conf)
    if r is None:
        if len(_ROUNDED) > 1000:
            _ROUNDED.clear()
        r = _ROUNDED[conf] = round(conf, 2)
    return r


def _capitals(ref: Reference) -> dict:
    """The countries of ``ref`` by their capital's normalised name (made once per reference)."""
    hit = _CAPITALS.get(id(ref))
    if hit is None or hit[0] is not ref:
        if len(_CAPITALS) > 8:
            _CAPITALS.clear()
        hit = _CAPITALS[id(ref)] = (ref, {normalize(c.capital): c for c in ref.countries if c.capital})
    return hit[1]


@functools.lru_cache(maxsize=4096)
def _is_date_word(text: str) -> bool:
    """Is the token ``text`` a date by itself (« mardi », « 2024 »)?"""
    return bool(find_dates(text, "2000-01-01"))


_BYLINE = re.compile(r"^\s*(?:par|photo|photos|crédit|crédits|avec|lire aussi|légende|©)\b", re.I)


def _byline(sent: Span) -> bool:
    """A signature, photo credit or « lire aussi » line, not part of the story."""
    return len(sent) <= 14 and bool(_BYLINE.match(sent.text)) and not any(t.morph.get("VerbForm") == ["Fin"] for t in sent)


_ANNOUNCING_REPORT = {"annoncer", "confirmer", "promettre", "dévoiler", "officialiser"}


def _strip_det(span: Span) -> Span:
    doc = span.doc
    s = span.start
    while s < span.end and (doc[s].pos_ == "DET" or doc[s].lower_ in ("l'", "l’", "la", "le", "les")):
        s += 1
    return doc[s : span.end]


def _strip_det_text(text: str) -> str:
    return re.sub(r"^(?:le|la|les|l['’]|ce|cet|cette)\s*", "", text.strip(), flags=re.I)


def _series_name(text: str) -> str:
    """« le 49e sommet du G7 » → « sommet du G7 »."""
    return re.sub(r"^(?:\d+(?:e|ème|er|re)|premier|première)\s+", "", _strip_det_text(text), flags=re.I)


def _is_namey(tok: Token) -> bool:
    """A token that looks like a proper name, not a capitalised common word (« Armées », « Transports »)."""
    text = tok.text
    if re.search(r"[A-Z].*[A-Z]", text) or text.isupper():
        return True
    if tok.pos_ != "PROPN":
        return False
    if has_common_words(tok.vocab):
        return not is_common_word(tok.vocab, text.lower())
    return not tok.vocab[text.lower()].has_vector


def _looks_like_name(span: Span) -> bool:
    words = [t for t in span if t.lower_ not in _NAME_PARTICLES]
    return len(words) >= 2 and all(t.text[:1].isupper() for t in words) and words[0].pos_ in ("PROPN", "X", "NOUN")


@functools.lru_cache(maxsize=16384)
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(normalize(name).replace("-", " ").split())


def _name_key(name: str) -> str:
    return " ".join(_name_words(name))


def _portfolio(doc: TokenCache, tokens: list[int]) -> str | None:
    words = []
    for i in tokens:
        low = doc.lower[i]
        if doc.pos[i] == "DET" or low in ("de", "du", "des", "d'", "d’", "l'", "l’", "chargé", "chargée", "chargés", "auprès") or doc.words[i] in APOS:
            continue
        words.append(doc.words[i])
    text = " ".join(words).replace(" - ", "-").strip()
    while text.lower().startswith("et "):
        text = text[3:]
    return text or None


def _ordinal_word(n: int | None) -> str:
    words = {1: "première", 2: "deuxième", 3: "troisième", 4: "quatrième", 5: "cinquième"}
    return words.get(n or 0, f"{n}e")


def _clip(text: str, n: int) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,.;:«»\"")
    if len(text) <= n:
        return text
    cut = text[:n].rsplit(" ", 1)[0]
    return cut + "…"


def _summary(doc: TokenCache, verb: int, sent: Span, obj_toks: list[int]) -> str:
    """A short summary: the announcing verb's object (« qu'elle accueillerait la prochaine édition à Paris »)."""
    if not obj_toks:
        text = doc.text_with_ws(verb, sent.end)
    else:
        text = doc.text_with_ws(obj_toks[0], obj_toks[-1] + 1)
    text = re.sub(r"^(?:qu['’]|que\s+|de\s+|d['’]|à\s+)", "", text.strip(), flags=re.I)
    return _clip(text, 200)


def extract(doc: Doc, article: Article, ref: Reference | None = None) -> Extraction:
    """Extract the entities and relations of one article from its parsed ``Doc``."""
    return _ArticleExtractor(doc, article, ref or load_reference(), load_lexicon()).run()
