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
