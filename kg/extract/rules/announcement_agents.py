"""Who announces, beyond the plain subject: helpers of :mod:`kg.extract.rules.announcements`.

- the speaker of a quote for « nous »/« je » inside it (« « Nous annonçons ... », a-t-il ajouté »), and
  the speaker's country when the quote names it (« la Belgique ... nous nous sommes engagés »);
- countries enumerated with a group subject: in parentheses (« les membres du G7 (États-Unis, France,
  ...) ») or after a colon (« Huit autres pays se sont joints à cette initiative : l'Espagne, ... »);
- co-agents in a list after « avec », « en coopération avec », « y compris » (« tous ensemble avec
  l'Allemagne, la France, le Japon ... nous nous sommes engagés »).
"""

from __future__ import annotations

import re

from kg.extract.clauses import agents_of, inverted_subject, subject
from kg.extract.context import ArticleContext, Mention
from kg.extract.lexicon import confidence
from kg.extract.rules.announcement_types import Agent
from kg.names import lookup_key as normalize

__all__ = ["resolve_agents", "said_at", "quote_bounds", "quote_speaker", "speaker_of_verb", "speaker_country", "enumerated_agents", "listed_after",
           "co_agent_lists", "collective_agent", "summit_body", "enumeration"]

_OPEN, _CLOSE, _BOTH = ("«", "“"), ("»", "”"), ('"',)
_AGENT_TYPES = ("Country", "Organization")
_PEOPLE = ("Person", "Minister")


def quote_bounds(ctx: ArticleContext, tok: int) -> tuple[int, int] | None:
    """The tokens (opening mark, closing mark) of the quote ``tok`` is in, within its paragraph; None outside quotes."""
    doc = ctx.doc
    words = doc.words
    start = tok
    depth_open = None
    k = tok - 1
    while k >= 0 and "\n" not in words[k]:
        w = words[k]
        if w in _CLOSE:
            return None
        if w in _OPEN:
            depth_open = k
            break
        k -= 1
    if depth_open is None:
        # straight quotes: inside when an odd number of them precede in the paragraph
        k, marks = tok - 1, []
        while k >= 0 and "\n" not in words[k]:
            if words[k] in _BOTH:
                marks.append(k)
            k -= 1
        if len(marks) % 2 == 0:
            return None
        depth_open = marks[0]
    end = tok
    n = len(words)
    while end < n and "\n" not in words[end] and words[end] not in _CLOSE + _BOTH:
        end += 1
    if start >= n:
        return None
    return depth_open, min(end, n - 1)


def _speech_lemmas(ctx: ArticleContext) -> frozenset[str]:
    return ctx.lex.speech_verbs | ctx.lex.reporting_announce_verbs


def _person_agents(ctx: ArticleContext, tok: int) -> list[str]:
    """The people ``tok`` (a subject) names, a personal pronoun standing for the last person named."""
    doc = ctx.doc
    low = doc.lower[tok].lstrip("-")
    if low in ctx.lex.subject_pronouns:
        cands = [m for m in ctx.mentions if m.end <= tok and ctx.ents[m.key].type in _PEOPLE]
        return [cands[-1].key] if cands else []
    keys = [k for k in agents_of(ctx, tok) if ctx.ents[k].type in _PEOPLE]
    if keys:
        return keys
    # « Le Premier ministre a insisté ... »: a title without a name stands for the last person named
    if doc.pos[tok] == "NOUN" and ctx.role_spans and any(s.start <= tok < s.end for s in ctx.role_spans):
        cands = [m for m in ctx.mentions if m.end <= tok and ctx.ents[m.key].type in _PEOPLE]
        return [cands[-1].key] if cands else []
    return []


