"""benchmarks/typography.py rewrites a text in another typography and leaves its words alone."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "typography", Path(__file__).resolve().parents[2] / "benchmarks" / "typography.py")
typography = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(typography)

TEXT = ("Sommet de l’Otan à Évian\n"
        "Le président a dit : « Nous l'avons décidé ! » À Paris, l'Élysée confirme ; les États-Unis aussi.")


def _words(text: str) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in text).split()


GOLD = {"id": "t", "entities": [{"id": "p", "type": "Person", "name": "Paul Durand", "aliases": [], "attrs": {}},
                                 {"id": "c", "type": "City", "name": "Paris", "aliases": [], "attrs": {}}],
        "relations": []}


def _variant(name: str, text: str = TEXT) -> str:
    new = typography.VARIANTS[name](text, GOLD)
    return new[0] if isinstance(new, tuple) else new


def test_each_variant_changes_only_the_typography():
    for name in typography.VARIANTS:
        new = _variant(name, TEXT + " Paul Durand est venu ; M. Durand est reparti.")
        if name == "capital-surnames":
            assert new.endswith("Paul DURAND est venu ; M. DURAND est reparti.") and "Paris" in new
            continue
        assert new != TEXT + " Paul Durand est venu ; M. Durand est reparti.", name
        if name not in ("plain-capitals", "capital-headline", "one-paragraph", "glued-byline", "site-name", "scraped"):
            assert _words(new) == _words(TEXT + " Paul Durand est venu ; M. Durand est reparti."), name  # punctuation and spaces only
    assert "’" not in _variant("straight-apostrophes")
    assert "'" not in _variant("curly-apostrophes")
    assert _variant("english-quotes").count("\u201c") == 1
    assert "«" not in _variant("straight-quotes")
    assert "\u202f:" in _variant("french-spacing")
    plain = _variant("plain-capitals")
    assert "Evian" in plain and "Etats-Unis" in plain and "l'Elysée" in plain and "A Paris" in plain
    assert "\n" not in _variant("one-paragraph") and _words(_variant("one-paragraph")) == _words(TEXT)
    headline = _variant("capital-headline")
    assert headline.startswith("SOMMET DE L’OTAN À ÉVIAN\nLe président")


def test_a_variant_copies_the_gold_unchanged(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(TEXT, encoding="utf-8")
    gold = {"id": "a", "entities": [{"id": "e", "type": "City", "name": "Évian", "aliases": [], "attrs": {}}],
            "relations": []}
    (src / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (src / "b.txt").write_text("rien à changer", encoding="utf-8")
    (src / "b.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    out = tmp_path / "out"
    assert typography.write_variant(src, out, ["a", "b"], typography.VARIANTS["plain-capitals"]) == 1
    assert (out / "a.txt").read_text(encoding="utf-8").startswith("Sommet de l’Otan à Evian")
    assert json.loads((out / "a.gold.json").read_text(encoding="utf-8")) == gold


PAGE = ("Sommet de l’Otan à Évian\n"
        "Le président a parlé, entre autres. Le ministre a répondu. M. Durand est reparti.\n"
        "La ministre a conclu la réunion. Elle rentre demain.")


def test_the_scraper_variants_damage_only_spaces_and_add_their_lines():
    stops = _variant("no-space-after-stop", PAGE * 3)
    assert stops != PAGE * 3 and _words(stops) == _words(PAGE * 3)
    assert any(f".{w} " in stops for w in ("Le", "Elle")) and any(f". {w} " in stops for w in ("Le", "Elle"))  # a share
    assert "M.Durand" not in stops and stops.count("\n") == (PAGE * 3).count("\n")  # « M. » is no sentence's end
    assert _variant("no-space-after-stop", PAGE * 3) == stops  # seeded with the text: the same at every run
    spaced = _variant("double-spaces", PAGE)
    assert "  " in spaced and " ".join(spaced.split(" ")).replace("  ", " ") == PAGE.replace("  ", " ")
    byline = _variant("glued-byline", PAGE)
    first = byline.split("\n")[1]
    assert byline.startswith("Sommet de l’Otan à Évian\nPar ") and first.endswith(PAGE.split("\n")[1])
    assert "." not in first[:first.index("Le président")]  # glued: no full stop between byline and sentence
    _, gold = typography.VARIANTS["glued-byline"](PAGE, GOLD)
    signed = byline[byline.index("Par "):byline.index("Le président")]
    assert gold["entities"][:2] == GOLD["entities"] and all(e["name"] in signed for e in gold["entities"][2:])
    assert len(gold["entities"]) > 2  # the byline's people (or agency) are in the gold, as the guidelines have it
    site = _variant("site-name", PAGE)
    assert site.split("\n")[0][:24] == "Sommet de l’Otan à Évian" and site.split("\n")[0][25] in "|-"
    assert _variant("site-name", PAGE.split("\n", 1)[1]) == PAGE.split("\n", 1)[1]  # no headline: nothing
    scraped = _variant("scraped", PAGE)
    assert "\n" not in scraped and "Par " in scraped and (" | " in scraped or " - " in scraped)
