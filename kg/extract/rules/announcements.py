"""Announcements: a verb of announcing with its agent, what it is about, when, where and during what.

Evidence: an announcing verb (« annoncer », « dévoiler », « a fait état de ») not negated, with a named
agent (subject, inverted subject « ..., a annoncé X », passive agent, or the collective « les dirigeants »);
its object gives the summary, ``about`` (summits, events, organisations, countries), amounts and dates.

The rule first gathers candidates (:class:`~kg.extract.rules.announcement_types.Candidate`: one per
announcing verb, :mod:`kg.extract.rules.announcement_verbs`; pledges and summit texts,
:mod:`kg.extract.rules.announcement_forms`; hosting, presidencies and statuses obtained,
:mod:`kg.extract.rules.announcement_acts`), groups those that tell one news item
(:mod:`kg.extract.rules.announcement_merge`), then makes one Announcement per group (:func:`_emit`): its
agents, what it is about, during what, where it was said, its date and sum.
"""

from __future__ import annotations

from datetime import date as date_cls
from datetime import timedelta

from kg.extract.clauses import subject, verb_above
from kg.extract.context import ArticleContext
from kg.extract.lexicon import confidence
from kg.extract.dates import find_dates
from kg.extract.rules.announcement_forms import (adoption_candidates, document_candidates, nominal_candidates, pledge_candidates,
                                                  unwilling_candidates)
from kg.extract.rules.announcement_acts import act_candidates
from kg.extract.rules.announcement_agents import enumeration, quote_bounds
from kg.extract.rules.announcement_merge import group_candidates, in_headline, is_anaphor, object_noun
from kg.extract.rules.announcement_types import MONEY, Agent, Candidate, money_in, summary
from kg.extract.rules.announcement_verbs import verb_candidates
from kg.extract.rules.summit_phrases import future_clause
from kg.extract.rules.summits import later_edition
from kg.extract.text import clip
from kg.names import lookup_key as normalize


def announcements(ctx: ArticleContext) -> None:
    """An announcement per news item announced with a named agent: ``announcedBy``, a summary, ``about``,
    ``during``, ``hostCity`` (where it was said), a date and an amount."""
    cands = (verb_candidates(ctx) + pledge_candidates(ctx, _make) + document_candidates(ctx, _make)
             + adoption_candidates(ctx, _make) + act_candidates(ctx, _make) + nominal_candidates(ctx, _make)
             + unwilling_candidates(ctx, _make))
    cands = _split_lists(ctx, cands)
    made: list[str] = []
    taken = {ctx.sent_no(c.verb) for c in cands}
    for n, group in enumerate(_groups(ctx, cands), 1):
        key = f"announcement/{ctx.article.id}-{n}"
        _emit(ctx, key, group)
        if any((c.kind == "document" and not c.anaphor_only) or (
                (h := object_noun(ctx, c)) is not None and ctx.doc.lemma[h] in ctx.lex.document_nouns) for c in group):
            _text_content(ctx, key, group, taken)
        if made and any(c.inherit_about for c in group):
            # « Huit autres pays se sont joints à cette initiative »: about what the initiative is about
            c = next(c for c in group if c.inherit_about)
            for o in _about_keys(ctx, made[-1]):
                if o not in _agent_keys(ctx, key):
                    ctx.relate(key, "about", o, c.verb, c.verb + 1, confidence("joined_announcement"), implied=True)
        made.append(key)


def _split_lists(ctx: ArticleContext, cands: list[Candidate]) -> list[Candidate]:
    """« Les dirigeants y ont pris trois décisions : un plan régional ..., la création d'une garde-côtes commune
    et l'entrée du Ghana comme membre observateur »: an announcement whose object is a plural noun of
    announcements (``list_announce_nouns``) followed by a colon and a list is one announcement per item, by the
    same agents."""
    doc = ctx.doc
    out: list[Candidate] = []
    for c in cands:
        h = c.head if c.head is not None else object_noun(ctx, c)
        items = _colon_items(ctx, h) if c.kind == "verb" and h is not None else []
        if not items and c.kind == "verb" and h is not None:
            items = _also_items(ctx, c, h)
        if len(items) < 2:
            out.append(c)
            continue
        for s_, e_ in items:
            toks = list(range(s_, e_))
            head = next((u for u in toks if doc.pos[u] in ("NOUN", "PROPN")), None)
            out.append(Candidate(c.verb, list(c.agents), toks, core=set(toks), head=head, places=list(c.places),
                                 during=c.during, no_fallback=c.no_fallback, kind="list"))
    return out


