"""igraph's closeness of many nodes of a large graph, shared with a second process.

Closeness is one breadth-first search per node asked for: for the municipal units of a region
(3,500 searches over 146,000 nodes and 835,000 ties) about 23 s on one core, the bulk of its
node metrics. igraph holds Python's global lock while it runs, so a thread would not help; a
child process takes part of the nodes on the other core. Each search is independent, so the
values are exactly those of one call. Below :data:`SPLIT_WORK` (a municipality), or with one
core, or if the child fails, everything runs here.

The child is a plain interpreter given the graph as an edge list on its standard input: it
reads its input before importing anything, so this process never waits on a full pipe.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from array import array
from itertools import chain
from typing import Any

__all__ = ["SPLIT_WORK", "closeness"]

# Node visits plus tie visits over all searches above which a second process pays (~1 s to
# start it, import igraph and rebuild the graph): about 3 s of searching.
SPLIT_WORK = 800_000_000
# The child's share of the nodes: a little under half, for its start-up.
_CHILD_SHARE = 0.45

_CHILD = """
import pickle, sys
n, edges, vertices = pickle.loads(sys.stdin.buffer.read())
from array import array
import igraph
ends = array("q")
ends.frombytes(edges)
pairs = iter(ends)
graph = igraph.Graph(n=n, edges=list(zip(pairs, pairs)), directed=False)
sys.stdout.buffer.write(pickle.dumps(graph.closeness(vertices=vertices, mode="all", normalized=True)))
"""


def closeness(graph: Any, vertices: list[int]) -> list[float]:
    """``graph.closeness(vertices, mode="all", normalized=True)`` for an undirected igraph
    graph, the work shared with a child process when it is large (module docstring)."""
    work = len(vertices) * (graph.vcount() + 2 * graph.ecount())
    if work < SPLIT_WORK or len(vertices) < 2 or len(os.sched_getaffinity(0)) < 2:
        return _here(graph, vertices)
    cut = int(len(vertices) * _CHILD_SHARE)
    theirs, mine = vertices[:cut], vertices[cut:]
    edges = array("q", chain.from_iterable(graph.get_edgelist())).tobytes()
    command = [sys.executable, "-c", _CHILD]
    try:
        child = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
    except OSError:
        return _here(graph, vertices)
    with child:
        assert child.stdin is not None and child.stdout is not None
        try:
            child.stdin.write(pickle.dumps((graph.vcount(), edges, theirs)))
            child.stdin.close()
        except OSError:  # the child is gone already
            child.kill()
            return _here(graph, vertices)
        try:
            ours = _here(graph, mine)
            answer = child.stdout.read()
        except BaseException:
            child.kill()
            raise
        failed = child.wait() != 0 or not answer
    # The child's answer is a pickle from the interpreter started here, of plain floats.
    found: list[float] = _here(graph, theirs) if failed else pickle.loads(answer)
    return found + ours


def _here(graph: Any, vertices: list[int]) -> list[float]:
    return graph.closeness(vertices=vertices, mode="all", normalized=True)  # type: ignore[no-any-return]
