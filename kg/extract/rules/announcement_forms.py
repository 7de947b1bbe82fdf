"""Announcements said without an announcing verb: candidates for :mod:`kg.extract.rules.announcements`.

- **pledges**: a commitment verb (« investir », « contribuer », « fournir », « apporter ») in the future,
  or in the conditional of reported speech (« a indiqué que la Belgique investirait 200 millions d'euros »),
  or in the present with a sum of money; its subject announces, and so does the speaker who reports it;
  a sum, or a fund as the recipient, is needed (« participera au sommet » is no pledge);
- **documents**: a summit's text as the subject of a verb (« La déclaration finale du sommet engage les
  membres ... », « le communiqué final condamne ... »): the declaration is the announcement, by the
  organisation it names, else by the body whose summit it is (implied).
"""

from __future__ import annotations

from kg.extract.clauses import agents_of, clause_start, inverted_clause, inverted_subject, subject
from kg.extract.context import ArticleContext
from kg.extract.dates import find_dates
from kg.extract.lexicon import confidence
from kg.extract.rules.announcement_agents import listed_after, resolve_agents, said_at, quote_bounds, quote_speaker, speaker_of_verb, summit_body
from kg.extract.rules.announcement_types import MONEY, tokens_text
from kg.extract.rules.summits import later_edition
from kg.extract.text import clip

__all__ = ["pledge_candidates", "document_candidates", "adoption_candidates", "nominal_candidates", "fund_in_context", "fund_organisation", "reporting_verb", "modal_or_negated"]

_AGENT_TYPES = ("Person", "Minister", "Country", "Organization")


def modal_or_negated(ctx: ArticleContext, v: int) -> bool:
    """« pourrait investir », « ne contribuera pas », « devrait apporter »: speculation or refusal, no pledge."""
    doc = ctx.doc
    negs = ctx.lex.verb_negations
    if any(doc.lower[c] in negs for c in doc.children(v)):
        return True
    h = doc.heads[v]
    return doc.deps[v] == "xcomp" and doc.lemma[h] in ctx.lex.speculation_verbs or any(
        doc.deps[c].startswith("aux") and doc.lemma[c] in ctx.lex.speculation_verbs for c in doc.children(v))


def pluperfect(ctx: ArticleContext, v: int) -> bool:
    """Is ``v`` in the pluperfect (« avait décidé », « avaient adopté », « s'était engagé »)? Not « a décidé »,
    « aurait décidé »."""
    doc = ctx.doc
    return any(doc.deps[c] == "aux:tense" and doc.morph(c, "Tense") == "Imp" and doc.morph(c, "Mood") != "Cnd"
               and doc.lower[c] in ctx.lex.pluperfect_auxiliaries for c in doc.children(v))


def recalled(ctx: ArticleContext, v: int) -> bool:
    """Is the act of ``v`` background recalled (« En 2022, la Conférence avait déjà levé les sanctions », « Lors
    du premier sommet, les participants avaient décidé de ... »)? A pluperfect with, in its sentence, a year
    before the article's or an earlier edition (« premier », « précédent », « dernier » before a summit noun).
    Not « Dès l'ouverture, X avait dévoilé une enveloppe », told earlier in the same event."""
    if not pluperfect(ctx, v):
        return False
    doc = ctx.doc
    sent = ctx.sent_at(v)
    published = (ctx.article.published or "")[:4]
    if published.isdigit():
        for d in find_dates(doc.span_text(sent.start, sent.end), ctx.article.published, "past"):
            if d.first[:4].isdigit() and d.first[:4] < published:
                return True
    earlier = ctx.lex.previous_words | ctx.lex.first_edition_words
    nouns = ctx.lex.summit_nouns | ctx.lex.edition_nouns | ctx.lex.conference_nouns
    return any(doc.lower[k] in earlier and ctx.lower(k + 1) in nouns for k in range(sent.start, sent.end))


_IMPERFECT_ENDINGS = ("ait", "aient", "ais", "ions", "iez")


def conditional(ctx: ArticleContext, v: int) -> bool:
    """Is ``v`` in the conditional (« investirait », « apporteraient »)? The parser tags it as an imperfect:
    the conditional is the infinitive (« -re » losing its « e ») with the imperfect's endings."""
    return ctx.doc.morph(v, "Mood") == "Cnd" or _built_on_infinitive(ctx, v, _IMPERFECT_ENDINGS)


