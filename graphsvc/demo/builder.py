"""The mutable workbench a demo network is assembled on, then frozen into a ``Network``."""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from graphsvc.domain import (
    Actor,
    Area,
    Frequency,
    Kind,
    Network,
    Node,
    ParticipationRole,
    Tie,
    TieType,
)

from .gaps import GapGuard

__all__ = ["NOW_YEAR", "Builder", "Town", "Weighted"]

T = TypeVar("T")

# The year the demo describes: birth years and "since" years are counted back from it.
NOW_YEAR = 2026

# Collaboration has no direction; the other types do.
_UNDIRECTED = frozenset({TieType.COLLABORATES_WITH})


class Weighted(Generic[T]):
    """A weighted choice made many times: ``random.choices`` recomputes its cumulative
    weights on every call, which dominates generating a region-sized network."""

    __slots__ = ("_cumulative", "_items", "_total")

    def __init__(self, items: Sequence[T], weights: Iterable[float]) -> None:
        self._items = tuple(items)
        self._cumulative = list(itertools.accumulate(weights))
        self._total = self._cumulative[-1]

    def pick(self, rng: random.Random) -> T:
        return self._items[bisect.bisect(self._cumulative, rng.random() * self._total)]


@dataclass(frozen=True)
class Town:
    """A town of the demo municipality and its share of the population."""

    area_id: str
    name: str
    slug: str
    weight: float


@dataclass
class Builder:
    """Nodes and ties collected in order (the order is part of determinism), with the
    indexes the generators need and the guard that keeps the planted gaps true."""

    tenant: str
    rng: random.Random
    municipality: Area
    towns: list[Town]
    nodes: list[Node] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    guard: GapGuard | None = None
    # (type, source, target) of every actor–actor tie, sorted ends for collaborations: no
    # tie is made twice, in either direction.
    _actor_keys: set[tuple[TieType, str, str]] = field(default_factory=set)
    _names: set[str] = field(default_factory=set)

    # --- nodes ---------------------------------------------------------------------------------

    def add(self, node: Node) -> Node:
        self.nodes.append(node)
        if isinstance(node, Actor):
            self.actors[node.id] = node
        return node

    def unique_name(self, *candidates: str, town: str | None = None) -> str:
        """The first candidate name not used yet, else a variant of the first: coordinators
        search by name, and two "Børnehuset Regnbuen" with different ids would confuse them."""
        first = candidates[0]
        variants = itertools.chain(
            candidates,
            (f"{c}, {town}" for c in candidates if town and town not in c),
            (f"{first} {n}" for n in range(2, 1000)),
        )
        for candidate in variants:
            if candidate not in self._names:
                self._names.add(candidate)
                return candidate
        raise ValueError(f"no free variant of the name {first!r}")

    def actors_where(self, *, kind: Kind | None = None, area: str | None = None) -> list[Actor]:
        return [
            a
            for a in self.actors.values()
            if (kind is None or a.kind is kind) and (area is None or a.area == area)
        ]

    def actors_by_area(self) -> dict[str | None, list[Actor]]:
        by_area: dict[str | None, list[Actor]] = {}
        for actor in self.actors.values():
            by_area.setdefault(actor.area, []).append(actor)
        return by_area

    # --- ties ----------------------------------------------------------------------------------

    def tie(
        self,
        type_: TieType,
        source: str,
        target: str,
        *,
        since: int | None = None,
        role: ParticipationRole | None = None,
    ) -> None:
        """A tie the caller knows to be new (young people's, persons' and initiatives' ties are
        unique by construction, so they skip the bookkeeping actor ties need)."""
        self.ties.append(_make_tie(type_, source, target, since=since, role=role))

    def actor_tie(
        self,
        type_: TieType,
        source: str,
        target: str,
        *,
        strength: int | None = None,
        since: int | None = None,
        frequency: Frequency | None = None,
        required: bool = False,
    ) -> bool:
        """Add an actor–actor tie unless it exists already or would break a planted gap.

        ``required`` ties are part of the design (the broker's ties, say): refusing one is a
        bug in the generator, not chance, so it raises.
        """
        if source == target:
            return False
        a, b = (min(source, target), max(source, target)) if type_ in _UNDIRECTED else (source, target)
        key = (type_, a, b)
        allowed = key not in self._actor_keys and (self.guard is None or self.guard.allows(source, target))
        if not allowed:
            if required:
                raise RuntimeError(f"the demo design needs {source} -{type_.value}-> {target}")
            return False
        self._actor_keys.add(key)
        if self.guard is not None:
            self.guard.record(source, target)
        self.ties.append(
            _make_tie(type_, source, target, strength=strength, since=since, frequency=frequency)
        )
        return True

    def collaborate(self, a: str, b: str, *, strength: int | None = None, required: bool = False) -> bool:
        """A COLLABORATES_WITH tie with a plausible strength, start year and frequency."""
        rng = self.rng
        if strength is None:
            strength = _STRENGTH.pick(rng)
        return self.actor_tie(
            TieType.COLLABORATES_WITH,
            a,
            b,
            strength=strength,
            since=NOW_YEAR - 1 - min(int(rng.expovariate(1 / 5)), 20),
            frequency=_FREQUENCY_BY_STRENGTH[strength][rng.random() < 0.3],
            required=required,
        )

    def refer(self, source: str, target: str, *, required: bool = False) -> bool:
        since = NOW_YEAR - 1 - min(int(self.rng.expovariate(1 / 6)), 25)
        return self.actor_tie(TieType.REFERS_TO, source, target, since=since, required=required)

    def fund(self, source: str, target: str, *, since: int | None = None) -> bool:
        if since is None:
            since = NOW_YEAR - 1 - self.rng.randrange(8)
        if target not in self.actors:  # an initiative: not part of the actor graph
            self.tie(TieType.FUNDS, source, target, since=since)
            return True
        return self.actor_tie(TieType.FUNDS, source, target, since=since)

    # --- result --------------------------------------------------------------------------------

    def network(self) -> Network:
        return Network(tenant=self.tenant, nodes=tuple(self.nodes), ties=tuple(self.ties))