def _also_items(ctx: ArticleContext, c: Candidate, h: int) -> list[tuple[int, int]]:
    """« a annoncé la création d'un fonds ..., ainsi que l'ouverture d'une Maison ... »: an object joined by
    « ainsi que » is a second thing announced; the spans of both (else ``[]``)."""
    doc = ctx.doc
    also = next((k for k in doc.children(h) if doc.deps[k] == "conj" and doc.pos[k] == "NOUN" and any(
        doc.lower[m] == "ainsi" and doc.deps[m] == "cc" for m in doc.children(k))), None)
    if also is None or not c.obj_toks:
        return []
    cc = min(m for m in doc.children(also) if doc.lower[m] == "ainsi")
    first_end = cc
    while first_end - 1 > c.obj_toks[0] and doc.words[first_end - 1] == ",":
        first_end -= 1
    second = [u for u in doc.subtree(also) if u > cc + 1]
    if not second or first_end <= c.obj_toks[0]:
        return []
    return [(c.obj_toks[0], first_end), (second[0], second[-1] + 1)]


def _colon_items(ctx: ArticleContext, h: int) -> list[tuple[int, int]]:
    """The spans of the items of the list after « : » right after the plural noun ``h``, if any."""
    doc = ctx.doc
    if doc.lemma[h] not in ctx.lex.list_announce_nouns or doc.morph(h, "Number") != "Plur":
        return []
    sent = ctx.sent_at(h)
    colon = doc.subtree(h)[-1] + 1
    if colon >= sent.end or doc.words[colon] != ":":
        return []
    first = next((u for u in range(colon + 1, sent.end) if doc.pos[u] in ("NOUN", "PROPN")), None)
    if first is None:
        return []
    heads = [first]
    k = 0
    while k < len(heads):
        heads += [c for c in doc.children(heads[k]) if doc.deps[c] == "conj" and doc.pos[c] in ("NOUN", "PROPN")
                  and c not in heads]
        k += 1
    # « la création d'une agence des semences et l'entrée du Ghana »: the next item hung by the parser on the
    # last noun of the one before; an item opens with its article after the last separator
    last = max(heads)
    for u in range(last + 1, sent.end):
        if doc.deps[u] == "conj" and doc.pos[u] == "NOUN" and doc.heads[u] > colon and any(
                doc.deps[d] == "det" and d == u - 1 for d in doc.children(u)) and (
                doc.words[u - 2] == "," or doc.lower[u - 2] == "et") and all(doc.words[v] != ":" for v in range(colon + 1, u)):
            heads.append(u)
    heads.sort()
    starts = []
    for u in heads:
        st = u
        while st - 1 > colon and doc.pos[st - 1] in ("DET", "NUM", "ADJ") and doc.words[st - 1] not in (",", "et"):
            st -= 1
        starts.append(st)
    end = sent.end
    while end - 1 > colon and doc.pos[end - 1] in ("PUNCT", "SPACE"):
        end -= 1
    spans = []
    for n, st in enumerate(starts):
        e = starts[n + 1] if n + 1 < len(starts) else end
        while e - 1 > st and (doc.words[e - 1] in (",", ";") or doc.lower[e - 1] in ("et", "ou")):
            e -= 1
        spans.append((st, e))
    return spans


