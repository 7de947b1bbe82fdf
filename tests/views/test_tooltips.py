"""What a view's tooltips hold: names found in sentences, bounded mentions, shared tables, safe URLs.

The page draws these records (``kg/views/templates/view.html.j2``); tests/views/test_views.py
checks the drawing in headless Chromium.
"""

from __future__ import annotations

import json
import re

import pytest

from kg.views.tooltips import EVIDENCE_SHOWN, MENTIONS_SHOWN, SENTENCE_MAX, Tooltips, http_url, name_spans


def _mention(article: str, sentence: str, start: int = 0, published: str = "2024-01-01", title: str = "",
             url: str = "") -> dict:
    return {"sentence": sentence, "article": article, "published": published, "title": title, "url": url,
            "start": start, "end": start + 5, "confidence": 0.9}


def _words(sentence: str, spans) -> list[str]:
    return [sentence[s:e] for s, e in spans]


# ── names in sentences ────────────────────────────────────────────────────────────────────────


def test_names_are_found_whatever_their_case_accents_and_apostrophes():
    s = "À l’Élysée, EMMANUEL MACRON a reçu M. Macron ; l'elysee a confirmé."
    spans = name_spans(s, ["Emmanuel Macron", "Macron", "L’Élysée"])
    assert _words(s, spans) == ["l’Élysée", "EMMANUEL MACRON", "Macron", "l'elysee"]


def test_names_are_whole_words_and_the_longest_wins():
    s = "Les Parisiens et Paris : le sommet de Paris-Saclay, à Paris."
    assert _words(s, name_spans(s, ["Paris"])) == ["Paris", "Paris", "Paris"]  # not Parisiens
    s = "Le sommet du G7 d’Hiroshima réunit le G7."
    assert _words(s, name_spans(s, ["G7", "sommet du G7 d’Hiroshima"])) == ["sommet du G7 d’Hiroshima", "G7"]
    assert name_spans("Un texte sans le nom.", ["Macron", "", " ", "x"]) == []


def test_http_url_keeps_only_web_links():
    assert http_url("https://example.org/a?b=c#d") == "https://example.org/a?b=c#d"
    assert http_url(" HTTP://example.org ") == "HTTP://example.org"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>x</script>", "file:///etc/passwd",
                "//example.org/x", "http:///nohost", "https://exa mple.org", "vbscript:x", "", "http://[::1"):
        assert http_url(bad) == "", bad


# ── a node's tooltip ──────────────────────────────────────────────────────────────────────────


def test_a_node_shows_a_few_mentions_one_article_at_a_time():
    ms = [_mention("a", f"Macron parle ({i}).", i, "2024-01-02") for i in range(5)]
    ms += [_mention("b", "Macron arrive.", 0, "2024-01-01", "Le titre", "https://example.org/b")]
    ms += [_mention("a", "Macron parle (0).", 50, "2024-01-02")]  # the same sentence again: shown once
    tips = Tooltips()
    tip = tips.node({"label": "Emmanuel Macron", "aliases": ["Macron"], "mentions": ms}, 2)
    tables = tips.tables()
    shown = [(tables["articles"][a][0], tables["sentences"][s]) for s, a, _ in tip["m"]]
    # the oldest article's first sentence, then the other article's first, then its second
    assert shown == [("b", "Macron arrive."), ("a", "Macron parle (0)."), ("a", "Macron parle (1).")]
    assert len(tip["m"]) == MENTIONS_SHOWN
    assert tip["more"] == [6 - MENTIONS_SHOWN, 2]  # 6 distinct sentences, 2 articles
    assert all(_words(tables["sentences"][s], spans) == ["Macron"] for s, _, spans in tip["m"])
    assert tables["articles"][tip["m"][0][1]] == ["b", "Le titre", "2024-01-01", "https://example.org/b"]
    assert tip["rows"] == [["also:", "Macron"], ["links:", "2"]]


def test_an_entity_without_mentions_has_no_mention_records():
    tip = Tooltips().node({"label": "X", "aliases": [], "role": "ministre"}, 0)
    assert "m" not in tip and "more" not in tip
    assert tip["rows"] == [["role:", "ministre"], ["links:", "0"]]


def test_sentences_and_articles_are_stored_once_per_page():
    tips = Tooltips()
    shared = "Hayashi et Blinken se sont rencontrés à Tokyo."
    tips.node({"label": "Hayashi", "mentions": [_mention("a", shared)]}, 1)
    tips.node({"label": "Blinken", "mentions": [_mention("a", shared, 20)]}, 1)
    tips.edge({"evidence": [_mention("a", shared)]})
    assert tips.tables()["sentences"] == [shared]
    assert len(tips.tables()["articles"]) == 1


