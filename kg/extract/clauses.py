"""Clause helpers shared by the rules: subjects, agents, inverted reporting clauses, governing verbs.

« Le Canada, qui présidera le G7, a confirmé ... », « « ... », a lancé X », « ..., a annoncé M. Rutte »:
who does what, read from the dependency parse (with its usual French mistakes repaired).
"""

from __future__ import annotations

from kg.extract.context import ArticleContext, Mention
from kg.extract.text import is_date_word


def governors(ctx: ArticleContext, start: int, end: int) -> list[int]:
    """The heads, outside the span, of the span's tokens (the words it depends on)."""
    heads = ctx.doc.heads
    out = []
    for t in range(start, end):
        h = heads[t]
        if start <= h < end:
            continue
        out.append(verb_above(ctx, h, 3))  # up through nouns (« le cabinet de X ») to the verb
    return out


def verb_above(ctx: ArticleContext, t: int, steps: int) -> int:
    """The first verb at or above token ``t``, climbing at most ``steps`` heads (where the climb stops —
    the root, or the last head reached — when there is none)."""
    heads, pos = ctx.doc.heads, ctx.doc.pos
    for _ in range(steps):
        if pos[t] in ("VERB", "AUX") or heads[t] == t:
            break
        t = heads[t]
    return t


def negated(ctx: ArticleContext, verb: int) -> bool:
    """Is the verb at ``verb`` negated (« n'a pas envoyé », « ne s'est jamais rendu », « n'a plus envoyé »)?
    Not « ne ... que », which restricts (« n'avait dépêché que son ministre »: the minister was sent)."""
    doc = ctx.doc
    negs = [c for c in doc.children(verb) if doc.lower[c] in ctx.lex.verb_negations]
    if not negs:
        return False
    if any(doc.lower[c] in ctx.lex.negation_adverbs for c in negs):
        return True
    end = min(ctx.sent_at(verb).end, verb + 4)
    return not any(doc.lower[k] in _RESTRICTIVE for k in range(verb + 1, end))


_RESTRICTIVE = frozenset({"que", "qu'", "qu’"})


def subject(ctx: ArticleContext, verb: int) -> int | None:
    doc = ctx.doc
    subjects = [c for c in doc.children(verb) if doc.deps[c] in ("nsubj", "nsubj:pass")]
    if subjects:
        # « le constructeur japonais Toyota » parsed as two subjects: the named one
        named = [c for c in subjects if ctx.mention_at(c, ("Person", "Minister", "Organization", "Country"))]
        first = (named or subjects)[0]
        # « Le corridor, dont les dirigeants ont approuvé le prolongement, » parsed with the antecedent as the
        # subject: the noun that « dont » opens is the subject
        dont = next((c for c in doc.children(first) if doc.deps[c] == "nmod" and c < verb and any(
            doc.lower[k] == "dont" for k in doc.children(c))), None)
        return dont if dont is not None else first
    # « Mme X a, pour sa part, annoncé que ... », « L'Égypte a, elle, conclu ... »: an incise after the
    # auxiliary, and the parser hangs the subject on the auxiliary
    for a in doc.children(verb):
        if doc.deps[a].startswith("aux") and a < verb:
            hung = [c for c in doc.children(a) if doc.deps[c] in ("nsubj", "nsubj:pass") and c < a]
            if hung:
                return hung[0]
    named = _before_incise(ctx, verb)
    if named is not None:
        return named
    # « Paris et Dublin se sont entendus »: a name opening the clause that the parser left as ``dep`` of a verb
    # with an auxiliary and no subject
    dep = next((c for c in doc.children(verb) if doc.deps[c] == "dep" and c < verb and doc.pos[c] == "PROPN"
                and c == ctx.sent_at(verb).start), None)
    if dep is not None and any(doc.deps[a].startswith("aux") for a in doc.children(verb)) and ctx.mention_at(
            dep, ("Country", "City", "Organization", "Person", "Minister")) is not None:
        return dep
    h = doc.heads[verb]
    if (doc.deps[verb] == "acl" and h < verb and doc.pos[h] in ("NOUN", "PROPN")
            and any(doc.deps[c] == "aux:tense" for c in doc.children(verb))):
        return h  # « ..., et les pays du G7 ont publié » parsed as a clause on « pays »: its subject
    if (doc.deps[verb] == "acl" and doc.morph(verb, "VerbForm") == "Inf" and doc.pos[h] == "NOUN"
            and doc.deps[h] in ("obj", "obl", "obl:arg") and doc.heads[h] != h and doc.pos[doc.heads[h]] == "VERB"
            and any(doc.deps[m] == "mark" and doc.lower[m] in ("pour", "afin") for m in doc.children(verb))):
        # « X a profité de sa participation pour annoncer »: a purpose the parser hung on the verb's complement
        return subject(ctx, doc.heads[h])
    # « pour appeler », « afin de lancer »: the subject of the governing verb
    if doc.deps[verb] in ("advcl", "xcomp", "conj", "acl") and doc.heads[verb] != verb:
        return subject(ctx, doc.heads[verb])
    return None