def _text_content(ctx: ArticleContext, key: str, group: list[Candidate], taken: set[int]) -> None:
    """« La déclaration finale engage les membres ... Les dirigeants ont également réaffirmé leur engagement
    pour la paix au Soudan et en Ukraine »: what the group says in the sentences right after its text (a
    content verb, « condamne », « appelle », « réaffirme », with the group or « le texte » as subject) is what
    the text is about: the countries it names. Stops at the first sentence that does not go on so, or that
    tells another announcement."""
    doc = ctx.doc
    lex = ctx.lex
    agents = _agent_keys(ctx, key)
    n = max(ctx.sent_no(c.verb) for c in group) + 1
    while n < len(ctx.sents) and n not in taken and n <= max(ctx.sent_no(c.verb) for c in group) + 2:
        sent = ctx.sents[n]
        verbs = [v for v in range(sent.start, sent.end) if doc.pos[v] == "VERB" and doc.lemma[v] in lex.content_verbs
                 and (subj := _text_subject(ctx, v)) is not None and quote_bounds(ctx, v) is None]
        if not verbs:
            return
        for v in verbs:
            subj = _text_subject(ctx, v)
            toks = set(doc.subtree(v)) - set(doc.subtree(subj))
            for m in ctx.mentions_in(sent.start, sent.end, ("Country",)):
                if m.start in toks and m.key not in agents and not _modifier_country(ctx, m):
                    ctx.relate(key, "about", m.key, m.start, m.end, confidence("text_content"))
        n += 1


def _text_subject(ctx: ArticleContext, v: int) -> int | None:
    """The subject of ``v`` when it is the group of a summit or its text: « les dirigeants », « les
    Vingt-Sept », « le texte », « ils »."""
    doc = ctx.doc
    subj = subject(ctx, v)
    if subj is None:
        return None
    low = doc.lower[subj]
    if low in ctx.lex.collective_nouns or low in ("ils", "elles") or (
            doc.lemma[subj] in ctx.lex.document_nouns and doc.pos[subj] == "NOUN"):
        return subj
    return None


def _make(verb: int, agents: list[tuple], obj_toks: list[int], **fields) -> Candidate:
    return Candidate(verb, [Agent(*a) for a in agents], list(obj_toks), core=set(obj_toks), **fields)


def _groups(ctx: ArticleContext, cands: list[Candidate]) -> list[list[Candidate]]:
    """The candidates grouped by news item, the fullest statement first (it names the announcement); a
    mere reference (« le texte souligne ») with nothing to refer to is dropped."""
    groups = group_candidates(ctx, cands, lambda c: money_in(ctx, c))
    groups = [g for g in groups if not all(c.anaphor_only for c in g)]
    return [sorted(g, key=lambda c: (c.anaphor_only, is_anaphor(ctx, c), in_headline(ctx, c.verb),
                                     c.kind == "verb" and c.label is None, -len(c.obj_toks))) for g in groups]


def _before(ctx: ArticleContext, s: int) -> bool:
    """Is the summit mention at ``s`` one that something leads up to (« en prélude à la COP30 »)?"""
    return any(ctx.lower(j) in ctx.lex.pre_event_words for j in range(max(0, s - 4), s))


def _not_at(ctx: ArticleContext, s: int) -> bool:
    """Is the summit mention at ``s`` a point in time, not the place of what is said (« depuis la précédente
    conférence », « après le sommet »)?"""
    return _before(ctx, s) or any(ctx.lower(j) in ctx.lex.time_preps for j in range(max(0, s - 3), s))


def before_main_summit(ctx: ArticleContext) -> bool:
    """Is the article set before its summit: it opens on it « en prélude à », « à la veille de » it (or says
    so of every mention), or the summit starts after the publication day?"""
    spans = [s for s, e, k in ctx.summit_seq if k == ctx.main_summit]
    if spans and (_before(ctx, spans[0]) or all(_before(ctx, s) for s in spans)):
        return True
    if spans and future_clause(ctx, spans[0]) and ctx.doc.heads[v := verb_above(ctx, ctx.doc.heads[spans[0]], 3)] == v:
        return True  # « Genève accueillera lundi une conférence sur ... »: the story opens on a summit still to come
    start = ctx.ents[ctx.main_summit].attrs.get("startDate") if ctx.main_summit in ctx.ents else None
    pub = ctx.article.published
    return bool(start and pub and len(str(start)) == 10 and len(pub) == 10 and str(start) > pub)


