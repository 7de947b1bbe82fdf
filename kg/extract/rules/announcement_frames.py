"""What an announcing verb's frame needs (lexicon ``framed_announce_verbs``), for
:mod:`kg.extract.rules.announcement_verbs`: « a choisi de quitter » (an infinitive), « a levé son veto » (an
object of decision), « se sont mis d'accord sur » (an agreement), « a rejoint l'OTAN » (a body joined); and
the clause parts those tests read: a country a participle qualifies, a recipient after a noun of giving, a
speech verb that reports where a summit to come is held.
"""

from __future__ import annotations

from kg.extract.clauses import inverted_clause
from kg.extract.context import ArticleContext
from kg.extract.rules.announcement_forms import conditional, future, modal_or_negated
from kg.extract.rules.announcement_types import MONEY
from kg.extract.text import is_date_word

__all__ = ["frame_ok", "qualified_country", "recipient_after", "reports_hosting"]


def frame_ok(ctx: ArticleContext, i: int, frame: str, kids: list[int]) -> tuple[bool, int | None]:
    """Does the verb ``i`` have what its frame needs (``framed_announce_verbs``)? With the target of a join."""
    doc = ctx.doc
    deps, lemmas, pos = doc.deps, doc.lemma, doc.pos
    if deps[i] == "ccomp" or conditional(ctx, i) or modal_or_negated(ctx, i):
        # « ont promis que l'Ukraine rejoindrait l'Alliance »: what another announces; « pour tenter de lever »
        return False, None
    inf = [c for c in kids if deps[c] == "xcomp" and pos[c] == "VERB"]
    if lemmas[i] in ctx.lex.concord_verbs and any(doc.lower[c] in ("se", "s'", "s’") for c in kids) and any(
            (deps[c] in ("obl:arg", "obl", "obl:mod") and any(doc.lower[m] == "sur" for m in doc.children(c) if deps[m] == "case"))
            or (deps[c] in ("advcl", "xcomp") and doc.morph(c, "VerbForm") == "Inf") for c in kids):
        return True, None  # « se sont accordés sur un plan », « s'entendent pour prolonger »: an agreement
    if frame == "decision":  # « a accepté la candidature de X » (an object), « a accepté de lever son veto »
        # « la candidature du Togo a été acceptée par les dirigeants »: a passive's subject is its object
        frame = "object" if any(deps[c] in ("obj", "obl:arg", "nsubj:pass") for c in kids) else "infinitive"
    if frame in ("infinitive", "reflexive_infinitive"):
        # « a choisi de quitter »; also « a choisi il y a sept ans de quitter », the infinitive misattached
        inf += [u for c in kids if deps[c] == "obj" for u in doc.subtree(c)
                if pos[u] == "VERB" and doc.morph(u, "VerbForm") == "Inf" and any(
                    deps[m] == "mark" and doc.lower[m] in ctx.lex.of_forms | {"à"} for m in doc.children(u))]
        reflexive = any(doc.lower[c] in ("se", "s'", "s’") for c in kids)
        if frame == "reflexive_infinitive" and not reflexive:
            return False, None  # « Costa entend en faire la COP de l'action »: an intention
        if reflexive:
            # « se sont entendus pour reprendre le dialogue »
            inf += [c for c in kids if deps[c] == "advcl" and doc.morph(c, "VerbForm") == "Inf" and any(
                doc.lower[m] == "pour" for m in doc.children(c) if deps[m] == "mark")]
        # « avons choisi de réaffirmer notre soutien »: a way of saying, not a decision
        sayings = ctx.lex.speech_verbs | ctx.lex.content_verbs
        if not inf and frame == "infinitive":
            # « ont convenu que le prochain sommet se tiendra à Lomé »: what is agreed to come
            return any(deps[c] == "ccomp" and pos[c] in ("VERB", "AUX") and (future(ctx, c) or conditional(ctx, c))
                       and any(doc.lower[m] in ("que", "qu'", "qu’") for m in doc.children(c) if deps[m] == "mark")
                       for c in kids), None
        return bool(inf) and not any(lemmas[u] in sayings for u in inf), None
    if frame == "bare":
        # « s'est abstenu lors du vote »; not « s'est abstenu de tout commentaire »
        return not inf and not any(deps[c] in ("obj", "ccomp") or (deps[c] == "obl:arg" and any(
            doc.lower[m] in ctx.lex.of_forms_contracted for m in doc.children(c) if deps[m] == "case")) for c in kids), None
    target = next((c for c in kids if deps[c] in ("obj", "obl:arg") and not is_date_word(doc.words[c])), None)
    if target is None and any(deps[c] == "aux:pass" for c in kids):
        target = next((c for c in kids if deps[c] == "nsubj:pass"), None)  # « l'accord a été entériné par X »
    if (target is None and deps[i] in ("acl", "acl:relcl") and doc.heads[i] < i and doc.morph(i, "VerbForm") == "Part"
            and any(deps[c] == "obl:agent" for c in kids) and not any(deps[c].startswith("aux") and doc.pos[c] == "AUX" for c in kids)):
        # « le Niger, suspendu par la CEDEAO »: the noun the participle qualifies
        qualified = qualified_country(ctx, i)
        target = qualified.start if qualified is not None else doc.heads[i]
    if frame == "agreement" and any(
            lemmas[c] == "table" and any(doc.lower[m] == "sur" for m in doc.children(c) if deps[m] == "case")
            for c in kids + [k for c in kids if deps[c] == "obj" for k in doc.children(c)]) and any(
            deps[c] == "obj" and MONEY.search(doc.span_text(doc.subtree(c)[0], doc.subtree(c)[-1] + 1)) for c in kids):
        return True, None  # « a mis sur la table 20 milliards de dollars »: a sum offered (not « une proposition »)
    if frame == "agreement":  # « se sont mis d'accord sur ... »
        return any(doc.lower[c] in ("d'accord", "accord") or (doc.lower[c] == "d'" and ctx.lower(c + 1) == "accord")
                   for c in kids for c in [c]) or any(ctx.lower(k) == "accord" and ctx.lower(k - 1) in ("d'", "d’")
                                                       for k in range(i + 1, min(i + 3, len(doc)))), None
    if frame == "approval":  # « a donné son feu vert à l'adhésion », « a donné son accord »
        return target is not None and (lemmas[target] in ctx.lex.approval_nouns and (
            lemmas[target] != "feu" or any(doc.lower[k] == "vert" for k in doc.children(target)))), None
    if frame == "invite":  # « ont invité six pays à rejoindre le groupe »
        return any(deps[c] == "xcomp" and lemmas[c] in ctx.lex.join_verbs for c in kids), None
    if frame == "member":  # « l'Indonésie est devenue membre à part entière des BRICS »
        return any(lemmas[c] == "membre" and deps[c] in ("xcomp", "obj", "attr", "obl:arg") and ctx.mentions_in(
            c, doc.subtree(c)[-1] + 1, ("Organization",)) for c in kids), None
    if frame == "appoint":  # « ont élu X à la présidence », « a nommé X secrétaire général »: a person chosen
        return target is not None and any(ctx.mention_at(u, ("Person", "Minister")) is not None
                                          for u in doc.subtree(target)), None
    if frame == "object":  # « a levé son veto », « a suspendu le Niger », « sont parvenus à un accord »
        # « a levé 3 milliards d'euros »: a sum raised
        return target is not None and (lemmas[target] in ctx.lex.decision_objects or (
            lemmas[i] in ctx.lex.pledge_verbs | {"lever"} and MONEY.search(doc.span_text(doc.subtree(target)[0], doc.subtree(target)[-1] + 1)))
                                       or ctx.mention_at(target, ("Country", "Organization")) is not None
                                       or (lemmas[target] == "état" and any(  # « a reconnu l'État de Palestine »
                                           deps[c] == "nmod" and ctx.mention_at(c, ("Country",)) for c in doc.children(target)))), None
    # join: « se joindre à cette initiative », « rejoindre l'OTAN », « adhérer à l'accord »
    target = next((c for c in kids if deps[c] in ("obj", "obl:arg") and not is_date_word(doc.words[c])), None)
    if target is None:
        return False, None
    if ctx.mention_at(target, ("Organization",)) is not None:
        return True, None
    # « a rejoint la coalition pour l'hydrogène »: a group joined (« coalition », « alliance »)
    nouns = ctx.lex.announce_nouns | ctx.lex.anaphoric_announce_nouns | ctx.lex.joinable_nouns
    return lemmas[target] in nouns, target