def _before_incise(ctx: ArticleContext, verb: int) -> int | None:
    """« L'Égypte a, elle, conclu avec la Chine un accord », « Le Canada a, de son côté, signé »: a participle
    whose auxiliary is cut from it by an incise between commas, the parse lost: the name right before the
    auxiliary (its first token)."""
    doc = ctx.doc
    start = ctx.sent_at(verb).start
    if doc.morph(verb, "VerbForm") != "Part" or verb - 1 < start or doc.words[verb - 1] != ",":
        return None
    j = next((k for k in range(verb - 2, max(start, verb - 9) - 1, -1) if doc.words[k] == ","), None)
    if j is None or j - 1 < start or doc.lemma[j - 1] not in ("avoir", "être"):
        return None
    k = j - 2
    m = ctx.mention_at(k, ("Person", "Minister", "Organization", "Country")) if k >= start else None
    return m.start if m is not None and m.end == k + 1 else None


def agents_of(ctx: ArticleContext, tok: int) -> list[str]:
    doc = ctx.doc
    out = []
    # « L'Arabie saoudite et l'Iran »: the conjunct may hang on any word of the first name
    m0 = ctx.mention_at(tok)
    span = range(m0.start, m0.end) if m0 is not None and m0.start <= tok < m0.end else [tok]
    conjs = [c for t in span for c in doc.children(t) if doc.deps[c] == "conj" and c not in span]
    h = doc.heads[tok]
    if doc.deps[tok].startswith("nsubj") and h != tok:
        # « Le Mexique et le Canada ont conclu » parsed as two subjects, the second with the « et »
        conjs += [c for c in doc.children(h) if c > tok and doc.deps[c] == doc.deps[tok]
                  and any(doc.deps[k] == "cc" for k in doc.children(c))]
    for u in [tok] + conjs:
        m = ctx.mention_at(u, ("Person", "Minister", "Country", "Organization"))
        if m is None and doc.lower[u] in ctx.lex.relative_pronouns:
            # « le président américain Joe Biden, qui a annoncé ... »: the antecedent
            k = u - 1
            while k >= 0 and doc.words[k] in (",",):
                k -= 1
            m = ctx.mention_at(k, ("Person", "Minister", "Country", "Organization"))
        if m is None:
            # the subject token may be a title whose name follows (« le ministre ... X »)
            # « le fabricant norvégien X »: the named organisation, not its nationality adjective
            subtree = doc.subtree(u)
            for types in (("Person", "Minister"), ("Organization",), ("Country",)):
                for c in subtree:
                    m = ctx.mention_at(c, types)
                    if m:
                        break
                if m:
                    break
                # « Le Premier ministre indien Arjun Mehta » with the name parsed apart from its title (or after a comma): the
                # person named right after the title, not the title's nationality adjective
                nxt = subtree[-1] + 1
                if nxt + 1 < len(doc) and doc.words[nxt] == ",":
                    nxt += 1  # « la secrétaire générale de l'OIF, Louise X »
                if (types[0] == "Person" and nxt < len(doc) and doc.pos[u] == "NOUN"
                        and doc.lower[u] in ctx.lex.actor_nouns and any(s.start <= u < s.end for s in ctx.role_spans)):
                    m = ctx.mention_at(nxt, ("Person", "Minister"))
                    if m is not None and m.start == nxt:
                        break
                    m = None
        if m is None and doc.pos[u] == "PRON" and doc.lower[u] in ctx.lex.subject_pronouns:
            m = _antecedent(ctx, u)
        if m and m.key not in out:
            out.append(m.key)
        if m and not (m.start <= u < m.end):
            # « les ministres du Maroc et de l'Espagne »: the names coordinated with the one found inside
            kind = ctx.ents[m.key].type
            for c in (c for t in range(m.start, m.end) for c in doc.children(t) if doc.deps[c] == "conj"):
                n = ctx.mention_at(c, (kind,))
                if n is not None and n.key not in out:
                    out.append(n.key)
    return out