def speaker_of_verb(ctx: ArticleContext, v: int) -> list[str]:
    doc = ctx.doc
    kids = doc.children(v)
    for c in kids:
        if (doc.deps[c] == "expl:subj" or doc.deps[c].startswith("nsubj")) and doc.lower[c].startswith("-") and \
                doc.lower[c].lstrip("-") in ctx.lex.subject_pronouns:
            return _person_agents(ctx, c)  # « », a-t-il ajouté »
    tok = inverted_subject(ctx, v) if any(c > v for c in kids) else None
    tok = tok if tok is not None else subject(ctx, v)
    return _person_agents(ctx, tok) if tok is not None else []


def quote_speaker(ctx: ArticleContext, tok: int) -> list[str]:
    """Who says the quote ``tok`` is in: the reporting clause after it (« », a déclaré X »), the speech
    verb before it in the sentence (« X déclare que "..." »), else the last speaker of the two sentences
    before (a quote that follows « Le Premier ministre a insisté sur ... »)."""
    bounds = quote_bounds(ctx, tok)
    if bounds is None:
        return []
    doc = ctx.doc
    speech = _speech_lemmas(ctx)
    open_, close = bounds
    sent = ctx.sent_at(tok)
    for v in range(close + 1, min(sent.end, close + 8)):
        if doc.pos[v] == "VERB" and doc.lemma[v] in speech:
            keys = speaker_of_verb(ctx, v)
            if keys:
                return keys
    for v in range(open_ - 1, sent.start - 1, -1):
        if doc.pos[v] == "VERB" and doc.lemma[v] in speech:
            keys = speaker_of_verb(ctx, v)
            if keys:
                return keys
    n = ctx.sent_no(tok)
    for prev in ctx.sents[max(0, n - 2):n][::-1]:
        for v in range(prev.end - 1, prev.start - 1, -1):
            if doc.pos[v] == "VERB" and doc.lemma[v] in speech:
                keys = speaker_of_verb(ctx, v)
                if keys:
                    return keys
    return []


def speaker_country(ctx: ArticleContext, person: str, tok: int) -> str | None:
    """The country of ``person`` (ministerOf, nationality) when the quote around ``tok`` names it: the
    « nous » of a leader speaking of their country."""
    bounds = quote_bounds(ctx, tok)
    if bounds is None:
        return None
    countries = {o for (s, p, o) in ctx.relations if s == person and p in ("ministerOf", "nationality")}
    sent = ctx.sent_at(tok)
    for m in ctx.mentions_in(max(bounds[0], sent.start), tok, ("Country",)):
        if m.key in countries:
            return m.key
    return None


def listed_after(ctx: ArticleContext, k: int, end: int, types=_AGENT_TYPES) -> list[Mention]:
    """The mentions of a list starting at token ``k`` (« l'Allemagne, la France et le Japon »): mentions
    separated by commas, « et », « ainsi que » and articles; the list stops at any other word."""
    doc = ctx.doc
    out: list[Mention] = []
    fillers = ctx.lex.list_separators | ctx.lex.definite_articles | {"ainsi", "que", "aussi", "qu'", "qu’"}
    while k < end:
        m = ctx.mention_at(k, types)
        if m is not None:
            if not out or out[-1].key != m.key:
                out.append(m)
            k = max(m.end, k + 1)
            continue
        if doc.lower[k] in fillers:
            k += 1
            continue
        break
    return out


def _gap_kind(ctx: ArticleContext, start: int, end: int) -> str | None:
    """What the tokens ``start:end`` between two members of a list are: ``"sep"`` (a comma, « et », « ou »,
    « ainsi que », with articles and prepositions: « , de la », « et au »), ``"bare"`` (articles and
    prepositions only: « au »), else ``None`` (any other word ends the list)."""
    doc = ctx.doc
    lex = ctx.lex
    words = lex.list_separators | {"ou", "ainsi", "que", "qu'", "qu’"}
    fillers = words | lex.definite_articles | lex.of_forms_contracted | lex.recipient_preps | {"en"}
    toks = [doc.lower[k] for k in range(start, end)]
    if not toks or any(w not in fillers for w in toks):
        return None
    return "sep" if any(w in words for w in toks) else "bare"


