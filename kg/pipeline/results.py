"""What a corpus build produces: one :class:`ArticleResult` per article (its N-Triples, from the
one emitter, and bookkeeping), and the :class:`BuildStats` of the whole build."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.records import Article, Extraction

if TYPE_CHECKING:
    from kg.pipeline.config import BuildConfig

__all__ = ["ArticleResult", "BuildStats", "article_result", "input_hash"]


@dataclass(frozen=True)
class ArticleResult:
    """One article, ready to store: its N-Triples (sorted, one triple per line) and bookkeeping."""

    key: str  #: the article id
    input_hash: str
    nt: bytes  #: the article's triples as sorted N-Triples lines
    triples: int
    words: int
    seconds: tuple[float, float, float] = (0.0, 0.0, 0.0)  #: time in spaCy, extraction and mapping to N-Triples
    warnings: tuple[str, ...] = ()  #: the extraction's warnings (:attr:`kg.records.Extraction.warnings`)
    handoff: float = 0.0  #: time spaCy's process spent handing the doc to the extraction process (:mod:`kg.pipeline.handoff`)

    @property
    def content_hash(self) -> str:
        """The same hash :func:`kg.store.layout.content_hash` gives for these triples."""
        return "sha256:" + hashlib.sha256(self.nt).hexdigest()


@dataclass
class BuildStats:
    """Counts and timings of a corpus build (what the summary line and the benchmark print)."""

    articles: int = 0  #: articles extracted in this run
    resumed: int = 0  #: articles skipped because the store already had them (input hash)
    words: int = 0  #: words of the extracted articles
    triples: int = 0  #: triples of the extracted articles (each article counted on its own)
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    startup_seconds: float = 0.0  #: until the pipeline(s) were loaded
    seconds: float = 0.0  #: from then to the end (extraction and writing)
    cpu_seconds: float = 0.0  #: CPU time of this process (all its threads) over ``seconds``
    load_seconds: float = 0.0  #: time the writer spent loading batches into the sinks
    loaded_triples: int = 0  #: triples written by the writer (store: named graph + merged graph quads)
    parse_seconds: float = 0.0  #: time in spaCy (``nlp.pipe``), summed over the processes running it
    extract_seconds: float = 0.0  #: time in kg's extraction rules, likewise
    map_seconds: float = 0.0  #: time writing the articles' N-Triples (the emitter), likewise
    handoff_seconds: float = 0.0  #: time spaCy's process spent handing docs to the extraction process (``-j1``)
    finish_seconds: float = 0.0  #: after the last article: the writer's last batch, then graph.ttl, validation, view

    def rate(self, what: str) -> float:
        return getattr(self, what) / self.seconds if self.seconds > 0 else 0.0


def _kg_version() -> str:
    from kg import __version__

    return __version__


def input_hash(article: Article, model: str, min_confidence: float) -> str:
    """What a restarted build compares to skip an article: SHA-256 of everything its triples
    depend on — the article's id, text, date, url and title, the model, the confidence
    threshold and kg's version."""
    payload = json.dumps(
        [article.id, article.text, article.published, article.url, article.title, model, float(min_confidence), _kg_version()],
        ensure_ascii=False,
    )
    return "sha256:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()


def article_result(ex: Extraction, config: BuildConfig, ihash: str | None = None,
                   seconds: tuple[float, float] = (0.0, 0.0)) -> ArticleResult:
    """``ex`` as N-Triples (:func:`kg.rdf.ntriples.article_lines`) with its bookkeeping
    (``seconds``: the time spaCy and the extraction took over it)."""
    import time

    from kg.rdf.ntriples import article_lines

    t0 = time.perf_counter()
    lines = article_lines(ex, min_confidence=config.min_confidence)
    art = ex.article
    return ArticleResult(
        key=art.id,
        input_hash=ihash or input_hash(art, config.model, config.min_confidence),
        nt="".join(sorted(lines)).encode("utf-8"),
        triples=len(lines),
        words=len(art.text.split()),
        seconds=(seconds[0], seconds[1], time.perf_counter() - t0),
        warnings=ex.warnings,
    )
