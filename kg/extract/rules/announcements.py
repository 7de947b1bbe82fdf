"""Announcements: a verb of announcing with its agent, what it is about, when, where and during what.

Evidence: an announcing verb (« annoncer », « dévoiler », « a fait état de ») not negated, with a named
agent (subject, inverted subject « ..., a annoncé X », passive agent, or the collective « les dirigeants »);
its object gives the summary, ``about`` (summits, events, organisations, countries), amounts and dates.
"""

from __future__ import annotations

from datetime import date as date_cls
from datetime import timedelta
import re

from spacy.tokens import Span

from kg.extract.clauses import agents_of
from kg.extract.clauses import inverted_clause
from kg.extract.clauses import inverted_subject
from kg.extract.clauses import misattached_subject
from kg.extract.clauses import subject
from kg.extract.context import ArticleContext
from kg.extract.lexicon import confidence
from kg.extract.dates import find_dates
from kg.extract.rules.summits import later_edition
from kg.extract.text import APOS, clip
from kg.extract.tokens import TokenCache
from kg.names import lookup_key as normalize

_MONEY = re.compile(
    r"(?:(?:\d+(?:[ \u202f.,]\d+)*)\s*(?:milliards?|millions?|mille|Md|M|k)?\s*(?:d['’]\s*)?"
    r"(?:euros?|dollars?|€|\$|livres?|yens?|francs?|yuans?)"
    r"|[$€]\s*\d+(?:[.,]\d+)*\s*(?:milliards?|millions?)?)",
    re.I,
)


def _summary(doc: TokenCache, verb: int, sent: Span, obj_toks: list[int]) -> str:
    """A short summary: the announcing verb's object (« qu'elle accueillerait la prochaine édition à Paris »)."""
    if not obj_toks:
        text = doc.text_with_ws(verb, sent.end)
    else:
        text = doc.text_with_ws(obj_toks[0], obj_toks[-1] + 1)
    text = re.sub(r"^(?:qu['’]|que\s+|de\s+|d['’]|à\s+)", "", text.strip(), flags=re.I)
    return clip(text, 200)