def _emit(ctx: ArticleContext, key: str, group: list[Candidate]) -> None:
    """The Announcement ``key`` of a group of candidates (the first one names it and anchors its evidence)."""
    doc = ctx.doc
    lower, tws = doc.lower, doc.tws
    main = group[0]
    i = main.verb
    sent = ctx.sent_at(i)
    agents: list[str] = []
    for c in group:
        for a in c.agents:
            if a.key not in agents:
                agents.append(a.key)
    obj_toks = main.obj_toks
    text = summary(doc, i, sent, obj_toks)
    first, _, rest = text.partition(" ")
    if first.lower() in ctx.lex.subject_pronouns and rest and agents:
        text = f"{ctx.ents[agents[0]].label} {rest}"  # « qu'elle accueillerait » → « France accueillerait »
    refusal = ctx.lex.refusal_nouns.get(doc.lemma[i]) if main.kind == "verb" else None
    if doc.lemma[i] in ctx.lex.joining_verbs and not any(doc.lower[c] in ctx.lex.negation_adverbs for c in doc.children(i)):
        refusal = None  # « s'est associé au traité »: joining it
    if refusal and not main.label:
        # « a refusé de lever les restrictions »: named as the refusal, not as what is refused
        label = clip(f"{refusal[:1].upper()}{refusal[1:]} {text}" if text else refusal.capitalize(), 90)
    else:
        label = next((n for c in group if (n := _given_name(ctx, c))), None) or main.label or clip(_nominal(ctx, text), 90)
    ent = ctx.add("Announcement", key, label, i, i + 1, conf=confidence("announcement"), rank=3, mention=False)
    ent.aliases.discard(doc.words[i])
    ent.attrs["summary"] = text
    for c in group:
        for a in c.agents:
            ctx.relate(key, "announcedBy", a.key, a.start, a.end, a.conf, implied=a.implied)
    for c in group:
        _relate_context(ctx, key, c, agents)
    # when: a date outside the object, else the event's date, else publication
    ds, during = _dates_and_during(ctx, key, main)
    date = None
    if ds:
        date = ds[0].first
    elif during and ctx.ents[during].attrs.get("date"):
        date = ctx.ents[during].attrs["date"]
    elif ctx.article.published:
        date = ctx.article.published
    if date:
        ent.attrs["date"] = date
    # no event named: the summit the article is about, unless the dates say otherwise
    if (not any(p == "during" for (s_, p, _) in ctx.relations if s_ == key) and ctx.main_summit
            and not any(c.no_fallback for c in group) and ctx.main_summit not in _about_keys(ctx, key)
            and not before_main_summit(ctx) and not _said_earlier(ctx, main)):
        ms = ctx.ents[ctx.main_summit]
        start, end = ms.attrs.get("startDate"), ms.attrs.get("endDate")
        explicit = bool(ds)
        if end is None and start:
            end = (date_cls.fromisoformat(str(start)) + timedelta(days=6)).isoformat()
        if not (explicit and date and start and (len(date) == 10 and not (str(start) <= date <= str(end))
                                                 or len(date) == 7 and date < str(start)[:7])):
            ctx.relate(key, "during", ctx.main_summit, i, i + 1, confidence("announcement_main_summit"))
    for c in group:
        money = money_in(ctx, c)
        if money:
            ent.attrs["amount"] = money
            break


def _said_earlier(ctx: ArticleContext, c: Candidate) -> bool:
    """Does the announcing verb of ``c`` date its act back from the article (« a promis le mois dernier »,
    « la semaine dernière », « il y a deux semaines »; not « l'Alliance, lancée l'an dernier »): not at the
    article's summit?"""
    doc, sent = ctx.doc, ctx.sent_at(c.verb)
    lower, time_nouns = doc.lower, ctx.lex.time_nouns
    for k in range(sent.start + 1, sent.end):
        if lower[k] in ctx.lex.previous_words and lower[k - 1] in time_nouns or (
                lower[k] in time_nouns and ctx.lower(k - 4) == "il" and ctx.lower(k - 3) == "y" and ctx.lower(k - 2) == "a"):
            if verb_above(ctx, k - 1 if lower[k] not in time_nouns else k, 6) == c.verb:
                return True
    return False


