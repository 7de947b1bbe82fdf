"""Announcements told as acts, with no announcing verb: candidates for :mod:`kg.extract.rules.announcements`.

- **hosting**: « Le Nigeria organisera le prochain sommet », « La Chine accueillera le sommet de l'APEC en
  2026 »: a host verb in the future (or « va accueillir ») with a summit still to come as its object, by its
  subject; about that summit. When a speech verb reports it (« a indiqué que ... »), that verb's candidate
  tells it already;
- **obtained**: « l'Ukraine et la Géorgie, deux pays qui ont obtenu le statut de candidat à l'UE »: a
  status granted by the body the object names (implied), about the countries that obtained it;
- **presidency**: « Le Brésil a transmis la présidence du G20 à l'Afrique du Sud », « a passé le relais à
  l'Inde »: a handover of an office to a country, by its subject; about the country and the body whose
  presidency it is;
"""

from __future__ import annotations

from kg.extract.clauses import agents_of, subject
from kg.extract.context import ArticleContext
from kg.extract.lexicon import confidence
from kg.extract.rules.announcement_agents import resolve_agents, summit_body
from kg.extract.rules.announcement_forms import conditional, trailing_reporter, future, modal_or_negated, reporting_verb
from kg.extract.rules.summits import later_edition
from kg.extract.text import clip

__all__ = ["act_candidates"]

_AGENT_TYPES = ("Person", "Minister", "Country", "Organization")


def act_candidates(ctx: ArticleContext, make) -> list:
    """Hosting and presidency candidates: ``make(verb, agents, obj_toks, **fields)`` builds one."""
    return _hosting(ctx, make) + _presidency(ctx, make) + _obtained(ctx, make) + _passive_decisions(ctx, make)


def _passive_decisions(ctx: ArticleContext, make) -> list:
    """« Le Cambodge a été choisi pour accueillir le prochain sommet », « le Gabon et le Togo ont été admis
    comme membres de l'organisation », « X a été élu à la tête de la Commission »: a decision told in the
    passive with no agent, on a named country, body or person, when what it is for names a body, a summit or
    a summit to host. The body is not stated: the one named in it, else the article's (implied); about the
    subject (a country or a body) and the body it concerns."""
    doc = ctx.doc
    lex = ctx.lex
    deps, lemmas = doc.deps, doc.lemma
    conf = confidence("document_body")
    out = []
    for v, pos in enumerate(doc.pos):
        if pos != "VERB" or lemmas[v] not in lex.passive_decision_verbs:
            continue
        kids = doc.children(v)
        if not any(deps[c] == "aux:pass" for c in kids) or any(deps[c] == "obl:agent" for c in kids):
            continue  # an active verb, or a passive with its agent (the verb candidates take it)
        if modal_or_negated(ctx, v) or conditional(ctx, v) or deps[v] in ("acl", "acl:relcl", "ccomp"):
            continue  # « pourrait être admis », « le Gabon, qui a été suspendu »: not told as news
        subj = next((c for c in kids if deps[c] == "nsubj:pass"), None)
        keys = [k for k in agents_of(ctx, subj) if ctx.ents[k].type in _AGENT_TYPES] if subj is not None else []
        if not keys:
            continue
        comp = [u for c in kids if c > v and deps[c] in ("obl", "obl:arg", "obl:mod", "xcomp", "advcl", "nmod")
                for u in doc.subtree(c)]
        if not comp:
            continue
        bodies = ctx.mentions_in(min(comp), max(comp) + 1, ("Organization",))
        summits = [k for s, _, k in ctx.summit_seq if s in comp]
        hosting = any(lemmas[u] in lex.host_verbs for u in comp) and (summits or any(
            doc.lower[u] in lex.next_words for u in comp))
        anaphor = any(doc.lower[u] in lex.org_head_nouns and doc.pos[u] == "NOUN" and any(
            doc.lower[k] in lex.definite_articles | lex.of_forms_contracted for k in doc.children(u)) for u in comp)
        if not (bodies or hosting or anaphor):
            continue
        body = [(bodies[0].key, bodies[0].start, bodies[0].end)] if bodies else [
            (k, v, v + 1) for k in summit_body(ctx)]
        people = all(ctx.ents[k].type in ("Person", "Minister") for k in keys)
        # a person is chosen by the article's body (« élu à la tête de la Commission »: not by the Commission)
        deciders = [(k, v, v + 1) for k in summit_body(ctx)] if people else body
        agents = [(k, s, e, conf, True) for k, s, e in deciders[:1]]
        about = [(m.key, m.start, m.end, confidence("announcement_object"), False)
                 for m in ctx.mentions_in(subj, v, ("Country", "Organization")) if m.key in keys]
        about += [(k, s, e, confidence("announcement_object"), True) for k, s, e in body[:1] if not hosting]
        start = doc.subtree(subj)[0]
        end = max(comp) + 1
        while end > start and doc.words[end - 1] in (",", "."):
            end -= 1
        ago = any(doc.lower[k] in lex.time_preps for k in comp) or any(
            doc.lower[k] == "il" and ctx.lower(k + 1) == "y" for k in comp)
        out.append(make(v, agents, sorted(set(comp)), about=about, about_agents=True, label=_label(ctx, start, end),
                        head=subj, no_fallback=ago, not_about=set() if not hosting else {k for k in keys}))
    return out


