"""The spaCy side: the French pipeline plus the project's own components.

Components added to ``fr_core_news_md`` (or ``_sm``):

``kg_paragraphs``
    Before the parser: a line break always starts a new sentence (news paragraphs, headlines), and so does
    a capitalised word right after a full stop with no space (« ...entre autres.Le président », as scraped
    pages give sentences whose markup set them apart), and a page's header glued to the story (« Par Jeanne
    Morel Publié le 12 mars 2024 à 10h32 Le président ... »: :mod:`kg.nlp.headers`) is sentences of its own;
    a capitalised function word inside a line before a word in lower case (« ... au sommet de Lyon Le président
    a ... »: a headline run on to the story) starts one too.

The tokenizer also splits such a full stop from the figure, bracket or quote before it and the quote after
it (« en 2024.Le », « (UA).Les », « 27."Un »), which the French rules only do after a letter.
``kg_entity_bounds``
    After the NER: a named entity ends where its sentence does (never over a line break, a « ? » or a « ! »:
    « le sommet de l'Alliance ?\n\nR : » names the Alliance).
``kg_gazetteer``
    A ``span_ruler`` whose phrase patterns come from the reference data in ``ontology/data``
    (countries, nationality adjectives, cities, organisations, role titles). Matches land in
    ``doc.spans["gazetteer"]`` with labels ``COUNTRY``, ``NAT``, ``CITY``, ``ORG``, ``ROLE``
    and the reference key as ``span.id_``.
``kg_triggers``
    A ``span_ruler`` whose token patterns (``ontology/data/patterns.json``) are the extraction rules'
    triggers of several words (« start-up », « Du côté »). Matches land in ``doc.spans["triggers"]``;
    :func:`trigger_spans` reads them (or matches them on a ``Doc`` parsed without the component).

Rule tests can build the same components on ``spacy.blank("fr")`` with :func:`add_components`.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
from importlib.resources import files

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from kg.errors import KgError
from kg.nlp.headers import header_parts
from kg.nlp.reference import load_reference

__all__ = ["MODELS", "DEFAULT_MODEL", "load_pipeline", "add_components", "gazetteer_patterns", "trigger_patterns",
           "trigger_spans", "text_for_model"]

MODELS = {"md": "fr_core_news_md", "sm": "fr_core_news_sm"}
DEFAULT_MODEL = "md"
GAZETTEER_KEY = "gazetteer"
TRIGGERS_KEY = "triggers"
_SENTENCE_END = {".", "!", "?", "…", "»", "\"", "”", ":", ";", ")", "...", "?!", "!?", "–", "—"}


_UPPER = "A-ZÀ-ÖØ-Þ"
#: infixes for a full stop with no space after it (scraped pages): the stop after a figure or a closing bracket,
#: before a capital (« 2024.Le », « ).Les »); the stop before an opening quote and a capital (« 27."Un », « .«Nous »);
#: the bracket between a word and such a stop; the quote after it
_STOP_INFIXES = (rf"(?<=[0-9)\]])\.(?=[{_UPPER}])", rf"(?<=[\w)\]»\"”])\.(?=[\"“«][{_UPPER}])",
                 rf"(?<=\w)[)\]](?=\.[\"“«]?[{_UPPER}])", rf"(?<=\.)[\"“«](?=[{_UPPER}])")


#: function words that open a sentence and never a name's next word in lower case (« Le président », « Selon
#: lui »): capitalised inside a sentence, followed by a word in lower case, one starts where a line break was lost
_OPENERS = frozenset("le la les l' l’ un une des ce cet cette ces il elle ils elles on selon dans lors après depuis "
                     "mais cependant pourtant ainsi alors".split())


_PARTICIPLE = re.compile(r"..(?:ée?s?|ie?s?|ue?s?|ite?s?)$")  # « cité », « reçue », « soutenus », « élus »


def _run_on_start(doc: Doc, i: int) -> bool:
    """Does token ``i`` start a sentence run on to the text before it, its line break lost (« ... au sommet de Lyon
    Le président a ... »)? A capitalised function word (:data:`_OPENERS`), not in capitals, after a word (no
    punctuation that may end a sentence: the parser decides there), before a word in lower case (« La Haye »,
    « Le Pen » are names); or a capitalised past participle (a French word) before « par » (« ... de Pedro
    Sánchez Cité par la presse, il a ... »)."""
    token, prev = doc[i], doc[i - 1]
    if i + 1 >= len(doc) or not token.text[:1].isupper() or token.text[1:].isupper():
        return False
    nxt = doc[i + 1]
    if token.lower_ not in _OPENERS:
        # « ... Pedro Sánchez Cité par la presse, il ... »: a participle opening a sentence with its agent
        return (nxt.lower_ == "par" and _PARTICIPLE.search(token.lower_) is not None and prev.text[-1:].isalpha()
                and (not has_common_words(doc.vocab) or is_common_word(doc.vocab, token.lower_)))
    if token.lower_ in ("l'", "l’"):
        nxt_ok = nxt.text[:1].islower() and token.whitespace_ == ""
    else:
        nxt_ok = nxt.text[:1].islower() and nxt.text.isalpha() and token.whitespace_ != ""
    return nxt_ok and prev.whitespace_ != "" and (prev.text[-1:].isalnum() or prev.text in ("|", "·"))


def _glued_stop(doc: Doc, i: int) -> bool:
    """Does token ``i`` start a sentence after a full stop with no space (« autres.Le », « 2024.Le », « ).Les »)?
    Not after an initial (« M.Durand », « J.Dupont »): the token before the stop is a word of two letters or
    more, a figure or a closing bracket or quote."""
    stop = doc[i - 1]
    if stop.text != "." or stop.whitespace_ or i < 2:
        return False
    before, first = doc[i - 2], doc[i].text
    if not (first[:1].isupper() or (first in ('"', "“", "«") and i + 1 < len(doc) and doc[i + 1].text[:1].isupper())):
        return False
    word = before.text.rstrip(")]»\"”")
    return before.whitespace_ == "" and (len(word) > 1 and word.isalpha() or word.isdigit() or not word)


@Language.component("kg_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Sentence boundaries the parser must respect.

    A line break always starts a sentence (headlines, paragraphs), and so does a capitalised word
    glued to a full stop (« entre autres.Le président »: :func:`_glued_stop`), a page header's part
    (:func:`_header_starts`) and a capitalised function word where a line break was lost
    (:func:`_run_on_start`); a sentence never starts
    after a token that cannot end one (« ... son homologue portugais | Rui Costa » is one sentence).
    """
    header_starts = _header_starts(doc)
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if ("\n" in prev.text or "\n" in prev.whitespace_ or _glued_stop(doc, token.i) or token.i in header_starts
                or _run_on_start(doc, token.i)):
            token.is_sent_start = True
            if token.text in ('"', "“", "«") and token.i + 1 < len(doc) and "\n" not in token.whitespace_:
                doc[token.i + 1].is_sent_start = False  # « .«Nous » : the quote opens the sentence
        elif prev.text not in _SENTENCE_END and not prev.is_space:
            token.is_sent_start = False
    return doc


