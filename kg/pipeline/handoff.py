"""One spaCy process, extraction alongside: the parsed docs handed to a second process.

With one process (``-j1``), a corpus build's extraction and mapping to N-Triples used to run in
spaCy's process between docs, on the core that limits the build. With
``BuildConfig.extraction_process`` they run in a helper process instead, on the other core:

    this process:    nlp.pipe ─► doc_to_bytes ──(a pipe)──┐
    helper process:            doc_from_bytes ◄───────────┘ ─► extract ─► N-Triples (ArticleResult)
    this process:    a reader thread ◄──(a pipe)── pickled ArticleResult ─► BatchWriter, as before

A doc travels in a lean form (:func:`doc_to_bytes`: about 0.5 ms per article on spaCy's side,
against ~5 ms of extraction): the token attributes the extractor reads as one numpy array
(part of speech, tag, dependency, head, lemma, morphology, entities), each token's offset and
trailing space, the strings the helper's vocabulary may lack, and the ``gazetteer`` and
``triggers`` span groups; the helper rebuilds the ``Doc`` on its own copy of the pipeline's
vocabulary (:func:`doc_from_bytes`) from the article's text. The results are the same as the
in-process path's, byte for byte (tests/pipeline/test_handoff.py).

The helper is ``python -m kg.pipeline.handoff`` (a plain subprocess, like
:mod:`kg.pipeline.outputs`); frames on both pipes are length-prefixed pickles. It ignores Ctrl-C
(the parent's to handle) and stops at the end of its input, so a killed build takes it along.
"""

from __future__ import annotations

import collections
import contextlib
import pickle
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from kg.errors import KgError
from kg.pipeline.chunks import _PIPE_LOCK, _memory_zone, date_warnings
from kg.pipeline.config import BuildConfig
from kg.records import Article

__all__ = ["doc_to_bytes", "doc_from_bytes", "handoff_results", "ExtractionProcess"]

_GROUPS = ("gazetteer", "triggers")  # kg.nlp.pipeline.GAZETTEER_KEY, TRIGGERS_KEY


def _attrs() -> list[int]:
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG

    return [POS, TAG, DEP, HEAD, LEMMA, MORPH, ENT_IOB, ENT_TYPE]


_STRING_COLUMNS = [1, 4, 5]  # TAG, LEMMA, MORPH: values (hashes) a fresh vocabulary may not know


def doc_to_bytes(doc) -> bytes:
    """``doc`` in the form :func:`doc_from_bytes` rebuilds (with the same text) on another vocabulary."""
    import numpy as np
    from spacy.attrs import IDX, SPACY

    arr = doc.to_array(_attrs())
    hashes = set(np.unique(arr[:, _STRING_COLUMNS]).tolist())
    groups = []
    for key in _GROUPS:
        group = doc.spans.get(key)
        if group is None:
            groups.append(None)
            continue
        spans = [(s.start, s.end, s.label, s.id) for s in group]
        for _a, _b, label, id_ in spans:
            hashes.add(label)
            hashes.add(id_)
        groups.append(spans)
    hashes.discard(0)
    strings = doc.vocab.strings
    return pickle.dumps((arr.tobytes(), doc.to_array([IDX, SPACY]).tobytes(), [strings[h] for h in hashes], groups),
                        protocol=pickle.HIGHEST_PROTOCOL)


def doc_from_bytes(data: bytes, text: str, vocab):
    """The ``Doc`` of ``text`` that :func:`doc_to_bytes` gave ``data`` for, on ``vocab``."""
    import numpy as np
    from spacy.tokens import Doc, Span

    arr_bytes, offsets, strings, groups = pickle.loads(data)
    for s in strings:
        vocab.strings.add(s)
    pos = np.frombuffer(offsets, dtype=np.uint64).reshape(-1, 2)
    starts = pos[:, 0].tolist()
    spaces = [bool(x) for x in pos[:, 1].tolist()]
    ends = starts[1:] + [len(text)]
    words = [text[a:b - 1] if sp else text[a:b] for a, b, sp in zip(starts, ends, spaces)]
    doc = Doc(vocab, words=words, spaces=spaces)
    attrs = _attrs()
    if words:
        doc.from_array(attrs, np.frombuffer(arr_bytes, dtype=np.uint64).reshape(len(words), len(attrs)))
    for key, spans in zip(_GROUPS, groups):
        if spans is not None:
            doc.spans[key] = [Span(doc, a, b, label=label, span_id=id_) for a, b, label, id_ in spans]
    return doc


# ------------------------------------------------------------------------------ frames


def _write(f, obj) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    f.write(len(data).to_bytes(8, "little"))
    f.write(data)


def _read(f) -> bytes | None:
    """A frame's bytes; None at the end of the stream."""
    head = f.read(8)
    if len(head) < 8:
        return None
    n = int.from_bytes(head, "little")
    data = f.read(n)
    return data if len(data) == n else None


# ------------------------------------------------------------------------------ this process's side