def _agents(ctx: ArticleContext, v: int) -> list[tuple]:
    """Who does ``v``: its subject, or the agent of its passive (« confiée par les chefs d'État à »)."""
    doc = ctx.doc
    kids = doc.children(v)
    if any(doc.deps[c] == "aux:pass" for c in kids):
        subj = next((c for c in kids if doc.deps[c] == "obl:agent"), None)
    else:
        subj = subject(ctx, v)
    if subj is None:
        return []
    return [(a.key, a.start, a.end, a.conf, a.implied) for a in resolve_agents(ctx, v, subj)
            if ctx.ents[a.key].type in _AGENT_TYPES]


def _label(ctx: ArticleContext, start: int, end: int) -> str:
    text = clip(ctx.doc.span_text(start, end).rstrip(" ,."), 90)
    return text[:1].upper() + text[1:]


def _hosting(ctx: ArticleContext, make) -> list:
    doc = ctx.doc
    lemmas, deps = doc.lemma, doc.deps
    out = []
    for v, pos in enumerate(doc.pos):
        if pos != "VERB" or lemmas[v] not in ctx.lex.host_verbs or modal_or_negated(ctx, v):
            continue
        to_come = future(ctx, v) or (deps[v] == "xcomp" and lemmas[doc.heads[v]] == "aller")
        if not to_come or deps[v] in ("acl", "acl:relcl", "ccomp") or reporting_verb(ctx, v) is not None or trailing_reporter(ctx, v):
            continue  # « le Brésil, qui accueillera ... » (a description); « a indiqué que ... » (told by that verb)
        if any(doc.lower[c] in ctx.lex.relative_pronouns and deps[c].startswith("nsubj") for c in doc.children(v)):
            continue  # the same description parsed as the main clause
        obj = next((c for c in doc.children(v) if deps[c] == "obj"), None)
        if obj is None and deps[v] == "xcomp":  # « va présider le G20 » with the object hung on « va »
            obj = next((c for c in doc.children(doc.heads[v]) if deps[c] == "obj" and c > v), None)
        if obj is None:
            continue
        toks = doc.subtree(obj)
        if lemmas[v] in ctx.lex.chair_verbs:
            # « Le Brésil présidera le G20 en 2024 »: the body it will chair
            body = ctx.mention_at(obj, ("Organization",))
            agents = _agents(ctx, v) if body is not None else []
            if agents:
                out.append(make(v, agents, toks, about=[(body.key, body.start, body.end, confidence("announcement_object"), False)],
                                head=obj, label=_label(ctx, min([a[1] for a in agents] + [v]), toks[-1] + 1),
                                not_about={a[0] for a in agents}))
            continue
        summits = [(s, e, k) for s, e, k in ctx.summit_seq if obj <= s <= toks[-1] or toks[0] <= s < obj and any(
            doc.lower[u] in ctx.lex.next_words for u in range(s, obj))]  # (« le prochain sommet » from « prochain »)
        nxt = any(doc.lower[u] in ctx.lex.next_words for u in toks)
        if not summits or not (nxt or any(later_edition(ctx, k) for _, _, k in summits)):
            continue  # « accueillera la COP30 » in an article about it: a fact, not news
        agents = _agents(ctx, v)
        if not agents:
            continue
        about = [(k, s, e, confidence("announcement_object"), False) for s, e, k in summits[:1]]
        start = min([a[1] for a in agents] + [v])
        out.append(make(v, agents, toks, about=about, head=obj, label=_label(ctx, start, toks[-1] + 1),
                        not_about={a[0] for a in agents}))
    return out


