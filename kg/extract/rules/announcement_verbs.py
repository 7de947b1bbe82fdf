"""Announcing verbs and what they need: candidates for :mod:`kg.extract.rules.announcements`.

An announcing verb (« annoncer », « dévoiler », « décider ») or a verb that announces with the right
complement (« a choisi de quitter », « a levé son veto », « se sont joints à cette initiative »), not negated,
not speculated, not a way of saying, with a named agent: its subject (a quote's speaker for « nous »,
countries listed with a group, co-agents after « avec »), its inverted reporter (« ..., a annoncé X »)
or its passive agent; what is announced, where it was said (« a annoncé à Nairobi »).
"""

from __future__ import annotations

import re

from kg.extract.clauses import agents_of, clitic_subject, inverted_clause, inverted_subject, misattached_subject, par_after, subject
from kg.extract.context import ArticleContext
from kg.extract.lexicon import confidence
from kg.extract.rules.announcement_agents import (resolve_agents, enumeration, said_at, co_agent_lists, quote_bounds,
                                                  speaker_of_verb, summit_body)
from kg.extract.rules.announcement_forms import (conditional, fund_in_context, fund_organisation,
                                                 recalled, reporting_verb, trailing_reporter)
from kg.extract.rules.announcement_objects import (appointment_body, appointment_label, appointment_post, characterisation,
                                                   first_object_noun, own_attendance, slogan, titled_list, without_occasion)
from kg.extract.rules.announcement_frames import frame_ok, qualified_country, recipient_after, reports_hosting
from kg.extract.rules.announcement_types import MONEY, Agent, Candidate, summary, tokens_text
from kg.extract.rules.summits import later_edition
from kg.extract.text import APOS, clip, is_date_word

__all__ = ["verb_candidates"]


def _group_adopts_text(ctx: ArticleContext, lemma: str, kids: list[int], agent_tok: int) -> bool:
    """« Au terme du sommet, les dirigeants ont adopté la Déclaration de Nairobi »: a text adopted by a group
    that names no body is still an announcement (with no agent stated)."""
    doc = ctx.doc
    lex = ctx.lex
    obj = next((c for c in kids if doc.deps[c] == "obj"), None)
    return (lemma in lex.sign_verbs and obj is not None
            and doc.lemma[obj] in lex.document_nouns | lex.named_document_nouns
            and (doc.lower[agent_tok] in lex.collective_nouns | lex.group_nouns or doc.lemma[agent_tok] in lex.summit_nouns))


def _with_case(ctx: ArticleContext, c: int) -> bool:
    """« conclu avec la Chine » parsed as a passive agent: a complement with « avec », a partner, no agent."""
    return any(ctx.doc.deps[m] == "case" and ctx.doc.lower[m] in ("avec", "entre") for m in ctx.doc.children(c))


def _par_agent(ctx: ArticleContext, i: int, kids: list[int]) -> int | None:
    """« Le plan, adopté samedi par les cinq États membres, prévoit ... », « Le centre, approuvé jeudi par les
    dix-huit dirigeants, sera ... »: the agent of a participle qualifying a noun before it, when the parser
    did not make it an ``obl:agent`` noun (a modifier with « par », or a « par » right after the participle,
    past a day or an adverb, hung on another word): the named agent, else the collective noun, of the phrase
    « par ... » up to the next comma."""
    doc = ctx.doc
    deps = doc.deps
    if doc.morph(i, "VerbForm") != "Part" or deps[i] not in ("acl", "acl:relcl") or doc.heads[i] > i or any(
            deps[c].startswith("aux") or deps[c].startswith("nsubj") for c in kids):
        return None
    if any(deps[c] == "obl:agent" and doc.pos[c] in ("NOUN", "PROPN", "PRON") for c in kids):
        return None  # parsed right: the ordinary passive
    return par_after(ctx, i)


