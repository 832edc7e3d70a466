"""What changed between two moments of a network: partners and ties gained and lost, by sector
and by arena, and the change in every health measure (:mod:`~graphsvc.analytics.health`).

Partners are actors, matched by id: an actor in the later network and not the earlier one is
*gained*, the reverse *lost*. Ties are matched by (source, type, target) over the partnership's
tie types (:data:`COMPARED_TIES`: collaboration, referral, funding, taking part in an
initiative and an initiative targeting a group); area structure (PART_OF) is not compared.
A tie counts for a sector (or an arena) when one of its actor ends belongs to it; a tie
within one sector counts once for it. Gained partners and ties are described as they are in
the later network, lost ones as they were in the earlier one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from graphsvc.domain import Actor, Arena, Network, Sector, TieType

from .health import HealthMeasures

__all__ = [
    "COMPARED_TIES",
    "GroupChange",
    "MeasureChange",
    "NetworkComparison",
    "PartnerChange",
    "ReachChange",
    "TieChange",
    "compare_networks",
]

COMPARED_TIES = frozenset(
    {TieType.COLLABORATES_WITH, TieType.REFERS_TO, TieType.FUNDS, TieType.PARTICIPATES_IN, TieType.TARGETS}
)
# The measures compared, in the order reports show them.
MEASURES = (
    "actors",
    "actor_ties",
    "density",
    "components",
    "isolated_actors",
    "cross_sector_tie_share",
    "ei_index",
    "degree_centralisation",
)
TieKey = tuple[str, str, str]  # (source, type, target)
Selector = Callable[[Actor], bool]


@dataclass(frozen=True)
class PartnerChange:
    """An actor gained or lost."""

    node: str
    name: str
    kind: str
    sector: str
    arenas: tuple[str, ...]


@dataclass(frozen=True)
class TieChange:
    """A tie gained or lost; ``cross_sector`` is ``None`` unless both ends are actors."""

    source: str
    source_name: str
    type: str
    target: str
    target_name: str
    cross_sector: bool | None


@dataclass(frozen=True)
class GroupChange:
    """Partners and ties gained and lost within one sector or arena."""

    group: str
    actors_before: int
    actors_after: int
    partners_gained: int
    partners_lost: int
    ties_gained: int
    ties_lost: int


@dataclass(frozen=True)
class MeasureChange:
    """One health measure before and after; ``change`` is ``None`` when either is undefined."""

    measure: str
    before: float | None
    after: float | None
    change: float | None


@dataclass(frozen=True)
class ReachChange:
    """A target group's reach before and after (``None`` where the group did not exist)."""

    target_group: str
    name: str
    members_before: int | None
    members_after: int | None
    reached_before: int | None
    reached_after: int | None
    share_before: float | None
    share_after: float | None
    change: float | None


@dataclass(frozen=True)
class NetworkComparison:
    """Everything that changed from ``before`` to ``after`` (module docstring)."""

    partners_gained: tuple[PartnerChange, ...]
    partners_lost: tuple[PartnerChange, ...]
    ties_gained: tuple[TieChange, ...]
    ties_lost: tuple[TieChange, ...]
    by_sector: tuple[GroupChange, ...]
    by_arena: tuple[GroupChange, ...]
    measures: tuple[MeasureChange, ...]
    reach: tuple[ReachChange, ...]