def _presidency(ctx: ArticleContext, make) -> list:
    doc = ctx.doc
    lemmas, deps, lower = doc.lemma, doc.deps, doc.lower
    lex = ctx.lex
    out = []
    for v, pos in enumerate(doc.pos):
        if pos != "VERB" or lemmas[v] not in lex.handover_verbs or modal_or_negated(ctx, v):
            continue
        kids = doc.children(v)
        obj = next((c for c in kids if deps[c] in ("obj", "nsubj:pass")), None)
        if obj is None or lemmas[obj] not in lex.office_handover_nouns:
            continue
        # the country it goes to: « à l'Afrique du Sud », « aux États-Unis »
        span = [u for c in kids if c > v and deps[c] not in ("punct",) for u in doc.subtree(c)]
        to = [m for m in ctx.mentions_in(v + 1, (max(span) + 1) if span else v + 1, ("Country",))
              if any(lower[k] in lex.recipient_preps for k in range(max(v, m.start - 2), m.start))]
        if not to:
            continue
        agents = _agents(ctx, v)
        if deps[obj] == "nsubj:pass" and not agents:
            continue
        bodies = ctx.mentions_in(obj, doc.subtree(obj)[-1] + 1, ("Organization",))  # « la présidence du G20 »
        about = [(m.key, m.start, m.end, confidence("announcement_object"), False) for m in to[:1] + bodies[:1]]
        toks = sorted(set(doc.subtree(obj)) | set(span))
        start = min([a[1] for a in agents] + [v])
        out.append(make(v, agents, toks, about=about, head=obj, label=_label(ctx, start, max(toks) + 1),
                        not_about={a[0] for a in agents}))
    return out



def _obtained(ctx: ArticleContext, make) -> list:
    doc = ctx.doc
    lemmas, deps = doc.lemma, doc.deps
    lex = ctx.lex
    granted = lex.decision_objects | lex.approval_nouns
    out = []
    for v, pos in enumerate(doc.pos):
        if pos != "VERB" or lemmas[v] not in lex.obtain_verbs or modal_or_negated(ctx, v) or future(ctx, v):
            continue
        obj = next((c for c in doc.children(v) if deps[c] == "obj"), None)
        if obj is None or lemmas[obj] not in granted:
            continue
        toks = doc.subtree(obj)
        body = next(iter(ctx.mentions_in(obj, toks[-1] + 1, ("Organization",))), None)
        countries = _obtainers(ctx, v)
        if body is None or not countries:
            continue
        about = [(m.key, m.start, m.end, confidence("announcement_object"), False) for m in countries]
        agents = [(body.key, body.start, body.end, confidence("document_body"), True)]
        out.append(make(v, agents, toks, about=about, head=obj, no_fallback=True,
                        label=_label(ctx, obj, toks[-1] + 1) + " pour " + ", ".join(ctx.ents[m.key].label for m in countries)))
    return out


def _obtainers(ctx: ArticleContext, v: int) -> list:
    """The countries that obtain: the subject, or for « deux pays qui ont obtenu » the countries that
    « deux pays » sums up (the last two named before it in the sentence)."""
    doc = ctx.doc
    subj = subject(ctx, v)
    if subj is None:
        return []
    if doc.lower[subj] in ctx.lex.relative_pronouns and doc.deps[v] == "acl:relcl":
        ante = doc.heads[v]
        n = next((ctx.lex.number_words.get(doc.lower[c]) or (int(doc.words[c]) if doc.words[c].isdigit() else None)
                  for c in doc.children(ante) if doc.deps[c] == "nummod"), None)
        if doc.lemma[ante] in ("pays", "état") and n:
            before = [m for m in ctx.mentions_in(ctx.sent_at(v).start, ante, ("Country",))]
            seen = []
            for m in reversed(before):
                if m.key not in [x.key for x in seen]:
                    seen.append(m)
            return list(reversed(seen[:n])) if len(seen) >= n else []
        m = ctx.mention_at(ante, ("Country",))
        return [m] if m is not None else []
    m = ctx.mention_at(subj, ("Country",))
    return [m] if m is not None else []