def _speculated_or_denied(ctx: ArticleContext, i: int, sent) -> bool:
    """« pourrait annoncer », « veut lancer » (speculation, an intention), « a démenti avoir promis » (a
    denial), « annoncera-t-il une aide ? » (a question): nothing is announced."""
    doc = ctx.doc
    h = doc.heads[i]
    if doc.deps[i] == "xcomp" and h != i and doc.lemma[h] in ctx.lex.speculation_verbs | ctx.lex.denial_verbs:
        return True
    if any(doc.deps[c].startswith("aux") and doc.lemma[c] in ctx.lex.speculation_verbs for c in doc.children(i)):
        return True
    if doc.deps[i] == "ccomp" and h != i and (doc.lemma[h] in ctx.lex.speculation_verbs or doc.lemma[h] in ctx.lex.demand_verbs):
        return True  # « souhaite que les dirigeants signent une déclaration », « a demandé que le G20 accorde »: a wish
    if _hearsay(ctx, h if doc.deps[i] == "xcomp" and h != i else i):
        return True  # « la Chine s'apprêterait à annoncer », « X aurait promis »: a rumour, not a reported statement
    last = next((k for k in range(sent.end - 1, sent.start - 1, -1) if not doc.words[k].isspace()), None)
    return last is not None and doc.words[last] == "?" and quote_bounds(ctx, i) is None


def _hearsay(ctx: ArticleContext, v: int) -> bool:
    """Is ``v`` the main verb of its sentence in the conditional (« X annoncerait », « aurait promis »,
    « s'apprêterait à »)? Not a reported future (« a annoncé que la France investirait »: a clause of its own)."""
    doc = ctx.doc
    if doc.heads[v] != v:
        return False
    return conditional(ctx, v) or any(doc.deps[c].startswith("aux") and doc.morph(c, "Mood") == "Cnd" for c in doc.children(v))


def _adjectival(ctx: ArticleContext, i: int, kids: list[int]) -> bool:
    """« un pays engagé envers ses alliés »: a past participle qualifying a noun, not an act (unless it has
    its agent: « le plan présenté par la Commission »)."""
    doc = ctx.doc
    return (doc.deps[i] in ("acl", "amod") and doc.morph(i, "VerbForm") == "Part"
            and not any(doc.deps[c].startswith("aux") or doc.deps[c] in ("obl:agent", "nsubj") for c in kids))


def _clause_objects(ctx: ArticleContext, kids: list[int], obj_deps: tuple[str, ...]) -> list[int]:
    """The tokens of the complements ``obj_deps`` of a verb, without the clauses joined to them that have
    their own auxiliary or subject (« d'allouer ..., et a elle-même affirmé que ... »)."""
    doc = ctx.doc
    deps = doc.deps
    out: set[int] = set()

    def day(c: int) -> bool:  # a day with no preposition (« vendredi », not « à 2029 »)
        return is_date_word(doc.words[c]) and not any(deps[k] == "case" for k in doc.children(c))

    for c in kids:
        if deps[c] not in obj_deps or (deps[c] == "obj" and len(doc.subtree(c)) == 1 and is_date_word(doc.words[c])):
            continue  # « ont entériné lundi l'adhésion »: a day the parser took for an object
        if day(c) and any(k != c and deps[k] in ("obj", "ccomp") and not day(k) for k in kids):
            continue  # « ont décidé vendredi à Bangui la création de ... »: the day (and place) of the act, not its object
        if deps[c] != "obj" and doc.lower[c] in ctx.lex.occasion_nouns and c < min(
                (k for k in kids if deps[k] in ("obj", "ccomp")), default=-1):
            continue  # « ont signé en marge du sommet un accord »: the occasion of the act, before its object
        sub = set(doc.subtree(c))
        for u in list(sub):
            if u != c and deps[u] == "conj" and doc.pos[u] in ("VERB", "AUX") and any(
                    deps[k].startswith("aux") or deps[k].startswith("nsubj") for k in doc.children(u)):
                sub -= set(doc.subtree(u))
            elif (u != c and (deps[u] == "advcl" or (deps[u] == "xcomp" and doc.words[u - 1] == ","))
                  and doc.morph(u, "VerbForm") == "Part" and doc.morph(u, "Tense") == "Pres"
                  and doc.lemma[u] not in ctx.lex.content_verbs):
                sub -= set(doc.subtree(u))  # « ..., accusant Pretoria de ... »: a circumstance, not what is announced
        out |= sub
    return sorted(out)


