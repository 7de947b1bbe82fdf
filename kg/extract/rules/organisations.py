"""Organisations: the NER's ``ORG`` spans repaired, companies after a company noun, short names.

Evidence: a gazetteer match or an ``ORG`` span (« Commission Jean-Claude Juncker » is an organisation and a
person; « ministre de l'Économie » is a title, not an organisation); the name after a company noun
(« le fabricant norvégien Nordvolt Energi »); a bare head noun after the full name (« la Commission »).
"""

from __future__ import annotations

import unicodedata

from spacy.tokens import Span

from kg.extract.clauses import subject
from kg.extract.context import ArticleContext
from kg.extract.lexicon import confidence
from kg.extract.rules.roles import role_phrase_ok
from kg.extract.text import APOS, is_namey, looks_like_name, strip_det
from kg.names import lookup_key as normalize
from kg.names import slug


def companies(ctx: ArticleContext) -> None:
    """« le fabricant norvégien Nordvolt Energi », « la start-up française Mistral AI », « la compagnie
    pétrolière nationale Adnoc »: the name after a company noun is an organisation, whatever the NER said."""
    doc = ctx.doc
    nat_at = {g.start: g.end for g in ctx.gaz if g.label_ == "NAT"}
    words, pos, sent_start, n = doc.words, doc.pos, doc.sent_start, len(doc)
    nouns = ctx.lex.company_nouns
    # a company noun, or one of several words (« start-up » comes as three tokens, « jeune pousse »)
    triggers = [(i, i + 1) for i, low in enumerate(doc.lower) if low in nouns] + ctx.triggers.get("COMPANY", [])
    # « le patron de Total », « la fondatrice d'Oxfam », « le PDG du groupe X »: who heads a body is named with it
    lower = doc.lower
    for i in range(n - 2):
        if lower[i] in ctx.lex.head_of_nouns and lower[i + 1] in ctx.lex.of_forms_contracted:
            j = i + 2 + (lower[i + 2] in ctx.lex.definite_articles or doc.words[i + 2] in ("l'", "l’"))
            if j < n and lower[j] not in ctx.lex.summit_nouns | ctx.lex.conference_nouns | ctx.lex.gathering_nouns and (
                    not lower[j][:3] in ("cop", "cmp")) and doc.ent_type[j] != "PER":
                triggers.append((i, j))
    org_end = {e.start: e.end for e in doc.ents if e.label_ in ("ORG", "MISC") and e.end - e.start <= 6}
    for _, j in sorted(triggers):
        while j < n:
            if j in nat_at:
                j = nat_at[j]
            elif pos[j] == "ADJ" and words[j][:1].islower():
                j += 1
            else:
                break
        k = j
        while k < n and k - j < 4 and words[k][:1].isupper() and pos[k] in ("PROPN", "X", "NOUN") and not sent_start[k]:
            k += 1
        if k > j and org_end.get(j, 0) > k:
            k = org_end[j]  # « Sciences Po », « l'École normale supérieure »: the name spaCy's recogniser read
        if k == j or ctx.overlaps_mention(j, k):
            continue
        name = doc.span_text(j, k)
        if ctx.ref.country(name) or ctx.ref.city(name) or ctx.ref.role(name):
            continue
        org = ctx.ref.organization(name)
        key = f"org/{org.key}" if org else f"org/{slug(name)}"
        ctx.add("Organization", key, org.name if org else name, j, k, conf=confidence("company_noun"), rank=2 if org else 1)