_FUTURE_ENDINGS = ("ai", "as", "a", "ons", "ez", "ont")
#: stems of irregular futures and conditionals (« tiendra », « aura », « sera », « enverrait », « pourrait »)
_IRREGULAR_STEMS = ("tiendr", "viendr", "enverr", "verr", "pourr", "devr", "voudr", "saur", "faudr", "vaudr", "cevr")
_SHORT_STEMS = ("aur", "ser", "fer", "ir")


def _irregular(word: str, endings: tuple[str, ...]) -> bool:
    return any(word.endswith(st + e) for st in _IRREGULAR_STEMS for e in endings) or any(
        word == st + e for st in _SHORT_STEMS for e in endings)


def _built_on_infinitive(ctx: ArticleContext, v: int, endings: tuple[str, ...], min_stem: int = 0) -> bool:
    """Is the finite verb ``v`` its infinitive (« -re » losing its « e »; a stem of at least ``min_stem``
    letters) with one of ``endings``, or an irregular stem with one of them?"""
    doc = ctx.doc
    if doc.morph(v, "VerbForm") != "Fin":
        return False
    word, lemma = doc.lower[v], doc.lemma[v]
    stem = lemma[:-1] if lemma.endswith("re") else lemma
    return (len(stem) >= min_stem and word.startswith(stem) and word[len(stem):] in endings) or _irregular(word, endings)


def future(ctx: ArticleContext, v: int) -> bool:
    """Is ``v`` in the future (« fourniront », « livrera »)? The parser sometimes tags it as a present: the
    future is the infinitive (« -re » losing its « e ») with the endings of « avoir »."""
    return ctx.doc.morph(v, "Tense") == "Fut" or _built_on_infinitive(ctx, v, _FUTURE_ENDINGS, min_stem=4)


def reporting_verb(ctx: ArticleContext, v: int) -> int | None:
    """The speech verb that reports the clause of ``v`` (« a indiqué que la Belgique investirait »), if any:
    ``v`` has « que » and a speech verb is among its three nearest heads."""
    doc = ctx.doc
    if not any(doc.deps[c] == "mark" and doc.lower[c] in ("que", "qu'", "qu’") for c in doc.children(v)):
        return None
    speech = ctx.lex.speech_verbs | ctx.lex.announce_verbs
    h = v
    for _ in range(3):
        if doc.heads[h] == h:
            return None
        h = doc.heads[h]
        if doc.pos[h] == "VERB" and doc.lemma[h] in speech:
            return h
    return None


def trailing_reporter(ctx: ArticleContext, v: int) -> list[str]:
    """« La France va investir 300 millions d'euros, a indiqué X »: who reports the clause of ``v``."""
    doc = ctx.doc
    sent = ctx.sent_at(v)
    speech = ctx.lex.speech_verbs | ctx.lex.reporting_announce_verbs
    for r in range(v + 1, sent.end):
        known = _made_known(ctx, r)
        if known is not None:
            return known
        if doc.pos[r] == "VERB" and doc.lemma[r] in speech:
            k = clause_start(ctx, r)
            if inverted_clause(ctx, r) is not None:
                tok = inverted_subject(ctx, r)
                return agents_of(ctx, tok) if tok is not None else speaker_of_verb(ctx, r)
            if k >= sent.start and doc.words[k] == ",":
                return speaker_of_verb(ctx, r)  # « ..., a-t-il annoncé »
    return []


def _made_known(ctx: ArticleContext, r: int) -> list[str] | None:
    """« ..., a fait savoir le premier ministre X »: « faire » + an infinitive of saying or knowing after a
    comma is an inverted speech verb; who follows it (the first person or body named) reports the clause."""
    doc = ctx.doc
    if doc.lemma[r] not in ctx.lex.made_known_verbs or r < 2 or doc.lemma[r - 1] != "faire":
        return None
    k = r - 2
    while k >= 0 and (doc.pos[k] in ("AUX", "PRON", "ADV") or doc.deps[k].startswith("aux")):
        k -= 1
    if k < 0 or doc.words[k] != ",":
        return None
    sent = ctx.sent_at(r)
    for u in range(r + 1, sent.end):
        if doc.pos[u] in ("VERB", "AUX") or doc.words[u] in (",", ".") and ctx.mention_at(u - 1) is not None:
            break
        m = ctx.mention_at(u, ("Person", "Minister", "Organization"))
        if m is not None:
            return [m.key]
    return []