def _content_participle(ctx: ArticleContext, head: int) -> list[int]:
    """« adopter un communiqué final stipulant que ... »: a content participle right after the object says
    what the object says (the parser often hangs it on the main verb)."""
    doc = ctx.doc
    k = doc.subtree(head)[-1] + 1
    while k < len(doc) and doc.words[k] == ",":
        k += 1
    if (k < len(doc) and doc.pos[k] == "VERB" and doc.morph(k, "VerbForm") == "Part" and doc.morph(k, "Tense") == "Pres"
            and doc.lemma[k] in ctx.lex.content_verbs and doc.deps[k] in ("advcl", "acl")
            and ctx.sent_no(k) == ctx.sent_no(head)):
        return doc.subtree(k)
    return []


def _attendance_content(ctx: ArticleContext, i: int, kids: list[int], obj_toks: list[int]):
    """« a décidé d'envoyer un émissaire », « a annoncé qu'aucun représentant ne se rendrait à X », « renonce à
    se rendre à Nairobi »: a decision about going to the article's summit is about that summit, not made at it."""
    doc = ctx.doc
    ms = ctx.main_summit
    if ms is None or later_edition(ctx, ms):
        return [], False
    going = ctx.lex.attendance_content_verbs
    content = [c for c in kids if doc.deps[c] in ("xcomp", "ccomp") and doc.pos[c] == "VERB"]
    content += [x for c in content for x in doc.children(c) if doc.deps[x] == "xcomp" and doc.pos[x] == "VERB"]
    for u in content:
        if doc.lemma[u] in going and (doc.lemma[u] != "rendre" or any(
                doc.lower[c] in ("se", "s'", "s’") for c in doc.children(u))):
            return [(ms, i, i + 1, confidence("announcement_attendance"), True)], True
    return [], False


def _clause_amount(ctx: ArticleContext, i: int, kids: list[int], subj: int) -> str | None:
    """A sum in the clause of ``i`` (its complements and modifiers, not its subject nor joined clauses)."""
    doc = ctx.doc
    toks = set(_clause_objects(ctx, kids, ("obj", "obl", "obl:arg", "obl:mod", "xcomp", "ccomp", "advcl")))
    toks -= set(doc.subtree(subj))
    # « ..., tandis que l'Italie a promis 10 millions »: a clause with a subject of its own tells another's sum
    for u in list(toks):
        if u in toks and doc.deps[u] in ("advcl", "conj") and doc.pos[u] in ("VERB", "AUX") and any(
                doc.deps[k].startswith("nsubj") for k in doc.children(u)):
            toks -= set(doc.subtree(u))
    money = MONEY.search(tokens_text(doc, toks)) if toks else None
    return re.sub(r"\s+", " ", money.group(0)).strip() if money else None


def _news_clause(ctx: ArticleContext, toks: list[int]) -> bool:
    """Does a reported clause tell news (a decision, a pledge, something to come), not a state of things?
    A verb in the future or conditional, an announcing, pledging or decision verb, a sum, or an
    announcement noun."""
    doc = ctx.doc
    lex = ctx.lex
    triggers = lex.announce_verbs | lex.pledge_verbs | set(lex.framed_announce_verbs)
    for u in toks:
        if doc.pos[u] in ("VERB", "AUX") and (doc.morph(u, "Tense") == "Fut" or conditional(ctx, u)
                                               or doc.lemma[u] in triggers):
            return True
        if doc.lemma[u] == "aller" and any(doc.deps[c] == "xcomp" and doc.morph(c, "VerbForm") == "Inf"
                                           for c in doc.children(u)):
            return True  # « Le Portugal va accueillir le prochain sommet »: the near future
        if doc.lemma[u] in lex.announce_nouns or doc.lemma[u] in lex.decision_objects:
            return True
    return bool(toks) and MONEY.search(doc.span_text(toks[0], toks[-1] + 1)) is not None


