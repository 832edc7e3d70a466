"""A difference map: one partnership at two moments, drawn as one network, with the ties
gained and lost marked and the unchanged ones left in the background.

The nodes are the actors, initiatives and target groups of either moment; the ties those a
comparison compares (:data:`graphsvc.analytics.comparison.COMPARED_TIES`), matched by
(source, type, target) exactly as the comparison's tables count them. Areas are where actors
are drawn (each area's actors together, :func:`graphsvc.maps.layout.layout`), not nodes.

Two nodes may be joined by ties of several types. The map draws at most three lines between
them: the types both moments have (unchanged), the types only the later one has (gained) and
those only the earlier one had (lost), each line naming its types.

Snapshots hold no young person and no contact person, nor does the partnership read now, so
no difference map can show one, whoever looks at it.

>>> from graphsvc.domain import Actor, Kind, Network, Sector, Tie, TieType
>>> a = Actor(kind=Kind.ASSOCIATION, id="a", tenant="t", name="A", sector=Sector.CIVIL_SOCIETY)
>>> b = Actor(kind=Kind.BUSINESS, id="b", tenant="t", name="B", sector=Sector.BUSINESS)
>>> tie = Tie(type=TieType.COLLABORATES_WITH, source="a", target="b")
>>> m = difference_map(Network(tenant="t", nodes=(a,)), Network(tenant="t", nodes=(a, b), ties=(tie,)))
>>> [(n.id, n.status) for n in m.nodes], [(t.change, t.ties) for t in m.ties]
([('a', None), ('b', 'gained')], [('gained', (('a', 'COLLABORATES_WITH', 'b'),))])
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from graphsvc.analytics.comparison import COMPARED_TIES
from graphsvc.domain import ACTOR_KINDS, Actor, Kind, Network, Node
from graphsvc.errors import InvalidInput
from graphsvc.maps.build import MAX_MAP_NODES
from graphsvc.maps.layout import layout
from graphsvc.maps.style import node_sizes

__all__ = ["Change", "DifferenceMap", "DrawnNode", "DrawnTie", "difference_map"]

Change = Literal["gained", "lost", "unchanged"]
TieKey = tuple[str, str, str]  # (source, type, target), as the comparison matches ties
DRAWN_KINDS = frozenset({*ACTOR_KINDS, Kind.INITIATIVE, Kind.TARGET_GROUP})


@dataclass(frozen=True)
class DrawnNode:
    """A node as drawn: ``status`` is ``"gained"`` (only in the later network), ``"lost"``
    (only in the earlier one) or ``None``; ``ties_gained``/``ties_lost`` count its ties
    that changed; ``degree`` its neighbours at either moment, which sets its ``size``."""

    id: str
    name: str
    kind: str
    sector: str | None
    arenas: tuple[str, ...]
    area: str | None
    status: Literal["gained", "lost"] | None
    ties_gained: int
    ties_lost: int
    degree: int
    size: float
    x: float
    y: float


@dataclass(frozen=True)
class DrawnTie:
    """A line between two drawn nodes and the ties it stands for (sorted)."""

    source: str
    target: str
    change: Change
    ties: tuple[TieKey, ...]


@dataclass(frozen=True)
class DifferenceMap:
    """The drawn nodes and lines, the names of the areas the nodes are in, and how many ties
    were gained, lost and kept (counted as the comparison counts them)."""

    nodes: tuple[DrawnNode, ...]
    ties: tuple[DrawnTie, ...]
    areas: Mapping[str, str]
    gained: int
    lost: int
    unchanged: int


def difference_map(
    before: Network,
    after: Network,
    *,
    seed: int = 0,
    max_nodes: int = MAX_MAP_NODES,
    positions: Mapping[str, tuple[float, float]] | None = None,
) -> DifferenceMap:
    """The map of what changed from ``before`` to ``after`` (module docstring). Raises
    :class:`~graphsvc.errors.InvalidInput` when the two together hold more than ``max_nodes``
    nodes. ``positions`` places every node where given (one layout shared by several maps,
    as in the growth story) instead of laying these two moments out."""
    old, new = _drawn(before), _drawn(after)
    everyone = old | new  # the later version of a node describes it, as the comparison does
    if len(everyone) > max_nodes:
        raise InvalidInput(
            f"these two moments hold {len(everyone):,} partners, initiatives and target groups "
            f"together, more than the {max_nodes:,} a browser draws readably; the tables "
            "list every change"
        )
    ties_old, ties_new = _ties(before, old), _ties(after, new)
    by_pair: dict[tuple[str, str], dict[Change, list[TieKey]]] = defaultdict(lambda: defaultdict(list))
    for key in ties_old | ties_new:
        change: Change = (
            "unchanged" if key in ties_old and key in ties_new else ("gained" if key in ties_new else "lost")
        )
        by_pair[_pair(key)][change].append(key)
    lines = tuple(
        DrawnTie(source=u, target=v, change=change, ties=tuple(sorted(keys)))
        for (u, v), changes in sorted(by_pair.items())
        for change, keys in sorted(changes.items())
    )
    counted: dict[str, dict[Change, int]] = defaultdict(lambda: defaultdict(int))
    neighbours: dict[str, set[str]] = defaultdict(set)
    for line in lines:
        for end, other in ((line.source, line.target), (line.target, line.source)):
            counted[end][line.change] += len(line.ties)
            neighbours[end].add(other)
    # Smaller than on other maps: the lines between the nodes are what this map is about.
    sizes = node_sizes({n: float(len(neighbours[n])) for n in everyone}, low=8.0, high=24.0)
    areas = _area_names(before) | _area_names(after)
    positions = positions or layout(
        list(everyone),
        [(line.source, line.target) for line in lines],
        area_of={n: _area(node) for n, node in everyone.items()},
        seed=seed,
        sort_key=lambda n: (everyone[n].kind.value, everyone[n].name, n),
    )
    nodes = tuple(
        DrawnNode(
            id=n,
            name=node.name,
            kind=node.kind.value,
            sector=node.sector.value if isinstance(node, Actor) else None,
            arenas=tuple(sorted(a.value for a in node.arenas)) if isinstance(node, Actor) else (),
            area=_area(node),
            status="gained" if n not in old else "lost" if n not in new else None,
            ties_gained=counted[n]["gained"],
            ties_lost=counted[n]["lost"],
            degree=len(neighbours[n]),
            size=sizes[n],
            x=positions[n][0],
            y=positions[n][1],
        )
        for n, node in sorted(everyone.items())
    )
    drawn_areas = {node.area for node in nodes if node.area}
    return DifferenceMap(
        nodes=nodes,
        ties=lines,
        areas={a: name for a, name in areas.items() if a in drawn_areas},
        gained=len(ties_new - ties_old),
        lost=len(ties_old - ties_new),
        unchanged=len(ties_old & ties_new),
    )


def _drawn(network: Network) -> dict[str, Node]:
    return {n.id: n for n in network.nodes if n.kind in DRAWN_KINDS}


def _ties(network: Network, drawn: Mapping[str, Node]) -> set[TieKey]:
    return {
        (t.source, t.type.value, t.target)
        for t in network.ties
        if t.type in COMPARED_TIES and t.source in drawn and t.target in drawn and t.source != t.target
    }


def _pair(key: TieKey) -> tuple[str, str]:
    return (key[0], key[2]) if key[0] < key[2] else (key[2], key[0])


def _area(node: Node) -> str | None:
    return node.area if isinstance(node, Actor) else None


def _area_names(network: Network) -> dict[str, str]:
    return {n.id: n.name for n in network.nodes if n.kind is Kind.AREA}