def recipient_after(ctx: ArticleContext, head: int | None, kids: list[int]) -> set[int]:
    """The tokens of « à X » (a city or a country) right after the object ``head`` when it is a noun of giving
    (« la livraison à Kiev », « une aide au Niger »), though the parser hung it on the verb."""
    doc = ctx.doc
    lex = ctx.lex
    if head is None or doc.lemma[head] not in lex.pledge_nouns | lex.support_nouns | lex.delivery_nouns:
        return set()
    for c in kids:
        if c > head and doc.deps[c] in ("obl", "obl:mod", "obl:arg") and all(
                doc.pos[k] in ("DET", "ADP") or k == c for k in range(head + 1, c + 1)) and any(
                doc.lower[k] in lex.recipient_preps for k in doc.children(c) if doc.deps[k] == "case") and ctx.mention_at(
                c, ("City", "Country")) is not None:
            return set(doc.subtree(c))
    return set()


def qualified_country(ctx: ArticleContext, i: int):
    """The country (mention) right before the participle ``i``, past commas and « tous » (« le Mali, de la
    Guinée et du Soudan, tous suspendus par ... »), which the parser may hang on another noun."""
    doc = ctx.doc
    k = i - 1
    while k >= 0 and (doc.words[k] == "," or doc.lower[k] in ("tous", "toutes", "tout", "toute")):
        k -= 1
    m = ctx.mention_at(k, ("Country",)) if k >= 0 and k < i - 1 else None
    return m if m is not None and m.end == k + 1 else None