@Language.component("kg_entity_bounds")
def entity_bounds(doc: Doc) -> Doc:
    """The model's named entities end where a sentence does: a name never runs over a line break, a « ? » or
    « ! », or into the next sentence (« le sommet de l'Alliance ?\n\nR : ... » names the Alliance, not
    « Alliance ? R »)."""
    kept, cut = [], False
    for e in doc.ents:
        end = next((t.i for t in e[1:] if t.is_space or t.text in ("?", "!") or t.is_sent_start), e.end)
        cut = cut or end != e.end
        kept.append(Span(doc, e.start, end, label=e.label_))
    if cut:
        doc.ents = kept
    return doc


def _header_starts(doc: Doc) -> set[int]:
    """Tokens that start a sentence because a page header is glued to what comes before or after it
    (:func:`kg.nlp.headers.header_parts`): each part of the header when only spaces set it apart from the text
    before it (« ... | Le Courrier Par Jeanne Morel Publié le 12 mars 2024 »), and the story's first word after
    it (« ... à 10h32 Le président »). Parts set apart by « | », a dash or a comma stay in one sentence, as a
    header line does."""
    text = doc.text
    parts = header_parts(text)
    if not parts:
        return set()
    at = {t.idx: t.i for t in doc}
    starts = set()
    for start, end in parts:
        before = text[:start].rstrip(" \t")
        if before and before[-1] not in "\n|·,–—-:(":
            starts.add(at.get(start))
        after = len(text[end:]) - len(text[end:].lstrip(" \t"))
        nxt = text[end + after:end + after + 1]
        if after and (nxt.isupper() or nxt in ('"', "“", "«")):
            starts.add(at.get(end + after))
    return starts - {None, 0}