def _make_tie(
    type_: TieType,
    source: str,
    target: str,
    *,
    strength: int | None = None,
    since: int | None = None,
    frequency: Frequency | None = None,
    role: ParticipationRole | None = None,
) -> Tie:
    """A tie from values the generator made itself: ids of nodes already validated, enums,
    and strengths and years from its own ranges. They skip validation so that all ties with
    the same fields share one fields-set: a validated tie carries its own set, which for a
    collaboration (six fields) is most of its memory. The tests validate every tie."""
    values = {
        "type": type_,
        "source": source,
        "target": target,
        "strength": strength,
        "since": since,
        "frequency": frequency,
        "role": role,
    }
    # Every field is given (unset ones as None), so construction need not look up defaults.
    key = frozenset(k for k, v in values.items() if v is not None)
    fields_set = _FIELDS_SETS.setdefault(key, key)
    # A frozenset where pydantic expects a set: shared by many ties, it must never change.
    return Tie.model_construct(_fields_set=fields_set, **values)  # type: ignore[arg-type]


_FIELDS_SETS: dict[frozenset[str], frozenset[str]] = {}
_STRENGTH = Weighted((1, 2, 3, 4, 5), (2, 4, 5, 3, 1))
# Stronger ties meet more often: (usual, less usual) frequency per strength.
_FREQUENCY_BY_STRENGTH = {
    1: (Frequency.RARELY, Frequency.YEARLY),
    2: (Frequency.YEARLY, Frequency.QUARTERLY),
    3: (Frequency.QUARTERLY, Frequency.MONTHLY),
    4: (Frequency.MONTHLY, Frequency.WEEKLY),
    5: (Frequency.WEEKLY, Frequency.DAILY),
}
