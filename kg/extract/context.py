"""One article's extraction state, shared by the rules: :class:`ArticleContext`.

The rules (:mod:`kg.extract.rules`) read the parsed article (tokens, sentences, gazetteer matches)
and build entities, mentions and relations through the operations here: :meth:`~ArticleContext.add`
(an entity and, usually, a mention of it), :meth:`~ArticleContext.relate` (a relation with its
evidence), :meth:`~ArticleContext.evidence`, and the mention look-ups (:meth:`~ArticleContext.mention_at`,
:meth:`~ArticleContext.mentions_in`, :meth:`~ArticleContext.overlaps_mention`). Every field a rule reads
or writes is declared and initialised in the constructor; which rule fills which is said in the rule
table (:data:`kg.extract.rules.RULES`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from kg.extract.lexicon import Lexicon, confidence
from kg.extract.tokens import TokenCache
from kg.nlp.pipeline import trigger_spans
from kg.nlp.reference import Reference
from kg.records import Article, Entity, Evidence, Extraction, Relation

__all__ = ["ArticleContext", "EntityDraft", "Mention", "GazSpan"]


@dataclass
class EntityDraft:
    """An entity being assembled for one article (mutable; frozen into :class:`~kg.records.Entity` at the end).

    ``label_rank`` says how good the label is: a later :meth:`ArticleContext.add` with a higher rank
    replaces it (the old label becomes an alias)."""

    key: str
    type: str
    label: str
    aliases: set[str] = field(default_factory=set)
    attrs: dict[str, str | int] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    label_rank: int = 0


@dataclass
class Mention:
    """Tokens ``start:end`` name the entity ``key``."""

    start: int  # token index
    end: int
    key: str

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


class GazSpan:
    """A gazetteer match (``doc.spans["gazetteer"]``) with its attributes read once: ``Span.label_``,
    ``.id_`` and ``.text`` look up strings on every read."""

    __slots__ = ("start", "end", "label_", "id_", "text")

    def __init__(self, start: int, end: int, label: str, id_: str, text: str) -> None:
        self.start, self.end, self.label_, self.id_, self.text = start, end, label, id_, text

    def __len__(self) -> int:
        return self.end - self.start


_ROUNDED: dict[float, float] = {}


def _rounded(conf: float) -> float:
    """``round(conf, 2)``, remembered: the rules use a handful of confidences, and ``round`` to two
    digits is slow."""
    r = _ROUNDED.get(conf)
    if r is None:
        if len(_ROUNDED) > 1000:
            _ROUNDED.clear()
        r = _ROUNDED[conf] = round(conf, 2)
    return r


class ArticleContext:
    """The state of one article's extraction: its parse, what the rules found so far, and what they share."""

    def __init__(self, doc: Doc, article: Article, ref: Reference, lex: Lexicon) -> None:
        # ── the input, read-only ──────────────────────────────────────────────────────────────
        #: the parsed article, its tokens' attributes read once
        self.doc: TokenCache = TokenCache(doc)
        self._lower, self._n = self.doc.lower, len(self.doc)  # (:meth:`lower`)
        self.article: Article = article
        #: reference data (countries, cities, organisations, role titles)
        self.ref: Reference = ref
        #: trigger words (``ontology/data/lexicon.json``)
        self.lex: Lexicon = lex
        #: the sentences, once (``Token.sent`` walks the document on every call)
        self.sents: list[Span] = list(doc.sents)
        self._sent_no: list[int] = [0] * len(doc)
        for n, sent in enumerate(self.sents):
            self._sent_no[sent.start : sent.end] = [n] * (sent.end - sent.start)
        #: the gazetteer matches kept (:meth:`_gazetteer`), sorted by start, and their starts
        self.gaz: list[GazSpan] = self._gazetteer()
        self.gaz_starts: list[int] = [s.start for s in self.gaz]
        #: the role titles among them (« ministre », « Premier ministre »)
        self.role_spans: list[GazSpan] = [s for s in self.gaz if s.label_ == "ROLE"]
        #: the token spans of the trigger patterns (``ontology/data/patterns.json``) by label, by start
        self.triggers: dict[str, list[tuple[int, int]]] = {}
        for label, start, end in trigger_spans(doc):
            self.triggers.setdefault(label, []).append((start, end))

        # ── what the rules build ──────────────────────────────────────────────────────────────
        #: the entities by key
        self.ents: dict[str, EntityDraft] = {}
        #: the mentions, in the order they were made (:meth:`add`)
        self.mentions: list[Mention] = []
        #: the relations by (subject, predicate, object)
        self.relations: dict[tuple[str, str, str], Relation] = {}

        # ── what one rule leaves for later ones (see the rule table) ─────────────────────────
        #: token spans of person names glued to an organisation by the NER (« l'OTAN Jens Stoltenberg »)
        self.split_persons: list[tuple[int, int]] = []
        #: tokens consumed by role phrases and nationality adjectives (not to be read again)
        self.used_tokens: set[int] = set()
        #: every summit mention (start, end, key), in the order found (text order)
        self.summit_seq: list[tuple[int, int, str]] = []
        #: a summit's next edition: key → key of the next edition
        self.next_of: dict[str, str] = {}
        #: the other way round: key of a next edition → key of the summit it follows
        self.next_parent: dict[str, str] = {}
        #: earlier editions named as such (« le dernier sommet », « la précédente conférence »), in text order
        self.prev_editions: list[str] = []
        #: the summit the article is about (named most, not a next edition), if any
        self.main_summit: str | None = None

        # ── indexes and memos (private to the operations below and to one rule each) ──────────
        self._by_start: tuple[list[Mention], list[int]] | None = None  # mentions by start, their starts
        self._cover: dict[int, list[Mention]] | None = None  # the mentions over each token, in mention order
        self._empty: list[Mention] = []  # mentions of no token (the token index does not see them)
        self._sent_text: dict[int, str] = {}
        self._evidence: dict[tuple[int, int, float], Evidence] = {}
        #: is a person absent at this mention span (:func:`kg.extract.rules.attendance.absent`)
        self.absent_at: dict[tuple[int, int], bool] = {}
        #: the subjects of negated verbs, by sentence number (:func:`kg.extract.rules.attendance.negated_subjects`)
        self.negated_subjects: dict[int, list[tuple[int, int]]] = {}
        #: a rejection trace, off (``None``) in a build: set it to a list and the announcement rules append
        #: ``(token, reason)`` for each trigger they consider and drop (:meth:`reject`; ``benchmarks/announcement_misses.py``)
        self.rejections: list[tuple[int, str]] | None = None

    def reject(self, tok: int, reason: str) -> None:
        """Record that the trigger at ``tok`` was dropped, and why, when the trace is on (:attr:`rejections`)."""
        if self.rejections is not None:
            self.rejections.append((tok, reason))

    # ------------------------------------------------------------------ the parse
    def _gazetteer(self) -> list[GazSpan]:
        """The gazetteer matches that stand: longest first, no overlaps (role titles apart), countries,
        cities and organisations capitalised, no role title inside a person's name."""
        doc = self.doc
        text = doc.span_text
        spans = [GazSpan(a, b, label, id_, text(a, b))
                 for a, b, label, id_ in [(s.start, s.end, s.label_, s.id_) for s in doc.spans.get("gazetteer", [])]]
        spans.sort(key=lambda s: (s.start - s.end, s.start))  # longest first
        taken: dict[bool, set[int]] = {True: set(), False: set()}  # role titles may overlap names
        per = [(e.start, e.end) for e in self.doc.ents if e.label_ == "PER"]
        kept = []
        for s in spans:
            is_role = s.label_ == "ROLE"
            if not taken[is_role].isdisjoint(range(s.start, s.end)):
                continue
            if s.label_ in ("COUNTRY", "CITY", "ORG") and not (s.text[:1].isupper() or s.text.isupper()
                                                                 or self._descriptive_org(s)):
                continue
            if is_role and any(a < s.start < b for a, b in per):
                continue  # « Jean Le Prince »: a surname, not the title « prince »
            kept.append(s)
            taken[is_role].update(range(s.start, s.end))
        kept.sort(key=lambda s: s.start)
        return kept

    def _descriptive_org(self, s: GazSpan) -> bool:
        """« l'exécutif européen »: a lower-case name of an organisation that the reference data lists so."""
        org = self.ref.organization(s.text) if s.label_ == "ORG" else None
        return org is not None and any(n[:1].islower() and n.lower() == s.text.lower() for n in org.names)

    def sent_at(self, i: int) -> Span:
        """The sentence of token ``i``."""
        return self.sents[self._sent_no[i]]

    def sent_no(self, i: int) -> int:
        """The number of the sentence of token ``i``."""
        return self._sent_no[i]

    def lower(self, i: int) -> str:
        """The lower-case form of token ``i``, ``""`` outside the document."""
        return self._lower[i] if 0 <= i < self._n else ""

    def covered_by_ner(self, span: GazSpan, labels: tuple[str, ...]) -> bool:
        """Is a token of ``span`` inside a named entity of one of ``labels``?"""
        ent_type = self.doc.ent_type
        return any(ent_type[i] in labels for i in range(span.start, span.end))

    # ------------------------------------------------------------------ building
    def evidence(self, start: int, end: int, conf: float, implied: bool = False) -> Evidence:
        """The evidence of tokens ``start:end``: their sentence and character offsets (``implied``:
        inferred from the context rather than stated there, see :class:`kg.records.Evidence`)."""
        key = (start, end, conf, implied)
        ev = self._evidence.get(key)  # records are frozen: the same evidence is one object
        if ev is None:
            doc = self.doc
            n = self._sent_no[start]
            if n not in self._sent_text:
                # quoted from the article's own text: the parse may have re-cased words in capitals
                # (kg.nlp.casing), never moved them
                sent = self.sents[n]
                source = self.article.text if len(self.article.text) == len(doc.text) else doc.text
                self._sent_text[n] = source[doc.idx[sent.start]: doc.idx[sent.end - 1] + len(doc.words[sent.end - 1])].strip()
            ev = self._evidence[key] = Evidence(
                article_id=self.article.id,
                sentence=self._sent_text[n],
                start=doc.idx[start],
                end=doc.idx[end - 1] + len(doc.words[end - 1]),
                confidence=_rounded(conf),
                implied=implied,
            )
        return ev

    def add(self, type_: str, key: str, label: str, start: int, end: int, surface: str | None = None,
            conf: float | None = None, rank: int = 0, mention: bool = True, before: Mention | None = None) -> EntityDraft:
        """The entity ``key`` (made on first sight), with tokens ``start:end`` as evidence of confidence ``conf``
        (by default that of a name read as it stands) and, unless ``mention`` is false, as a mention. A Person given type Minister becomes a Minister; a label of
        higher ``rank`` replaces the current one; the surface text becomes an alias. ``before``: the new mention
        goes just before that one (what :meth:`mention_at` finds first on a span of two mentions)."""
        if conf is None:
            conf = confidence("name_in_text")
        ent = self.ents.get(key)
        if ent is None:
            ent = self.ents[key] = EntityDraft(key=key, type=type_, label=label, label_rank=rank)
        elif rank > ent.label_rank:
            ent.aliases.add(ent.label)
            ent.label, ent.label_rank = label, rank
        if type_ == "Minister" and ent.type == "Person":
            ent.type = "Minister"
        surface = (surface or self.doc.span_text(start, end)).strip()
        if surface and surface != ent.label:
            ent.aliases.add(surface)
        ent.evidence.append(self.evidence(start, end, conf))
        if mention and before is not None:
            self.mentions.insert(self.mentions.index(before), Mention(start, end, key))
            self._by_start = self._cover = None
        elif mention:
            m = Mention(start, end, key)
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

    def remove_mention(self, m: Mention) -> None:
        """Take back mention ``m`` and its evidence; the entity goes when it has no evidence left."""
        self.mentions.remove(m)
        self._by_start = self._cover = None
        if m in self._empty:
            self._empty.remove(m)
        ent = self.ents[m.key]
        doc = self.doc
        start, end = doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])
        ent.evidence = [e for e in ent.evidence if (e.start, e.end) != (start, end)]
        if not ent.evidence:
            del self.ents[m.key]

    def relate(self, s: str, p: str, o: str, start: int, end: int, conf: float, implied: bool = False) -> None:
        """The relation (s, p, o), with tokens ``start:end`` as evidence (``implied``: inferred from the
        context, not stated by these tokens); a relation already made gains the evidence and keeps the
        higher confidence. Nothing when ``s`` or ``o`` is unknown or both are one."""
        if s == o or s not in self.ents or o not in self.ents:
            return
        k = (s, p, o)
        if end <= start:  # « ..., a annoncé X »: the agent after the verb; the evidence spans both
            start, end = min(start, end - 1), max(start + 1, end)
        ev = self.evidence(start, end, conf, implied)
        old = self.relations.get(k)
        if old is None:
            self.relations[k] = Relation(s, p, o, (ev,), conf)
        elif ev not in old.evidence:
            self.relations[k] = Relation(s, p, o, old.evidence + (ev,), max(old.confidence, conf))

    def merge(self, old: str, new: str) -> None:
        """``old`` names the same entity as ``new``: move its names, evidence, mentions and relations."""
        o, n = self.ents.pop(old), self.ents[new]
        n.aliases |= o.aliases | {o.label}
        n.evidence.extend(o.evidence)
        for k, v in o.attrs.items():
            n.attrs.setdefault(k, v)
        self._move(old, new)

    def rekey(self, old: str, new: str) -> None:
        """The entity ``old`` takes the key ``new`` (merged into it if that key is taken), with its
        mentions and relations."""
        if new == old or old not in self.ents:
            return
        if new in self.ents:
            self.merge(old, new)
            return
        ent = self.ents.pop(old)
        ent.key = new
        self.ents[new] = ent
        self._move(old, new)
        # the summit state the rules keep (a summit's key may change after they ran)
        self.summit_seq = [(s, e, new if k == old else k) for s, e, k in self.summit_seq]
        self.next_of = {(new if a == old else a): (new if b == old else b) for a, b in self.next_of.items()}
        self.next_parent = {(new if a == old else a): (new if b == old else b) for a, b in self.next_parent.items()}
        self.prev_editions = [new if k == old else k for k in self.prev_editions]
        if self.main_summit == old:
            self.main_summit = new

    def _move(self, old: str, new: str) -> None:
        for m in self.mentions:
            if m.key == old:
                m.key = new
        for (s_, p, o_), rel in list(self.relations.items()):
            if old in (s_, o_):
                del self.relations[(s_, p, o_)]
                s2, o2 = (new if s_ == old else s_), (new if o_ == old else o_)
                if s2 != o2:
                    self.relations.setdefault((s2, p, o2), Relation(s2, p, o2, rel.evidence, rel.confidence))

    def freeze(self) -> Extraction:
        """The article's records: entities sorted by key, relations by (subject, predicate, object)."""
        ents = []
        for key in sorted(self.ents):
            e = self.ents[key]
            aliases = tuple(sorted(a for a in e.aliases if a and a != e.label))
            ents.append(Entity(key=e.key, type=e.type, label=e.label, aliases=aliases,
                               attrs=tuple(sorted(e.attrs.items())), evidence=tuple(e.evidence)))
        rels = tuple(self.relations[k] for k in sorted(self.relations))
        return Extraction(article=self.article, entities=tuple(ents), relations=rels)

    # ------------------------------------------------------------------ mention look-ups
    def _covering(self) -> dict[int, list[Mention]]:
        """The mentions over each token (made on first use, then kept up to date by :meth:`add`)."""
        if self._cover is None:
            cover: dict[int, list[Mention]] = {}
            for m in self.mentions:
                for i in range(m.start, m.end):
                    cover.setdefault(i, []).append(m)
            self._cover = cover
        return self._cover

    def mention_at(self, i: int, types: tuple[str, ...] | None = None) -> Mention | None:
        """The first mention (in the order they were made) over token ``i``, of one of ``types``."""
        for m in self._covering().get(i, ()):
            if types is None or self.ents[m.key].type in types:
                return m
        return None

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """The mentions that overlap tokens ``start:end`` (in no particular order)."""
        cover = self._covering()
        out = [m for i in range(start, end) for m in cover.get(i, ())]
        return out + [m for m in self._empty if m.overlaps(start, end)]

    def overlaps_mention(self, start: int, end: int) -> bool:
        """Does a mention overlap tokens ``start:end``?"""
        cover = self._covering()
        return any(i in cover for i in range(start, end)) or any(m.overlaps(start, end) for m in self._empty)

    def mentions_in(self, start: int, end: int, types: tuple[str, ...] | None = None) -> list[Mention]:
        """The mentions inside tokens ``start:end``, of one of ``types``, by start (ties in the order made)."""
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
