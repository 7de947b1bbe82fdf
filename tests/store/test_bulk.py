"""The store's corpus-build path (KgStore.add_results): batches bulk-loaded equal transactional
adds, interrupted loads are recovered."""

from __future__ import annotations

import pytest
from rdflib.compare import isomorphic

from kg.pipeline.config import BuildConfig
from kg.pipeline.results import article_result, input_hash
from kg.rdf.mapping import to_graph
from kg.store.store import META_GRAPH, KgStore, graph_iri

from _graphs import canon, synthetic


def named_and_default(st: KgStore) -> tuple[set, set]:
    import pyoxigraph as ox

    meta = ox.NamedNode(str(META_GRAPH))
    named = {q for q in st.oxigraph if not isinstance(q.graph_name, ox.DefaultGraph) and q.graph_name != meta}
    default = {q.triple for q in st.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    return named, default


def test_add_results_equals_transactional_adds_and_records_input_hashes(tmp_path):
    exs = [synthetic(i) for i in range(5)]
    cfg = BuildConfig()
    with KgStore.open(tmp_path / "a") as a, KgStore.open(tmp_path / "b") as b:
        a.add_extractions(exs)
        counts = b.add_results([article_result(ex, cfg) for ex in exs])
        assert counts["added"] == 5 and counts["replaced"] == counts["unchanged"] == 0
        assert named_and_default(a) == named_and_default(b)
        assert {k: e["hash"] for k, e in a.keys().items()} == {k: e["hash"] for k, e in b.keys().items()}
        assert b.input_hash("art-3") == input_hash(exs[3].article, cfg.model, cfg.min_confidence)
        assert a.input_hash("art-3") is None
        # the same batch again: nothing changes; a changed article replaces its own facts only
        assert b.add_results([article_result(ex, cfg) for ex in exs])["unchanged"] == 5
        changed = synthetic(2, variant=" Une phrase de plus.")
        assert b.add_results([article_result(changed, cfg)]) == {"added": 0, "replaced": 1, "unchanged": 0, "loaded": 0}
        assert isomorphic(canon(b.to_graph()), canon(to_graph(exs[:2] + [changed] + exs[3:])))


class _CrashingStore:
    """A pyoxigraph store that dies in the middle of a batch's bulk load (half of it on disk), or
    after it, before its pending marks are removed."""

    def __init__(self, inner, crash_on: str) -> None:
        self._inner, self._crash_on = inner, crash_on

    def bulk_load(self, *args, **kwargs):
        if self._crash_on == "bulk_load":
            half = args[0][: len(args[0]) // 2]
            half = half[: half.rfind(b"\n") + 1]
            self._inner.bulk_load(half, *args[1:], **kwargs)  # part of it made it to disk
            raise OSError("killed")
        return self._inner.bulk_load(*args, **kwargs)

    def remove(self, *args, **kwargs):
        if self._crash_on == "remove":
            raise OSError("killed")
        return self._inner.remove(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def __iter__(self):
        return iter(self._inner)


@pytest.mark.parametrize("crash_on", ["bulk_load", "remove"])
def test_a_batch_interrupted_while_loading_is_recovered(tmp_path, crash_on):
    cfg = BuildConfig()
    first, second = [synthetic(i) for i in range(3)], [synthetic(i) for i in range(3, 6)]
    def crash() -> set:
        with KgStore.open(tmp_path / "st") as st:
            st.add_results([article_result(ex, cfg) for ex in first])
            before = named_and_default(st)
            real = st.oxigraph
            st.oxigraph = _CrashingStore(real, crash_on)
            try:
                st.add_results([article_result(ex, cfg) for ex in second])
            except OSError as exc:
                assert "killed" in str(exc)
            else:
                raise AssertionError("the load did not fail")
            finally:
                st.oxigraph = real
        return before

    import gc

    before = crash()
    gc.collect()  # the database closes when the last reference to it goes
    with KgStore.open(tmp_path / "st") as st:
        assert st.recover() == sorted(str(graph_iri(ex.article.id)) for ex in second)
        assert named_and_default(st) == before  # as if the batch had never started
        assert all(st.input_hash(ex.article.id) is None for ex in second)  # so a new build redoes them
        st.add_results([article_result(ex, cfg) for ex in second])
        assert st.recover() == []
        assert isomorphic(canon(st.to_graph()), canon(to_graph([*first, *second])))