def title_holder_glued(ctx: ArticleContext, text: Span) -> bool:
    """« la présidente de la Confédération Karin Keller », « les cofondateurs d'OpenAI Aylin Marek » read
    as one place, organisation or name of something: after a title and « de », a body's one-word name
    and the name of who holds the title. The name is left for :func:`~kg.extract.rules.persons.persons`
    (``split_persons``); the body is an organisation when it has a name of its own (« OpenAI »), or
    when the reference data knows its head noun alone (« la Confédération » is no body)."""
    lex = ctx.lex
    head = text[0]
    generic = head.lower_ in lex.org_head_nouns | lex.acronym_org_heads  # « Commission », not « OpenAI »
    if len(text) < 3 or not head.text[:1].isupper() or not generic and (head.is_sent_start or ctx.ref.role(head.text)):
        return False
    k = text.start - 1
    if ctx.lower(k) in lex.definite_articles:
        k -= 1
    # the title ends just before « de (la) » or takes the head noun in (« présidente de la Commission »)
    titles = [r for r in ctx.role_spans if r.start < k and k - 3 <= r.end <= head.i + 1]
    if ctx.lower(k) not in lex.of_forms_contracted or not titles:
        return False
    if not generic and any((info := ctx.ref.role(ctx.doc.span_text(r.start, r.end))) is not None and info.cls == "Minister"
                           for r in titles):
        return False  # « le ministre azerbaïdjanais de l'Écologie X »: a portfolio, not a body
    tail = text[1:]
    # a name ends with a proper noun and has no adjective (« la Commission Jeunesse Rurale » is a body)
    if tail[-1].pos_ not in ("PROPN", "X") or any(t.pos_ == "ADJ" for t in tail):
        return False
    if not all(t.text[:1].isupper() for t in tail) or any(
            g.label_ in ("ORG", "COUNTRY", "CITY") and tail.start <= g.start < tail.end for g in ctx.gaz):
        return False
    if ctx.ref.organization(text.text) or ctx.overlaps_mention(text.start, text.end):
        return False
    ctx.split_persons.append((tail.start, tail.end))
    org = ctx.ref.organization(head.text)  # a bare head noun (« la Confédération ») is no body of its own
    if org:
        ctx.add("Organization", f"org/{org.key}", org.name, head.i, head.i + 1, rank=2)
    elif not generic and not ctx.ref.country(head.text) and not ctx.ref.city(head.text):
        ctx.add("Organization", f"org/{slug(head.text)}", head.text, head.i, head.i + 1,
                conf=confidence("organisation_after_title"), rank=1)
    return True


def ner_organisation(ctx: ArticleContext, e: Span) -> None:
    span = strip_det(e)
    cut = next((k for k, t in enumerate(span) if t.text in ("·", "|", "•")), None)
    if cut is not None:
        span = span[:cut]  # « Le Fil européen · Direct animé par ... »: a header's parts are set apart
    if not span or title_holder_glued(ctx, span):
        return
    if span.start > 0 and ctx.lower(span.start - 1) in ctx.lex.currency_nouns and ctx.ref.organization(span.text) is None:
        return  # « 15 milliards de francs CFA », « 40 millions de dollars EC »: the currency's name
    if span.text.lower() in ctx.lex.collective_nouns and ctx.ref.organization(span.text) is None:
        return  # « les Vingt-Sept », « les Alliés »: the members of a body as a group, not a body's name
    # « Commission Jean-Claude Juncker »: an organisation (or title) followed by a person's name
    role_inside = any(span.start <= r.start < span.end for r in ctx.role_spans)
    if (e.label_ == "ORG" or role_inside) and ctx.ref.organization(span.text) is None and not any(
            t.lower_ in ctx.lex.summit_nouns or t.lower_ in ctx.lex.event_nouns for t in span):
        for k in range(1, len(span) - 1):
            tail = span[k:]
            after_of = span[k - 1].lower_ in ctx.lex.of_forms_contracted or span[k - 1].lower_ in ctx.lex.definite_articles
            if after_of and not is_namey(span[k]):
                continue  # « ministre de l'Écologie Diego Soto »: the portfolio, then the name
            if span[k].pos_ in ("PROPN", "X") and looks_like_name(tail) and not any(
                    g.label_ in ("ORG", "COUNTRY", "CITY") and g.start >= tail.start and g.start < tail.end for g in ctx.gaz):
                ctx.split_persons.append((tail.start, tail.end))
                head = span[:k]
                org = ctx.ref.organization(head.text)
                if org:
                    ctx.add("Organization", f"org/{org.key}", org.name, head.start, head.end, rank=2)
                elif len(head) == 1 and head[0].lower_ in ctx.lex.org_head_nouns:
                    ctx.add("Organization", f"org/{slug(head.text)}", head.text, head.start, head.end, conf=confidence("org_head_noun"), rank=1)
                return
    # a role title mislabelled as an organisation: « ministre de l'Economie » (not a body named after its
    # members: « le Groupe des négociateurs africains », « l'Association des maires »)
    headed = span[0].text[:1].isupper() and span[0].lower_ in ctx.lex.org_head_nouns | ctx.lex.acronym_org_heads and len(span) > 2
    if any(r.start < span.end and span.start < r.end and (not headed or r.start == span.start) for r in ctx.role_spans):
        return
    if ctx.ref.organization(span.text) is None and _government_body(ctx, span.start, span.end):
        # « le ministère des Affaires étrangères »: a government body, lower case as written
        ctx.add("Organization", f"org/{slug(span.text)}", span.text, span.start, span.end,
                conf=confidence("government_body"), rank=1)
        return
    # a portfolio: « chargé de l'Économie et du Climat »
    k = span.start - 1
    while k >= 0 and (ctx.doc[k].pos_ in ("DET", "ADP") or ctx.doc[k].text in APOS):
        k -= 1
    if k >= 0 and ctx.doc[k].lower_.startswith("chargé"):
        return
    # a portfolio after a title: « ministre des Armées », « ministre de l'Économie et du Climat » (not a body named by
    # its head noun: « le gouverneur de la Banque centrale des îles du Nord »)
    if not (headed and not any(t.pos_ in ("VERB", "AUX") for t in span)) and not is_namey(span[0]) and any(
            r.end <= span.start and span.start - r.end <= 8 and role_phrase_ok(ctx, r.end, span.start)
            for r in ctx.role_spans):
        return
    org = ctx.ref.organization(span.text)
    if org:
        ctx.add("Organization", f"org/{org.key}", org.name, span.start, span.end, rank=2)
        return
    if e.label_ != "ORG":
        return  # MISC spans become organisations only through role phrases (affiliation)
    if _names_a_thing(ctx, span.start, span.end):
        return  # « la stratégie « Global Gateway » », « le Plan d'action de Nice », « la COP30 »
    if len(span) == 1 and (not is_namey(span[0]) or span[0].is_sent_start):
        return
    # « (AI) » right after a name: an acronym, an alias of what precedes it
    if ctx.lower(span.start - 1) == "(" and ctx.lower(span.end) == ")":
        return
    if not span.text[:1].isupper():
        return
    # « le patron de Google, Sundar Pichai »: the name after a title and a comma is the title holder's
    if ctx.lower(span.start - 1) == "," and looks_like_name(span) and any(
            r.end < span.start and span.start - r.end <= 8 and role_phrase_ok(ctx, r.end, span.start - 1)
            for r in ctx.role_spans):
        return
    ctx.add("Organization", f"org/{slug(span.text)}", span.text, span.start, span.end, conf=confidence("unknown_organisation"), rank=1)


