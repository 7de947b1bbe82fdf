"""Places the reference data does not know, read from what the sentence says of them.

The gazetteer knows every country and capital and the major cities; a summit's town, its venue, a
dateline are often none of these, and the NER reads such a name as a place only some of the time
(as someone's or something's name the rest). ``benchmarks/swap_names.py --cities`` renames the
cities of the gold corpora with invented names to measure it. The rule here reads a place from its
context whatever the NER took it for: after « à » (unread or ``MISC``), the subject of
« accueillir » a meeting, a name a clause with « où » describes, a byline's place — never a name a
person of the article bears. (After « de » and a noun only a town goes with, « le port de X »:
:func:`kg.extract.rules.places.places_and_orgs`.)
"""

from __future__ import annotations

from kg.extract.context import ArticleContext
from kg.extract.lexicon import confidence
from kg.extract.rules.places import full_name_words, is_recipient, place_label
from kg.extract.text import is_byline
from kg.names import slug
from kg.nlp.pipeline import is_common_word

__all__ = ["unknown_places"]


def unknown_places(ctx: ArticleContext) -> None:
    """Cities the reference data lacks, from « à » and from what the sentence says of them."""
    _places_after_a(ctx)
    _places_by_context(ctx)


def _places_after_a(ctx: ArticleContext) -> None:
    """« a rencontré X jeudi à Ombreval », « en novembre à Castelmaris »: a capitalised name the reference
    data does not know, right after « à », which the NER left unread or took for a name of something
    (``MISC``), is a place — unless the article names a person with that word, or it is what something
    is given or said to (« a écrit à X »). (What the NER takes for a person stays one: « a rendu
    hommage à X ».)"""
    doc = ctx.doc
    people = {w for e in doc.ents if e.label_ == "PER" for w in e.text.split()}
    town_people = full_name_words(ctx)
    for i in range(len(doc) - 1):
        # « le port de X », « la maire de X »: after a noun only a town goes with, even a name the NER took
        # for someone's is a place (but not one the article gives a person)
        town = doc.lower[i] in ctx.lex.of_forms and ctx.lower(i - 1) in ctx.lex.town_nouns
        if doc.lower[i] != "à" and not town:
            continue
        labels = ("", "MISC", "PER") if town else ("", "MISC")
        j = k = i + 1
        while (k < len(doc) and k - j < 3 and doc.words[k][:1].isupper() and doc.pos[k] in ("PROPN", "NOUN")
               and not doc.sent_start[k] and doc.ent_type[k] in labels):
            k += 1
        if k == j or ctx.overlaps_mention(j, k) or (k < len(doc) and doc.tokens[k].ent_iob_ == "I"):
            continue  # (a name the NER runs on past what is read here)
        if any(doc.words[t] in (town_people if town else people) for t in range(j, k)) or (
                doc.pos[j] == "NOUN" and is_common_word(doc.doc.vocab, doc.lower[j])):
            continue  # « à Dupont » after « Jean Dupont »: a person; « à Noël »
        name = doc.span_text(j, k)
        if ctx.ref.organization(name) or ctx.ref.role(name) or ctx.ref.country(name) or is_recipient(ctx, j):
            continue
        ctx.add("City", f"city/{slug(name)}", place_label(name), j, k, conf=confidence("unknown_place_after_a"), rank=1)


def _places_by_context(ctx: ArticleContext) -> None:
    """Unknown places the sentence itself says are places, whatever the NER took them for:
    « X accueillera lundi une conférence » (what hosts a meeting, when no person of the article has
    that name), « ... de X, où se tient la COP » (a name a clause with « où » describes), and the
    place of a byline (« Par Jeanne Dupont, X »: a NER place after the signature's comma)."""
    doc = ctx.doc
    lex = ctx.lex
    people = full_name_words(ctx)
    vocab = doc.doc.vocab
    meetings = lex.summit_nouns | lex.conference_nouns | lex.gathering_nouns
    found: list[tuple[int, int, str]] = []
    for i in range(len(doc)):
        word = doc.words[i]
        if (not word[:1].isupper() or doc.pos[i] not in ("PROPN", "NOUN") or word in people
                or ctx.overlaps_mention(i, i + 1) or (doc.pos[i] == "NOUN" and is_common_word(vocab, word.lower()))):
            continue
        h = doc.heads[i]
        if (doc.deps[i] == "nsubj" and doc.lemma[h] in ("accueillir", "abriter") and doc.ent_type[i] != "ORG"
                and (i + 1 >= len(doc) or not doc.words[i + 1][:1].isupper()) and any(
                    doc.deps[c] == "obj" and doc.lemma[c] in meetings for c in doc.children(h))):
            found.append((i, i + 1, "unknown_place_after_a"))  # « Montbrisac accueillera lundi une conférence »
        elif (i + 2 < len(doc) and doc.words[i + 1] == "," and doc.lower[i + 2] == "où" and doc.ent_type[i] != "ORG"
              and not (i > 0 and doc.words[i - 1][:1].isupper())):
            found.append((i, i + 1, "unknown_place_after_a"))  # « arrivé de Montbrisac, où se tient la COP30 »
        elif (doc.ent_type[i] == "LOC" and i > 1 and doc.words[i - 1] == "," and doc.ent_type[i - 2] == "PER"
              and is_byline(ctx.sent_at(i)) and (i + 1 >= len(doc) or doc.sent_start[i + 1] or doc.words[i + 1] in ",|·")):
            found.append((i, i + 1, "dateline_city"))  # « Par Laurent Bessire, Lindhaven »
    for start, end, kind in found:
        name = doc.span_text(start, end)
        if ctx.ref.organization(name) or ctx.ref.role(name) or ctx.ref.country(name):
            continue
        ctx.add("City", f"city/{slug(name)}", place_label(name), start, end, conf=confidence(kind), rank=1)