def _dates_and_during(ctx: ArticleContext, key: str, c: Candidate):
    doc = ctx.doc
    i = c.verb
    sent = ctx.sent_at(i)
    if c.kind == "nominal":
        # « L'annonce par X de ... a dominé la journée »: the tense of the verb the noun hangs on
        for _ in range(3):
            if doc.pos[i] in ("VERB", "AUX") or doc.heads[i] == i:
                break
            i = doc.heads[i]
    kids = doc.children(i)
    obj_set = set(c.obj_toks)
    tense = "past" if any(doc.lower[a] in ctx.lex.past_auxiliaries or doc.lemma_[a] == "avoir"
                          for a in kids if doc.deps[a].startswith("aux")) or (
        # « Le plan, adopté samedi par les États membres, ... »: a past participle on its noun tells a past act
        doc.deps[i] in ("acl", "acl:relcl") and doc.morph(i, "VerbForm") == "Part" and doc.morph(i, "Tense") == "Past"
        and not any(doc.deps[a].startswith("aux") for a in kids)) else "present"
    outside = "".join(doc.tws(u) if u not in obj_set else " " * len(doc.tws(u)) for u in range(sent.start, sent.end))
    ds = find_dates(outside, ctx.article.published, tense)
    during = next((o for (s_, p, o) in ctx.relations if s_ == key and p == "during"), None)
    return ds, during


