"""Why an announcing verb ends with no announcement (the rejection trace), and agents the summit names.

Sentences are invented, in news style; people, places and bodies are made up or unrelated to the corpora.
"""

import pytest

from _extracted import agents, anns, key, run
from kg.extract.context import ArticleContext
from kg.extract.lexicon import load_lexicon
from kg.extract.rules import run_rules
from kg.nlp.reference import load_reference
from kg.records import Article

pytestmark = pytest.mark.model


def _traced(nlp, text, trace=True):
    ctx = ArticleContext(nlp(text), Article("t", text, "2024-06-14"), load_reference(), load_lexicon())
    if trace:
        ctx.rejections = []
    run_rules(ctx)
    return ctx


def _why(ctx, word):
    return [r for i, r in ctx.rejections if ctx.doc.words[i] == word]


# ── the trace ───────────────────────────────────────────────────────────────────────────────────


def test_the_trace_tells_which_test_dropped_an_announcing_verb(nlp):
    ctx = _traced(nlp, "La Banque mondiale n'a pas annoncé de nouveau plan pour le Soudan.")
    assert _why(ctx, "annoncé") == ["negated"]
    ctx = _traced(nlp, "Le texte a été adopté mardi soir.")
    assert _why(ctx, "adopté") == ["no agent token, passive"]
    # near miss: the same verb kept is not in the trace
    ctx = _traced(nlp, "La Banque mondiale a annoncé un nouveau plan pour le Soudan.")
    assert _why(ctx, "annoncé") == []
    assert len([e for e in ctx.ents.values() if e.type == "Announcement"]) == 1


def test_the_trace_is_off_in_a_build(nlp):
    ctx = _traced(nlp, "La Banque mondiale n'a pas annoncé de nouveau plan pour le Soudan.", trace=False)
    assert ctx.rejections is None
    ctx.reject(0, "anything")  # no list, nothing kept
    assert ctx.rejections is None


# ── who « les dirigeants » are ─────────────────────────────────────────────────────────────────


def test_the_leaders_are_the_body_the_summits_name_holds(nlp):
    # « les dirigeants des États membres de la CRT pour leur cinquième sommet »: the summit is the CRT's
    text = ("Le président de Tervala, Karl Bertin, a réuni mardi à Varnosa les dirigeants des États membres de la CRT "
            "pour leur cinquième sommet, consacré à la pêche.\n\n"
            "Les dirigeants ont adopté en fin de journée la déclaration de Varnosa, qui prévoit le partage des données.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "CRT")}
    # near miss: the body is named, but not as the summit's: the leaders stay unnamed, no announcement
    text = ("Le président de Tervala, Karl Bertin, a réuni mardi à Varnosa les dirigeants de la région pour leur "
            "cinquième sommet, consacré à la pêche. La CRT y était représentée.\n\n"
            "Les dirigeants ont adopté en fin de journée la déclaration de Varnosa, qui prévoit le partage des données.")
    ents, rels = run(nlp, text)
    assert anns(ents) == []


def test_the_leaders_are_the_one_body_of_states_the_article_names_twice(nlp):
    # a body outside the reference data, named twice by a name that says it is one (« Organisation ... »)
    text = ("Les présidents des États riverains se sont réunis mardi à Varnosa. L'Organisation pour la protection du "
            "lac Tervo, créée en 1998, fête ses vingt-cinq ans.\n\n"
            "Les dirigeants ont adopté une déclaration sur la pêche durable. Le secrétaire exécutif de l'Organisation "
            "pour la protection du lac Tervo a salué un texte ambitieux.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Organisation pour la protection du lac Tervo")}
    # near miss: a bank named twice is not the leaders' body
    text = text.replace("L'Organisation pour la protection", "La Banque pour la protection").replace(
        "Le secrétaire exécutif de l'Organisation", "Le directeur de la Banque")
    ents, rels = run(nlp, text)
    assert all(agents(rels, a) == set() for a in anns(ents))


# ── subjects the parser lost ───────────────────────────────────────────────────────────────────


def test_a_purpose_hung_on_the_verbs_complement_has_the_verbs_subject(nlp):
    # « a profité de sa participation pour annoncer »: « pour annoncer » parsed on « participation »
    text = ("Le Premier ministre britannique Keir Starmer a, quant à lui, profité de sa première participation pour "
            "annoncer un nouvel objectif climatique : une baisse de 81 % des émissions du Royaume-Uni d'ici à 2035.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "Keir Starmer")}
    # near miss: the same purpose on the clause's subject is nobody's announcement
    ents, _ = run(nlp, "Sa première participation pour annoncer un nouvel objectif climatique a été reportée.")
    assert anns(ents) == []


def test_names_opening_the_clause_left_without_a_subject_are_its_subject(nlp):
    # « Paris et Dublin se sont entendus »: the parser made « Paris » a ``dep`` of the verb
    text = ("Le sommet franco-irlandais s'est tenu à Brest.\n\n"
            "Paris et Dublin se sont également entendus pour accélérer le chantier de la liaison électrique "
            "sous-marine entre la Bretagne et le comté de Cork.")
    ents, rels = run(nlp, text)
    (ann,) = anns(ents)
    assert agents(rels, ann) == {key(ents, "France"), key(ents, "Irlande")}
    # near miss: names opening the sentence before a clause with a subject of its own are not its subject
    ents, rels = run(nlp, text.replace("Paris et Dublin se", "Paris et Dublin : des négociateurs se"))
    assert all(agents(rels, a) == set() for a in anns(ents))