def _antecedent(ctx: ArticleContext, pron: int) -> Mention | None:
    types = ("Person", "Minister", "Country", "Organization")
    prev = _previous_subject(ctx, pron, types)
    if prev is not None:
        return prev
    cands = [m for m in ctx.mentions if m.end <= pron and ctx.ents[m.key].type in types]
    return max(cands, key=lambda m: m.end) if cands else None  # the nearest (mentions are in the order made)


def _previous_subject(ctx: ArticleContext, pron: int, types: tuple[str, ...]) -> Mention | None:
    """« L'Italie a annoncé une aide au Niger. Elle a également annoncé ... »: a pronoun opening its sentence
    goes on with the named subject of the sentence before, not the last name said."""
    doc = ctx.doc
    n = ctx.sent_no(pron)
    sent = ctx.sent_at(pron)
    if n == 0 or any(doc.pos[k] not in ("ADV", "PUNCT", "CCONJ") for k in range(sent.start, pron)):
        return None
    before = ctx.sents[n - 1]
    root = next((k for k in range(before.start, before.end) if doc.heads[k] == k), None)
    subj = next((c for c in doc.children(root) if doc.deps[c] in ("nsubj", "nsubj:pass")), None) if root is not None else None
    if subj is None:
        return None
    m = ctx.mention_at(subj, types)
    # « Le chef de l'État ivoirien, X, a ... »: the person the title names, before its nationality adjective
    for group in (("Person", "Minister"), ("Organization",), ("Country",)):
        kinds = tuple(k for k in group if k in types)
        if m is not None or not kinds:
            continue
        m = next((ctx.mention_at(u, kinds) for u in doc.subtree(subj) if ctx.mention_at(u, kinds) is not None), None)
    return m


def _clause_start(ctx: ArticleContext, verb: int) -> int:
    """The token before the auxiliaries, pronouns and adverbs in front of ``verb`` (« », a-t-il annoncé »)."""
    doc = ctx.doc
    start = ctx.sent_at(verb).start
    k = verb - 1
    while k >= start and (doc.pos[k] in ("AUX", "PRON", "ADV") or doc.deps[k].startswith("aux")):
        k -= 1
    return k


def clause_start(ctx: ArticleContext, verb: int) -> int:
    """The token before the auxiliaries, pronouns and adverbs in front of ``verb`` (a comma in « ..., a-t-il dit »)."""
    return _clause_start(ctx, verb)


def inverted_clause(ctx: ArticleContext, verb: int) -> int | None:
    """For « ..., a annoncé X »: the index of the comma that opens the inverted clause, else None."""
    k = _clause_start(ctx, verb)
    if k > ctx.sent_at(verb).start and ctx.doc.words[k] == "," and (
            inverted_subject(ctx, verb) is not None or _inverted_clitic(ctx, verb, k)):
        return k
    if _as_reported(ctx, verb, k) and inverted_subject(ctx, verb) is not None:
        return k - 1  # « ..., comme l'a annoncé mercredi le président X »
    return k if reporting_clause(ctx, verb) else None


def _as_reported(ctx: ArticleContext, verb: int, k: int) -> bool:
    """« ..., comme l'a annoncé X »: « comme » after a comma, and the clitic « l' » standing for the clause before."""
    doc = ctx.doc
    return (k - 1 > ctx.sent_at(verb).start and doc.lower[k] == "comme" and doc.words[k - 1] == ","
            and any(doc.lower[u] in ("l'", "l’") for u in range(k + 1, verb)))


def _inverted_clitic(ctx: ArticleContext, verb: int, k: int) -> bool:
    """« ..., a-t-elle annoncé »: a subject pronoun joined to the auxiliary (« -elle », « -il »), between the comma
    ``k`` and the verb."""
    return any(_subject_clitic(ctx, u) for u in range(k + 1, verb))


def _subject_clitic(ctx: ArticleContext, u: int) -> bool:
    """Is token ``u`` a subject pronoun joined to its verb by a hyphen (« -elle », « -il »)?"""
    low = ctx.doc.lower[u]
    return low.startswith("-") and low.lstrip("-") in ctx.lex.subject_pronouns