def _government_body(ctx: ArticleContext, start: int, end: int) -> bool:
    """« ministère des Affaires étrangères »: a government-body noun (lower case) and its portfolio."""
    doc = ctx.doc
    return (end - start >= 3 and doc.lower[start] in ctx.lex.government_body_nouns
            and doc.lower[start + 1] in ctx.lex.of_forms_contracted and doc.words[end - 1][:1].isalpha())


def _names_a_thing(ctx: ArticleContext, start: int, end: int) -> bool:
    """Does the name at ``start:end`` name a plan, strategy or agreement (« la stratégie « Global Gateway » »,
    « le Plan d'action de Nice »), or a summit (« la COP30 »), not an organisation?"""
    doc = ctx.doc
    lex = ctx.lex
    first = doc.lower[start]
    if first in lex.non_org_heads:
        return True
    if any(first.startswith(a.lower()) and first[len(a):].isdigit() for a in lex.summit_acronyms):
        return True  # « COP30 » is the summit
    k = start - 1
    while k >= 0 and doc.words[k] in ("«", "\"", "“"):
        k -= 1
    return k >= 0 and doc.lower[k] in lex.non_org_heads


def acronym_organisations(ctx: ArticleContext) -> None:
    """« le Fonds de protection des océans (FPO) »: a capitalised noun phrase headed by an
    organisation noun, followed by an acronym of its initials in brackets, is an organisation (the acronym an alias)."""
    doc = ctx.doc
    words, n = doc.words, len(doc)
    for i in range(1, n - 2):
        if words[i] != "(" or words[i + 2] != ")" or not is_acronym(words[i + 1]):
            continue
        start = _np_start(ctx, i)
        if start is None or doc.lower[start] not in ctx.lex.acronym_org_heads:
            continue
        conf = confidence("acronym_organisation")
        if ctx.overlaps_mention(start, i):
            # already an organisation of that very name (« Agence X (AX) » tagged by the NER): the acronym names it too
            same = [m for m in ctx.overlapping(start, i) if (m.start, m.end) == (start, i)
                    and ctx.ents[m.key].type == "Organization"]
            if same and not ctx.overlaps_mention(i + 1, i + 2):
                ent = ctx.ents[same[0].key]
                ctx.add("Organization", same[0].key, ent.label, i + 1, i + 2, surface=words[i + 1], conf=conf)
            if same:
                _merge_acronym(ctx, words[i + 1], same[0].key)
            continue
        initials = [_plain(w[0]).upper() for w in words[start:i] if w[:1].isalpha() and w.lower() not in ctx.lex.name_particles
                    and w.lower() not in _LINK_WORDS]
        acro = [_plain(c) for c in words[i + 1] if c.isalpha()]  # (« DFAE » for « ... affaires étrangères »)
        if sorted(acro) != sorted(initials):
            continue  # (letters in any order: an acronym of the English name, « OPF »)
        name = doc.span_text(start, i)
        if ctx.ref.country(name) or ctx.ref.city(name):
            continue
        key = f"org/{slug(name)}"
        ctx.add("Organization", key, name, start, i, conf=conf, rank=2)
        ctx.add("Organization", key, name, i + 1, i + 2, surface=words[i + 1], conf=conf)
        _merge_acronym(ctx, words[i + 1], key)


    _bare_acronyms(ctx)