def enumeration(ctx: ArticleContext, m: Mention, types: tuple[str, ...] = ("Country",)) -> list[Mention]:
    """The other members of the list ``m`` belongs to (« une aide pour le Tchad, le Niger et le Mali »,
    « l'adhésion de l'Argentine, de l'Égypte et de l'Iran »), which the parser often splits: mentions of
    ``types`` in the same sentence separated by commas, « et », « ou », « ainsi que » (with their articles and
    prepositions), the list closed by « et », « ou » or « ainsi que ». A member followed by another mention
    after a bare preposition (« et l'Allemagne au Niger ») starts a new clause and is left out."""
    doc = ctx.doc
    sent = ctx.sent_at(m.start)
    members = [m]
    gaps: list[tuple[int, int]] = []
    k = m.end  # forward
    while True:
        j = k
        while j < sent.end and j - k <= 4 and ctx.mention_at(j, types) is None:
            j += 1
        n = ctx.mention_at(j, types) if j < sent.end else None
        if n is None or n.start != j or _gap_kind(ctx, k, j) != "sep":
            break
        members.append(n)
        gaps.append((k, j))
        k = n.end
    if len(members) > 1:  # « et l'Allemagne au Niger »: the last member gives to another
        j = k
        while j < sent.end and j - k <= 3 and ctx.mention_at(j, types) is None:
            j += 1
        if j < sent.end and ctx.mention_at(j, types) is not None and _gap_kind(ctx, k, j) == "bare":
            members.pop()
            gaps.pop()
    k = m.start  # backward
    while True:
        j = k - 1
        while j >= sent.start and k - j <= 5 and ctx.mention_at(j, types) is None:
            j -= 1
        n = ctx.mention_at(j, types) if j >= sent.start else None
        if n is None or n.end != j + 1 or _gap_kind(ctx, n.end, k) != "sep":
            break
        members.insert(0, n)
        gaps.insert(0, (n.end, k))
        k = n.start
    closing = {"et", "ou", "ainsi"}
    if not any(doc.lower[u] in closing for s, e in gaps for u in range(s, e)):
        return []
    seen = {m.key}
    out = []
    for n in members:
        if n.key not in seen:
            seen.add(n.key)
            out.append(n)
    return out


def enumerated_agents(ctx: ArticleContext, tok: int) -> list[Mention]:
    """Countries listed with a group subject ``tok``: in parentheses right after it (« les membres du G7
    (États-Unis, Royaume-Uni, ...) ») or, for a counted group without a name (« Huit autres pays », « Plusieurs
    États »), after a colon closing the clause (« ... à cette initiative : l'Espagne, les Pays-Bas ... »)."""
    doc = ctx.doc
    sent = ctx.sent_at(tok)
    sub = doc.subtree(tok)
    last = sub[-1]
    # parentheses inside the subject or right after it
    for k in range(tok + 1, min(last + 2, sent.end)):
        if doc.words[k] == "(":
            ms = listed_after(ctx, k + 1, sent.end, ("Country",))
            if len(ms) >= 2:
                return ms
            break
    if doc.lemma[tok] not in ctx.lex.listed_group_nouns or ctx.mentions_in(sub[0], last + 1, _AGENT_TYPES + _PEOPLE):
        return []
    if not any(doc.deps[c] in ("nummod", "det", "amod") and (doc.pos[c] == "NUM" or doc.lemma[c] in ctx.lex.group_quantifiers)
               for c in doc.children(tok)):
        return []
    for k in range(last + 1, sent.end):
        if doc.words[k] == ":":
            ms = listed_after(ctx, k + 1, sent.end, ("Country",))
            return ms if len(ms) >= 2 else []
    return []


