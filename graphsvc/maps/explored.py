"""What a map shows once its exploring options are applied: the sectors, kinds and tie types
the legend hides, the one area shown, the focus on an actor and its steps.

The live page applies them in the browser (``static/map.js``, ``computeShown``) without
redrawing; a slide (PNG or SVG) of a saved view or share link applies them here, by the same
rules, so a download shows what the view shows:
- a node is drawn if its sector and kind are not hidden and, with ``only_area``, it lies in
  that area or is that area;
- with ``focus``, only the focused actor and the nodes that pass within ``focus_steps`` ties
  of it (through ties not hidden) are drawn;
- a tie is drawn if both its ends are and its type is not hidden.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from graphsvc.maps.model import MapData

__all__ = ["explored"]


def explored(m: MapData) -> MapData:
    o = m.options
    if not (o.hide_sectors or o.hide_kinds or o.hide_ties or o.only_area or o.focus):
        return m
    hidden_ties = set(o.hide_ties)
    passing = {
        n.id
        for n in m.nodes
        if (n.sector is None or n.sector not in o.hide_sectors)
        and n.kind not in o.hide_kinds
        and (o.only_area is None or n.area == o.only_area or n.id == o.only_area)
    }
    if o.focus is not None and any(n.id == o.focus for n in m.nodes):
        neighbours: dict[str, list[str]] = defaultdict(list)
        for e in m.edges:
            if e.tie not in hidden_ties:
                neighbours[e.source].append(e.target)
                neighbours[e.target].append(e.source)
        reached, frontier = {o.focus}, [o.focus]
        for _ in range(o.focus_steps):
            step = []
            for u in frontier:
                for v in neighbours[u]:
                    if v in passing and v not in reached:
                        reached.add(v)
                        step.append(v)
            frontier = step
        passing = reached
    return replace(
        m,
        nodes=tuple(n for n in m.nodes if n.id in passing),
        edges=tuple(
            e for e in m.edges if e.source in passing and e.target in passing and e.tie not in hidden_ties
        ),
    )
