"""Words in capitals, re-cased for the model: « Kofi MENSAH », a headline in capitals.

The French model learnt names from text in ordinary case. A surname in capitals, as official
communiqués and many African outlets write it (« le président Kofi MENSAH »), it reads as an
organisation or not at all; a headline in capitals it reads as a string of names. Measured with
``benchmarks/typography.py`` (entity F1 / relation F1, lenient) on the tuning half of the real
articles, 0.994 / 0.954 as written: surnames in capitals 0.984 / 0.946 before this module, 0.992 /
0.954 with it; the first line in capitals 0.931 / 0.822 before, 0.985 / 0.940 with it (own suite,
0.959 / 0.871 as written: 0.942 / 0.838 → 0.958 / 0.869 and 0.938 / 0.802 → 0.958 / 0.870).

:func:`model_text` gives the text the pipeline parses instead: the article's characters with only
their case changed (same length, so every offset holds for the article's own text, which the
evidence quotes):

* a word in capitals after a first name, an honorific or another such word is a surname:
  « Kofi MENSAH » → « Kofi Mensah », « M. VARGA » → « M. Varga », « Jean-Paul LE BRAS »
  → « Jean-Paul Le Bras ». The word before must not be a common French word (« Photo AFP »,
  « le Sommet ASEAN » stay as they are);
* a line in capitals (a headline) is re-cased word by word, a dateline at its start (« BRUXELLES — »)
  left as it is: a name of several words as the reference data spells it (« Union européenne »);
  a word as the article writes it elsewhere; a nationality adjective in lower case; a country,
  city or organisation, or a word that is no French word, with a capital (a name), and a common
  word next to such a name too (« MARC ROCHER »); otherwise in lower case; a capital at the start;
* acronyms stay as written: those of the reference data (OTAN, ASEAN, RDC) and any word the
  article also writes in capitals elsewhere.

>>> from kg.nlp.casing import model_text
>>> model_text("Le président Kofi MENSAH est arrivé. M. MENSAH a parlé devant l'OTAN.")
"Le président Kofi Mensah est arrivé. M. Mensah a parlé devant l'OTAN."
"""

from __future__ import annotations

import collections
import functools
import json
import re
from collections.abc import Callable
from importlib.resources import files

from kg.nlp.reference import load_reference

__all__ = ["model_text"]

_WORD = re.compile(r"(?<!\w)[^\W\d_]+(?:[-'’][^\W\d_]+)*(?![\w])")
_PART = re.compile(r"[^\W\d_]+")  # « UE-CHINE », « L'OTAN »: each part re-cased on its own
_DATELINE = re.compile(r"\s*[^\W\d_]+(?:[-' ][^\W\d_]+){0,3}\s*(?:\([^)]{1,40}\)\s*)?(?:—|–|--|-)\s")  # « BRUXELLES — »: stays
_HEADLINE_START = re.compile(r"(?:^|[.!?«\"“—–-])\s*$")
_ROMAN = re.compile(r"[IVXLC]+")  # « Charles III », « Mohammed VI »
_DETERMINED = re.compile(r"(?<!\w)([ld][’']|(?:le|la|les|du|des|de|au|aux|un|une|ce|cette|son|sa|ses|leur|leurs)\s+)([^\W\d_]+)(?![\w])",
                         re.IGNORECASE)  # « la TICAD », « des ONG », « l'OTAN »: not a surname (« LE BRAS » is)
_ELIDED = re.compile(r"^(?:[lLdDjJ]|[qQ]u)[’']")  # « d'Ilham »: the name after the elided word
_NAME_START = re.compile(r"(?:^|[.!?])\s*$")  # a capital there says nothing of a name (« Plusieurs ONG »)
_LOWER = re.compile(r"[a-zß-öø-ÿ]+")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]+")
_LOWER_WORDS = re.compile(r"(?:[a-zß-öø-ÿ]{2,}[\s,’']+){2}[a-zß-öø-ÿ]{2,}")
#: a word in capitals (two letters or more) with what comes before it on its line: the candidates for a surname
_CAPS_WORD = re.compile(r"(?<![\w’'-])[A-ZÀ-ÖØ-Þ]{2,}(?:[-'’][A-ZÀ-ÖØ-Þ]+)*(?![\w’'-])")
_CAPS = re.compile(r"[^\W\d_a-zß-ÿ]{2}")  # two capital letters in a row: anything to do?
_SENTENCE_START = re.compile(r"(?:^|[.!?:«\"“—–-])\s*$")