def announcements(ctx: ArticleContext) -> None:
    """An announcement per announcing verb with a named agent: ``announcedBy``, a summary, ``about``,
    ``during``, ``hostCity`` (where a person spoke), a date and an amount."""
    doc = ctx.doc
    verbs = ctx.lex.announce_verbs
    negs = ctx.lex.negations
    n = 0
    nouns = ctx.lex.announce_nouns
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
                ctx.lower(i - 1) == "en" and lemma in ctx.lex.gerund_announce_verbs):
            continue  # « en appelant la France à ... »; but « en annonçant », « en dévoilant » announce
        inverted = inverted_clause(ctx, i)
        if inverted is not None and lemma not in ctx.lex.reporting_announce_verbs:
            continue  # « « ... », lui a lancé une entrepreneuse »: a way of saying, not an announcement
        sent = ctx.sent_at(i)
        if any(lower[c] in negs for c in kids) or any(
                lower[c] in negs for c in range(sent.start, sent.end) if heads[c] == i):
            continue
        if lemma in ctx.lex.exhort_verbs and any(
                lower[u] in ("ne", "n'", "n’") for c in kids if deps[c] in ("xcomp", "obl:arg", "obl", "ccomp")
                for u in doc.subtree(c)):
            continue  # « appelle à ne pas céder »: an exhortation, nothing is announced
        passive = any(deps[c] == "aux:pass" for c in kids)
        if passive:
            # « le texte a été annoncé par X »; without its agent (« aucune date n'a été annoncée »), nothing
            agent_tok = next((c for c in kids if deps[c] == "obl:agent"), None)
        else:
            agent_tok = inverted_subject(ctx, i) if inverted is not None else subject(ctx, i)
        if agent_tok is None:
            agent_tok = misattached_subject(ctx, i)
        if agent_tok is None:
            continue
        agents = agents_of(ctx, agent_tok) or _collective_agent(ctx, agent_tok)
        if not agents:
            continue
        n += 1
        obj_deps = ("ccomp", "obj", "xcomp", "obl:arg", "obl") + (("nsubj:pass",) if passive else ())
        obj_toks = sorted({u for c in kids if deps[c] in obj_deps for u in doc.subtree(c)})
        if inverted is not None and not any(deps[c] in ("obj", "ccomp") and c < i for c in kids):
            # « Le prochain sommet se tiendra en Turquie, a annoncé M. Rutte »: what precedes is announced
            obj_toks = [k for k in range(sent.start, inverted) if not doc[k].is_punct or doc.words[k] in APOS]
        key = f"announcement/{ctx.article.id}-{n}"
        summary = _summary(doc, i, sent, obj_toks)
        first, _, rest = summary.partition(" ")
        if first.lower() in ctx.lex.subject_pronouns and rest:
            summary = f"{ctx.ents[agents[0]].label} {rest}"  # « qu'elle accueillerait » → « France accueillerait »
        label = clip(summary[:1].upper() + summary[1:], 90)
        ent = ctx.add("Announcement", key, label, i, i + 1, conf=confidence("announcement"), rank=3, mention=False)
        ent.aliases.discard(doc.words[i])
        ent.attrs["summary"] = summary
        obj_set = set(obj_toks)
        for a in agents:
            ctx.relate(key, "announcedBy", a, agent_tok, i + 1, confidence("announcing_agent"))
        # co-agents: « en compagnie de ses homologues italien et allemand »
        for c in ctx.mentions_in(sent.start, sent.end, ("Country",)):
            if c.start in obj_set or c.key in agents:
                continue
            if any(lower[w] in ctx.lex.co_agent_words
                   for w in range(max(sent.start, c.start - 6), c.start)):
                ctx.relate(key, "announcedBy", c.key, c.start, c.end, confidence("announcing_co_agent"))
        # what it is about: summits, events, organisations, countries inside the object
        summit_spans = [(s_, e_) for s_, e_, _ in ctx.summit_seq]
        summit_in_obj = any(s_ in obj_set for s_, _, k_ in ctx.summit_seq if k_ not in agents)
        host_verbs = ctx.lex.host_verbs | ctx.lex.place_verbs
        for m in ctx.mentions_in(sent.start, sent.end, ("Summit", "Event", "Organization", "Country")):
            inside_summit = any(s_ <= m.start < e_ for s_, e_ in summit_spans) and ctx.ents[m.key].type != "Summit"
            if m.start not in obj_set or m.key in agents or inside_summit:
                continue
            # « la Russie accueillera le prochain sommet », « il se tiendra au Cambodge »: the host of a
            # summit announced is part of the news about that summit, not a topic of its own
            if summit_in_obj and ctx.ents[m.key].type == "Country" and (
                    ctx.lower(m.start - 1) in ctx.lex.country_locative_preps
                    or (deps[m.start].startswith("nsubj") and lemmas[heads[m.start]] in host_verbs)):
                continue
            ctx.relate(key, "about", m.key, m.start, m.end, confidence("announcement_object"))
        for s, e, k in ctx.summit_seq:
            if s in obj_set and k not in agents:
                ctx.relate(key, "about", k, s, e, confidence("announcement_object"))
        # « une aide militaire pour Kiev », « priver Moscou de ses revenus »: a capital inside what is
        # announced stands for its country
        core = {u for c in kids if deps[c] in ("obj", "ccomp", "xcomp", "nsubj:pass") for u in doc.subtree(c)}
        for c in ctx.mentions_in(sent.start, sent.end, ("City",)):
            country = _capital_country(ctx, c.key) if c.start in core else None
            if country and country not in agents:
                ctx.relate(key, "about", country, c.start, c.end, confidence("announcement_capital"))
        # during which event: a summit/event of the sentence outside the object
        during = None
        for s, e, k in sorted(ctx.summit_seq) + [(m.start, m.end, m.key) for m in ctx.mentions_in(sent.start, sent.end, ("Event",))]:
            if sent.start <= s < sent.end and s not in obj_set and not later_edition(ctx, k):
                during = (s, e, k)
                break
        if during:
            ctx.relate(key, "during", during[2], during[0], during[1], confidence("announcement_event"))
        # where: a city of the sentence outside the object, after « à »
        # (a country's announcement is a communiqué, not a speech somewhere: no place)
        if any(ctx.ents[a].type in ("Person", "Minister") for a in agents):
            for c in ctx.mentions_in(sent.start, sent.end, ("City",)):
                if c.start not in obj_set and ctx.lower(c.start - 1) == "à":
                    ctx.relate(key, "hostCity", c.key, c.start, c.end, confidence("announcement_place"))
        # when: a date outside the object, else the event's date, else publication
        tense = "past" if any(lower[a] in ctx.lex.past_auxiliaries or doc.lemma_[a] == "avoir"
                              for a in kids if deps[a].startswith("aux")) else "present"
        date = None
        outside = "".join(tws(u) if u not in obj_set else " " * len(tws(u)) for u in range(sent.start, sent.end))
        ds = find_dates(outside, ctx.article.published, tense)
        if ds:
            date = ds[0].first
        elif during and ctx.ents[during[2]].attrs.get("date"):
            date = ctx.ents[during[2]].attrs["date"]
        elif ctx.article.published:
            date = ctx.article.published
        if date:
            ent.attrs["date"] = date
        # no event named: the summit the article is about, unless the dates say otherwise
        if during is None and ctx.main_summit and ctx.main_summit not in _about_keys(ctx, key):
            ms = ctx.ents[ctx.main_summit]
            start, end = ms.attrs.get("startDate"), ms.attrs.get("endDate")
            explicit = bool(ds)
            if end is None and start:
                end = (date_cls.fromisoformat(str(start)) + timedelta(days=6)).isoformat()
            if not (explicit and date and start and len(date) == 10 and not (str(start) <= date <= str(end))):
                ctx.relate(key, "during", ctx.main_summit, i, i + 1, confidence("announcement_main_summit"))
        money = _MONEY.search("".join(tws(k) for k in obj_toks) if obj_toks else doc.span_text(sent.start, sent.end))
        if money:
            ent.attrs["amount"] = re.sub(r"\s+", " ", money.group(0)).strip()