def inverted_subject(ctx: ArticleContext, verb: int) -> int | None:
    """The subject after the verb in « ..., a annoncé M. Rutte » (parsed as nsubj, or as obj of a parataxis),
    or in « ..., a annoncé jeudi à Genève Marc Oudin, le président » (a name parsed as an object or an apposition)."""
    doc = ctx.doc
    deps, words = doc.deps, doc.words
    agent_types = ("Person", "Minister", "Organization", "Country")
    kids = [c for c in doc.children(verb) if c > verb]
    cands = [c for c in kids if deps[c].startswith("nsubj") or (deps[c] in ("obj", "appos") and deps[verb] in ("parataxis", "advcl"))
             or _conjoined_reporter(ctx, verb, c)]
    # « ..., a annoncé M. Rutte »: the named one, not « jeudi »
    named = [c for c in cands if ctx.mention_at(c, agent_types)]
    k = _clause_start(ctx, verb)
    if not named and k >= ctx.sent_at(verb).start and words[k] == ",":
        # the first complement after the verb that holds a person (« le Premier ministre X », « à Genève X »)
        loose = [c for c in kids if deps[c] in ("obj", "appos") or deps[c].startswith("obl") and not (
            deps[c] == "obl:agent" and deps[verb] in ("acl", "acl:relcl"))]  # (« ..., paraphé par X »: a participle's agent)
        named = [c for c in loose if any(ctx.mention_at(u, ("Person", "Minister")) for u in doc.subtree(c))][:1]
    cands = [c for c in cands if deps[c] != "appos"]
    return named[0] if named else cands[0] if cands else None


def _conjoined_reporter(ctx: ArticleContext, verb: int, c: int) -> bool:
    """« Le Sénégal accueillera le prochain sommet, a annoncé la diplomatie chinoise » parsed as a second verb
    sharing the subject, with the reporter as its object: a verb of saying joined by a comma whose object
    ends the sentence and names who acts (a person, a body, a country, or « la diplomatie chinoise »)."""
    doc = ctx.doc
    if doc.deps[c] != "obj" or doc.lemma[verb] not in ctx.lex.speech_verbs | ctx.lex.reporting_announce_verbs:
        return False
    # joined to the clause it reports (« ..., a annoncé X »), or the root with that clause hung on it
    if doc.deps[verb] != "conj" and not (doc.deps[verb] == "ROOT" and any(
            doc.deps[k] in ("advcl", "ccomp", "parataxis") and k < verb and doc.pos[k] == "VERB" for k in doc.children(verb))):
        return False
    k = _clause_start(ctx, verb)
    if k < ctx.sent_at(verb).start or doc.words[k] != ",":
        return False
    last = doc.subtree(c)[-1]
    # nothing after it but the name of a title (« la présidente de la Commission, Ursula X »)
    if any(doc.pos[u] not in ("PUNCT", "SPACE") and ctx.mention_at(u, ("Person", "Minister")) is None
           for u in range(last + 1, ctx.sent_at(verb).end)):
        return False
    return (ctx.mention_at(c, ("Person", "Minister", "Organization", "Country")) is not None
            or doc.lower[c] in ctx.lex.actor_nouns)


def misattached_subject(ctx: ArticleContext, verb: int) -> int | None:
    """« Le Canada, qui présidera le G7, a confirmé ... » parsed with « Canada » as a second subject of the
    relative clause: a subject before ``verb`` whose head already has the relative pronoun as subject."""
    doc = ctx.doc
    deps, heads = doc.deps, doc.heads
    for t in range(ctx.sent_at(verb).start, verb):
        h = heads[t]
        if deps[t] == "nsubj" and h != verb and heads[h] == verb and t < h and any(
                deps[c] == "nsubj" and doc.lower[c] == "qui" for c in doc.children(h)):
            return t
    fronted = _fronted_subject(ctx, verb)
    return fronted if fronted is not None else list_item_subject(ctx, verb)


#: the marks that open an item of a list on its own line
BULLETS = frozenset("-–—•*·▪►")