def verb_candidates(ctx: ArticleContext) -> list[Candidate]:
    """A candidate per announcing verb, not negated, not a way of saying, with a named agent."""
    doc = ctx.doc
    verbs = ctx.lex.announce_verbs
    frames = ctx.lex.framed_announce_verbs
    negs = ctx.lex.negations
    nouns = ctx.lex.announce_nouns
    lower, lemmas, deps, heads = doc.lower, doc.lemma, doc.deps, doc.heads
    out = []
    for i, pos in enumerate(doc.pos):
        if pos != "VERB":
            continue
        lemma = lemmas[i]
        kids = doc.children(i)
        if lemma == "faire" and any(lower[c] == "état" for c in kids):
            lemma = "annoncer"  # « a fait état d'un accord »
        elif lemma == "conclure" and any(deps[c] == "obj" and (lemmas[c] in nouns or lemmas[c] in ctx.lex.negotiation_nouns
                                                              or lower[c] in ctx.lex.negotiation_nouns) for c in kids):
            lemma = "signer"  # « a conclu un partenariat », « ont conclu les négociations »: an agreement reached
        light = None
        if lemma in ctx.lex.light_announce_verbs:
            # « a pris l'engagement de verser », « a fait l'annonce d'une aide »: the verb its noun stands for
            # « a procédé au lancement officiel de », « à la signature de »
            light = next((c for c in kids if (deps[c] == "obj" or (deps[c] in ("obl:arg", "obl") and any(
                lower[m] in ("à", "au") for m in doc.children(c) if deps[m] == "case")))
                and lemmas[c] in ctx.lex.light_announce_nouns), None)
            if light is not None:
                lemma = ctx.lex.light_announce_nouns[lemmas[light]]
        joined = None
        if lemma in ctx.lex.speech_verbs and lemma not in verbs and reports_hosting(ctx, i, kids):
            lemma = "annoncer"  # « Le Cambodge accueillera le prochain sommet, a indiqué X »: news, not a comment
        if lemma in frames:
            ok, joined = frame_ok(ctx, i, frames[lemma], kids)
            if not ok:
                ctx.reject(i, "frame")
                continue
        elif lemma not in verbs:
            continue
        if doc.morph(i, "VerbForm") == "Part" and doc.morph(i, "Tense") == "Pres" and not (
                ctx.lower(i - 1) == "en" and lemma in ctx.lex.gerund_announce_verbs):
            ctx.reject(i, "present participle")
            continue  # « en appelant la France à ... »; but « en annonçant », « en dévoilant » announce
        par_tok = _par_agent(ctx, i, kids)
        if par_tok is None and _adjectival(ctx, i, kids):
            ctx.reject(i, "adjectival participle")
            continue
        inverted = inverted_clause(ctx, i)
        if inverted is not None and lemma not in ctx.lex.reporting_announce_verbs:
            ctx.reject(i, "inverted, not a reporting verb")
            continue  # « « ... », lui a lancé une entrepreneuse »: a way of saying, not an announcement
        sent = ctx.sent_at(i)
        if any(lower[c] in negs for c in kids) or any(
                lower[c] in negs for c in range(sent.start, sent.end) if heads[c] == i):
            ctx.reject(i, "negated")
            continue
        if _speculated_or_denied(ctx, i, sent):
            ctx.reject(i, "speculated, denied or asked")
            continue  # « pourrait annoncer », « a démenti avoir promis », « annoncera-t-il une aide ? »
        h = heads[i]
        if deps[i] == "ccomp" and h != i and lemmas[h] in ctx.lex.opinion_verbs and doc.morph(h, "VerbForm") == "Part" and (
                doc.morph(h, "Tense") == "Pres"):
            ctx.reject(i, "opinion's reason")
            continue  # « ..., estimant qu'elle engageait les États arabes »: the reason given, not an act
        if recalled(ctx, i):
            ctx.reject(i, "recalled past decision")
            continue  # « En 2022, la Conférence avait déjà levé les sanctions »: a past decision recalled as background
        if any(deps[c] == "mark" and lower[c] in ctx.lex.without_marks for c in kids):
            ctx.reject(i, "without (« sans »)")
            continue  # « sans toutefois présenter d'excuses »: not done
        caller = subject(ctx, i) if lemma in ctx.lex.exhort_verbs and lemma in verbs and light is None else None
        if caller is not None and doc.morph(caller, "Number") != "Plur" and not any(
                lower[c] in ctx.lex.joint_call_words for c in kids + [k for c in kids for k in doc.children(c)]):
            # « Le président X a appelé à une réforme »: one's call, not an announcement; not a group's joint
            # call (« les dirigeants ont appelé à un cessez-le-feu », « ont appelé conjointement à »)
            ctx.reject(i, "one person's call")
            continue
        if lemma in ctx.lex.exhort_verbs and any(
                lower[u] in ("ne", "n'", "n’") for c in kids if deps[c] in ("xcomp", "obl:arg", "obl", "ccomp")
                for u in doc.subtree(c)):
            ctx.reject(i, "exhortation not to")
            continue  # « appelle à ne pas céder »: an exhortation, nothing is announced
        # « se sont accordées »: a pronominal verb the parser took for a passive
        reflexive = any(lower[c] in ("se", "s'", "s’") for c in kids)
        passive = lemma not in ctx.lex.copula_like_verbs and not reflexive and any(deps[c] == "aux:pass" for c in kids) or (
            doc.morph(i, "VerbForm") == "Part" and any(deps[c] == "obl:agent" and not _with_case(ctx, c) for c in kids)
            and not any(deps[c] == "aux:tense" for c in kids)) or par_tok is not None
        if passive:
            # « le texte a été annoncé par X »; without its agent (« aucune date n'a été annoncée »), nothing
            agent_tok = par_tok if par_tok is not None else next((c for c in kids if deps[c] == "obl:agent"
                                                                  and not _with_case(ctx, c)), None)
            if agent_tok is None and any(deps[c] == "aux:pass" for c in kids):
                # « a été acceptée vendredi par les dirigeants » with « par ... » hung on the day
                agent_tok = par_after(ctx, i)
        else:
            agent_tok = inverted_subject(ctx, i) if inverted is not None else subject(ctx, i)
        clitic = clitic_subject(ctx, kids) if inverted is not None and not passive else None
        if clitic is not None:
            agent_tok = clitic  # « Le prochain sommet se tiendra à Lima, a-t-elle annoncé »: not the euphonic « -t »
        if agent_tok is None:
            agent_tok = misattached_subject(ctx, i)
        impersonal = passive and agent_tok is None and any(
            deps[c] == "nsubj:pass" and lower[c] == "il" for c in kids) and any(
            deps[c] == "xcomp" and doc.morph(c, "VerbForm") == "Inf" for c in kids)
        if agent_tok is None and not impersonal:
            ctx.reject(i, "no agent token, passive" if passive else "no agent token")
            continue
        if impersonal:
            # « Il a été décidé de créer un secrétariat »: decided by the article's body, unsaid (implied)
            agent_tok = next(c for c in kids if deps[c] == "nsubj:pass")
            agents = [Agent(k, i, i + 1, confidence("document_body"), implied=True) for k in summit_body(ctx)]
        elif clitic is not None:
            # the speaker the pronoun stands for (the person named last), as for a quote's « a-t-il ajouté »
            agents = [Agent(k, clitic, i + 1, confidence("announcing_agent")) for k in speaker_of_verb(ctx, i)]
        else:
            agents = resolve_agents(ctx, i, agent_tok)
        if passive and deps[agent_tok] == "obl:agent":
            # « paraphé par la présidente de la Commission, X, le président du Conseil, Y, et le Premier ministre Z »
            for m in titled_list(ctx, agent_tok):
                if m.key not in {a.key for a in agents}:
                    agents.append(Agent(m.key, m.start, m.end, confidence("listed_co_agent")))
        if not agents and not impersonal and not _group_adopts_text(ctx, lemma, kids, agent_tok):
            ctx.reject(i, "agent not named, passive" if passive else "agent not named")
            continue
        obj_deps = ("ccomp", "obj", "xcomp", "obl:arg", "obl") + (("nsubj:pass",) if passive else ())
        obj_toks = _clause_objects(ctx, kids, obj_deps)
        obj_toks = without_occasion(ctx, obj_toks)
        if lemma == "mettre":  # « a mis sur la table 20 milliards »: the sum, not the table
            obj_toks = [u for u in obj_toks if not any(lemmas[c] == "table" and u in doc.subtree(c) for c in kids)]
        if impersonal:
            obj_toks = [u for u in obj_toks if u not in doc.subtree(agent_tok)]  # not « Il »
        if light is not None:
            # what the noun of a light verb governs (« l'engagement [de verser 3 milliards] »)
            obj_toks = sorted({u for c in doc.children(light) if c > light and deps[c] in ("acl", "nmod", "xcomp")
                               for u in doc.subtree(c)}) or obj_toks
        # « a annoncé un soutien financier pour aider l'Égypte »: what it is for (named by what it is)
        purpose = {u for c in kids if c > i and deps[c] == "advcl" and doc.morph(c, "VerbForm") == "Inf"
                   and any(lemmas[m] in ("pour", "afin") for m in doc.children(c) if deps[m] == "mark")
                   for u in doc.subtree(c)}
        named_by = [u for u in obj_toks if u not in purpose]
        obj_toks = sorted(set(obj_toks) | purpose)
        bare = [c for c in kids if c > i and deps[c] == "obl:mod" and doc.pos[c] == "NOUN" and not is_date_word(doc.words[c])
                and not any(deps[k] == "case" for k in doc.children(c))]
        if bare and not any(deps[c] in ("obj", "ccomp", "xcomp") for c in kids):
            # « ont approuvé jeudi une aide de 50 milliards »: an object the parser took for a modifier
            obj_toks = sorted(set(obj_toks) | set(doc.subtree(bare[0])))
        if not any(deps[c] in ("obj", "ccomp", "xcomp") for c in kids):
            # « ont annoncé jeudi un prêt de 50 milliards » with the object hung on « jeudi »
            hung = [o for c in kids if c > i and deps[c] == "obl:mod" and is_date_word(doc.words[c])
                    for o in doc.children(c) if o > c and deps[o] == "obj"]
            if hung:
                obj_toks = sorted(set(obj_toks) | set(doc.subtree(hung[0])))
                bare = bare or hung[:1]
        if inverted is not None and not any(deps[c] in ("obj", "ccomp") and c < i and lower[c] not in ("l'", "l’") for c in kids):
            # (« ..., comme l'a annoncé X »: the clitic stands for the clause before)
            # « Le prochain sommet se tiendra en Turquie, a annoncé M. Rutte »: what precedes is announced
            first = next((k + 1 for k in range(inverted - 1, sent.start, -1) if doc.words[k] == ":"), sent.start)
            # (« Tous les titres s'accordent sur un point : le Pérou accueillera ..., comme l'a annoncé X »: after the colon)
            obj_toks = [k for k in range(first, inverted) if not doc[k].is_punct or doc.words[k] in APOS]
            if not _news_clause(ctx, obj_toks) or characterisation(ctx, obj_toks):
                # « Les F-16 sont déjà en route, a confirmé X »: a state of things, not news announced;
                # « « Évian sera le sommet de la lutte contre ... », a promis X »: what something will be
                ctx.reject(i, "inverted, no news")
                continue
        head = next((c for c in kids if deps[c] in ("obj", "nsubj:pass")), bare[0] if bare else None)
        if head is not None and slogan(ctx, head):
            ctx.reject(i, "slogan")
            continue  # « a promis « une COP de la mise en œuvre » »: a quoted phrase, no pledge
        label = None
        described = False  # « le Mali, ..., suspendus par l'UA »: an act told as a state, not made at the summit
        if light is not None and deps[light] != "obj":
            # « a procédé au lancement officiel du programme »: the noun names it
            end = doc.subtree(light)[-1] + 1
            label = clip(doc.span_text(light, end).rstrip(" ,"), 90)
            label = label[:1].upper() + label[1:]
        if passive and (deps[i] == "acl" or (deps[i] == "acl:relcl" and qualified_country(ctx, i) is not None)) and heads[i] < i and doc.pos[heads[i]] in ("NOUN", "PROPN"):
            # « une déclaration politique adoptée par les États membres »: the noun is what is announced
            head = heads[i]
            listed = qualified_country(ctx, i) or ctx.mention_at(head, ("Country",))
            if listed is None:
                obj_toks = sorted({u for u in doc.subtree(head) if u < i} | set(obj_toks))
                v = heads[head]
                if deps[head] == "nsubj" and v > i and lemmas[v] in ctx.lex.content_verbs:
                    # « Le plan, adopté samedi par les États membres, prévoit 300 millions d'euros »: what it provides
                    obj_toks = sorted(set(obj_toks) | {u for c in doc.children(v) if deps[c] in ("obj", "ccomp")
                                                       for u in doc.subtree(c)})
            else:
                # « le Mali, la Guinée et le Soudan, suspendus par l'UA »: the list the participle qualifies
                head = listed.start
                described = True
                first = min([listed.start] + [m.start for m in enumeration(ctx, listed)])
                obj_toks = sorted(set(range(first, i)) | set(obj_toks))
                end = doc.subtree(i)[-1] + 1
                label = clip(doc.span_text(first, end).rstrip(" ,"), 90)
                label = label[:1].upper() + label[1:]
        if head is not None and lower[head] in ctx.lex.relative_object_pronouns and deps[i] == "acl:relcl":
            # « la déclaration que nous avons approuvée »: what is announced is the antecedent
            pron, head = head, heads[i]
            obj_toks = sorted({u for u in doc.subtree(head) if head <= u < pron} | (set(obj_toks) - {pron}))
            # « le fonds que la Banque a lancé, doté de 45 M€, »: a participle on the antecedent, hung on the verb
            obj_toks = sorted(set(obj_toks) | {u for c in kids if c > i and deps[c] in ("advcl", "acl")
                                                 and doc.morph(c, "VerbForm") == "Part" and doc.morph(c, "Tense") == "Past"
                                                 and re.search(r"(?:é|i|u|t|s)e?s?$", doc.lower[c]) is not None
                                                 and doc.words[doc.subtree(c)[0] - 1] == "," for u in doc.subtree(c)})
        shown = head if head is not None else first_object_noun(ctx, i)
        if lemma in ctx.lex.presenting_verbs and shown is not None and (
                lemmas[shown] in ctx.lex.non_announcement_objects or lemmas[shown] in ctx.lex.report_nouns
                or lower[shown] in ctx.lex.report_nouns):
            # « a lancé une invasion », « a lancé un appel », « présentera un rapport », « présenter ses excuses »:
            # an act, a call or a report, not an announcement
            ctx.reject(i, "presented object not an announcement")
            continue
        if head is not None and own_attendance(ctx, head):
            ctx.reject(i, "own attendance")
            continue  # « ont confirmé leur participation », « a annoncé sa venue »: attending, not deciding
        post: list[int] = []
        if frames.get(lemma) == "appoint" and head is not None:
            post = appointment_post(ctx, head, kids)
            label = appointment_label(ctx, lemma, head, post)
            obj_toks = sorted(set(obj_toks) | set(post))
        only_name = all(doc.pos[u] in ("DET", "PUNCT") or ctx.mention_at(u) is not None for u in named_by)
        if purpose and named_by and not only_name:  # not « a désigné l'Angola pour prendre la présidence »
            label = clip(summary(doc, i, sent, named_by), 90)
            label = label[:1].upper() + label[1:]
        if head is not None and _content_participle(ctx, head):
            # the object names the text, the participle says what it says (in the summary)
            np = doc.subtree(head)
            label = clip(doc.span_text(np[0], np[-1] + 1), 90)
            label = label[:1].upper() + label[1:]
            obj_toks = sorted(set(obj_toks) | set(_content_participle(ctx, head)))
        about, no_fallback = _attendance_content(ctx, i, kids, obj_toks)
        if post:
            about += appointment_body(ctx, post, agents)
        fund = fund_organisation(ctx)
        if fund is not None and any(lemmas[u] in ctx.lex.fund_nouns and deps[u] in ("obj", "obl:arg", "nmod")
                                    for u in obj_toks) and not any(
                m.key == fund for u in obj_toks for m in [ctx.mention_at(u)] if m):
            # « Costa inaugure un fonds », « au fonds », « ce mécanisme »: the article's one fund
            about.append((fund, i, i + 1, confidence("announcement_fund"), True))
        if not about and (lemma in ctx.lex.pledge_verbs | {"promettre"} or any(lemmas[u] in ctx.lex.pledge_verbs for u in obj_toks)):
            near = fund_in_context(ctx, i, obj_toks)
            if near is not None:  # « s'est engagé à apporter un milliard », the fund named just before
                about.append((near, i, i + 1, confidence("announcement_fund"), True))
        places, where = said_at(ctx, i, head)
        # « a annoncé la livraison à Kiev de cinq systèmes »: « à Kiev » right after a noun of giving is who
        # receives it (hung on the verb by the parser), not where it was said
        given = recipient_after(ctx, head, kids)
        if head is not None:
            # « une exemption de visas pour les ressortissants de France » with « pour ... » hung on the verb
            given |= {u for c in kids if c > head and deps[c] in ("obl", "obl:mod") and any(
                lower[k] in ("pour", "envers") for k in doc.children(c) if deps[k] == "case") for u in doc.subtree(c)}
            # « lève son veto à l'adhésion de la Suède »: a complement right after the object, of a decision
            # noun or naming a country or a body, hung on the verb: it says what the object is about
            after = doc.subtree(head)[-1] + 1
            for c in kids:
                sub = doc.subtree(c)
                if (c > head and sub[0] == after and deps[c] in ("obl", "obl:mod") and lower[c] not in ctx.lex.occasion_nouns and any(
                        lower[k] in ctx.lex.object_complement_preps for k in doc.children(c) if deps[k] == "case")
                        and not set(sub) & where and (lemmas[c] in ctx.lex.decision_objects or ctx.mentions_in(
                            sub[0], sub[-1] + 1, ("Country", "Organization")))):
                    given |= set(sub)
        places = [p for p in places if p[1] not in given]
        where -= given
        obj_toks = sorted(set(u for u in obj_toks if u not in where) | given)
        core = ({u for c in kids if deps[c] in ("obj", "ccomp", "xcomp", "nsubj:pass") for u in doc.subtree(c)} - where) | given
        # « ont signé un protocole ..., paraphé par le ministre X »: who initials what is signed signs it too
        for c in kids:
            if (c > i and deps[c] in ("advcl", "acl") and doc.morph(c, "VerbForm") == "Part" and lemmas[c] in ctx.lex.sign_verbs
                    and doc.words[doc.subtree(c)[0] - 1] == ","):
                by = next((k for k in doc.children(c) if deps[k] == "obl:agent" and not _with_case(ctx, k)), None)
                for a in (resolve_agents(ctx, c, by) if by is not None else []):
                    if a.key not in {x.key for x in agents}:
                        agents.append(Agent(a.key, a.start, a.end, confidence("listed_co_agent")))
        # co-agents listed after « avec », « en coopération avec », « y compris » in the clause
        known = {a.key for a in agents}
        skip = set(obj_toks) | set(doc.subtree(agent_tok) if ctx.mention_at(agent_tok) else ())
        for m in co_agent_lists(ctx, sent.start, sent.end, skip):
            if m.key not in known:
                known.add(m.key)
                agents.append(Agent(m.key, m.start, m.end, confidence("listed_co_agent")))
        reporter = reporting_verb(ctx, i) or (reporting_verb(ctx, heads[i]) if deps[i] == "xcomp" else None)
        if reporter is not None and doc.lemma[reporter] in ctx.lex.speech_verbs and subject(ctx, reporter) is not None:
            # « X a déclaré que son pays allait débloquer ... »: who tells it announces it too
            for k in agents_of(ctx, subject(ctx, reporter)):
                if k not in known and ctx.ents[k].type in ("Person", "Minister"):
                    known.add(k)
                    agents.append(Agent(k, reporter, reporter + 1, confidence("reporting_agent")))
        if inverted is None:
            # « L'UE a débloqué 30 millions d'euros, a précisé le commissaire X »: who reports it announces it too
            for k in trailing_reporter(ctx, i):
                if k not in known and ctx.ents[k].type in ("Person", "Minister", "Organization"):
                    known.add(k)
                    agents.append(Agent(k, i, i + 1, confidence("reporting_agent")))
        amount = _clause_amount(ctx, i, kids, agent_tok)
        # « a choisi il y a sept ans de quitter »: long before (not « les négociations, ouvertes il y a 25 ans »)
        ago = any(lower[k] == "il" and ctx.lower(k + 1) == "y" and ctx.lower(k + 2) == "a" and i in (heads[k], heads[heads[k]])
                  for k in doc.subtree(i) if k > i)
        joined_prior = joined is not None and lower[next((k for k in doc.children(joined) if deps[k] == "det"), joined)] in ctx.lex.demonstratives
        out.append(Candidate(i, agents, obj_toks, core=core, head=head, places=places, inherit_about=joined_prior,
                             amount=amount, no_fallback=ago or no_fallback or described, about=about, label=label,
                             about_agents=bool(post)))
    return out
