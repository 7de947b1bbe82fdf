"""kg.pipeline.handoff: a doc parsed here, rebuilt on another vocabulary, extracts to the same
N-Triples; the process doing it reports its failures as one line."""

from __future__ import annotations

import pytest

from kg.errors import KgError
from kg.pipeline.config import BuildConfig
from kg.records import Article

from test_build_corpus import ARTICLES  # tests/pipeline (pytest puts it on sys.path)

pytestmark = pytest.mark.model

UNSEEN = ("Le ministre zorblaxien Kwaxi Zorblaxowa a rencontré mardi à Nairobi son homologue du Kenya "
          "au sommet de l'Union africaine ; la start-up Zorbatech a annoncé 3 millions d'euros.\n\nDu côté français, rien.")


def _articles() -> list[Article]:
    return [Article(i, t, d) for i, t, d in ARTICLES] + [Article("unseen", UNSEEN, "2025-03-04"), Article("empty", " ", None),
        Article("undated", "Le sommet s'est ouvert mercredi à Oslo.", None)]


def test_a_doc_rebuilt_on_another_vocabulary_extracts_the_same():
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

    from kg.extract.extractor import extract
    from kg.nlp.pipeline import load_pipeline
    from kg.pipeline.handoff import doc_from_bytes, doc_to_bytes
    from kg.pipeline.results import article_result

    nlp = load_pipeline("sm")
    other = load_pipeline.__wrapped__("sm")  # its own vocabulary: the new words' strings are not in it
    assert other.vocab is not nlp.vocab
    cfg = BuildConfig(model="sm")
    attrs = [POS, TAG, DEP, HEAD, LEMMA, MORPH, ENT_IOB, ENT_TYPE, SENT_START]
    for art in _articles():
        doc = nlp(art.text)
        with other.memory_zone():
            got = doc_from_bytes(doc_to_bytes(doc), art.text, other.vocab)
            assert got.text == doc.text and [t.text for t in got] == [t.text for t in doc]
            assert [[t.lemma_, t.pos_, t.tag_, t.dep_, str(t.morph), t.head.i, t.ent_type_, t.is_sent_start] for t in got] == \
                [[t.lemma_, t.pos_, t.tag_, t.dep_, str(t.morph), t.head.i, t.ent_type_, t.is_sent_start] for t in doc]
            assert (got.to_array(attrs) == doc.to_array(attrs)).all()
            for key in ("gazetteer", "triggers"):
                assert [(s.start, s.end, s.label_, s.id_) for s in got.spans[key]] == \
                    [(s.start, s.end, s.label_, s.id_) for s in doc.spans[key]]
            assert article_result(extract(got, art), cfg).nt == article_result(extract(doc, art), cfg).nt
    unseen = nlp(UNSEEN)
    assert {s.label_ for s in unseen.spans["gazetteer"]} >= {"ROLE", "CITY"} and len(unseen.spans["triggers"]) > 0


def test_the_extraction_process_rebuilds_docs_in_zones_of_several_the_same():
    # the extraction process keeps a spaCy memory zone open for several docs (kg.pipeline.handoff._Zones),
    # as spaCy's process does for a chunk: the words an article adds serve the next ones, and the
    # N-Triples are those of one zone per doc
    import contextlib

    from kg.extract.extractor import extract
    from kg.nlp.pipeline import load_pipeline
    from kg.pipeline.handoff import _Zones, doc_from_bytes, doc_to_bytes
    from kg.pipeline.results import article_result

    nlp = load_pipeline("sm")
    other = load_pipeline.__wrapped__("sm")
    cfg = BuildConfig(model="sm")
    arts = _articles() * 2
    payloads = [doc_to_bytes(nlp(a.text)) for a in arts]
    alone = []
    for art, data in zip(arts, payloads):
        with other.memory_zone():
            alone.append(article_result(extract(doc_from_bytes(data, art.text, other.vocab), art), cfg).nt)
    together = []
    known = []  # is a word of the unseen article in the vocabulary, after each doc?
    with _Zones(other, 7) as zones:
        for art, data in zip(arts, payloads):
            zones.next_doc()
            together.append(article_result(extract(doc_from_bytes(data, art.text, other.vocab), art), cfg).nt)
            known.append("Zorblaxowa" in other.vocab.strings)
    assert together == alone
    assert [a.id for a in arts].index("unseen") == 5  # zones: docs 0-6, 7-13, 14-15
    assert known[5] and known[6] and not known[7]  # kept in its zone (doc 6 finds it), freed with it
    assert "Zorblaxowa" not in other.vocab.strings

    class Pipeline:  # counts the zones opened and closed
        def __init__(self):
            self.log = []

        @contextlib.contextmanager
        def memory_zone(self):
            self.log.append("open")
            try:
                yield
            finally:
                self.log.append("close")

    fake = Pipeline()
    with _Zones(fake, 2) as zones:
        for _ in range(5):
            zones.next_doc()
    assert fake.log == ["open", "close"] * 3  # docs 1-2, 3-4, 5: the last one closed at the end
    fake = Pipeline()
    with pytest.raises(ValueError), _Zones(fake, 8) as zones:
        zones.next_doc()
        raise ValueError("an article that cannot be extracted")
    assert fake.log == ["open", "close"]


@pytest.mark.integration
def test_the_extraction_process_gives_results_in_order_and_reports_failures_in_one_line():
    from kg.nlp.pipeline import load_pipeline
    from kg.pipeline.chunks import process_chunk
    from kg.pipeline.handoff import ExtractionProcess

    cfg = BuildConfig(model="sm")
    nlp = load_pipeline("sm")
    helper = ExtractionProcess(cfg)
    try:
        helper.wait_ready()
        arts = _articles()
        for art in arts:
            helper.send(nlp(art.text), art, 0.25)
        got = helper.ready() + helper.finish()
        assert [r.key for r in got] == [a.id for a in arts]
        assert all(r.seconds[0] == 0.25 and r.handoff > 0 for r in got)
        assert got[0].triples > got[-2].triples > 0 and got[-1].warnings == process_chunk(arts[-1:], cfg, "ntriples")[0].warnings
        assert "relative dates (« mercredi »)" in got[-1].warnings[0]
        helper._send_frame((arts[0], 0.0, b"not a doc"))  # something it cannot read
        helper._sent.append(0.0)
        with pytest.raises(KgError) as err:
            helper.finish()
        assert "extracting the articles failed: article 'cop-a'" in str(err.value) and "\n" not in str(err.value)
    finally:
        helper.close()
    helper = ExtractionProcess(cfg)
    try:
        helper.wait_ready()
        helper._proc.kill()
        with pytest.raises(KgError, match=r"the process extracting the articles stopped \(exit code -9\)"):
            for art in _articles() * 20:
                helper.send(nlp(art.text), art, 0.0)
            helper.finish()
    finally:
        helper.close()