def _bare_acronyms(ctx: ArticleContext) -> None:
    """« les dirigeants des États membres de la XYZ », « le secrétaire général de l'XYZ », never spelt out: an
    upper-case acronym after « de la / du / de l' » and a body's member, office or summit noun is an organisation
    (and so is the same acronym elsewhere in the article: « XYZ : ... » in the headline). Not an acronym the article
    spells out in brackets, nor one of a body the reference data or the article names in full."""
    doc = ctx.doc
    lex = ctx.lex
    words, n = doc.words, len(doc)
    found: dict[str, str] = {}
    bracketed = {words[i] for i in range(1, n - 1) if words[i - 1] == "(" and words[i + 1] == ")"}
    for i in range(2, n):
        w = words[i]
        if not is_acronym(w) or not w.isalpha() or len(w) < 3 or ctx.overlaps_mention(i, i + 1) \
                or w.lower() in {a.lower() for a in lex.summit_acronyms} or w in bracketed:
            continue  # (« UNOC3 »: a summit's name)
        k = i - 1
        if ctx.lower(k) in lex.definite_articles:
            k -= 1
        if ctx.lower(k) not in lex.of_forms_contracted or k == i - 1 and ctx.lower(k) not in ("du", "des"):
            continue
        before = {ctx.lower(j) for j in range(max(0, k - 3), k)}
        before |= {f"{ctx.lower(j)} {ctx.lower(j + 1)}" for j in range(max(0, k - 3), k - 1)}
        if not before & lex.acronym_body_context or ctx.ref.country(w) or ctx.ref.city(w) or ctx.ref.organization(w) \
                or any(_initials(ctx, e.label) == w for e in ctx.ents.values() if e.type == "Organization"):
            continue  # (a body the reference or the article names in full: its own rules read it)
        found[w] = f"org/{slug(w)}"
    # « l'Organisation X (ABC) ... le secrétaire général de l'ABC »: the acronym alone again names that body
    for i in range(1, n - 1):
        if words[i - 1] == "(" and words[i + 1] == ")" and is_acronym(words[i]) and words[i] not in found:
            org = ctx.mention_at(i, ("Organization",))
            if org is not None:
                found[words[i]] = org.key
    conf = confidence("bare_acronym_organisation")
    for i in range(n):
        key = found.get(words[i])
        if key is not None and not ctx.overlaps_mention(i, i + 1):
            label = ctx.ents[key].label if key in ctx.ents else words[i]
            ctx.add("Organization", key, label, i, i + 1, surface=words[i], conf=conf, rank=0 if key in ctx.ents else 2)


def _initials(ctx: ArticleContext, name: str) -> str:
    """« Communauté politique européenne » → « CPE » (small words left out)."""
    return "".join(_plain(w[0]).upper() for w in name.replace("'", " ").replace("’", " ").split()
                   if w[:1].isalpha() and w.lower() not in ctx.lex.name_particles and w.lower() not in _LINK_WORDS)