class ExtractionProcess:
    """The helper process extracting docs parsed here: :meth:`send` each doc, :meth:`ready` gives
    the :class:`~kg.pipeline.results.ArticleResult` that are back, :meth:`finish` the rest, in
    the order sent. Its failures are raised as one-line :class:`KgError`."""

    def __init__(self, config: BuildConfig, *, depth: int = 128) -> None:
        import os
        import subprocess
        import sys

        import kg

        env = dict(os.environ)
        root = str(Path(kg.__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join([root, *filter(None, [env.get("PYTHONPATH")])])
        self._proc = subprocess.Popen([sys.executable, "-m", "kg.pipeline.handoff"], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, env=env)
        with contextlib.suppress(Exception):  # Linux: room for a few docs, so a slower moment there does not stall spaCy
            import fcntl

            fcntl.fcntl(self._proc.stdin.fileno(), 1031, 1 << 20)  # F_SETPIPE_SZ
        self._replies: queue.Queue = queue.Queue()
        self._reader = threading.Thread(target=self._read_replies, name="kg-extraction-reader", daemon=True)
        self._reader.start()
        self._sent: collections.deque = collections.deque()  # the handoff seconds of the docs not back yet
        self._ready = False
        self._failed = False
        # frames go out from a thread: spaCy's docs come in bursts (a batch at a time), faster than they
        # are extracted, and a full pipe would otherwise hold spaCy up until the helper has caught up;
        # ``depth`` docs at most wait (a helper slower than spaCy holds spaCy up, rather than fill memory)
        self._outbox: queue.Queue = queue.Queue(maxsize=depth)
        self._sender = threading.Thread(target=self._send_frames, name="kg-extraction-sender", daemon=True)
        self._sender.start()
        self._send_frame(config)

    def _read_replies(self) -> None:
        out = self._proc.stdout
        while True:
            try:
                data = _read(out)
            except (OSError, ValueError):
                data = None
            self._replies.put(data)
            if data is None:
                return

    def _send_frames(self) -> None:
        stdin = self._proc.stdin
        while True:
            data = self._outbox.get()
            if data is None:
                break
            try:
                stdin.write(len(data).to_bytes(8, "little"))
                stdin.write(data)
                stdin.flush()
            except (OSError, ValueError):  # the helper stopped: the reader sees it too, and says why
                self._failed = True
                break
        with contextlib.suppress(OSError, ValueError):
            stdin.close()

    def _send_frame(self, obj) -> None:
        data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        while True:
            if self._failed or not self._sender.is_alive():
                self._raise_failure()
            with contextlib.suppress(queue.Full):
                self._outbox.put(data, timeout=1)
                return

    def _reply(self, block: bool):
        """The next reply (None: none yet, without ``block``); raises the helper's failures."""
        try:
            data = self._replies.get(block=block)
        except queue.Empty:
            return None
        if data is None:
            self._raise_failure()
        reply = pickle.loads(data)
        if isinstance(reply, dict):
            raise KgError(reply["error"])
        return reply

    def wait_ready(self) -> None:
        """Wait until the helper has loaded the pipeline."""
        if not self._ready:
            self._reply(block=True)
            self._ready = True

    def send(self, doc, article: Article, parse_seconds: float) -> None:
        t0 = time.perf_counter()
        payload = doc_to_bytes(doc)
        self._send_frame((article, parse_seconds, payload))
        self._sent.append(time.perf_counter() - t0)

    def ready(self) -> list:
        """The results that are back (without waiting)."""
        out = []
        while self._sent:
            res = self._reply(block=False)
            if res is None:
                break
            out.append(replace(res, handoff=self._sent.popleft()))
        return out

    def finish(self) -> list:
        """Wait for the results of every doc sent (the wait counts as handing over: spaCy is done)."""
        out = []
        t0 = time.perf_counter()
        while self._sent:
            res = self._reply(block=True)
            out.append(replace(res, handoff=self._sent.popleft()))
        if out:
            out[-1] = replace(out[-1], handoff=out[-1].handoff + time.perf_counter() - t0)
        return out

    def close(self) -> None:
        """Stop the helper at once: after :meth:`finish` it has nothing left to do (and waiting for a
        Python process with spaCy loaded to exit costs half a second), after an error or Ctrl-C nothing
        it would still do is wanted."""
        if self._proc.poll() is None:
            self._proc.kill()
        with contextlib.suppress(queue.Empty):
            while True:
                self._outbox.get_nowait()
        with contextlib.suppress(queue.Full):
            self._outbox.put(None, timeout=5)
        self._sender.join(timeout=5)
        self._proc.wait()
        with contextlib.suppress(Exception):
            self._proc.stdout.close()
        self._reader.join(timeout=5)

    def _raise_failure(self):
        with contextlib.suppress(Exception):
            self._proc.wait(timeout=5)
        raise KgError(f"the process extracting the articles stopped (exit code {self._proc.returncode})") from None


def handoff_results(chunks: Iterable[list[Article]], config: BuildConfig,
                    on_ready: Callable[[], None] | None = None) -> Iterator[list]:
    """The ``local`` executor's one-process path for corpus builds (``mode="ntriples"``) with
    ``config.extraction_process``: spaCy here, extraction and mapping in an :class:`ExtractionProcess`;
    lists of :class:`~kg.pipeline.results.ArticleResult` in input order."""
    from kg.nlp.pipeline import load_pipeline, text_for_model

    helper = ExtractionProcess(config)  # it loads its pipeline while this process loads its own
    try:
        nlp = load_pipeline(config.model)
        helper.wait_ready()
        if on_ready:
            on_ready()
        clock = time.perf_counter
        for chunk in chunks:
            with _PIPE_LOCK, _memory_zone(nlp):
                docs = nlp.pipe(((text_for_model(nlp, a.text), a) for a in chunk), as_tuples=True, batch_size=config.batch_size)
                t0 = clock()
                for doc, art in docs:
                    helper.send(doc, art, clock() - t0)
                    out = helper.ready()
                    if out:  # as they come: the writer hands small batches on while spaCy runs
                        yield out
                    t0 = clock()
            out = helper.ready()
            if out:
                yield out
        out = helper.finish()
        helper.close()
        if out:
            yield out
    finally:
        helper.close()


# ------------------------------------------------------------------------------ the helper process


class _Zones:
    """spaCy memory zones of ``size`` docs each (:meth:`next_doc` before each doc), as spaCy's own
    process parses a chunk of articles in one zone: the words an article adds to the vocabulary
    (its lexemes, made with their lexical attributes when the doc is rebuilt) serve the next
    articles of the zone instead of being made again for each article, and are freed with the
    zone, so that memory stays flat over any corpus. The docs are the same (an extraction reads no
    vocabulary entry but the pipeline's own: word vectors, the lemmatizer's word list)."""

    def __init__(self, nlp, size: int) -> None:
        self.nlp = nlp
        self.size = max(1, size)
        self.count = 0
        self._zone = None

    def next_doc(self) -> None:
        if self._zone is not None and self.count >= self.size:
            self.close()
        if self._zone is None:
            self._zone = _memory_zone(self.nlp)
            self._zone.__enter__()
            self.count = 0
        self.count += 1

    def close(self) -> None:
        zone, self._zone = self._zone, None
        if zone is not None:
            zone.__exit__(None, None, None)

    def __enter__(self) -> _Zones:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def main() -> int:
    """The helper: the config, then (article, spaCy seconds, doc bytes) frames in on standard input;
    a ready frame, then one ArticleResult per doc out on standard output (or an error, and stop)."""
    import os
    import signal
    import sys

    from kg.pipeline.config import helper_process_start, settle_after_loading

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    helper_process_start()
    reply_to = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout = sys.stderr  # nothing else may write on the reply channel
    source = sys.stdin.buffer
    article = None
    try:
        data = _read(source)
        if data is None:
            return 0
        config: BuildConfig = pickle.loads(data)
        from kg.extract.extractor import extract
        from kg.nlp.pipeline import load_pipeline, text_for_model
        from kg.pipeline.results import article_result

        nlp = load_pipeline(config.model)
        with _memory_zone(nlp):  # the extractor's lazy loads (reference data, lexicon), before the clock starts
            extract(nlp("Le sommet du G7 s'ouvre à Rome."), Article("warm-up", "Le sommet du G7 s'ouvre à Rome."))
        settle_after_loading()
        _write(reply_to, "ready")
        reply_to.flush()
        clock = time.perf_counter
        with _Zones(nlp, config.chunk_size) as zones:
            while True:
                data = _read(source)
                if data is None:
                    break
                article, parse_seconds, payload = pickle.loads(data)
                t0 = clock()
                zones.next_doc()
                doc = doc_from_bytes(payload, text_for_model(nlp, article.text), nlp.vocab)
                ex = extract(doc, article)
                notes = date_warnings(article)
                if notes:
                    ex = replace(ex, warnings=ex.warnings + notes)
                t1 = clock()
                res = article_result(ex, config, seconds=(parse_seconds, t1 - t0))
                del doc, ex
                _write(reply_to, res)
                reply_to.flush()
    except BrokenPipeError:
        return 0
    except BaseException as exc:  # noqa: BLE001 - reported to the parent
        where = f"article {article.id!r}: " if article is not None else ""
        msg = " ".join((str(exc) or type(exc).__name__).split())
        if not isinstance(exc, KgError):
            msg = f"extracting the articles failed: {where}{type(exc).__name__}: {msg}"
        with contextlib.suppress(Exception):
            _write(reply_to, {"error": msg})
            reply_to.flush()
        return 1
    with contextlib.suppress(BrokenPipeError):
        reply_to.flush()
    return 0


if __name__ == "__main__":
    import sys

    from kg.pipeline.handoff import main as _main  # this module's classes, not __main__'s, in the pickles

    sys.exit(_main())