def reports_hosting(ctx: ArticleContext, i: int, kids: list[int]) -> bool:
    """Does the speech verb ``i`` report where a summit to come will be held (« a indiqué que le Cambodge
    accueillera le prochain sommet », « Le sommet se tiendra à Lomé, a précisé X »)? A host or place verb in
    the future or the conditional, with a summit, in the clause it reports."""
    doc = ctx.doc
    heads = [c for c in kids if doc.deps[c] == "ccomp" and any(
        doc.lower[m] in ("que", "qu'", "qu’") for m in doc.children(c) if doc.deps[m] == "mark")]
    content = [u for c in heads for u in doc.subtree(c)]
    inverted = inverted_clause(ctx, i)
    if not content and inverted is not None:
        content = list(range(ctx.sent_at(i).start, inverted))
        heads = [u for u in content if doc.heads[u] == u or doc.heads[u] == i or doc.heads[u] >= inverted]
    if not content:
        return False
    places = ctx.lex.host_verbs | ctx.lex.place_verbs
    summits = {s for s, _, _ in ctx.summit_seq}
    has_summit = any(u in summits or (doc.lower[u] in ctx.lex.next_words and ctx.lower(u + 1) in ctx.lex.summit_nouns
                                      | ctx.lex.edition_nouns) for u in content)
    # the verb of the reported clause itself (not « le Brésil, qui accueillera le prochain sommet, veut ... »)
    for v in heads + [x for h in heads for x in doc.children(h) if doc.deps[x] == "xcomp"]:
        if doc.pos[v] != "VERB" or doc.lemma[v] not in places or modal_or_negated(ctx, v):
            continue
        to_come = future(ctx, v) or conditional(ctx, v) or (
            doc.deps[v] == "xcomp" and doc.lemma[doc.heads[v]] == "aller")
        if to_come and has_summit:
            return True
    return False