def fund_organisation(ctx: ArticleContext) -> str | None:
    """The one fund-like organisation of the article (« Fonds vert pour le climat », « Facilité de
    financement ... »), if there is exactly one."""
    funds = ctx.lex.fund_nouns
    keys = {k for k, e in ctx.ents.items() if e.type == "Organization"
            and e.label.split(" ")[0].lower().strip("«»\"") in funds}
    return next(iter(keys)) if len(keys) == 1 else None


def fund_in_context(ctx: ArticleContext, i: int, obj_toks: list[int]) -> str | None:
    """« Ce Fonds ... (FPO) ... Le Chili s'est engagé à apporter un milliard de dollars »: a sum pledged to
    no one named, after the article's one fund is named (anywhere before) or told as « un fonds » (this
    sentence or the one before), goes to it."""
    fund = fund_organisation(ctx)
    if fund is None or not _money_in(ctx, obj_toks):
        return None
    doc = ctx.doc
    if any((m := ctx.mention_at(u, ("Country", "Organization", "City"))) is not None and (
            m.key == fund or any(doc.lower[k] in ctx.lex.recipient_preps | {"en"} for k in range(max(0, m.start - 2), m.start)))
           for u in obj_toks):
        return None  # a named recipient (or the fund itself, told already); not « , la France 500 millions »
    # the fund named before, anywhere in the article (« Ce Fonds (FMV) ... Le Portugal participera à
    # hauteur d'un million d'euros »)
    if any(m.key == fund for m in ctx.mentions_in(0, ctx.sent_at(i).end, ("Organization",))):
        return fund
    # « Lula inaugure un fonds pour les forêts. La Norvège promet jusqu'à 3 milliards de dollars »
    start = ctx.sents[max(0, ctx.sent_no(i) - 1)].start
    return fund if any(ctx.doc.lemma[u] in ctx.lex.fund_nouns and ctx.doc.pos[u] == "NOUN" for u in range(start, i)) else None


def _to_country(ctx: ArticleContext, comp: list[int]) -> bool:
    """Is one of the tokens ``comp`` a country introduced by « à », « au », « pour » (a recipient)?"""
    doc = ctx.doc
    return any(ctx.mention_at(c, ("Country",)) is not None and any(
        doc.lower[m] in ctx.lex.recipient_preps for m in doc.children(c) if doc.deps[m] == "case") for c in comp)


def _money_in(ctx: ArticleContext, toks) -> bool:
    return bool(toks) and MONEY.search(tokens_text(ctx.doc, toks)) is not None


def _quoted_we(ctx: ArticleContext, i: int) -> bool:
    """Is the subject of ``i`` (or of « aller » it depends on) a first person plural inside a quote?"""
    doc = ctx.doc
    h = doc.heads[i] if doc.deps[i] == "xcomp" and doc.lemma[doc.heads[i]] == "aller" else i
    subj = next((c for c in doc.children(h) if doc.deps[c] == "nsubj"), None)
    return subj is not None and doc.lower[subj] == "nous" and quote_bounds(ctx, i) is not None