def _relate_context(ctx: ArticleContext, key: str, c: Candidate, agents: list[str]) -> None:
    """``about``, ``during`` and ``hostCity`` of one candidate of the announcement ``key``."""
    doc = ctx.doc
    lower, lemmas, deps, heads = doc.lower, doc.lemma, doc.deps, doc.heads
    i = c.verb
    sent = ctx.sent_at(i)
    obj_set = set(c.obj_toks)
    # co-agents: « en compagnie de ses homologues italien et allemand »
    for m in ctx.mentions_in(sent.start, sent.end, ("Country",)):
        if m.start in obj_set or m.key in agents or any(m.key == a[0] for a in c.about):
            continue
        if any(lower[w] in ctx.lex.co_agent_words for w in range(max(sent.start, m.start - 6), m.start)):
            named = _named_holder(ctx, m)
            if named is not None:
                # « avec son homologue sénégalais, X »: the person named, not the adjective's country
                if named.key not in agents:
                    ctx.relate(key, "announcedBy", named.key, named.start, named.end, confidence("announcing_co_agent"))
                    agents.append(named.key)
                continue
            ctx.relate(key, "announcedBy", m.key, m.start, m.end, confidence("announcing_co_agent"))
            agents.append(m.key)
    # what it is about: summits, events, organisations, countries inside the object
    for k, s, e, conf, implied in c.about:
        if k not in agents or c.about_agents:
            ctx.relate(key, "about", k, s, e, conf, implied=implied)
    summit_spans = [(s_, e_) for s_, e_, _ in ctx.summit_seq]
    summit_in_obj = any(s_ in obj_set for s_, _, k_ in ctx.summit_seq if k_ not in agents)
    host_verbs = ctx.lex.host_verbs | ctx.lex.place_verbs
    for m in ctx.mentions_in(sent.start, sent.end, ("Summit", "Event", "Organization", "Country")):
        inside_summit = any(s_ <= m.start < e_ for s_, e_ in summit_spans) and ctx.ents[m.key].type != "Summit"
        if m.start not in obj_set or m.key in agents or m.key in c.not_about or inside_summit or (
                ctx.ents[m.key].type == "Summit" and _gathered_at(ctx, m.start)) or _met_at(ctx, m):
            continue
        if (_modifier_country(ctx, m) or (ctx.ents[m.key].type == "Country" and _gapped_pledger(ctx, m)) or _giver(ctx, m)
                or _partner(ctx, m) or _by_agent(ctx, m)):
            continue
        # « la Russie accueillera le prochain sommet », « il se tiendra au Cambodge »: the host of a
        # summit announced is part of the news about that summit, not a topic of its own
        if summit_in_obj and ctx.ents[m.key].type == "Country" and (
                ctx.lower(m.start - 1) in ctx.lex.country_locative_preps
                or (deps[m.start].startswith("nsubj") and lemmas[heads[m.start]] in host_verbs)):
            continue
        ctx.relate(key, "about", m.key, m.start, m.end, confidence("announcement_object"))
        if ctx.ents[m.key].type == "Country":
            # « une aide pour le Tchad, le Niger et le Mali »: the rest of a list the parser split off
            for n in enumeration(ctx, m):
                if n.key not in agents and n.key not in c.not_about:
                    ctx.relate(key, "about", n.key, n.start, n.end, confidence("announcement_list"))
    for s, e, k in ctx.summit_seq:
        if s in obj_set and k not in agents:
            if _gathered_at(ctx, s):
                # « Les participants à la conférence X ont promis ..., a annoncé Y »: made there, not about it
                ctx.relate(key, "during", k, s, e, confidence("announcement_event"))
                continue
            ctx.relate(key, "about", k, s, e, confidence("announcement_object"))
    # « ouvrir des négociations d'adhésion », « le statut de candidat à l'UE »: the body joined is what it is
    # about, though it decides it too (when no other body is named in what is announced)
    if any(doc.lemma[u] in ctx.lex.accession_nouns for u in obj_set) and not any(
            m.start in obj_set and m.key not in agents for m in ctx.mentions_in(sent.start, sent.end, ("Organization",))):
        for a in c.agents:
            ent = ctx.ents[a.key]
            # not an organ of the body (« le Conseil européen », « la Commission »): no one joins it
            if ent.type == "Organization" and ent.label.split()[0].lower() not in ctx.lex.organ_heads:
                ctx.relate(key, "about", a.key, a.start, a.end, confidence("announcement_object"), implied=a.implied)
    # « au FMV » after « Fonds mondial pour les villes (FMV) »: an acronym the article
    # defined names its organisation wherever it comes back
    acronyms = _acronyms(ctx)
    for u in sorted(obj_set):
        k = acronyms.get(doc.words[u]) if ctx.mention_at(u) is None else None
        if k is not None and k not in agents and k not in c.not_about:
            ctx.relate(key, "about", k, u, u + 1, confidence("announcement_object"))
    # « une aide militaire pour Kiev », « priver Moscou de ses revenus »: a capital inside what is
    # announced stands for its country
    for m in ctx.mentions_in(sent.start, sent.end, ("City",)):
        country = _capital_country(ctx, m.key) if m.start in c.core and not _met_at(ctx, m) else None
        if country and country not in agents:
            ctx.relate(key, "about", country, m.start, m.end, confidence("announcement_capital"))
    # during which event: a summit/event of the sentence outside the object
    if c.during:
        k, s, e, conf, implied = c.during
        ctx.relate(key, "during", k, s, e, conf, implied=implied)
    elif c.kind != "document":
        events = sorted(ctx.summit_seq) + [(m.start, m.end, m.key) for m in ctx.mentions_in(sent.start, sent.end, ("Event",))]
        for s, e, k in events:
            if sent.start <= s < sent.end and s not in obj_set and not later_edition(ctx, k) and not _not_at(ctx, s):
                ctx.relate(key, "during", k, s, e, confidence("announcement_event"))
                break
    # where: a city of the sentence outside the object, after « à »
    # (a country's announcement is a communiqué, not a speech somewhere: no place)
    for k, s, e, conf in c.places:
        ctx.relate(key, "hostCity", k, s, e, conf)
    if c.kind == "verb" and any(ctx.ents[a].type in ("Person", "Minister") for a in c.agent_keys):
        for m in ctx.mentions_in(sent.start, sent.end, ("City",)):
            if m.start not in obj_set and ctx.lower(m.start - 1) == "à":
                ctx.relate(key, "hostCity", m.key, m.start, m.end, confidence("announcement_place"))


_OF_ARTICLE = {"le": "du", "les": "des", "la": "de la", "l'": "de l'", "l’": "de l’", "un": "d'un", "une": "d'une",
               "des": "de", "son": "de son", "sa": "de sa", "ses": "de ses", "leur": "de leur", "leurs": "de leurs"}