def co_agent_lists(ctx: ArticleContext, start: int, end: int, skip: set[int]) -> list[Mention]:
    """Countries and organisations listed after a co-agent word of the clause (« avec », « en coopération
    avec », « y compris »), outside the tokens ``skip`` (what is announced)."""
    doc = ctx.doc
    out: list[Mention] = []
    words = ctx.lex.co_agent_list_words
    for k in range(start, end):
        if doc.lower[k] in words and k not in skip:
            for m in listed_after(ctx, k + 1, end):
                if m.start not in skip and m not in out:
                    out.append(m)
    return out


def collective_agent(ctx: ArticleContext, tok: int) -> list[str]:
    """« les dirigeants », « les Sept », « les Alliés » as a subject: the organisation whose summit the
    article reports (« sommet du G7 » → G7), when its name is part of the summit's."""
    doc = ctx.doc
    low = doc.lower[tok]
    counted = low.isdigit() and ctx.lower(tok - 1) in ctx.lex.plural_determiners or _spelled_count(ctx, tok)  # « les 27 »
    # « les pays membres », « les pays participants »
    members = low in ("pays", "états") and any(doc.lower[c] in ctx.lex.member_group_words for c in doc.children(tok))
    if (low not in ctx.lex.collective_nouns and not counted and not members):
        return []
    if any(doc.deps[c] == "nmod" and doc.lower[c] not in ctx.lex.collective_complements and not _all_members(ctx, c)
           and doc.lower[c] != "dont" for c in doc.children(tok)):  # « dont les dirigeants »: a relative, no qualifier
        return []  # « les dirigeants africains de ... »: a narrower group; not « les chefs d'État »
    return summit_body(ctx)


def _spelled_count(ctx: ArticleContext, tok: int) -> bool:
    """« les Neuf », « les Quarante-Six » (split at its hyphens or not): the members counted, a number in words with
    a capital after a plural determiner."""
    doc = ctx.doc
    start = tok
    while start >= 2 and doc.words[start - 1] == "-" and not doc.tws(start - 2).endswith(" ") and not doc.tws(start - 1).endswith(" "):
        start -= 2
    word = doc.span_text(start, tok + 1).lower()
    return doc.words[start][:1].isupper() and ctx.lower(start - 1) in ctx.lex.plural_determiners and word not in (
        "un", "une") and all(p in ctx.lex.number_words or p in ctx.lex.count_words for p in word.split("-"))


def _all_members(ctx: ArticleContext, c: int) -> bool:
    """« (les dirigeants) des dix pays membres », « des États membres »: the members of the body, all of them
    (no other qualifier)."""
    doc = ctx.doc
    sub = doc.subtree(c)
    return doc.lower[c] in ("pays", "états", "etats") and any(doc.lower[k] == "membres" for k in sub) and all(
        doc.pos[k] in ("DET", "NUM", "ADP") or doc.lower[k] in ("pays", "états", "etats", "membres") for k in sub)


def summit_body(ctx: ArticleContext) -> list[str]:
    """The organisation whose summit the article reports: named in the summit's name (« sommet du G7 », or
    the name the article gives it, :func:`_body_of_summit`), else the international organisation the article
    names most (twice or more), else the one body of states outside the reference data it names twice or more
    (``body_head_nouns``)."""
    for s, e, k in ctx.summit_seq:
        if k == ctx.main_summit:
            orgs = ctx.mentions_in(s, e, ("Organization",))
            if orgs:
                return [orgs[0].key]
    own = _body_of_summit(ctx)
    if own is not None:
        return [own]
    # « sommet de Washington » of « l'OTAN »: the international organisation the article names most
    counts: dict[str, int] = {}
    for m in ctx.mentions:
        if ctx.ents[m.key].type == "Organization" and ctx.ref.organization(ctx.ents[m.key].label):
            counts[m.key] = counts.get(m.key, 0) + 1
    best = max(counts, key=lambda k: counts[k], default=None)
    if best and counts[best] >= 2:
        return [best]
    # « l'Organisation pour la protection du lac X », named twice, not in the reference data: a body by its head
    # noun (« Organisation », « Union », « Communauté »), the only one the article names twice
    counts = {}
    for m in ctx.mentions:
        ent = ctx.ents[m.key]
        if ent.type == "Organization" and normalize(ent.label).split(" ")[0] in ctx.lex.body_head_nouns:
            counts[m.key] = counts.get(m.key, 0) + 1
    twice = [k for k, n in counts.items() if n >= 2]
    return twice if len(twice) == 1 else []