def pledge_candidates(ctx: ArticleContext, make) -> list:
    """A candidate per commitment verb with a named agent: ``make(verb, agents, obj_toks, **fields)`` builds it."""
    doc = ctx.doc
    lemmas, deps = doc.lemma, doc.deps
    pledge = ctx.lex.pledge_verbs
    fund_nouns = ctx.lex.fund_nouns
    fund = fund_organisation(ctx)
    conf = confidence("pledging_agent")
    out = []
    for i, pos in enumerate(doc.pos):
        if pos != "VERB" or modal_or_negated(ctx, i):
            continue
        fut = future(ctx, i) or (  # « va investir », « allaient investir »
            deps[i] == "xcomp" and lemmas[doc.heads[i]] == "aller" and doc.morph(i, "VerbForm") == "Inf")
        if lemmas[i] not in pledge and not (fut and _quoted_we(ctx, i)):
            # « « Nous allons doubler nos bourses, soit 80 millions d'euros par an », a déclaré X »: what a
            # speaker's « nous » will do, with a sum, is a pledge whatever the verb (the sum is checked below)
            continue
        cnd = conditional(ctx, i)
        pres = not fut and doc.morph(i, "Tense") == "Pres" and doc.morph(i, "VerbForm") == "Fin"
        reporter = reporting_verb(ctx, i)
        if not (fut or pres or (cnd and reporter is not None)):
            continue
        kids = doc.children(i)
        comp = [c for c in kids if deps[c] in ("obj", "obl:arg", "obl", "iobj") or (deps[c] == "obl:mod" and any(
            doc.lower[m] in ctx.lex.recipient_preps for m in doc.children(c) if deps[m] == "case"))]
        purpose = [c for c in kids if deps[c] == "advcl" and any(
            lemmas[m] in ("pour", "afin") for m in doc.children(c) if deps[m] == "mark")]
        obj_toks = sorted({u for c in comp + purpose for u in doc.subtree(c)})
        money = _money_in(ctx, obj_toks)
        if not money and lemmas[i] not in pledge:
            # « Nous allons doubler nos bourses, soit 80 millions d'euros par an »: the sum said after it in the quote
            rest = list(range(i + 1, quote_bounds(ctx, i)[1]))
            money = _money_in(ctx, rest)
            if money:
                obj_toks = sorted(set(obj_toks) | set(rest[:-1] if rest and doc.pos[rest[-1]] == "PUNCT" else rest))
        to_fund = any(lemmas[u] in fund_nouns for u in obj_toks) or (
            fund is not None and any(m.key == fund for u in obj_toks for m in [ctx.mention_at(u)] if m))
        bare = not comp and lemmas[i] in ctx.lex.bare_pledge_verbs and fund is not None
        # « Les États-Unis fourniront cinq systèmes de défense à l'Ukraine »: a delivery to a country
        delivery = lemmas[i] in ctx.lex.delivery_verbs and (fut or cnd) and _to_country(ctx, obj_toks) and not any(
            deps[c] == "obj" and (ctx.mention_at(c, ("Person", "Minister")) or doc.lower[c] in ctx.lex.actor_nouns)
            for c in comp)
        if not (money or to_fund or bare or delivery) or (pres and not money and reporter is None):
            continue
        subj = subject(ctx, i)
        if subj is None and deps[i] in ("advcl", "acl") and doc.heads[i] < i:
            subj = doc.heads[i]  # « Les États-Unis, en coopération avec ..., fourniront »: parsed under the subject
        keys = [a.key for a in (resolve_agents(ctx, i, subj) if subj is not None else [])
                if ctx.ents[a.key].type in _AGENT_TYPES and not a.implied]
        agents = [(k, subj, i + 1, conf, False) for k in keys]
        # who reports it: « a indiqué que ... » (speaker of the speech verb), « « ... », a déclaré X »
        speakers: list[str] = []
        if reporter is not None:
            rs = subject(ctx, reporter)
            speakers = agents_of(ctx, rs) if rs is not None else []
        if not speakers and quote_bounds(ctx, i) is not None:
            speakers = quote_speaker(ctx, i)
        if not speakers:
            speakers = trailing_reporter(ctx, i)
        for k in speakers:
            if k not in keys:
                agents.append((k, reporter if reporter is not None else i, i + 1, confidence("reporting_agent"), False))
        if not agents:
            continue
        about = []
        if fund is not None and (to_fund or bare) and not any(
                m.key == fund for u in obj_toks for m in [ctx.mention_at(u)] if m):
            # « contribuera aussi », « au fonds », « à ce mécanisme »: the article's one fund
            about.append((fund, i, i + 1, confidence("announcement_fund"), True))
        near = fund_in_context(ctx, i, obj_toks) if not about else None
        if near is not None:
            about.append((near, i, i + 1, confidence("announcement_fund"), True))
        places = said_at(ctx, reporter, None)[0] if reporter is not None else []
        out.append(make(i, agents, obj_toks, not_about=set(keys), about=about, kind="pledge", places=places))
    return out


