"""The mutable workbench a demo network is assembled on, then frozen into a ``Network``."""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field

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

__all__ = ["NOW_YEAR", "Builder", "Town"]

# The year the demo describes: birth years and "since" years are counted back from it.
NOW_YEAR = 2026

# Collaboration has no direction; the other types do.
_UNDIRECTED = frozenset({TieType.COLLABORATES_WITH})


@dataclass(frozen=True)
class Town:
    """A town of the demo municipality and its share of the population."""

    area_id: str
    name: str
    slug: str
    weight: float


@dataclass
class Builder:
    tenant: str
    rng: random.Random
    municipality: Area
    towns: list[Town]
    nodes: list[Node] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    guard: GapGuard | None = None
    # Actor–actor neighbours (any tie type), for the guard and for "no tie twice".
    _actor_keys: set[tuple[TieType, str, str]] = field(default_factory=set)
    _names: set[str] = field(default_factory=set)

    # --- nodes ---------------------------------------------------------------------------------

    def add(self, node: Node) -> Node:
        self.nodes.append(node)
        if isinstance(node, Actor):
            self.actors[node.id] = node
        return node

    def unique_name(self, name: str, *, town: str | None = None) -> str:
        """``name``, or a variant not used yet: coordinators search by name, and two
        "Børnehuset Regnbuen" with different ids would confuse them."""
        candidates = [name] + ([f"{name}, {town}"] if town and town not in name else [])
        candidates += [f"{name} {n}" for n in range(2, 1000)]
        for candidate in candidates:
            if candidate not in self._names:
                self._names.add(candidate)
                return candidate
        raise ValueError(f"no free variant of the name {name!r}")

    def actors_where(self, *, kind: Kind | None = None, area: str | None = None) -> list[Actor]:
        return [a for a in self.actors.values()
                if (kind is None or a.kind is kind) and (area is None or a.area == area)]

    # --- ties ----------------------------------------------------------------------------------

    def tie(self, type_: TieType, source: str, target: str, *, since: int | None = None,
            role: ParticipationRole | None = None) -> None:
        """A tie the caller knows to be new (young people's, persons' and initiatives' ties are
        unique by construction, so they skip the bookkeeping actor ties need)."""
        self.ties.append(Tie(type=type_, source=source, target=target, since=since, role=role))

    def actor_tie(self, type_: TieType, source: str, target: str, *, strength: int | None = None,
                  since: int | None = None, frequency: Frequency | None = None,
                  required: bool = False) -> bool:
        """Add an actor–actor tie unless it exists already or would break a planted gap.

        ``required`` ties are part of the design (the broker's ties, say): refusing one is a
        bug in the generator, not chance, so it raises.
        """
        if source == target:
            return False
        a, b = (min(source, target), max(source, target)) if type_ in _UNDIRECTED else (
            source, target)
        key = (type_, a, b)
        allowed = key not in self._actor_keys and (
            self.guard is None or self.guard.allows(source, target))
        if not allowed:
            if required:
                raise RuntimeError(f"the demo design needs {source} -{type_.value}-> {target}")
            return False
        self._actor_keys.add(key)
        if self.guard is not None:
            self.guard.record(source, target)
        self.ties.append(Tie(type=type_, source=source, target=target, strength=strength,
                             since=since, frequency=frequency))
        return True

    def collaborate(self, a: str, b: str, *, strength: int | None = None,
                    required: bool = False) -> bool:
        """A COLLABORATES_WITH tie with a plausible strength, start year and frequency."""
        rng = self.rng
        if strength is None:
            strength = rng.choices((1, 2, 3, 4, 5), weights=(2, 4, 5, 3, 1))[0]
        return self.actor_tie(
            TieType.COLLABORATES_WITH, a, b, strength=strength,
            since=NOW_YEAR - 1 - min(int(rng.expovariate(1 / 5)), 20),
            frequency=_FREQUENCY_BY_STRENGTH[strength][rng.random() < 0.3],
            required=required)

    def refer(self, source: str, target: str, *, required: bool = False) -> bool:
        since = NOW_YEAR - 1 - min(int(self.rng.expovariate(1 / 6)), 25)
        return self.actor_tie(TieType.REFERS_TO, source, target, since=since, required=required)

    def fund(self, source: str, target: str, *, since: int | None = None) -> bool:
        if since is None:
            since = NOW_YEAR - 1 - self.rng.randrange(8)
        if target.startswith("init-"):  # initiatives are not actors: no guard, no adjacency
            self.tie(TieType.FUNDS, source, target, since=since)
            return True
        return self.actor_tie(TieType.FUNDS, source, target, since=since)

    # --- result --------------------------------------------------------------------------------

    def network(self) -> Network:
        return Network(tenant=self.tenant, nodes=tuple(self.nodes), ties=tuple(self.ties))


# Stronger ties meet more often: (usual, less usual) frequency per strength.
_FREQUENCY_BY_STRENGTH = {
    1: (Frequency.RARELY, Frequency.YEARLY),
    2: (Frequency.YEARLY, Frequency.QUARTERLY),
    3: (Frequency.QUARTERLY, Frequency.MONTHLY),
    4: (Frequency.MONTHLY, Frequency.WEEKLY),
    5: (Frequency.WEEKLY, Frequency.DAILY),
}


def ids(actors: Iterable[Actor]) -> list[str]:
    return [a.id for a in actors]