def _body_of_summit(ctx: ArticleContext) -> str | None:
    """The organisation the main summit belongs to when none of its mentions names it: the one organisation of
    the article that the summit's name, made from the article, holds (« leur sixième sommet » of « les
    dirigeants des États membres de la CRT »: « sommet de la CRT »)."""
    if ctx.main_summit is None:
        return None
    label = normalize(ctx.ents[ctx.main_summit].label)
    named = [k for k, ent in ctx.ents.items() if ent.type == "Organization" and any(
        re.search(rf"(?<!\w){re.escape(n)}(?!\w)", label) for n in {normalize(ent.label)} | {normalize(a) for a in ent.aliases} if n)]
    return named[0] if len(named) == 1 else None


def _territory(ctx: ArticleContext, m) -> bool:
    """« la Guyane française »: a nationality adjective inside a territory's name names no state."""
    doc = ctx.doc
    h = doc.heads[m.start]
    return (ctx.ents[m.key].type == "Country" and m.end - m.start == 1 and doc.pos[m.start] == "ADJ" and h < m.start
            and doc.pos[h] == "PROPN"
            and doc.words[h][:1].isupper() and ctx.mention_at(h) is None)



def _thing_adjective(ctx: ArticleContext, m) -> bool:
    """« le géant américain »: a nationality adjective on a thing (not a government, leader or delegation)
    does not make its country the announcer."""
    doc = ctx.doc
    h = doc.heads[m.start]
    return (ctx.ents[m.key].type == "Country" and m.end - m.start == 1 and doc.pos[m.start] == "ADJ" and h != m.start
            and doc.pos[h] == "NOUN" and doc.lower[h] not in ctx.lex.actor_nouns and doc.lower[h] not in ctx.lex.collective_nouns)



def _counted_countries(ctx: ArticleContext, tok: int) -> list[Mention]:
    """For « les deux pays », « les trois parties » (a number, no other word): the countries named last before
    ``tok`` (this sentence and the two before), when exactly that many distinct ones are there to take."""
    doc = ctx.doc
    kids = doc.children(tok)
    nums = [c for c in kids if doc.deps[c] == "nummod"]
    if len(nums) != 1 or any(doc.deps[c] in ("amod", "nmod", "acl", "acl:relcl") for c in kids):
        return []  # « les deux pays voisins », « les deux pays du Golfe »: not simply the last named
    w = doc.lower[nums[0]]
    n = ctx.lex.number_words.get(w) or (int(w) if w.isdigit() else 0)
    start = ctx.sents[max(0, ctx.sent_no(tok) - 2)].start
    seen: list[Mention] = []
    for m in reversed(ctx.mentions_in(start, tok, ("Country",))):
        if m.key not in [x.key for x in seen]:
            seen.append(m)
    return list(reversed(seen)) if n >= 2 and len(seen) == n else []