def list_item_subject(ctx: ArticleContext, verb: int) -> int | None:
    """« Au terme de la session, la Conférence a :\n- adopté la déclaration ... ;\n- approuvé le financement
    ... »: a participle opening an item of a list, after a line that ends on « a : » or « ont : », has that
    line's subject. Items are read back, line by line, to the line that announces the list."""
    doc = ctx.doc
    sent = ctx.sent_at(verb)
    if doc.words[sent.start] not in BULLETS or verb != sent.start + 1 or doc.morph(verb, "VerbForm") != "Part":
        return None
    k = sent.start - 1
    while k >= 0:
        prev = ctx.sent_at(k)
        last = prev.end - 1
        while last > prev.start and doc.pos[last] == "SPACE":
            last -= 1
        if doc.words[prev.start] in BULLETS:
            k = prev.start - 1  # an earlier item of the same list
            continue
        if doc.words[last] != ":" or last - 1 < prev.start or doc.lemma[last - 1] != "avoir":
            return None
        return subject(ctx, last - 1)
    return None


def _fronted_subject(ctx: ArticleContext, verb: int) -> int | None:
    """« Au sommet de Londres, le Royaume-Uni a annoncé ... » parsed with the subject hung on the opening
    phrase (an apposition or a conjunct of its place): the named agent right before the verb (past its
    auxiliaries), after the comma closing a phrase that opens the sentence with a preposition or « lors »."""
    doc = ctx.doc
    sent = ctx.sent_at(verb)
    if doc.deps[verb] != "ROOT" or doc.pos[sent.start] not in ("ADP", "ADV"):
        return None
    k = _clause_start(ctx, verb)
    m = ctx.mention_at(k, ("Person", "Minister", "Organization", "Country")) if k >= sent.start else None
    if m is None or m.end != k + 1 or doc.heads[m.start] == verb:
        return None
    first = m.start
    # « la France et le Maroc »: back to the first name of a list
    while True:
        j = first - 1
        while j > sent.start and doc.pos[j] in ("DET", "CCONJ") or (j > sent.start and doc.words[j] == "," and
                                                                    ctx.mention_at(j - 1) is not None):
            j -= 1
        prev = ctx.mention_at(j, ("Person", "Minister", "Organization", "Country")) if j >= sent.start else None
        if prev is None or prev.end != j + 1 or not any(doc.lower[u] in ("et", ",") for u in range(prev.end, first)):
            break
        first = prev.start
    j = first - 1
    while j > sent.start and doc.pos[j] == "DET":
        j -= 1
    return first if j > sent.start and doc.words[j] == "," else None


def reporting_clause(ctx: ArticleContext, verb: int) -> bool:
    """Is ``verb`` the verb of a reporting clause after a quote (« « ... », a lancé X »)?"""
    words = ctx.doc.words
    k = _clause_start(ctx, verb)
    return k >= ctx.sent_at(verb).start and words[k] == "," and k > 0 and words[k - 1] in ("»", "\"", "”")


def par_after(ctx: ArticleContext, i: int) -> int | None:
    """The agent of « par ... » right after the verb ``i`` (past a day or an adverb), however the parser hung
    it: the named agent, else the collective noun, of the phrase up to the next comma."""
    doc = ctx.doc
    sent = ctx.sent_at(i)
    k = i + 1
    while k < sent.end and (is_date_word(doc.words[k]) or doc.pos[k] == "ADV"):
        k += 1
    if k >= sent.end or doc.lower[k] != "par":
        return None
    end = next((u for u in range(k + 1, sent.end) if doc.words[u] in (",", ";", ".", ":")), sent.end)
    named = next((u for u in range(k + 1, end) if ctx.mention_at(u, ("Person", "Minister", "Country", "Organization"))), None)
    if named is not None:
        return named
    return next((u for u in range(k + 1, end) if doc.lower[u] in ctx.lex.collective_nouns
                 or (doc.lower[u] in ("pays", "états") and any(doc.lower[w] in ctx.lex.member_group_words for w in range(u + 1, end)))), None)


def clitic_subject(ctx: ArticleContext, kids: list[int]) -> int | None:
    """The subject pronoun of an inverted reporting verb (« -elle » in « ..., a-t-elle annoncé »), which the parser
    hangs as a subject or an expletive next to the euphonic « -t »; ``None`` when there is none."""
    deps = ctx.doc.deps
    return next((c for c in kids if (deps[c] == "expl:subj" or deps[c].startswith("nsubj")) and _subject_clitic(ctx, c)),
                None)
