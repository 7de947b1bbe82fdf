"""The view's positions depend only on the graph: not on Python's string hashing, which differs
from one process to the next (PYTHONHASHSEED), so the same build draws the same graph.html."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

_SCRIPT = """
import json, random, sys
import networkx as nx
from kg.views.layout import seed_layout
rng = random.Random(3)
G = nx.MultiDiGraph()
n = int(sys.argv[1])
names = [f"https://example.org/e/{i}-{rng.random():.6f}" for i in range(n)]
G.add_nodes_from(names)
for _ in range(2 * n):
    u, v = rng.choice(names), rng.choice(names)
    G.add_edge(u, v, key=rng.choice(["attendee", "hostCity"]))
    if rng.random() < 0.3:
        G.add_edge(v, u, key="about")
print(json.dumps(sorted((k, round(x, 6), round(y, 6)) for k, (x, y) in seed_layout(G).items())))
"""


@pytest.mark.parametrize("nodes", [60, 600])  # networkx's spring layout below 400 nodes, the sampled one above
def test_positions_are_the_same_whatever_the_hash_seed(nodes):
    def positions(seed: str):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", _SCRIPT, str(nodes)], env=env, capture_output=True, text=True, check=True)
        return json.loads(out.stdout)

    first = positions("1")
    assert len(first) == nodes
    assert positions("2") == first


def test_sampled_layout_keeps_linked_nodes_close_and_spreads_the_rest():
    """Cliques of 8 nodes, each joined to the next by one edge: a node's clique mates end up far
    closer to it than the nodes of other cliques, and no two nodes share a position."""
    import math

    import networkx as nx

    from kg.views.layout import sampled_layout

    und = nx.Graph()
    cliques = [[f"c{c:03d}n{i}" for i in range(8)] for c in range(80)]  # 640 nodes
    for members in cliques:
        und.add_edges_from((u, v) for i, u in enumerate(members) for v in members[i + 1:])
    und.add_edges_from((a[0], b[0]) for a, b in zip(cliques, cliques[1:]))
    pos = sampled_layout(und)
    assert set(pos) == set(und.nodes)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in pos.values())
    assert len({(round(x, 3), round(y, 3)) for x, y in pos.values()}) == len(pos)

    def dist(u, v):
        return math.dist(pos[u], pos[v])

    inside = [dist(u, v) for m in cliques for i, u in enumerate(m) for v in m[i + 1:]]
    across = [dist(a[3], b[5]) for a, b in zip(cliques, cliques[40:])]
    assert sorted(inside)[len(inside) // 2] * 3 < sorted(across)[len(across) // 2]