def _merge_acronym(ctx: ArticleContext, acronym: str, key: str) -> None:
    """The acronym alone elsewhere (« le DFAE a annoncé »), read as an organisation of its own: the same one."""
    for other in [e for e in ctx.ents.values() if e.type == "Organization" and e.key != key and e.label == acronym]:
        ctx.merge(other.key, key)


_LINK_WORDS = frozenset({"pour", "et", "sur", "en", "à", "aux", "au", "contre", "dans", "l", "d"})


def _plain(letter: str) -> str:
    """A letter without its accent: « É » → « E »."""
    return unicodedata.normalize("NFD", letter)[:1]


def is_acronym(word: str) -> bool:
    if not (word.isupper() and word.isalnum()):  # (the cheap tests first: most words fail them)
        return False
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 8


def _np_start(ctx: ArticleContext, i: int) -> int | None:
    """The first word of the capitalised noun phrase that ends before token ``i``, after its determiner."""
    doc = ctx.doc
    k = i - 1
    start = None
    while k >= 0 and i - k <= 10:
        w, pos = doc.words[k], doc.pos[k]
        if pos in ("DET", "PUNCT", "VERB", "AUX", "PRON", "SCONJ") and w not in APOS or doc.sent_start[k] and w[:1].islower():
            break
        if w[:1].isupper() and pos in ("NOUN", "PROPN", "ADJ", "X"):
            start = k
        if doc.sent_start[k]:
            break
        k -= 1
    return start


def hyphenated_organisations(ctx: ArticleContext) -> None:
    """« le Conseil Ukraine-Otan », « le Forum Chine-Afrique »: an organisation noun and names joined by a
    hyphen, tagged ORG by the NER, is one organisation; the country inside it is part of its name."""
    doc = ctx.doc
    for e in doc.ents:
        if e.label_ != "ORG":
            continue
        span = strip_det(e)
        if len(span) < 2 or not span[0].text[:1].isupper() or span[0].lower_ not in ctx.lex.org_head_nouns:
            continue
        if not any("-" in t.text[1:-1] or t.text == "-" for t in span[1:]):
            continue
        inside = [m for m in ctx.overlapping(span.start, span.end)]
        if not inside or any(ctx.ents[m.key].type not in ("Country", "Organization") for m in inside) or any(
                m.start < span.start or m.end > span.end for m in inside) or ctx.ref.organization(span.text):
            continue
        for m in {id(m): m for m in inside}.values():
            ctx.remove_mention(m)
        ctx.add("Organization", f"org/{slug(span.text)}", span.text, span.start, span.end,
                conf=confidence("unknown_organisation"), rank=1)


def body_organisations(ctx: ArticleContext) -> None:
    """« la Commission de la CEDEAO », « le Secrétariat de l'Otan », « le Parlement du Mercosur »: a capitalised
    organisation noun right before « de (la) » and a named organisation is a body of it, an organisation of its own
    (the inner name is part of it; the reference data's bodies, « Commission de l'Union africaine », come as they are)."""
    doc = ctx.doc
    lex = ctx.lex
    for m in [m for m in ctx.mentions if ctx.ents.get(m.key) is not None and ctx.ents[m.key].type == "Organization"]:
        k = m.start - 1
        if ctx.lower(k) in lex.definite_articles or doc.words[k] in APOS:
            k -= 1
        if k < 1 or ctx.lower(k) not in lex.of_forms_contracted:
            continue
        head = k - 1
        if ctx.lower(head) not in lex.org_head_nouns or not doc.words[head][:1].isupper() or doc.sent_start[head]:
            continue
        if ctx.overlapping(head, k) or any(o.start < m.start or o.end > m.end for o in ctx.overlapping(m.start, m.end)):
            continue
        name = doc.span_text(head, m.end)
        org = ctx.ref.organization(name)
        ctx.remove_mention(m)
        ctx.add("Organization", f"org/{org.key}" if org else f"org/{slug(name)}", org.name if org else name, head, m.end,
                conf=confidence("acronym_organisation"), rank=2)