def _nominal(ctx: ArticleContext, text: str) -> str:
    """The label of a summary: « relancer les négociations sur X » → « Relance des négociations sur X » (an
    infinitive named by its noun, as an announcement is named), else the summary capitalised."""
    first, _, rest = text.partition(" ")
    noun = ctx.lex.infinitive_nouns.get(first.lower())
    if noun is not None and rest:
        for art in sorted(_OF_ARTICLE, key=len, reverse=True):
            if rest.lower().startswith(art) and (art.endswith(("'", "’")) or rest[len(art):len(art) + 1] == " "):
                text = f"{noun} {_OF_ARTICLE[art]}{rest[len(art):]}"
                break
        else:
            if rest[:1].isdigit():  # « investir 5 milliards d'euros dans ... »
                text = f"{noun} de {rest}"
    return text[:1].upper() + text[1:]


def _named_holder(ctx: ArticleContext, m):
    """For a nationality adjective on a title (« son homologue sénégalais, X »): the person the title names
    in apposition, if any."""
    doc = ctx.doc
    if doc.pos[m.start] != "ADJ" or m.end - m.start != 1:
        return None
    h = doc.heads[m.start]
    for c in doc.children(h) if h != m.start else ():
        if doc.deps[c] in ("appos", "flat:name", "nmod") and c > m.start:
            p = ctx.mention_at(c, ("Person", "Minister"))
            if p is not None:
                return p
    return None


def _given_name(ctx: ArticleContext, c: Candidate) -> str | None:
    """« une déclaration finale de 31 pages, baptisée « déclaration de Rio » »: the name the object is given (a
    naming participle on it, then a quoted name), capitalised; else None."""
    doc = ctx.doc
    if c.head is None:
        return None
    after = doc.subtree(c.head)[-1] + 1
    if after < len(doc) and doc.words[after] == ",":
        after += 1  # « ..., baptisée « ... » » hung on the verb by the parser
    for u in doc.subtree(c.head) + ([after] if after < len(doc) else []):
        if doc.pos[u] == "VERB" and doc.lemma[u] in ctx.lex.naming_participles and doc.morph(u, "VerbForm") == "Part":
            k = u + 1
            if k < len(doc) and doc.words[k] in ("«", '"', "“"):
                end = next((j for j in range(k + 1, min(len(doc), k + 15)) if doc.words[j] in ("»", '"', "”")), None)
                if end is not None and end > k + 1:
                    name = doc.span_text(k + 1, end).strip()
                    return name[:1].upper() + name[1:]
    return None


def _gathered_at(ctx: ArticleContext, s: int) -> bool:
    """Is the summit mention at ``s`` where a group meets (« les participants à la conférence », « les
    dirigeants du sommet »): the noun it hangs on is a collective one."""
    doc = ctx.doc
    h = doc.heads[s]
    return h != s and h < s and doc.deps[s] == "nmod" and (
        doc.lower[h] in ctx.lex.collective_nouns or doc.lower[h] in ctx.lex.group_nouns)


def _met_at(ctx: ArticleContext, m) -> bool:
    """« la conférence, réunie jeudi à Paris »: a city where something meets or is held (« à » under a verb),
    not a capital standing for its country."""
    doc = ctx.doc
    h = doc.heads[m.start]
    return ctx.lower(m.start - 1) == "à" and h != m.start and doc.pos[h] in ("VERB", "AUX") and (
        doc.lemma[h] in ctx.lex.gathering_verbs | ctx.lex.meeting_verbs | ctx.lex.host_verbs | ctx.lex.place_verbs)


def _acronyms(ctx: ArticleContext) -> dict[str, str]:
    """The acronyms (a capitalised word of two letters or more) that name an organisation of the article, to
    its key: those the article matched as its mentions."""
    doc = ctx.doc
    out: dict[str, str] = {}
    for m in ctx.mentions:
        if m.end - m.start == 1 and ctx.ents[m.key].type == "Organization":
            w = doc.words[m.start]
            if len(w) >= 2 and w.isupper() and w.isalpha():
                out.setdefault(w, m.key)
    return out


