"""Check (not a test): does the extraction depend on the typography of an article?

Outlets write the same French differently: straight or curly apostrophes, « guillemets » or
“English quotes” or "straight quotes", a narrow no-break space before « ; : ! ? », capitals with or
without their accents (« Etats-Unis », « Elysée »), a headline in capitals, surnames in capitals
(« Emmanuel MACRON », as official communiqués and many African outlets write them), and a page
whose line breaks were lost (one paragraph). This check writes a copy
of a gold corpus in each of these typographies (the text only: ``kg eval`` compares names with
accents, punctuation and apostrophes normalised, so the gold stays as it is), scores each copy with
``kg eval`` and prints it next to the corpus as written. A rule or a word list that knows only one
way of writing shows up as a drop::

    .venv/bin/python benchmarks/typography.py tests/corpus_real --only 21-34
    .venv/bin/python benchmarks/typography.py tests/corpus_invented --variants plain-capitals
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import unicodedata
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


#: variant → transform of an article's text (and its gold, read only, for the names in it)
VARIANTS: dict[str, Callable[[str, dict], str]] = {
    "straight-apostrophes": lambda text, gold: _straight_apostrophes(text),
    "curly-apostrophes": lambda text, gold: _curly_apostrophes(text),
    "english-quotes": lambda text, gold: _english_quotes(text),
    "straight-quotes": lambda text, gold: _straight_quotes(text),
    "french-spacing": lambda text, gold: _french_spacing(text),
    "plain-capitals": lambda text, gold: _plain_capitals(text),
    "capital-headline": lambda text, gold: _capital_headline(text),
    "capital-surnames": _capital_surnames,
    "one-paragraph": lambda text, gold: _one_paragraph(text),
}


def write_variant(src: Path, out: Path, names: list[str], transform: Callable[[str, dict], str]) -> int:
    """Copy ``names`` of ``src`` into ``out`` with their text transformed; the number of texts it changed."""
    out.mkdir(parents=True, exist_ok=True)
    changed = 0
    for name in names:
        text = (src / f"{name}.txt").read_text(encoding="utf-8")
        gold = src / f"{name}.gold.json"
        new = transform(text, json.loads(gold.read_text(encoding="utf-8")))
        changed += new != text
        (out / f"{name}.txt").write_text(new, encoding="utf-8")
        shutil.copyfile(gold, out / f"{name}.gold.json")
    return changed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="variants: " + ", ".join(VARIANTS))
    ap.add_argument("corpus", type=Path, help="a folder of NAME.txt + NAME.gold.json")
    ap.add_argument("--only", action="append", default=[], help="articles, as kg eval --only takes them")
    ap.add_argument("--variants", nargs="+", choices=list(VARIANTS), default=list(VARIANTS))
    args = ap.parse_args()
    from kg.evaluation.suite import find_pairs
    from swap_names import micro  # (benchmarks/ is on the path when a script there runs)

    names = [txt.stem for txt, _ in find_pairs(args.corpus, args.only or None)]
    print(f"{args.corpus} ({len(names)} articles), as written: {micro(args.corpus, args.only)}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for variant in args.variants:
            out = Path(tmp) / variant
            changed = write_variant(args.corpus, out, names, VARIANTS[variant])
            score = micro(out, []) if changed else "no text changed"
            print(f"{variant:22} ({changed:2d} texts changed): {score}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
