"""Check (not a test): does the extraction depend on the typography of an article?

Outlets write the same French differently: straight or curly apostrophes, « guillemets » or
“English quotes” or "straight quotes", a narrow no-break space before « ; : ! ? », capitals with or
without their accents (« Etats-Unis », « Elysée »), a headline in capitals, surnames in capitals
(« Emmanuel MACRON », as official communiqués and many African outlets write them), and pages as
scrapers give them: line breaks lost (one paragraph), a full stop with no space after it
(« ...entre autres.Le président »), a byline glued to the first sentence, the site's name after the
headline (« ... | Le Courrier du Soir »), doubled spaces, and all of these at once (``scraped``).
This check writes a copy
of a gold corpus in each of these typographies (the text only: ``kg eval`` compares names with
accents, punctuation and apostrophes normalised, so the gold stays as it is; a glued byline adds
the people it names to the gold, as the guidelines annotate a signature), scores each copy with
``kg eval`` and prints it next to the corpus as written. A rule or a word list that knows only one
way of writing shows up as a drop::

    .venv/bin/python benchmarks/typography.py tests/corpus_real --only 21-34
    .venv/bin/python benchmarks/typography.py tests/corpus_invented --variants plain-capitals
    .venv/bin/python benchmarks/typography.py tests/corpus --variants scraped --keep /tmp/variants

``--keep DIR`` leaves each variant's copy in ``DIR/VARIANT`` (for ``kg eval DIR/VARIANT`` with its details).
The seeded variants (which stops lose their space, which spaces double, which byline) draw from a
generator seeded with the article's text, so a copy is the same at every run.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
import unicodedata
import zlib
from collections.abc import Callable
from pathlib import Path


def _straight_apostrophes(text: str) -> str:
    return text.replace("\u2019", "'")


def _curly_apostrophes(text: str) -> str:
    return re.sub(r"(?<=\w)'(?=\w)", "\u2019", text)


def _english_quotes(text: str) -> str:
    return re.sub(r"«\s*", "\u201c", re.sub(r"\s*»", "\u201d", text))


def _straight_quotes(text: str) -> str:
    return re.sub(r"[«\u201c]\s*", '"', re.sub(r"\s*[»\u201d]", '"', text))


def _french_spacing(text: str) -> str:
    """A narrow no-break space before « ; : ! ? » and inside guillemets (French typesetting)."""
    text = re.sub(r" ?([;:!?»])", "\u202f\\1", text)
    return re.sub(r"« ?", "«\u202f", text)


def _plain_capitals(text: str) -> str:
    """Capital letters without their accents (« Etats-Unis », « Elysée », « A Paris »)."""
    return re.sub(r"[ÀÂÄÉÈÊËÎÏÔÖÙÛÜÇ]", lambda m: unicodedata.normalize("NFD", m.group())[0], text)


def _capital_surnames(text: str, gold: dict) -> str:
    """The surname of every person of two words or more in capitals (« le président Paul DURAND »)."""
    surnames = {e["name"].split()[-1] for e in gold["entities"]
                if e["type"] in ("Person", "Minister") and len(e["name"].split()) > 1}
    surnames = {s for s in surnames if len(s) > 2 and s[0].isupper() and not s.isupper()}
    if not surnames:
        return text
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(s) for s in sorted(surnames, key=len, reverse=True)) + r")(?!\w)")
    return pattern.sub(lambda m: m.group().upper(), text)


def _one_paragraph(text: str) -> str:
    """No line break: headline, captions and paragraphs run on, as some scrapers give a page."""
    return re.sub(r"\s*\n\s*", " ", text)


def _capital_headline(text: str) -> str:
    """The first line (the headline) in capitals, as some pages print it."""
    head, sep, rest = text.partition("\n")
    return head.upper() + sep + rest


def _rng(text: str) -> random.Random:
    """A generator seeded with the text: the same draws for an article at every run."""
    return random.Random(zlib.crc32(text.encode("utf-8")))


#: a sentence-final full stop and the spaces after it: after a word of two letters or more (not « M. », « J. »)
#: or a digit, a closing guillemet or bracket, before a capital letter or an opening guillemet
_STOP_SPACE = re.compile(r"(?:(?<=[^\W\d_]{2})|(?<=[\d»\")]))\.([ \t]+)(?=[A-ZÀ-ÖØ-Þ«\"“])")


def _no_space_after_stop(text: str, share: float = 0.5) -> str:
    """A share of sentence-final full stops (seeded) lose the space after them: « ...entre autres.Le président »,
    as a page gives it when its paragraphs or sentences were set apart by markup only."""
    rng = _rng(text)
    return _STOP_SPACE.sub(lambda m: "." if rng.random() < share else m.group(), text)


def _double_spaces(text: str, share: float = 0.3) -> str:
    """A share of the spaces between words (seeded) doubled."""
    rng = _rng(text)
    return re.sub(r"(?<=\S) (?=\S)", lambda m: "  " if rng.random() < share else " ", text)


#: bylines (invented names) and what they name, as the gold annotates it: the people, a press agency (media are
#: organisations)
_BYLINES = (("Par Claire Vasseur", ("Person", "Claire Vasseur")),
            ("Par Marc-Olivier Dantec et Léa Fournier", ("Person", "Marc-Olivier Dantec"), ("Person", "Léa Fournier")),
            ("Par Yannick Ebrard, envoyé spécial", ("Person", "Yannick Ebrard")),
            ("Par la rédaction avec AFP", ("Organization", "AFP")),
            ("Par Inès Caradec", ("Person", "Inès Caradec")))
_DATES = ("Publié le 12 mars 2024 à 10h32", "Publié le 03/11/2023 à 18h05 Mis à jour le 04/11/2023 à 08h12",
          "Publié aujourd'hui à 07h45", "Mis à jour le 21 juin 2022 à 16:40")
_SITES = ("Le Courrier du Soir", "L'Écho des Régions", "Nouvelles 24", "Le Quotidien de l'Ouest")


_ENDS_WITH_STOP = re.compile(r"\.[»\"”)]?\s*$")


def _first_paragraph(lines: list[str]) -> int:
    """The line where the story starts: the first ending with a full stop (not a headline)."""
    return next((k for k, line in enumerate(lines) if _ENDS_WITH_STOP.search(line)), 0)


def _glued_byline(text: str, gold: dict) -> tuple[str, dict]:
    """A byline and a publication date (seeded, invented names) glued to the first sentence of the story, with no
    full stop: « Par Claire Vasseur Publié le 12 mars 2024 à 10h32 Le président a ... »; the gold with what the
    byline names (a person who signs is a Person, a press agency an Organization, as the guidelines have it)."""
    rng = _rng(text)
    lines = text.split("\n")
    k = _first_paragraph(lines)
    byline, *named = rng.choice(_BYLINES)
    lines[k] = f"{byline} {rng.choice(_DATES)} {lines[k]}"
    known = {e["name"] for e in gold["entities"]}
    extra = [{"id": f"byline{n}", "type": type_, "name": name, "aliases": [], "attrs": {}}
             for n, (type_, name) in enumerate(named) if name not in known]
    return "\n".join(lines), {**gold, "entities": [*gold["entities"], *extra]}


def _site_name(text: str) -> str:
    """The site's name after the headline, set apart by « | » or « - » (seeded), as a page's title gives it; only
    when the first line is a headline (no full stop at its end)."""
    rng = _rng(text)
    head, sep, rest = text.partition("\n")
    if not sep or _ENDS_WITH_STOP.search(head):
        return text
    return f"{head.rstrip()} {rng.choice('|-')} {rng.choice(_SITES)}{sep}{rest}"


def _scraped(text: str, gold: dict) -> tuple[str, dict]:
    """All at once: the site's name after the headline, a byline glued to the story, the line breaks lost, half the
    full stops without their space, doubled spaces."""
    text, gold = _glued_byline(_site_name(text), gold)
    return _double_spaces(_no_space_after_stop(_one_paragraph(text))), gold


#: variant → transform of an article's text (and its gold, read only, for the names in it); a variant that adds
#: names (a byline's) gives the gold with them too
VARIANTS: dict[str, Callable[[str, dict], str | tuple[str, dict]]] = {
    "straight-apostrophes": lambda text, gold: _straight_apostrophes(text),
    "curly-apostrophes": lambda text, gold: _curly_apostrophes(text),
    "english-quotes": lambda text, gold: _english_quotes(text),
    "straight-quotes": lambda text, gold: _straight_quotes(text),
    "french-spacing": lambda text, gold: _french_spacing(text),
    "plain-capitals": lambda text, gold: _plain_capitals(text),
    "capital-headline": lambda text, gold: _capital_headline(text),
    "capital-surnames": _capital_surnames,
    "one-paragraph": lambda text, gold: _one_paragraph(text),
    "no-space-after-stop": lambda text, gold: _no_space_after_stop(text),
    "double-spaces": lambda text, gold: _double_spaces(text),
    "glued-byline": _glued_byline,
    "site-name": lambda text, gold: _site_name(text),
    "scraped": _scraped,
}


def write_variant(src: Path, out: Path, names: list[str],
                  transform: Callable[[str, dict], str | tuple[str, dict]]) -> int:
    """Copy ``names`` of ``src`` into ``out`` with their text transformed (and their gold, when the transform
    gives one); the number of texts it changed."""
    out.mkdir(parents=True, exist_ok=True)
    changed = 0
    for name in names:
        text = (src / f"{name}.txt").read_text(encoding="utf-8")
        gold = src / f"{name}.gold.json"
        new = transform(text, json.loads(gold.read_text(encoding="utf-8")))
        if isinstance(new, tuple):
            new, new_gold = new
            (out / f"{name}.gold.json").write_text(json.dumps(new_gold, ensure_ascii=False, indent=1), encoding="utf-8")
        else:
            shutil.copyfile(gold, out / f"{name}.gold.json")
        changed += new != text
        (out / f"{name}.txt").write_text(new, encoding="utf-8")
    return changed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="variants: " + ", ".join(VARIANTS))
    ap.add_argument("corpus", type=Path, help="a folder of NAME.txt + NAME.gold.json")
    ap.add_argument("--only", action="append", default=[], help="articles, as kg eval --only takes them")
    ap.add_argument("--variants", nargs="+", choices=list(VARIANTS), default=list(VARIANTS))
    ap.add_argument("--keep", type=Path, help="write each variant's copy in KEEP/VARIANT and leave it there")
    args = ap.parse_args()
    from kg.evaluation.suite import find_pairs
    from swap_names import micro  # (benchmarks/ is on the path when a script there runs)

    names = [txt.stem for txt, _ in find_pairs(args.corpus, args.only or None)]
    print(f"{args.corpus} ({len(names)} articles), as written: {micro(args.corpus, args.only)}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for variant in args.variants:
            out = (args.keep or Path(tmp)) / variant
            changed = write_variant(args.corpus, out, names, VARIANTS[variant])
            score = micro(out, []) if changed else "no text changed"
            print(f"{variant:22} ({changed:2d} texts changed): {score}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