def platforms(ctx: ArticleContext) -> None:
    """« sur X », « le réseau social X », « X (ex-Twitter) », an « X » the NER calls an organisation: the
    platform X (formerly Twitter)."""
    org = ctx.ref.organization("Twitter")
    if org is None:
        return
    key = f"org/{org.key}"
    found = [next((j for j in range(start, end) if ctx.doc.words[j] in ("X", "X.")), None)  # (« sur X. »: one token)
             for start, end in ctx.triggers.get("PLATFORM_X", ())]
    found += [e.start for e in ctx.doc.ents if e.label_ in ("ORG", "MISC") and e.text in ("X", "X.")]  # the NER's « X »
    for k in found:
        if k is not None and not ctx.overlaps_mention(k, k + 1):
            ctx.add("Organization", key, "X", k, k + 1, surface="X", conf=confidence("platform_name"), rank=3)
    ent = ctx.ents.get(key)
    if ent is not None and ent.label != "X":  # its name now (« X »), the old one an alias (the reference
        ent.aliases.add(ent.label)            # data keeps « Twitter »: a lone « X » is no name to look for)
        ent.label, ent.label_rank = "X", 3


def page_chrome(ctx: ArticleContext) -> None:
    """A page's share line (« Partager : Facebook · X · WhatsApp ») and its breadcrumb (« Accueil › Afrique ›
    Politique »): the page's furniture, whose names are no organisations the story names."""
    doc = ctx.doc
    for sent in ctx.sents:
        first = next((k for k in range(sent.start, sent.end) if not doc[k].is_space), sent.end)
        if ctx.lower(first) in ctx.lex.chrome_words and ctx.lower(first + 1) == ":" or any(
                doc.words[k] == "›" for k in range(sent.start, sent.end)):
            for m in ctx.mentions_in(sent.start, sent.end, ("Organization",)):
                ctx.remove_mention(m)


def affiliation_phrases(ctx: ArticleContext) -> None:
    """« Jean Mbala au nom de l'Union africaine », « Amina Tolo, qui préside la Commission de l'UA »,
    « X, à la tête de l'OMS »: the person's affiliation."""
    doc = ctx.doc
    for p in ctx.mentions_in(0, len(doc), ("Person", "Minister")):
        k = p.end + (1 if ctx.lower(p.end) == "," else 0)
        org = None
        for phrase in ctx.lex.affiliation_phrases:
            toks = phrase.split()
            if [ctx.lower(k + j) for j in range(len(toks))] == toks:
                j = k + len(toks)
                if ctx.lower(j) in ctx.lex.definite_articles:
                    j += 1
                org = ctx.mention_at(j, ("Organization",))
                break
        if org is None and ctx.lower(k) in ctx.lex.relative_pronouns and doc.lemma[k + 1] in ctx.lex.lead_verbs:
            v = k + 1
            obj = next((c for c in doc.children(v) if doc.deps[c] == "obj"), None)
            if obj is not None:
                org = ctx.mention_at(obj, ("Organization",))
        if org is None and k > p.end and ctx.lower(k) in ctx.lex.of_forms_contracted:
            # « X, de la Banque mondiale, a rappelé »: a body in apposition, closed by a comma
            j = k + 1 + (ctx.lower(k + 1) in ctx.lex.definite_articles)
            inner = ctx.mention_at(j, ("Organization",))
            if inner is not None and inner.start == j and ctx.doc.words[inner.end:inner.end + 1] == [","]:
                org = inner
        if org is None and ctx.doc.words[p.end:p.end + 1] == ["("]:
            # « Kristalina Georgieva (FMI) »: the body in brackets right after the name
            inner = ctx.mention_at(p.end + 1, ("Organization",))
            if inner is not None and inner.start == p.end + 1 and ctx.doc.words[inner.end:inner.end + 1] == [")"]:
                org = inner
        if org is not None:
            ctx.relate(p.key, "affiliation", org.key, p.start, org.end, confidence("affiliation_phrase"))
    # « le Groupe des négociateurs africains, présidé par le Tanzanien X », « la Banque, dirigée par X »
    for v in range(len(doc)):
        if doc.pos[v] != "VERB" or doc.lemma[v] not in ctx.lex.lead_verbs:
            continue
        agent = next((c for c in doc.children(v) if doc.deps[c] == "obl:agent"), None)
        if agent is None:
            continue
        p = ctx.mention_at(agent, ("Person", "Minister")) or next(
            (ctx.mention_at(c, ("Person", "Minister")) for c in doc.children(agent)
             if doc.deps[c] == "appos" and ctx.mention_at(c, ("Person", "Minister"))), None)
        body = doc.heads[v] if doc.deps[v] == "acl" else subject(ctx, v)
        org = ctx.mention_at(body, ("Organization",)) if body is not None else None
        if p is not None and org is not None:
            ctx.relate(p.key, "affiliation", org.key, min(org.start, p.start), max(org.end, p.end), confidence("affiliation_phrase"))
    _respectively(ctx)
    # « X a pris la présidence tournante de l'Union africaine », « X, qui exerce la présidence de l'UA »,
    # « X, qui a pris les rênes de l'Otan »; appointed: « X, nommée à la tête de l'Unicef », « X a été élu
    # à la présidence de la BAD », « le conseil a nommé X à la direction de l'OMS »
    for v in range(len(doc)):
        if doc.pos[v] != "VERB":
            continue
        appointed = doc.lemma[v] in ctx.lex.appointment_verbs
        if not appointed and doc.lemma[v] not in ctx.lex.office_verbs:
            continue
        deps = ("obl:arg", "obl", "obl:mod") if appointed else ("obj",)
        obj = next((c for c in doc.children(v) if doc.deps[c] in deps and doc.lemma[c] in ctx.lex.office_nouns), None)
        if obj is None:
            continue
        org = next((ctx.mention_at(c, ("Organization",)) for c in doc.children(obj)
                    if doc.deps[c] == "nmod" and ctx.mention_at(c, ("Organization",))), None)
        named = next((c for c in doc.children(v) if doc.deps[c] == "obj" and ctx.mention_at(c, ("Person", "Minister"))), None)
        if appointed and named is not None:
            subj = named  # active: the person appointed is the object
        elif appointed and doc.deps[v] == "acl" and ctx.mention_at(doc.heads[v], ("Person", "Minister")):
            subj = doc.heads[v]  # « X, nommée à la tête de ... »: the participle on the name
        else:
            subj = subject(ctx, v)
        if subj is not None and doc.lower[subj] in ctx.lex.relative_pronouns and doc.deps[v] == "acl:relcl":
            subj = doc.heads[v]  # « X, qui exerce ... »
        p = None
        if subj is not None:  # the person, or the title whose name follows (« le président mauritanien X »)
            p = ctx.mention_at(subj, ("Person", "Minister")) or next(
                (ctx.mention_at(t, ("Person", "Minister")) for t in doc.subtree(subj) if ctx.mention_at(t, ("Person", "Minister"))), None)
        if p is not None and org is not None:
            ctx.relate(p.key, "affiliation", org.key, min(p.start, v), max(p.end, org.end), confidence("affiliation_phrase"))