def _doc_label(ctx: ArticleContext, noun: int, verb: int) -> str:
    """« la déclaration finale des dirigeants du G20 » → « Déclaration finale des dirigeants du G20 »."""
    doc = ctx.doc
    toks = [u for u in doc.subtree(noun) if u < verb and doc.deps[u] != "punct" or u == noun]
    toks = [u for u in toks if u >= noun]
    end = toks[0]
    for u in toks:
        if u != end + 1 and u != end:
            break
        end = u
    text = doc.span_text(noun, end + 1).rstrip(" ,")
    return clip(text[:1].upper() + text[1:], 90)


def _parties(ctx: ArticleContext, noun: int, verb: int) -> list:
    """The countries and organisations listed after « entre » on the text ``noun`` or its verb (« signé entre le
    Maroc et le Nigeria »)."""
    doc = ctx.doc
    sent = ctx.sent_at(verb)
    for k in range(noun + 1, sent.end):
        if doc.lower[k] == "entre" and (doc.heads[doc.heads[k]] in (noun, verb) or doc.heads[k] in doc.subtree(noun)):
            ms = listed_after(ctx, k + 1, sent.end, ("Country", "Organization"))
            return ms if len(ms) >= 2 else []
    return []


def document_candidates(ctx: ArticleContext, make) -> list:
    """A candidate per summit text that is the subject of a verb (« La déclaration finale du sommet engage
    ... »): by the organisation or countries it names (« des dirigeants du G20 »), else by the body of the
    summit it names or of the article's summit (« finale »: implied). A bare « le texte » only repeats
    an announcement made before (``anaphor_only``)."""
    doc = ctx.doc
    lemmas, deps, heads, lower = doc.lemma, doc.deps, doc.heads, doc.lower
    docs, quals, content = ctx.lex.document_nouns, ctx.lex.document_qualifiers, ctx.lex.content_verbs
    out = []
    for t, pos in enumerate(doc.pos):
        # « Le Plan d'action de Nice pour l'océan comprend ... »: a document named with a capital
        named_doc = lemmas[t] in ctx.lex.named_document_nouns and doc.words[t][:1].isupper() and not doc.sent_start[t]
        # « Un accord sur la finance climatique a été adopté dimanche »: an act adopted, its agent unsaid
        adopted = (deps[t] == "nsubj:pass" and lemmas[heads[t]] in ctx.lex.adoption_verbs and doc.pos[heads[t]] == "VERB"
                   and (lemmas[t] in ctx.lex.announce_nouns or lemmas[t] in docs or lemmas[t] in ctx.lex.decision_objects)
                   and not any(deps[c] == "obl:agent" for c in doc.children(heads[t]))
                   and deps[heads[t]] in ("ROOT", "conj", "parataxis"))  # not « a déploré que l'accord ait été adopté »
        if pos not in ("NOUN", "PROPN") or not (lemmas[t] in docs or named_doc or adopted) or not deps[t].startswith("nsubj"):
            continue
        kids = doc.children(t)
        dets = [k for k in kids if deps[k] == "det"]
        if not dets or lower[dets[0]] not in ctx.lex.definite_articles | ctx.lex.demonstratives | (
                {"un", "une"} if adopted else set()):
            continue
        v = heads[t]
        if doc.pos[v] not in ("VERB", "ADJ", "NOUN"):
            continue
        if doc.pos[v] == "VERB" and lemmas[v] not in content and any(lower[c] in ctx.lex.verb_negations for c in doc.children(v)):
            continue  # « la déclaration n'a pas été adoptée »
        if doc.pos[v] == "VERB" and (modal_or_negated(ctx, v) and lemmas[v] not in content
                                      or doc.morph(v, "Tense") == "Fut" or doc.morph(v, "Mood") == "Cnd"):
            continue  # « la déclaration devrait être adoptée », « sera publiée »: not yet
        if quote_bounds(ctx, t) is not None:
            continue
        sub = [u for u in doc.subtree(t) if u < v or v < t]
        # « la déclaration finale », « la déclaration de Lima » (named after a place or a summit)
        qualified = named_doc or adopted or any(deps[k] == "amod" and lemmas[k] in quals for k in kids) or any(
            deps[k] == "nmod" and ctx.mention_at(k, ("City", "Summit")) is not None for k in kids)
        summit = next(((s, e, k) for s, e, k in ctx.summit_seq if t < s <= sub[-1]), None)
        # « des dirigeants du G20 »: who adopted it (not the host in « au sommet du Brésil »)
        named = [m for m in ctx.mentions_in(sub[0], sub[-1] + 1, ("Organization", "Country")) if m.start > t
                 and not (summit is not None and summit[0] <= m.start < summit[1])]
        # « L'adhésion de l'UA au G20 a été actée », « la levée des sanctions contre X a été décidée »: a decision
        # named by its noun; the names in it are what it is about, its agent is unsaid (the body, implied)
        decided = adopted and lemmas[t] not in ctx.lex.announce_nouns and lemmas[t] not in docs
        if decided and (future(ctx, v) or any(deps[c].startswith("aux") and doc.morph(c, "Tense") == "Fut"
                                              for c in doc.children(v))):
            continue  # « la facilité sera lancée demain »: not yet decided
        agents = [] if decided else [(m.key, m.start, m.end, confidence("document_agent"), False) for m in named]
        parties = []
        if decided:
            agents = [(k, t, t + 1, confidence("document_body"), True) for k in summit_body(ctx)]
        elif not agents and adopted:
            # « Un mémorandum a été signé entre le Maroc et le Nigeria »: the parties sign it, and it is about them
            parties = _parties(ctx, t, heads[t])
            agents = [(m.key, m.start, m.end, confidence("document_agent"), False) for m in parties]
        if not agents and (summit is not None or qualified):
            agents = [(k, t, t + 1, confidence("document_body"), True) for k in summit_body(ctx)]
        # a summit's text or an act adopted with no agent said is still an announcement (« a decision with
        # no stated agent has none »); a bare « le texte » only refers to one told before
        anaphor_only = not (summit is not None or qualified or named)
        # what the text says: the objects of its verb and of the verbs joined to it, unless negated
        verbs = [v] + [c for c in doc.children(v) if deps[c] == "conj" and doc.pos[c] == "VERB"]
        obj_toks = sorted({u for w in verbs if not (w != v and modal_or_negated(ctx, w))
                           for c in doc.children(w) if deps[c] in ("obj", "ccomp", "xcomp", "obl:arg")
                           for u in doc.subtree(c)})
        during = None
        if summit is not None and not later_edition(ctx, summit[2]):
            during = (summit[2], summit[0], summit[1], confidence("document_summit"), False)
        past = any(deps[c] == "aux:tense" and doc.morph(c, "Tense") == "Imp" for c in doc.children(v))
        # « Le Fonds international pour les forêts a été lancé »: the organisation launched is what it is about
        org = ctx.mention_at(t, ("Organization",)) if adopted else None
        about = [(org.key, org.start, org.end, confidence("announcement_object"), False)] if org else []
        about += [(m.key, m.start, m.end, confidence("announcement_object"), False) for m in parties]
        if decided:
            about += [(m.key, m.start, m.end, confidence("announcement_object"), False) for m in named
                      if ctx.ents[m.key].type in ("Country", "Organization")]
        out.append(make(v if doc.pos[v] == "VERB" else t, agents, obj_toks, head=t, kind="document", about=about,
                        label=_doc_label(ctx, t, v), during=during, no_fallback=past, anaphor_only=anaphor_only,
                        about_agents=bool(parties) or decided))
    return out