def compare_networks(
    before: Network, after: Network, *, measures_before: HealthMeasures, measures_after: HealthMeasures
) -> NetworkComparison:
    """Compare two networks of one tenant and their measures (module docstring)."""
    actors_before, actors_after = _actors(before), _actors(after)
    names = {n.id: n.name for n in before.nodes} | {n.id: n.name for n in after.nodes}
    gained = [actors_after[a] for a in sorted(actors_after.keys() - actors_before.keys())]
    lost = [actors_before[a] for a in sorted(actors_before.keys() - actors_after.keys())]
    ties_before, ties_after = _ties(before), _ties(after)
    ties_gained = sorted(ties_after - ties_before)
    ties_lost = sorted(ties_before - ties_after)

    def groups(group_names: Iterable[str], selector: Callable[[str], Selector]) -> tuple[GroupChange, ...]:
        found = (
            _group(name, selector(name), actors_before, actors_after, gained, lost, ties_gained, ties_lost)
            for name in group_names
        )
        return tuple(g for g in found if g.actors_before or g.actors_after or g.ties_gained or g.ties_lost)

    arenas_present = {a for actor in (*actors_before.values(), *actors_after.values()) for a in actor.arenas}
    return NetworkComparison(
        partners_gained=tuple(_partner(a) for a in gained),
        partners_lost=tuple(_partner(a) for a in lost),
        ties_gained=tuple(_tie(t, names, actors_after) for t in ties_gained),
        ties_lost=tuple(_tie(t, names, actors_before) for t in ties_lost),
        by_sector=groups((s.value for s in Sector), _in_sector),
        by_arena=groups((a.value for a in Arena if a in arenas_present), _in_arena),
        measures=tuple(_measure(m, measures_before, measures_after) for m in MEASURES),
        reach=_reach(measures_before, measures_after),
    )


def _actors(network: Network) -> dict[str, Actor]:
    return {n.id: n for n in network.nodes if isinstance(n, Actor)}


def _ties(network: Network) -> set[TieKey]:
    return {(t.source, t.type.value, t.target) for t in network.ties if t.type in COMPARED_TIES}


def _partner(actor: Actor) -> PartnerChange:
    return PartnerChange(
        node=actor.id,
        name=actor.name,
        kind=actor.kind.value,
        sector=actor.sector.value,
        arenas=tuple(a.value for a in Arena if a in actor.arenas),
    )


def _tie(tie: TieKey, names: dict[str, str], actors: dict[str, Actor]) -> TieChange:
    source, type_, target = tie
    cross = actors[source].sector != actors[target].sector if source in actors and target in actors else None
    return TieChange(
        source=source,
        source_name=names.get(source, source),
        type=type_,
        target=target,
        target_name=names.get(target, target),
        cross_sector=cross,
    )


def _in_sector(sector: str) -> Selector:
    return lambda actor: actor.sector.value == sector


def _in_arena(arena: str) -> Selector:
    return lambda actor: Arena(arena) in actor.arenas


def _group(
    name: str,
    member: Selector,
    before: dict[str, Actor],
    after: dict[str, Actor],
    gained: list[Actor],
    lost: list[Actor],
    ties_gained: list[TieKey],
    ties_lost: list[TieKey],
) -> GroupChange:
    def touches(tie: TieKey, actors: dict[str, Actor]) -> bool:
        return any(end in actors and member(actors[end]) for end in (tie[0], tie[2]))

    return GroupChange(
        group=name,
        actors_before=sum(1 for a in before.values() if member(a)),
        actors_after=sum(1 for a in after.values() if member(a)),
        partners_gained=sum(1 for a in gained if member(a)),
        partners_lost=sum(1 for a in lost if member(a)),
        ties_gained=sum(1 for t in ties_gained if touches(t, after)),
        ties_lost=sum(1 for t in ties_lost if touches(t, before)),
    )


def _measure(name: str, before: HealthMeasures, after: HealthMeasures) -> MeasureChange:
    a, b = getattr(before, name), getattr(after, name)
    return MeasureChange(measure=name, before=a, after=b, change=None if a is None or b is None else b - a)


def _reach(before: HealthMeasures, after: HealthMeasures) -> tuple[ReachChange, ...]:
    old = {r.target_group: r for r in before.reach}
    new = {r.target_group: r for r in after.reach}
    found = []
    for tg in sorted(old.keys() | new.keys()):
        o, n = old.get(tg), new.get(tg)
        share_before = o.share if o else None
        share_after = n.share if n else None
        found.append(
            ReachChange(
                target_group=tg,
                name=(n or o).name,  # type: ignore[union-attr]
                members_before=o.members if o else None,
                members_after=n.members if n else None,
                reached_before=o.reached if o else None,
                reached_after=n.reached if n else None,
                share_before=share_before,
                share_after=share_after,
                change=None if share_before is None or share_after is None else share_after - share_before,
            )
        )
    return tuple(sorted(found, key=lambda r: (r.name, r.target_group)))
