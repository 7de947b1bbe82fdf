"""Dev tool (not a test): why the announcement rules drop the announcing verbs of sentences that tell one.

    .venv/bin/python benchmarks/announcement_misses.py benchmarks/data/announcement_sentences.jsonl [--verbose]
    .venv/bin/python benchmarks/announcement_misses.py --dir tests/corpus_invented [--verbose]

With a labels file (one JSON sentence a line: ``article`` as ``folder/id``, ``start``, ``end`` in characters,
``label`` 1 when the sentence states an announcement; ``benchmarks/data/announcement_sentences.jsonl`` holds
the 1,349 tuning-set sentences labelled for the learned-announcement experiment, docs/learned-announcements.md), each positive sentence where the rules anchor no announcement is
read again with the rejection trace on (:attr:`kg.extract.context.ArticleContext.rejections`): for each verb of
the sentence that the lexicon lists as announcing, the test of :mod:`kg.extract.rules.announcement_verbs` that
dropped it, or « candidate, not emitted » when it passed them all (merged with another, or dropped later).
A sentence with no such verb counts as « no lexicon verb ». Prints a tally, then (``--verbose``) the sentences.

With ``--dir``, every sentence of the articles of DIR (``*.txt``) that holds a dropped trigger is listed: what a
developer reads when tuning; never on the checking sets (``tests/corpus_real`` 35–41, ``tests/corpus_heldout``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = {"corpus_real": ROOT / "tests" / "corpus_real", "corpus_invented": ROOT / "tests" / "corpus_invented",
           "corpus": ROOT / "tests" / "corpus"}


def traced(nlp, ref, lex, txt: Path):
    """The article of ``txt`` extracted with the trace on: its context (rules run)."""
    from kg.extract.context import ArticleContext
    from kg.extract.rules import run_rules
    from kg.inputs.reader import read_articles
    from kg.nlp.pipeline import text_for_model

    gold = txt.with_suffix(".gold.json")
    published = json.loads(gold.read_text(encoding="utf-8")).get("published") if gold.exists() else None
    art = next(iter(read_articles([txt], published=published, on_skip=lambda s: None)))
    ctx = ArticleContext(nlp(text_for_model(nlp, art.text)), art, ref, lex)
    ctx.rejections = []
    run_rules(ctx)
    return ctx


def triggers(ctx, sent) -> list[int]:
    """The verbs of ``sent`` the lexicon lists as announcing (plainly or with a frame)."""
    doc, lex = ctx.doc, ctx.lex
    words = lex.announce_verbs | set(lex.framed_announce_verbs) | set(lex.light_announce_verbs)
    return [i for i in range(sent.start, sent.end) if doc.pos[i] == "VERB" and doc.lemma[i] in words]


def reasons(ctx, sent) -> list[tuple[int, str]]:
    """(verb, why dropped) for each trigger of ``sent``."""
    why = dict(ctx.rejections or [])
    return [(i, why.get(i, "candidate, not emitted")) for i in triggers(ctx, sent)]


def anchored(ctx) -> set[int]:
    """The sentences (numbers) where an announcement has evidence (any of its statements, character offsets)."""
    starts = [s.start_char for s in ctx.sents]
    return {max(n for n, s in enumerate(starts) if s <= ev.start)
            for e in ctx.ents.values() if e.type == "Announcement" for ev in e.evidence}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("labels", nargs="?")
    ap.add_argument("--dir")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args(argv)
    from kg.extract.lexicon import load_lexicon
    from kg.nlp.pipeline import load_pipeline
    from kg.nlp.reference import load_reference

    nlp, ref, lex = load_pipeline("md"), load_reference(), load_lexicon()
    if a.dir:
        for txt in sorted(Path(a.dir).glob("*.txt")):
            ctx = traced(nlp, ref, lex, txt)
            for n, sent in enumerate(ctx.sents):
                dropped = [(i, r) for i, r in ctx.rejections if ctx.sent_no(i) == n]
                if dropped:
                    print(f"{txt.stem}: {' ; '.join(f'{ctx.doc.words[i]}: {r}' for i, r in dropped)}")
                    print(f"    {sent.text.strip()[:300]}")
        return 0
    wanted: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for line in open(a.labels, encoding="utf-8"):
        row = json.loads(line)
        if row["label"] == 1:
            wanted[row["article"]].append((row["start"], row["end"]))
    tally: Counter[str] = Counter()
    lines = []
    for name, spans in sorted(wanted.items()):
        folder, aid = name.split("/", 1)
        txt = FOLDERS[folder] / f"{aid}.txt"
        if not txt.exists():
            txt = next(p for p in FOLDERS[folder].glob("*.txt") if p.stem.replace("_", "-") == aid)
        ctx = traced(nlp, ref, lex, txt)
        have = anchored(ctx)
        starts = [s.start_char for s in ctx.sents]
        for start, _ in spans:
            n = max(k for k, s in enumerate(starts) if s <= start)
            if n in have:
                continue
            found = reasons(ctx, ctx.sents[n])
            for r in ({r for _, r in found} or {"no lexicon verb"}):
                tally[r] += 1
            lines.append(f"{name}: {' ; '.join(f'{ctx.doc.words[i]}: {r}' for i, r in found) or 'no lexicon verb'}\n"
                         f"    {ctx.sents[n].text.strip()[:300]}")
    print(f"{len(lines)} sentences stating an announcement with none anchored; reasons (a sentence may count twice):")
    for r, k in tally.most_common():
        print(f"  {k:3d}  {r}")
    if a.verbose:
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