#: a prefix for the stop after a closing guillemet (« ».En marge »: the guillemet is a prefix already)
_STOP_PREFIX = rf"^\.(?=[{_UPPER}])"


def _split_glued_stops(nlp: Language) -> None:
    """Add :data:`_STOP_INFIXES` to the tokenizer's infixes and :data:`_STOP_PREFIX` to its prefixes (once)."""
    tokenizer = nlp.tokenizer
    infixes = getattr(getattr(tokenizer.infix_finditer, "__self__", None), "pattern", None)
    if infixes is not None and _STOP_INFIXES[0] not in infixes:
        tokenizer.infix_finditer = re.compile(infixes + "|" + "|".join(_STOP_INFIXES)).finditer
    prefixes = getattr(getattr(tokenizer.prefix_search, "__self__", None), "pattern", None)
    if prefixes is not None and _STOP_PREFIX not in prefixes:
        tokenizer.prefix_search = re.compile(prefixes + "|" + _STOP_PREFIX).search


def _variants(text: str) -> set[str]:
    """A name with both apostrophes and with « E » for « É », so phrase patterns match either spelling."""
    out = {text}
    for a, b in (("'", "’"), ("’", "'"), ("É", "E")):  # the press often writes « Etat », « Etats-Unis »
        out |= {v.replace(a, b) for v in list(out)}
    return {v for v in out if v.strip()}


def gazetteer_patterns() -> list[dict]:
    """Phrase patterns for the gazetteer ruler, generated from the reference data."""
    ref = load_reference()
    patterns: list[dict] = []

    def add(label: str, text: str, id_: str) -> None:
        if text.isupper() and " " not in text:
            # acronyms match with their case only: « EAU » is not « l'eau », « AIE » not « aie »
            patterns.append({"label": label, "pattern": [{"ORTH": text}], "id": id_})
            return
        for v in sorted(_variants(text)):
            patterns.append({"label": label, "pattern": v, "id": id_})

    for c in ref.countries:
        for name in c.names:
            add("COUNTRY", name, c.iso3)
        for adj in c.adjectives:
            add("NAT", adj, c.iso3)
    for city in ref.cities:
        for name in city.names:
            add("CITY", name, city.name)
    for org in ref.organizations:
        for name in org.names:
            add("ORG", name, org.key)
    for role in ref.roles:
        add("ROLE", role.title, role.title)
    for word in ("homologue", "homologues"):  # « son homologue allemand X »: the counterpart's class
        add("ROLE", word, word)
    return patterns


@functools.lru_cache(maxsize=1)
def _trigger_patterns() -> tuple[dict, ...]:
    text = (files("kg.ontology") / "data" / "patterns.json").read_text(encoding="utf-8")
    return tuple(json.loads(text)["patterns"])


def trigger_patterns() -> list[dict]:
    """The token patterns of the ``kg_triggers`` ruler (``ontology/data/patterns.json``): ``label``, ``pattern``."""
    return [dict(p) for p in _trigger_patterns()]


_MATCHERS: dict[int, tuple[object, Matcher, dict[int, str]]] = {}


def trigger_spans(doc: Doc) -> list[tuple[str, int, int]]:
    """(label, start, end) of the trigger patterns in ``doc``, by start: the ``kg_triggers`` matches, or, for a
    ``Doc`` parsed without that component, the same patterns matched now."""
    if TRIGGERS_KEY in doc.spans:
        found = [(s.label_, s.start, s.end) for s in doc.spans[TRIGGERS_KEY]]
    else:
        vocab = doc.vocab
        hit = _MATCHERS.get(id(vocab))
        if hit is None or hit[0] is not vocab:
            if len(_MATCHERS) > 8:
                _MATCHERS.clear()
            matcher = Matcher(vocab)
            for p in _trigger_patterns():
                matcher.add(p["label"], [p["pattern"]])
            # labels by hash: a memory zone forgets the strings added inside it
            hit = _MATCHERS[id(vocab)] = (vocab, matcher, {get_string_id(p["label"]): p["label"] for p in _trigger_patterns()})
        _, matcher, labels = hit
        found = [(labels[key], start, end) for key, start, end in matcher(doc)]
    return sorted(found, key=lambda t: (t[1], t[2], t[0]))


