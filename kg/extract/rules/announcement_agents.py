"""Who announces, beyond the plain subject: helpers of :mod:`kg.extract.rules.announcements`.

- the speaker of a quote for « nous »/« je » inside it (« « Nous annonçons ... », a-t-il ajouté »), and
  the speaker's country when the quote names it (« la Belgique ... nous nous sommes engagés »);
- countries enumerated with a group subject: in parentheses (« les membres du G7 (États-Unis, France,
  ...) ») or after a colon (« Huit autres pays se sont joints à cette initiative : l'Espagne, ... »);
- co-agents in a list after « avec », « en coopération avec », « y compris » (« tous ensemble avec
  l'Allemagne, la France, le Japon ... nous nous sommes engagés »).
"""

from __future__ import annotations

from kg.extract.clauses import agents_of, inverted_subject, subject
from kg.extract.context import ArticleContext, Mention

__all__ = ["quote_bounds", "quote_speaker", "speaker_of_verb", "speaker_country", "enumerated_agents", "listed_after",
           "co_agent_lists", "collective_agent", "summit_body"]

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
    counted = low.isdigit() and ctx.lower(tok - 1) in ctx.lex.plural_determiners  # « les 27 »
    members = low in ("pays", "états") and any(doc.lower[c] == "membres" for c in doc.children(tok))  # « les pays membres »
    if (low not in ctx.lex.collective_nouns and not counted and not members):
        return []
    if any(doc.deps[c] == "nmod" and doc.lower[c] not in ctx.lex.collective_complements for c in doc.children(tok)):
        return []  # « les dirigeants africains de ... »: a narrower group; not « les chefs d'État »
    return summit_body(ctx)


def summit_body(ctx: ArticleContext) -> list[str]:
    """The organisation whose summit the article reports: named in the summit's name (« sommet du G7 »),
    else the international organisation the article names most (twice or more)."""
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