def _respectively(ctx: ArticleContext) -> None:
    """« X et Y, respectivement secrétaire général de l'ONU et directrice du FMI »: names and titles
    pair up in order, each person with the organisation of their own title."""
    doc = ctx.doc
    people = ("Person", "Minister")
    for r in range(len(doc)):
        if doc.lower[r] != "respectivement":
            continue
        title = doc.heads[r]
        name = doc.heads[title]
        while doc.deps[name] == "conj" and doc.heads[name] != name:  # the titles hang on the last name
            name = doc.heads[name]
        first = ctx.mention_at(name, people)
        if title == r or name == title or first is None:
            continue
        persons = [first] + [m for c in doc.children(name) if doc.deps[c] == "conj"
                             for m in [ctx.mention_at(c, people)] if m is not None]
        titles = [title] + [c for c in doc.children(title) if doc.deps[c] == "conj"]
        if len(persons) < 2 or len(persons) != len(titles):
            continue
        # each title's words run to the next title (the parser often hangs « du FMI » on the first)
        end = max(doc.subtree(title)) + 1
        bounds = sorted(titles) + [end]
        for person, t, stop in zip(persons, bounds, bounds[1:]):
            org = next((m for j in range(t, stop) for m in [ctx.mention_at(j, ("Organization",))] if m is not None), None)
            if org is not None:
                ctx.relate(person.key, "affiliation", org.key, min(person.start, t), max(person.end, org.end),
                           confidence("affiliation_phrase"))


def short_names(ctx: ArticleContext) -> None:
    """« la Commission » after « la Commission européenne »: a bare head noun names the full organisation."""
    orgs = [e for e in ctx.ents.values() if e.type == "Organization"]
    for e in orgs:
        if " " in e.label or e.key not in ctx.ents:
            continue
        fuller = [f for f in orgs if f is not e and f.key in ctx.ents
                  and normalize(f.label).split()[:1] == [normalize(e.label)] and " " in f.label]
        if len(fuller) == 1:
            ctx.merge(e.key, fuller[0].key)