def _collective_agent(ctx: ArticleContext, tok: int) -> list[str]:
    """« les dirigeants », « les Sept », « les Alliés » as a subject: the organisation whose summit the
    article reports (« sommet du G7 » → G7), when its name is part of the summit's."""
    if ctx.doc.lower[tok] not in ctx.lex.collective_nouns or ctx.main_summit is None:
        return []
    if any(ctx.doc.deps[c] == "nmod" for c in ctx.doc.children(tok)):
        return []  # « les dirigeants africains de ... »: a narrower group
    for s, e, k in ctx.summit_seq:
        if k == ctx.main_summit:
            orgs = ctx.mentions_in(s, e, ("Organization",))
            if orgs:
                return [orgs[0].key]
    # « sommet de Washington » of « l'OTAN »: the international organisation the article names most
    counts: dict[str, int] = {}
    for m in ctx.mentions:
        if ctx.ents[m.key].type == "Organization" and ctx.ref.organization(ctx.ents[m.key].label):
            counts[m.key] = counts.get(m.key, 0) + 1
    best = max(counts, key=lambda k: counts[k], default=None)
    return [best] if best and counts[best] >= 2 else []


def _about_keys(ctx: ArticleContext, key: str) -> list[str]:
    return [o for (s_, p, o) in ctx.relations if s_ == key and p == "about"]


def _capital_country(ctx: ArticleContext, key: str) -> str | None:
    """The country whose capital the city ``key`` is, when the article names that country too."""
    city = ctx.ref.city(ctx.ents[key].label)
    c = ctx.ref.country_by_iso3(city.country) if city else None
    if c is None or c.capital is None or normalize(c.capital) != normalize(city.name):
        return None
    return f"country/{c.iso3}" if f"country/{c.iso3}" in ctx.ents else None