def test_a_long_sentence_is_cut_around_the_name():
    long = "mot " * 300 + "Olaf Scholz a parlé. " + "suite " * 300
    tips = Tooltips()
    (s, _a, spans), = tips.node({"label": "Olaf Scholz", "mentions": [_mention("a", long)]}, 0)["m"]
    text = tips.tables()["sentences"][s]
    assert len(text) <= SENTENCE_MAX + 2 and text.startswith("…") and text.endswith("…")
    assert _words(text, spans) == ["Olaf Scholz"]


def test_highlights_count_utf16_units_as_javascript_does():
    s = "🇫🇷 Le 🎉 président Macron arrive."
    tips = Tooltips()
    (_s, _a, spans), = tips.node({"label": "Macron", "mentions": [_mention("a", s)]}, 0)["m"]
    utf16 = s.encode("utf-16-le")
    (a, b), = spans
    assert utf16[2 * a:2 * b].decode("utf-16-le") == "Macron"


def test_an_edge_shows_a_few_sentences_and_counts_the_others():
    ev = [_mention("a", f"Phrase {i}.", i) for i in range(EVIDENCE_SHOWN + 3)]
    tips = Tooltips()
    tip = tips.edge({"evidence": ev})
    assert [tips.tables()["sentences"][s] for s, _a, _c in tip["ev"]] == [f"Phrase {i}." for i in range(EVIDENCE_SHOWN)]
    assert tip["more"] == 3 and tip["ev"][0][2] == 0.9
    assert Tooltips().edge({"evidence": [], "comment": "rdfs:subClassOf"}) == {"note": "rdfs:subClassOf"}


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "https://ok.example.org/"])
def test_only_web_urls_reach_the_page(url):
    tips = Tooltips()
    tips.node({"label": "X", "mentions": [_mention("a", "X.", url=url)]}, 0)
    (article,) = tips.tables()["articles"]
    assert article[3] == (url if url.startswith("https:") else "")


def test_the_tables_are_json_that_cannot_close_the_script(tmp_path):
    from kg.rdf.mapping import to_graph
    from kg.records import Article, Entity, Evidence, Extraction
    from kg import views

    evil = "</script><script>alert(1)</script><!--"
    art = Article("x", "", "2024-01-01", "https://example.org/</script>", evil)
    ents = (Entity("person/evil", "Person", evil, (), (), (Evidence("x", evil + " et encore", 0, 5, 0.9),)),)
    page = views.render_html(to_graph([Extraction(art, ents, ())]), tmp_path / "v.html").read_text(encoding="utf-8")
    assert "</script><script>alert(1)" not in page
    tables = re.search(r"var tipData = (\{.*?\});\n", page).group(1)
    data = json.loads(tables)
    assert evil + " et encore" in data["sentences"] and data["articles"][0][1] == evil


def test_an_implied_fact_says_so_in_its_edge_tooltip():
    from kg.rdf.mapping import to_graph
    from kg.records import Article, Entity, Evidence, Extraction, Relation
    from kg.views import to_networkx

    text = "Le ministre Paul Durand a parlé. La France a salué l'accord."
    person, country = Entity("person/paul-durand", "Minister", "Paul Durand"), Entity("country/FRA", "Country", "France")
    ev = lambda implied: (Evidence("a1", text, 12, 23, 0.6, implied=implied),)  # noqa: E731
    ex = Extraction(Article("a1", text, "2024-01-01"),
                    (Entity(person.key, person.type, person.label, evidence=ev(False)),
                     Entity(country.key, country.type, country.label, evidence=ev(False))),
                    (Relation(person.key, "ministerOf", country.key, ev(True)),
                     Relation(person.key, "nationality", country.key, ev(False))))
    G = to_networkx(to_graph([ex]))
    (u,), (v,) = [n for n in G if n.endswith("paul-durand")], [n for n in G if n.endswith("FRA")]
    implied, stated = G.edges[u, v, "ministerOf"], G.edges[u, v, "nationality"]
    assert [r["implied"] for r in implied["evidence"]] == [True]
    assert [r["implied"] for r in stated["evidence"]] == [False]
    tips = Tooltips()
    assert [len(x) for x in tips.edge(implied)["ev"]] == [4] and tips.edge(implied)["ev"][0][3] == 1
    assert [len(x) for x in tips.edge(stated)["ev"]] == [3]