def add_components(nlp: Language) -> Language:
    """Add the project's components to a French pipeline (trained or blank), and the tokenizer's infixes for a
    full stop with no space after it."""
    _split_glued_stops(nlp)
    if "kg_paragraphs" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe("kg_paragraphs", before=before)
        else:
            nlp.add_pipe("kg_paragraphs", first=True)
    if "kg_entity_bounds" not in nlp.pipe_names and "ner" in nlp.pipe_names:
        nlp.add_pipe("kg_entity_bounds", after="ner")
    if "kg_gazetteer" not in nlp.pipe_names:
        ruler = nlp.add_pipe(
            "span_ruler",
            name="kg_gazetteer",
            config={"spans_key": GAZETTEER_KEY, "phrase_matcher_attr": "LOWER", "overwrite": True},
        )
        ruler.add_patterns(gazetteer_patterns())
    if "kg_triggers" not in nlp.pipe_names:
        ruler = nlp.add_pipe("span_ruler", name="kg_triggers", config={"spans_key": TRIGGERS_KEY, "overwrite": True})
        ruler.add_patterns(trigger_patterns())
    return nlp


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load the French pipeline (``"md"``, ``"sm"`` or a package name) with the kg components.

    Raises :class:`kg.errors.KgError` with the install command when the model is missing.
    """
    name = MODELS.get(model, model)
    if importlib.util.find_spec(name) is None:
        raise KgError(
            f"spaCy model {name!r} is not installed; install it with "
            f"`pip install {name.replace('_', '-')}==3.8.0` (or choose another with --model)"
        )
    nlp = spacy.load(name, exclude=[])
    _register_common_words(nlp)
    return add_components(nlp)


_COMMON_WORDS: dict[int, frozenset[int]] = {}  # id(vocab) → hashes of known French word forms


def _register_common_words(nlp: Language) -> None:
    """Keep the lemmatizer's French word list for the pipeline's vocab, so the extractor can tell a
    capitalised common word (« Armées », « Mardi ») from a name (« Airbus ») with only the Doc in hand."""
    if "lemmatizer" not in nlp.pipe_names or id(nlp.vocab) in _COMMON_WORDS:
        return
    lookups = nlp.get_pipe("lemmatizer").lookups
    words: set[int] = set()
    if lookups.has_table("lemma_lookup"):
        words.update(lookups.get_table("lemma_lookup").keys())  # keys are hashed forms
    if lookups.has_table("lemma_index"):
        for forms in lookups.get_table("lemma_index").values():
            words.update(get_string_id(w) for w in forms)
    _COMMON_WORDS[id(nlp.vocab)] = frozenset(words)


def text_for_model(nlp: Language, text: str) -> str:
    """What ``nlp`` parses for an article's ``text``: the text with words in capitals re-cased
    (:func:`kg.nlp.casing.model_text`: surnames, headlines), same length, so that offsets in the
    parse are offsets in ``text``."""
    from kg.nlp.casing import model_text

    stop_words = nlp.Defaults.stop_words  # « se », « à »: the lemmatizer's list lacks most of them
    return model_text(text, lambda word: is_common_word(nlp.vocab, word), stop_words.__contains__)


def has_common_words(vocab) -> bool:
    """Does the pipeline of ``vocab`` come with a lemmatizer word list (see :func:`is_common_word`)?"""
    return id(vocab) in _COMMON_WORDS


def is_common_word(vocab, word: str) -> bool:
    """Is ``word`` (lower case) a known French word of the pipeline's lemmatizer? False without one."""
    words = _COMMON_WORDS.get(id(vocab))
    return words is not None and get_string_id(word) in words