def adoption_candidates(ctx: ArticleContext, make) -> list:
    """« Le sommet s'est conclu par l'adoption de la déclaration de Tervala », « la signature d'un accord entre X et
    Y »: a text adopted or signed told as a noun, under a verb that is no announcing verb (that one tells it
    itself). By the agent after « par » (« l'adoption par les Vingt-Sept de ... »), else by the body of the summit
    the sentence is about (implied), else with no agent stated."""
    doc = ctx.doc
    lemmas, deps, heads, lower = doc.lemma, doc.deps, doc.heads, doc.lower
    lex = ctx.lex
    texts = lex.document_nouns | lex.named_document_nouns | lex.announce_nouns
    telling = lex.announce_verbs | set(lex.framed_announce_verbs) | lex.speech_verbs | lex.pledge_verbs | lex.light_announce_verbs
    out = []
    for t, pos in enumerate(doc.pos):
        if pos != "NOUN" or lemmas[t] not in lex.adoption_nouns:
            continue
        kids = doc.children(t)
        text = next((k for k in kids if deps[k] == "nmod" and lemmas[k] in texts and any(
            lower[m] in lex.of_forms_contracted for m in doc.children(k) if deps[m] == "case")), None)
        if text is None or quote_bounds(ctx, t) is not None:
            continue
        v, below = heads[t], t
        for _ in range(3):  # up to the verb the noun depends on
            if doc.pos[v] in ("VERB", "AUX") or heads[v] == v:
                break
            v, below = heads[v], v
        # « a annoncé l'adoption de » (the verb tells it); not « s'est conclu par l'adoption de »
        told = lemmas[v] in telling and not any(lower[m] == "par" for m in doc.children(below) if deps[m] == "case")
        if doc.pos[v] == "VERB" and (told or lemmas[v] in lex.deferral_verbs or modal_or_negated(ctx, v) or future(ctx, v)
                                     or conditional(ctx, v)):
            continue  # « a annoncé l'adoption de » (the verb tells it), « pourrait aboutir à la signature », « a été reportée »
        if any(lower[k] in lex.time_preps | lex.pre_event_words for k in kids if deps[k] == "case"):
            continue  # « avant la signature de l'accord »: a point in time
        agents = []
        by = next((k for k in kids if deps[k] == "nmod" and any(lower[m] == "par" for m in doc.children(k) if deps[m] == "case")), None)
        if by is not None:
            agents = [(k, by, by + 1, confidence("announcing_agent"), False) for k in by_agents]
        elif doc.pos[v] == "VERB":
            subj = subject(ctx, v)
            if subj is not None and (ctx.mention_at(subj, ("Summit",)) or lemmas[subj] in lex.summit_nouns):
                agents = [(k, subj, subj + 1, confidence("document_body"), True) for k in summit_body(ctx)]
        parties = []
        if not agents and lemmas[text] in lex.announce_nouns | lex.document_nouns:
            # « la signature d'un accord entre le Togo et le Ghana »: the parties sign it, and it is about them
            parties = _parties(ctx, text, t)
            agents = [(m.key, m.start, m.end, confidence("document_agent"), False) for m in parties]
        obj_toks = doc.subtree(text)
        np = [u for u in obj_toks if deps[u] != "punct" or u == text]
        label = clip(doc.span_text(text, np[-1] + 1).rstrip(" ,"), 90)
        out.append(make(t, agents, obj_toks, head=text, kind="document", label=label[:1].upper() + label[1:],
                        about=[(m.key, m.start, m.end, confidence("announcement_object"), False) for m in parties],
                        about_agents=bool(parties)))
    return out