def _partner(ctx: ArticleContext, m) -> bool:
    """« des batteries fournies avec l'Allemagne, les Pays-Bas et l'Italie »: countries that give with the agent
    (a list opened by « avec »), not what is given to."""
    if ctx.ents[m.key].type != "Country":
        return False
    doc = ctx.doc
    first = min([m.start] + [n.start for n in enumeration(ctx, m)])
    k = first - 1
    while k >= 0 and doc.pos[k] == "DET":
        k -= 1
    # « un partenariat avec le Sénégal » (on a noun): the partner is what it is about
    return k >= 0 and ctx.lower(k) == "avec" and doc.pos[doc.heads[first]] in ("VERB", "AUX")


def _by_agent(ctx: ArticleContext, m) -> bool:
    """« une conférence co-organisée par la Suisse et les Nations unies »: who does what the object tells
    (the agent of a participle, and the names listed with it), not what it is about."""
    doc = ctx.doc
    first = min([m.start] + [n.start for n in enumeration(ctx, m, ("Country", "Organization"))])
    for u in (m.start, first):
        if doc.deps[u] == "obl:agent" or any(doc.deps[c] == "case" and doc.lower[c] == "par" for c in doc.children(u)):
            return True
        h = doc.heads[u]
        if doc.deps[u] == "conj" and h != u and (doc.deps[h] == "obl:agent" or any(
                doc.deps[c] == "case" and doc.lower[c] == "par" for c in doc.children(h))):
            return True
    return False


def _giver(ctx: ArticleContext, m) -> bool:
    """« l'engagement de la Côte d'Ivoire à contribuer », « une contribution de l'Algérie »: who gives what is
    pledged, not what the pledge is about."""
    doc = ctx.doc
    h = doc.heads[m.start]
    return (ctx.ents[m.key].type in ("Country", "Organization") and doc.deps[m.start] == "nmod" and h < m.start
            and doc.lemma[h] in ctx.lex.pledge_nouns
            and any(doc.lower[c] in ctx.lex.of_forms_contracted | {"de", "d'", "d’"} for c in doc.children(m.start)
                    if doc.deps[c] == "case"))


def _gapped_pledger(ctx: ArticleContext, m) -> bool:
    """« La Norvège promet 3 milliards de dollars, la France 500 millions d'euros »: a country followed by a
    sum, its verb left out, pledges too; it is not what the first pledge is about."""
    doc = ctx.doc
    end = min(len(doc), m.end + 6)
    return ctx.lower(m.start - 1) in ctx.lex.definite_articles | {","} and MONEY.match(
        doc.text_with_ws(m.end, end).lstrip()) is not None


def _modifier_country(ctx: ArticleContext, m) -> bool:
    """A country or organisation that only qualifies something: a nationality adjective (« le programme
    chinois ») or the post of a person (« ambassadeur en Russie », « un responsable du ministère des Affaires
    étrangères »); not what is announced about."""
    doc = ctx.doc
    if ctx.ents[m.key].type == "Country" and m.end - m.start == 1 and doc.pos[m.start] == "ADJ":
        return True
    h = doc.heads[m.start]
    return doc.deps[m.start] == "nmod" and doc.lower[h] in ctx.lex.actor_nouns and doc.lower[h] not in ("pays", "état")


def _agent_keys(ctx: ArticleContext, key: str) -> list[str]:
    return [o for (s_, p, o) in ctx.relations if s_ == key and p == "announcedBy"]


def _about_keys(ctx: ArticleContext, key: str) -> list[str]:
    return [o for (s_, p, o) in ctx.relations if s_ == key and p == "about"]


def _capital_country(ctx: ArticleContext, key: str) -> str | None:
    """The country whose capital the city ``key`` is, when the article names that country too."""
    city = ctx.ref.city(ctx.ents[key].label)
    c = ctx.ref.country_by_iso3(city.country) if city else None
    if c is None or c.capital is None or normalize(c.capital) != normalize(city.name):
        return None
    return f"country/{c.iso3}" if f"country/{c.iso3}" in ctx.ents else None