def _counted_pair(ctx: ArticleContext, tok: int) -> list[str]:
    """For « les deux parties », « les deux chefs d'État », « les trois pays » (a number and a noun of parties
    or of leaders): the subjects coordinated in one clause of this sentence or the two before, when exactly
    that many of the right kind (states and bodies for parties, people for leaders) are there."""
    doc = ctx.doc
    nums = [c for c in doc.children(tok) if doc.deps[c] == "nummod" and doc.lower[c] in ctx.lex.number_words]
    if len(nums) != 1 or not any(doc.deps[c] == "det" and doc.lower[c] in ctx.lex.plural_determiners
                                 for c in doc.children(tok)):
        return []
    if any(doc.deps[c] in ("amod", "acl", "acl:relcl") or (
            doc.deps[c] == "nmod" and doc.lower[c] not in ctx.lex.collective_complements) for c in doc.children(tok)):
        return []  # « les deux pays voisins »: a narrower group, not simply the pair just named
    n = ctx.lex.number_words[doc.lower[nums[0]]]
    low = doc.lower[tok]
    if doc.lemma[tok] in ctx.lex.counted_party_nouns or low.rstrip("s") in ctx.lex.counted_party_nouns:
        kinds = ("Country", "Organization")
    elif low in ctx.lex.group_nouns:
        kinds = ("Person", "Minister")
    else:
        return []
    first = ctx.sents[max(0, ctx.sent_no(tok) - 2)].start
    for k in range(tok - 1, first - 1, -1):
        if not doc.deps[k].startswith("nsubj"):
            continue
        keys = [x for x in agents_of(ctx, k) if ctx.ents[x].type in kinds]
        # all the names before the verb of that subject, in case the parser split a list
        before = {m.key for m in ctx.mentions_in(ctx.sent_at(k).start, max(doc.heads[k], k + 1), kinds)}
        if len(keys) == n and len(before) == n:
            return keys
        if keys:
            return []
    return []


def _speaker_own_country(ctx: ArticleContext, i: int) -> list[str]:
    """The country of whoever reports the clause of ``i`` (a speech verb among its three nearest heads)."""
    doc = ctx.doc
    h = i
    for _ in range(3):
        if doc.heads[h] == h:
            return []
        h = doc.heads[h]
        if doc.pos[h] == "VERB" and doc.lemma[h] in _speech_lemmas(ctx):
            subj = subject(ctx, h)
            people = [k for k in (agents_of(ctx, subj) if subj is not None else []) if ctx.ents[k].type in _PEOPLE]
            countries = {o for p in people for (s, q, o) in ctx.relations if s == p and q in ("ministerOf", "nationality")}
            return sorted(countries) if len(countries) == 1 else []
    return []


def _body_of_adjective(ctx: ArticleContext, tok: int) -> list[str]:
    """« les instances africaines » → the Union africaine: of the article's organisations whose name ends on
    the adjective of ``tok`` (« africaine »), the one of fewest words (none if two tie)."""
    doc = ctx.doc
    adj = next((c for c in doc.children(tok) if doc.deps[c] == "amod"), None)
    if adj is None:
        return []
    stem = doc.lower[adj].rstrip("s")
    found = sorted((len(e.label.split()), k) for k, e in ctx.ents.items() if e.type == "Organization"
                   and e.label.lower().split()[-1].rstrip("s") in (stem, stem + "e", stem.removesuffix("e")))
    if not found or (len(found) > 1 and found[0][0] == found[1][0]):
        return []
    return [found[0][1]]


def _plural_group(ctx: ArticleContext, tok: int) -> int | None:
    """For « ils »/« elles » opening a sentence: the collective subject of the sentence before (« les
    dirigeants », « les Alliés »), if it has one."""
    doc = ctx.doc
    if doc.lower[tok] not in ("ils", "elles") or ctx.sent_no(tok) == 0:
        return None
    sent = ctx.sent_at(tok)
    if any(doc.pos[k] not in ("ADV", "PUNCT", "CCONJ") for k in range(sent.start, tok)):
        return None
    prev = ctx.sents[ctx.sent_no(tok) - 1]
    root = next((k for k in range(prev.start, prev.end) if doc.heads[k] == k), None)
    if root is None:
        return None
    subj = next((c for c in doc.children(root) if doc.deps[c] == "nsubj"), None)
    return subj if subj is not None and doc.lower[subj] in ctx.lex.collective_nouns else None