def _by_phrase(ctx: ArticleContext, t: int) -> int | None:
    """The noun of « par X » on the noun ``t`` (« l'annonce par le Premier ministre X de ... »), if any."""
    doc = ctx.doc
    return next((k for k in doc.children(t) if doc.deps[k] in ("obl:agent", "nmod", "obl") and k > t and any(
        doc.lower[m] == "par" for m in doc.children(k) if doc.deps[m] == "case")), None)


def nominal_candidates(ctx: ArticleContext, make) -> list:
    """« L'annonce par le Premier ministre X d'un fonds de 400 millions a dominé la journée », « X a ouvert le
    sommet par l'annonce de 10 milliards de dollars de crédits »: an announcement told by its noun (an
    announcing noun of ``nominal_announce_nouns``) with what is announced after « de » and its agent after
    « par », or, for « par l'annonce de » under a verb, that verb's subject. Not under a verb that tells it
    itself (« a confirmé l'annonce de »), nor under one that is to come, speculated or negated."""
    doc = ctx.doc
    lemmas, deps, heads, lower = doc.lemma, doc.deps, doc.heads, doc.lower
    lex = ctx.lex
    telling = lex.announce_verbs | set(lex.framed_announce_verbs) | lex.speech_verbs | lex.pledge_verbs | lex.light_announce_verbs
    of_forms = lex.of_forms_contracted | {"de", "d'", "d’"}
    out = []
    for t, pos in enumerate(doc.pos):
        if pos != "NOUN" or lemmas[t] not in lex.nominal_announce_nouns or quote_bounds(ctx, t) is not None:
            continue
        kids = doc.children(t)
        by = _by_phrase(ctx, t)
        # the agent after « par » (a title and its name: « par la ministre des Finances, X, »)
        by_agents = agents_of(ctx, by) if by is not None else []
        region_end = by + 1 if by is not None else t + 1
        for m in ctx.mentions_in(t, ctx.sent_at(t).end):
            if by is not None and m.key in by_agents and m.start >= by and m.start <= region_end + 6:
                region_end = max(region_end, m.end)
        region = range(by, region_end) if by is not None else []
        # « d'un fonds » on the noun, or hung by the parser on the agent (« par l'Arabie saoudite d'un fonds »)
        obj = next((k for k in sorted(set(kids) | {k for u in region for k in doc.children(u)}) if k >= region_end
                    and deps[k] == "nmod" and doc.pos[k] in ("NOUN", "NUM") and ctx.mention_at(k, _AGENT_TYPES) is None
                    and any(lower[m] in of_forms for m in doc.children(k) if deps[m] == "case")), None)
        if obj is None:
            continue
        v = heads[t]
        for _ in range(3):  # up to the verb the noun depends on
            if doc.pos[v] in ("VERB", "AUX") or heads[v] == v:
                break
            v = heads[v]
        by_means = any(lower[m] == "par" for m in kids if deps[m] == "case")  # « a ouvert le sommet par l'annonce de »
        if doc.pos[v] == "VERB" and ((lemmas[v] in telling and not by_means) or lemmas[v] in lex.deferral_verbs
                                      or modal_or_negated(ctx, v) or future(ctx, v)
                                      or conditional(ctx, v) or recalled(ctx, v)):
            continue  # « a confirmé l'annonce de » (the verb tells it), « l'annonce de X pourrait intervenir »
        if any(doc.pos[k] == "VERB" and deps[k] in ("acl", "acl:relcl") and (
                modal_or_negated(ctx, k) or future(ctx, k) or conditional(ctx, k)) for k in kids):
            continue  # « l'annonce ... interviendra mardi », parsed as a clause on the noun
        agents = []
        if by is not None:
            agents = [(k, by, by + 1, confidence("announcing_agent"), False) for k in by_agents]
        elif (doc.pos[v] == "VERB" and heads[t] == v and deps[t] in ("obl", "obl:mod", "obl:arg", "obl:agent")
              and any(lower[m] == "par" for m in kids if deps[m] == "case")):
            # « a ouvert le sommet par l'annonce de ... »: the subject of the verb announces
            subj = subject(ctx, v)
            if subj is not None:
                agents = [(a.key, a.start, a.end, a.conf, a.implied) for a in resolve_agents(ctx, v, subj)]
        if not agents:
            continue
        obj_toks = [u for u in doc.subtree(obj) if ctx.sent_no(u) == ctx.sent_no(t)]
        out.append(make(t, agents, obj_toks, head=obj, kind="nominal"))
    return out


