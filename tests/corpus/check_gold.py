#!/usr/bin/env python3
"""Sanity checks for the gold annotation files of the French news corpus.

Usage:  python tests/corpus/check_gold.py [FILE.gold.json ...]
        (without arguments, every *.gold.json next to this script is checked)

Importable from pytest:  ``from check_gold import check`` ; ``check(path)`` returns a
list of human-readable problems (empty list = file is fine).

Checks (format described in the README, section Evaluation):
- valid JSON with id/lang/published/entities/relations; id equals the file name;
- entity ids unique, types among the eight classes;
- relations use the eleven predicates, their ends exist and respect domain/range;
- dates (published, startDate, endDate, date) are ISO ``YYYY-MM-DD`` or ``YYYY-MM``;
- every entity name and alias occurs in the article text (case-insensitive, apostrophes
  unified, on word boundaries), except Announcement names/aliases and Country names
  when the country is introduced only through aliases (nationality adjective, capital...).
"""
from __future__ import annotations

import datetime as _dt
import json
import re
import sys
import unicodedata
from pathlib import Path

TYPES = {"Summit", "Minister", "Person", "Country", "Organization", "City", "Event", "Announcement"}
AGENTS = {"Person", "Minister", "Organization", "Country"}
PREDICATES = {
    "hostCountry": ({"Summit"}, {"Country"}),
    "hostCity": ({"Summit", "Event", "Announcement"}, {"City"}),
    "attendee": ({"Summit"}, {"Person", "Minister", "Organization", "Country"}),
    "ministerOf": ({"Minister"}, {"Country"}),
    "nationality": ({"Person"}, {"Country"}),
    "affiliation": ({"Person", "Minister"}, {"Organization"}),
    "announcedBy": ({"Announcement"}, AGENTS),
    "about": ({"Announcement"}, {"Summit", "Event", "Organization", "Country"}),
    "during": ({"Announcement"}, {"Summit", "Event"}),
    "locatedIn": ({"City"}, {"Country"}),
    "nextEdition": ({"Summit"}, {"Summit"}),
}
DATE_ATTRS = ("startDate", "endDate", "date")
_DATE_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'",
                       "\u00a0": " ", "\u202f": " ", "\u2011": "-", "\u2010": "-"})


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_APOS).lower()
    return re.sub(r"\s+", " ", text)


def _occurs(form: str, text_n: str) -> bool:
    form_n = _norm(form).strip()
    if not form_n:
        return False
    return re.search(r"(?<!\w)" + re.escape(form_n) + r"(?!\w)", text_n) is not None


def _valid_date(value, full_only: bool = False) -> bool:
    if not isinstance(value, str) or not _DATE_RE.match(value):
        return False
    if full_only and len(value) != 10:
        return False
    try:
        if len(value) == 10:
            _dt.date.fromisoformat(value)
        else:
            _dt.date.fromisoformat(value + "-01")
    except ValueError:
        return False
    return True