def resolve_agents(ctx: ArticleContext, i: int, agent_tok: int) -> list[Agent]:
    """The agents of the verb ``i`` whose subject (or inverted subject, or passive agent) is ``agent_tok``."""
    doc = ctx.doc
    conf = confidence("announcing_agent")
    group = _plural_group(ctx, agent_tok)
    if group is not None:
        # « Dimanche, les dirigeants ont adopté ... Ils ont enfin désigné l'Angola »: « ils » is that group
        return [Agent(k, agent_tok, i + 1, conf) for k in collective_agent(ctx, group)]
    counted = _counted_pair(ctx, agent_tok)
    if counted:
        # « Les deux parties se sont accordées », « les deux chefs d'État ont signé »: the pair just named
        return [Agent(k, agent_tok, i + 1, conf) for k in counted]
    agents = [Agent(k, agent_tok, i + 1, conf) for k in agents_of(ctx, agent_tok)]
    nxt = doc.subtree(agent_tok)[-1] + 1
    if (agents and all(ctx.ents[a.key].type == "Organization" for a in agents) and ctx.mention_at(agent_tok) is None
            and any(s.start <= agent_tok < s.end for s in ctx.role_spans)
            and (any(doc.deps[c] in ("appos", "flat:name") and doc.pos[c] == "PROPN" for c in doc.children(agent_tok))
                 or (nxt < len(doc) and doc.pos[nxt] == "PROPN" and doc.words[nxt][:1].isupper() and ctx.mention_at(nxt) is None))):
        # « le président du Conseil européen Charles a annoncé »: the person, not the body named in the title
        agents = []
    agents = [a for a in agents if not any(_territory(ctx, m) or _thing_adjective(ctx, m)
                                           for m in ctx.mentions_in(agent_tok, doc.subtree(agent_tok)[-1] + 1) if m.key == a.key)]
    low = doc.lower[agent_tok]
    if not agents and low in ctx.lex.first_person_pronouns:
        # « « Nous annonçons ... », a-t-il ajouté »: the speaker, and their country if the quote names it
        qconf = confidence("quote_speaker")
        for k in quote_speaker(ctx, agent_tok):
            agents.append(Agent(k, agent_tok, i + 1, qconf))
            country = speaker_country(ctx, k, agent_tok)
            if country and country not in [a.key for a in agents]:
                agents.append(Agent(country, agent_tok, i + 1, qconf))
    known = {a.key for a in agents}
    for m in enumerated_agents(ctx, agent_tok):
        if m.key not in known:
            known.add(m.key)
            agents.append(Agent(m.key, m.start, m.end, confidence("enumerated_agent")))
    subj = ctx.mention_at(agent_tok, ("Country",))
    if subj is not None and subj.key in known and agent_tok < i:
        # « l'Égypte, l'Éthiopie et l'Iran ont rejoint ... »: a list of subjects the parser split
        for m in enumeration(ctx, subj):
            if m.key not in known and m.end <= i:
                known.add(m.key)
                agents.append(Agent(m.key, m.start, m.end, confidence("enumerated_agent")))
    if not agents:
        agents = [Agent(k, agent_tok, i + 1, conf) for k in collective_agent(ctx, agent_tok)]
    if not agents and (doc.lemma[agent_tok] in ctx.lex.counted_party_nouns
                       or doc.lower[agent_tok].rstrip("s") in ctx.lex.counted_party_nouns):
        # « Les deux pays ont signé un accord »: the two countries named last
        agents = [Agent(m.key, m.start, m.end, conf) for m in _counted_countries(ctx, agent_tok)]
    if not agents and doc.lemma[agent_tok] in ("pays", "gouvernement") and any(
            doc.lower[c] in ctx.lex.possessives for c in doc.children(agent_tok)):
        # « Le président kényan a déclaré que son pays allait débloquer ... »: the speaker's country
        agents = [Agent(k, agent_tok, i + 1, conf) for k in _speaker_own_country(ctx, i)]
    if not agents and doc.lower[agent_tok] in ctx.lex.institution_nouns:
        # « suspendus par les instances africaines »: the article's body named by that adjective (implied)
        agents = [Agent(k, agent_tok, i + 1, confidence("document_body"), implied=True)
                  for k in _body_of_adjective(ctx, agent_tok)]
    if not agents and (ctx.mention_at(agent_tok, ("Summit",)) or doc.lower[agent_tok] in ctx.lex.summit_nouns
                       or (doc.lemma[agent_tok] in ctx.lex.conference_nouns and ctx.mention_at(agent_tok) is None)):
        # « Le sommet a adopté une feuille de route », « La Conférence des chefs d'État a décidé »: the body
        # whose summit it is
        agents = [Agent(k, agent_tok, i + 1, confidence("document_body"), implied=True) for k in summit_body(ctx)]
    if not agents:
        # « Bruxelles a refusé de lever les restrictions »: the seat of a body, as a subject, is that body
        # (the first of its bodies the article names; implied)
        city = ctx.mention_at(agent_tok, ("City",))
        bodies = ctx.lex.seat_bodies.get(ctx.ents[city.key].label.lower(), ()) if city is not None else ()
        key = next((f"org/{b}" for b in bodies if f"org/{b}" in ctx.ents), None)
        if key is not None:
            agents = [Agent(key, city.start, city.end, confidence("document_body"), implied=True)]
    return agents