def unwilling_candidates(ctx: ArticleContext, make) -> list:
    """« La Hongrie n'a pas voulu signer la déclaration finale »: not wanting to sign is a refusal to sign (the
    verb of will, negated, over a signing verb; named as the refusal by ``refusal_nouns``)."""
    doc = ctx.doc
    lex = ctx.lex
    out = []
    for i, pos in enumerate(doc.pos):
        if pos not in ("VERB", "AUX") or doc.lemma[i] not in lex.refusal_nouns or (
                doc.lemma[i] in lex.framed_announce_verbs and doc.lemma[i] not in lex.joining_verbs):
            continue
        kids = doc.children(i)
        if not any(doc.lower[c] in lex.negation_adverbs for c in kids):
            continue
        signing = next((c for c in kids if doc.deps[c] == "xcomp" and doc.lemma[c] in lex.sign_verbs
                        and doc.morph(c, "VerbForm") == "Inf"), None)
        if doc.lemma[i] in lex.joining_verbs:  # « ne s'est pas associé au traité »: the text not joined
            signing = next((c for c in kids if doc.deps[c] in ("obl:arg", "obl", "iobj") and doc.lemma[c] in lex.decision_objects
                            and any(doc.lower[k] in ("à", "au", "aux") for k in doc.children(c))), None)
        subj = subject(ctx, i)
        if signing is None or subj is None or quote_bounds(ctx, i) is not None:
            continue
        agents = [(a.key, a.start, a.end, a.conf, a.implied) for a in resolve_agents(ctx, i, subj)]
        if agents:
            out.append(make(i, agents, [u for u in doc.subtree(signing) if u >= signing or doc.lemma[i] in lex.joining_verbs]))
    return out