def check(path) -> list[str]:
    """Return the list of problems found in one gold file (empty when it is valid)."""
    path = Path(path)
    problems: list[str] = []
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"cannot read JSON: {exc}"]
    if not isinstance(gold, dict):
        return ["top level is not an object"]

    stem = path.name[: -len(".gold.json")] if path.name.endswith(".gold.json") else path.stem
    for key in ("id", "lang", "published", "entities", "relations"):
        if key not in gold:
            problems.append(f"missing top-level key {key!r}")
    if gold.get("id") != stem:
        problems.append(f"id {gold.get('id')!r} differs from file name {stem!r}")
    if gold.get("lang") != "fr":
        problems.append(f"lang is {gold.get('lang')!r}, expected 'fr'")
    if not _valid_date(gold.get("published"), full_only=True):
        problems.append(f"published {gold.get('published')!r} is not YYYY-MM-DD")

    txt_path = path.with_name(stem + ".txt")
    try:
        text_n = _norm(txt_path.read_text(encoding="utf-8"))
    except OSError:
        problems.append(f"article text {txt_path.name} not found")
        text_n = None

    entities = gold.get("entities") or []
    relations = gold.get("relations") or []
    by_id: dict[str, dict] = {}
    names_by_type: dict[tuple[str, str], str] = {}
    for i, ent in enumerate(entities):
        if not isinstance(ent, dict):
            problems.append(f"entity #{i} is not an object")
            continue
        eid, etype, name = ent.get("id"), ent.get("type"), ent.get("name")
        label = f"entity {eid!r}"
        if not eid or not isinstance(eid, str):
            problems.append(f"entity #{i} has no id")
            continue
        if eid in by_id:
            problems.append(f"duplicate entity id {eid!r}")
        by_id[eid] = ent
        if etype not in TYPES:
            problems.append(f"{label}: unknown type {etype!r}")
        if not name or not isinstance(name, str):
            problems.append(f"{label}: missing name")
            continue
        aliases = ent.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            problems.append(f"{label}: aliases must be a list of strings")
            aliases = []
        if len(set(aliases)) != len(aliases) or name in aliases:
            problems.append(f"{label}: repeated name/alias")
        for form in [name, *aliases]:
            key = (etype, _norm(form))
            if key in names_by_type and names_by_type[key] != eid:
                problems.append(f"{label}: form {form!r} also used by {names_by_type[key]!r} ({etype})")
            names_by_type[key] = eid
        attrs = ent.get("attrs", {})
        if not isinstance(attrs, dict):
            problems.append(f"{label}: attrs must be an object")
            attrs = {}
        for key in DATE_ATTRS:
            if key in attrs and not _valid_date(attrs[key]):
                problems.append(f"{label}: {key} {attrs[key]!r} is not YYYY-MM-DD or YYYY-MM")
        if "edition" in attrs and not (isinstance(attrs["edition"], int) and attrs["edition"] > 0):
            problems.append(f"{label}: edition {attrs['edition']!r} is not a positive integer")
        if "startDate" in attrs and "endDate" in attrs and _valid_date(attrs["startDate"]) \
                and _valid_date(attrs["endDate"]) and attrs["endDate"] < attrs["startDate"]:
            problems.append(f"{label}: endDate before startDate")
        if text_n is None or etype == "Announcement":
            continue
        missing = [f for f in aliases if not _occurs(f, text_n)]
        for form in missing:
            problems.append(f"{label}: alias {form!r} not found in text")
        if not _occurs(name, text_n):
            introduced = etype == "Country" and any(_occurs(a, text_n) for a in aliases)
            if not introduced:
                problems.append(f"{label}: name {name!r} not found in text")

    seen = set()
    for i, rel in enumerate(relations):
        if not isinstance(rel, dict):
            problems.append(f"relation #{i} is not an object")
            continue
        s, p, o = rel.get("s"), rel.get("p"), rel.get("o")
        label = f"relation ({s}, {p}, {o})"
        if (s, p, o) in seen:
            problems.append(f"{label}: duplicate")
        seen.add((s, p, o))
        if set(rel) - {"s", "p", "o", "implied"}:
            problems.append(f"{label}: unexpected keys {sorted(set(rel) - {'s', 'p', 'o', 'implied'})}")
        if "implied" in rel and not isinstance(rel["implied"], bool):
            problems.append(f"{label}: implied must be true/false")
        if p not in PREDICATES:
            problems.append(f"{label}: unknown predicate")
            continue
        if s not in by_id:
            problems.append(f"{label}: subject does not exist")
        if o not in by_id:
            problems.append(f"{label}: object does not exist")
        if s not in by_id or o not in by_id:
            continue
        if s == o:
            problems.append(f"{label}: subject equals object")
        dom, rng = PREDICATES[p]
        if by_id[s].get("type") not in dom:
            problems.append(f"{label}: subject type {by_id[s].get('type')} not in domain {sorted(dom)}")
        if by_id[o].get("type") not in rng:
            problems.append(f"{label}: object type {by_id[o].get('type')} not in range {sorted(rng)}")

    for eid, ent in by_id.items():
        if ent.get("type") == "Announcement" and not any(
                r.get("s") == eid and r.get("p") == "announcedBy" for r in relations if isinstance(r, dict)):
            problems.append(f"entity {eid!r}: announcement without announcedBy")
    return problems


def _stats(path: Path) -> str:
    stem = path.name[: -len(".gold.json")]
    txt = path.with_name(stem + ".txt")
    try:
        text = txt.read_text(encoding="utf-8")
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    words = len(re.findall(r"\w+(?:[-'’]\w+)*", text))
    sentences = len(re.findall(r"[.!?…](?:\s*[»”])?(?=\s|$)", text))
    return (f"{words} words, ~{sentences} sentences, {len(gold.get('entities', []))} entities, "
            f"{len(gold.get('relations', []))} relations")


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted(Path(__file__).resolve().parent.glob("*.gold.json"))
    bad = 0
    for f in files:
        problems = check(f)
        status = "OK " if not problems else "BAD"
        print(f"{status} {f.name}  ({_stats(f)})")
        for pb in problems:
            print(f"    - {pb}")
        bad += bool(problems)
    print(f"{len(files) - bad}/{len(files)} files valid")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