def said_at(ctx: ArticleContext, verb: int, head: int | None) -> tuple[list[tuple[str, int, int, float]], set[int]]:
    """Where ``verb`` was said: a city in a locative complement of the verb (« a annoncé à Nairobi »,
    « ici à Tervala », « dans une allocution à Tervala »), with the tokens of those complements."""
    doc = ctx.doc
    deps, lower = doc.deps, doc.lower
    preps = ctx.lex.locative_announce_preps
    places, where = [], set()
    conf = confidence("announcement_said_at")
    for c in doc.children(verb):
        dep = deps[c]
        found = None
        if dep in ("obl", "obl:mod") or (dep == "obl:arg" and (head is None or c < head)):
            m = ctx.mention_at(c, ("City",))
            if m is not None and any(lower[k] in preps for k in doc.children(c) if deps[k] == "case"):
                found = m
            elif m is None and doc.lemma[c] in ctx.lex.speech_event_nouns:
                # « dans une allocution mardi à Tervala »: where the speech was given
                for u in doc.subtree(c):
                    m = ctx.mention_at(u, ("City",))
                    if m is not None and ctx.lower(m.start - 1) in preps:
                        found = m
                        break
        elif dep == "advmod" and lower[c] in ("ici", "là"):
            # « nous nous sommes engagés ici à Tervala »
            for k in doc.children(c):
                m = ctx.mention_at(k, ("City",))
                if m is not None and ctx.lower(m.start - 1) in preps:
                    found = m
        if found is not None:
            places.append((found.key, found.start, found.end, conf))
            if dep != "obl" or doc.lemma[c] not in ctx.lex.speech_event_nouns:
                where.update(doc.subtree(c))
    if not places:
        # « Dans un discours à Genève, le ministre X a indiqué ... », the speech attached to the subject
        sent = ctx.sent_at(verb)
        for u in range(sent.start, verb):
            if (doc.lemma[u] in ctx.lex.speech_event_nouns and deps[u] in ("obl", "obl:mod", "nmod")
                    and doc.heads[doc.heads[u]] == verb and deps[doc.heads[u]].startswith("nsubj")):
                for k in doc.subtree(u):
                    m = ctx.mention_at(k, ("City",))
                    if m is not None and ctx.lower(m.start - 1) in preps:
                        places.append((m.key, m.start, m.end, conf))
                        break
    return places, where