@functools.lru_cache(maxsize=1)
def _acronyms() -> frozenset[str]:
    """The words in capitals of the reference data's names (« OTAN », « RDC », « UE »)."""
    ref = load_reference()
    names = [n for c in ref.countries for n in (c.name, *c.names)]
    names += [n for c in ref.cities for n in (c.name, *c.names)]
    names += [n for o in ref.organizations for n in (o.name, *o.names)]
    return frozenset(w for n in names for w in _WORD.findall(n) if len(w) > 1 and w.isupper())


@functools.lru_cache(maxsize=1)
def _lexicon() -> dict:
    return json.loads((files("kg.ontology") / "data" / "lexicon.json").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    return frozenset(_lexicon()["honorifics"])


@functools.lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    return frozenset(_lexicon()["name_particles"])


def _is_caps(word: str) -> bool:
    return word.isupper() and sum(c.isalpha() for c in word) > 1


def _is_title(word: str) -> bool:
    """« Emmanuel », « Jean-Yves », « N'Golo »: each part a capital then lower case."""
    parts = [p for p in re.split(r"[-'’]", word) if p]
    return bool(parts) and all(p[0].isupper() and (len(p) == 1 or p[1:].islower()) for p in parts)


def _recase(word: str, form: str) -> str:
    """``form`` if it spells ``word`` with other case only (``str.title`` may change a length)."""
    return form if len(form) == len(word) and form.lower() == word.lower() else word


def _shouted(line: str) -> bool:
    """A line in capitals: four words or more, nearly all their letters capitals."""
    if _LOWER_WORDS.search(line):  # three words in lower case in a row: most lines stop here
        return False
    lower = len(line) - len(_LOWER.sub("", line))
    upper = len(line) - len(_UPPER.sub("", line))
    if upper < 10 or lower > 0.1 * (upper + lower):  # counted in C: most lines stop here
        return False
    words = _WORD.findall(line)
    return len(words) >= 4 and sum(_is_caps(w) and w not in _acronyms() for w in words) >= 3


def model_text(text: str, is_common: Callable[[str], bool] = lambda w: False,
               is_stop: Callable[[str], bool] = lambda w: False) -> str:
    """``text`` with its surnames and lines in capitals re-cased (see the module); ``text`` itself
    when there is nothing to re-case. ``is_common(word)``: is the lower-case ``word`` a common
    French word (the pipeline's :func:`kg.nlp.pipeline.is_common_word`)? ``is_stop(word)``: is it a
    function word (« le », « leur », « à »)?"""
    if not _CAPS.search(text):
        return text
    acronyms = _acronyms()
    if not any(m.group() not in acronyms for m in _CAPS_WORD.finditer(text)):
        return text  # no word in capitals but known acronyms
    lines = text.split("\n")
    shouted = [_shouted(line) for line in lines]
    surnames = {w for line, loud in zip(lines, shouted) if not loud for w in _surnames(line, is_common)}
    if surnames:
        surnames -= {m.group(2) for m in _DETERMINED.finditer(text) if _is_caps(m.group(2)) and not m.group(1).isupper()}
    if not surnames and not any(shouted):
        return text
    # how the article writes each word outside its lines in capitals
    forms: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for line, loud in zip(lines, shouted):
        if not loud:
            for m in _PART.finditer(line):
                w = m.group()
                if not _SENTENCE_START.search(line[:m.start()]):  # « Le » opening a sentence says nothing
                    forms[w.lower()][w.title() if w in surnames else w] += 1
    acronyms = acronyms | {w for seen in forms.values() for w in seen if _is_caps(w)}
    out = []
    for line, loud in zip(lines, shouted):
        if loud:
            out.append(_headline(line, forms, acronyms, lambda w: is_stop(w) or is_common(w), is_stop))
        elif surnames:
            out.append(_WORD.sub(lambda m: _recase(m.group(), m.group().title()) if m.group() in surnames else m.group(), line))
        else:
            out.append(line)
    new = "\n".join(out)
    return new if len(new) == len(text) else text


def _surnames(line: str, is_common: Callable[[str], bool]) -> set[str]:
    """The words in capitals of ``line`` that are surnames: after a first name (« Kofi MENSAH »,
    « Rui da COSTA », « d'Aylin ARSLAN »), an honorific (« M. VARGA ») or another such surname
    (« Jean-Paul LE BRAS »)."""
    found: set[str] = set()
    honorifics, particles, acronyms = _honorifics(), _particles(), _acronyms()
    if not any(m.group() not in acronyms for m in _CAPS_WORD.finditer(line)):
        return found  # no word in capitals but acronyms: most lines stop here
    words = list(_WORD.finditer(line))
    previous_end = -1  # where the last surname found ends
    for k, m in enumerate(words[1:], 1):
        word = m.group()
        if not _is_caps(word) or word in acronyms or _ROMAN.fullmatch(word) or word.lower() + "." in honorifics:
            continue
        j = k - 1
        while j > 0 and words[j].group() in particles and line[words[j].end():words[j + 1].start()] == " ":
            j -= 1  # « Rui da COSTA », « Ilona von der HALVORSEN »: back to the first name
        prev = words[j]
        gap = line[prev.end():words[j + 1].start()]
        first = _ELIDED.sub("", prev.group())
        first_name = (gap == " " and _is_title(first) and not _NAME_START.search(line[:prev.start()])
                      and (sum(c.isalpha() for c in word) > 3 or not is_common(first.lower())))  # not « Franc CFA »
        if (gap == " " and prev.end() == previous_end) or first_name or (
                gap in (" ", ". ") and (prev.group() + gap.rstrip()).lower() in honorifics):
            found.add(word)
            previous_end = m.end()
    return found


def _reference_name(text: str) -> str | None:
    """The reference data's spelling of ``text`` (a country, city or organisation of several words:
    « UNION EUROPÉENNE » → « Union européenne »), when it has the same length."""
    ref = load_reference()
    item = ref.organization(text) or ref.country(text) or ref.city(text)
    if item is None:
        return None
    return next((n for n in (item.name, *item.names) if len(n) == len(text) and n.lower() == text.lower()), None)


def _headline(line: str, forms: dict[str, collections.Counter], acronyms: frozenset[str] | set[str],
              is_common: Callable[[str], bool], is_stop: Callable[[str], bool]) -> str:
    ref = load_reference()
    chars = list(line)
    dateline = _DATELINE.match(line)
    parts = list(_PART.finditer(line, dateline.end() if dateline else 0))
    done: set[int] = set()
    for i in range(len(parts)):  # names of several words the reference data knows
        for n in (4, 3, 2):
            if i + n <= len(parts) and not done & set(range(i, i + n)):
                start, end = parts[i].start(), parts[i + n - 1].end()
                name = _reference_name(line[start:end])
                if name is not None:
                    chars[start:end] = name
                    done |= set(range(i, i + n))
                    break
    names: list[bool] = []  # each part: re-cased as a name?
    for k, m in enumerate(parts):
        word = m.group()
        if k in done or not word.isupper() or word in acronyms:
            names.append(k in done or word in acronyms)
            continue
        seen = forms.get(word.lower())
        if seen:  # as the article writes it (« sommet », « Union », « Rocher »)
            form = seen.most_common(1)[0][0]
        elif ref.country_by_adjective(word):
            form = word.lower()  # « CHINOIS »: an adjective of nationality
        elif ref.country(word) or ref.city(word) or ref.organization(word) or not is_common(word.lower()):
            form = word.title()  # a place or body of the reference data, or no French word: a name
        else:
            form = word.lower()
        names.append(form[:1].isupper())
        if _HEADLINE_START.search(line[:m.start()]):
            form = form[:1].upper() + form[1:]
        chars[m.start():m.end()] = _recase(word, form)
    for k, m in enumerate(parts):
        # « MARC ROCHER »: a common word (« marc ») the article does not write elsewhere, next to a name, is part of it
        word = m.group()
        if (not names[k] and word.isupper() and word.lower() not in forms and len(word) > 1 and not is_stop(word.lower())
                and k + 1 < len(parts) and parts[k + 1].start() == m.end() + 1 and line[m.end()] == " "
                and names[k + 1] and k + 1 not in done and parts[k + 1].group() not in acronyms):
            chars[m.start():m.end()] = _recase(word, word.title())
    return "".join(chars)
