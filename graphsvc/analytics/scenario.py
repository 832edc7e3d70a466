"""A proposed change to a tenant's network, for a what-if: what a coordinator would do before
anyone is asked.

A :class:`Scenario` may

* **recruit** candidate actors: each joins the partnership around the target group, that is
  it takes part (as a partner) in the first initiative that targets the group, when there is
  one, and it gets the collaboration ties its introduction implies — a tie to the current
  partner at the head of its introduction path (the partner who would introduce it, as the
  recommendations show the path), a tie to the partner named as ``via``, or the ties the
  coordinator draws (``ties_to``);
* **add** collaboration ties between actors, or **remove** every tie between two actors;
* **remove** actors altogether (a broker leaves, a club closes), with all their ties.

:func:`plan_scenario` checks a scenario against the projection and the gap report it starts
from and turns it into a :class:`Plan`: the exact ties and participations to add and remove.
Every problem is reported at once and nothing is planned when there is any. The plan is then
applied to a copy of the projection (:mod:`~graphsvc.analytics.graph_fork`); the projection
itself is never changed.

>>> Scenario(add_ties=(("school", "club"),)).size
1
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from graphsvc.errors import InvalidInput, NotFound, Problem

from .gaps import GapReport
from .projection import ACTOR_KINDS_STR, cached, introduction_graph, node_data
from .recommendations import _bfs, _path  # the chains the recommendations show

__all__ = ["Plan", "PlannedRecruit", "Recruit", "Scenario", "plan_scenario", "tied"]

Pair = tuple[str, str]


@dataclass(frozen=True)
class Recruit:
    """A candidate to recruit. ``via`` names the partner who introduces it (a tie to it);
    ``ties_to`` the actors it would be tied to instead; with neither, the introduction path
    decides. ``join_initiative`` makes it a partner of the group's first initiative."""

    actor: str
    via: str | None = None
    ties_to: tuple[str, ...] | None = None
    join_initiative: bool = True


@dataclass(frozen=True)
class Scenario:
    """What would change (module docstring)."""

    recruit: tuple[Recruit, ...] = ()
    add_ties: tuple[Pair, ...] = ()
    remove_ties: tuple[Pair, ...] = ()
    remove_actors: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        """How many changes it names."""
        return len(self.recruit) + len(self.add_ties) + len(self.remove_ties) + len(self.remove_actors)


@dataclass(frozen=True)
class PlannedRecruit:
    """A recruit as planned: the actors it would be tied to, the partner introducing it
    (``via``; ``None`` when the coordinator drew the ties or nobody can introduce it), how its
    ties were chosen (``"introduction_path"``, ``"via"``, ``"drawn"`` or ``"none"``) and the
    initiative it would join."""

    actor: str
    ties_to: tuple[str, ...]
    via: str | None
    ties_from: str
    initiative: str | None


@dataclass(frozen=True)
class Plan:
    """The exact changes: collaboration ties to add (``source, target``, recruits' first),
    participations (``actor, initiative``), pairs of actors whose ties go, actors that go."""

    recruits: tuple[PlannedRecruit, ...]
    ties_added: tuple[Pair, ...]
    participations: tuple[Pair, ...]
    ties_removed: tuple[Pair, ...]
    actors_removed: tuple[str, ...]


def tied(G: nx.DiGraph, a: str, b: str) -> bool:
    """Whether two nodes have a tie of any type, in either direction."""
    return b in G._succ.get(a, {}) or a in G._succ.get(b, {})


def plan_scenario(G: nx.DiGraph, report: GapReport, scenario: Scenario) -> Plan:
    """The :class:`Plan` of ``scenario`` on the projection ``G`` the gap ``report`` was made
    from. :class:`~graphsvc.errors.NotFound` for an id that is no actor of the tenant;
    :class:`~graphsvc.errors.InvalidInput` listing every change that cannot be made."""
    for node in _ids(scenario):
        _require_actor(G, node)
    problems: list[Problem] = []
    removed = tuple(dict.fromkeys(scenario.remove_actors))
    gone = set(removed)
    partners = report.support.ids
    added: dict[frozenset[str], Pair] = {}

    def add(a: str, b: str, record: str, *, new: bool = True) -> None:
        """Plan the tie ``a``–``b``; ``new=False`` for a recruit's tie, which may exist already
        (the partner introducing it works with it now): then there is nothing to add."""
        if a == b:
            problems.append(Problem(record, "an actor cannot be tied to itself"))
        elif gone & {a, b}:
            problems.append(Problem(record, "a tie to an actor that would be removed"))
        elif tied(G, a, b):
            if new:
                problems.append(Problem(record, f"{_name(G, a)} and {_name(G, b)} are tied already"))
        else:
            added.setdefault(frozenset((a, b)), (a, b))

    recruits = []
    seen: set[str] = set()
    parent: dict[str, str | None] | None = None
    for r in scenario.recruit:
        record = f"recruit {r.actor}"
        if r.actor in seen:
            continue
        seen.add(r.actor)
        if r.actor in partners:
            problems.append(Problem(record, f"{_name(G, r.actor)} is already in the support network"))
            continue
        if r.actor in gone:
            problems.append(Problem(record, "it cannot be recruited and removed at once"))
            continue
        if r.ties_to is not None:
            ties_to, via, how = tuple(dict.fromkeys(r.ties_to)), None, "drawn"
        elif r.via is not None:
            ties_to, via, how = (r.via,), r.via, "via"
        else:
            if parent is None:
                parent = cached(G, ("introducers", partners), lambda: _introducers(G, partners))
            path = _path(parent, r.actor, G)
            via = path[0].node if path else None
            ties_to, how = ((via,), "introduction_path") if via else ((), "none")
        for other in ties_to:
            add(r.actor, other, f"{record}: tie to {other}", new=False)
        initiative = report.initiatives[0] if r.join_initiative and report.initiatives else None
        recruits.append(PlannedRecruit(r.actor, ties_to, via, how, initiative))
    for a, b in scenario.add_ties:
        add(a, b, f"add tie {a}–{b}")
    removed_pairs: dict[frozenset[str], Pair] = {}
    for a, b in scenario.remove_ties:
        if not tied(G, a, b):
            problems.append(Problem(f"remove tie {a}–{b}", f"{_name(G, a)} and {_name(G, b)} have no tie"))
        elif frozenset((a, b)) in added:
            problems.append(Problem(f"remove tie {a}–{b}", "the same tie cannot be added and removed"))
        else:
            removed_pairs.setdefault(frozenset((a, b)), (a, b))
    if problems:
        raise InvalidInput("this change cannot be made", problems)
    return Plan(
        recruits=tuple(recruits),
        ties_added=tuple(added.values()),
        participations=tuple((r.actor, r.initiative) for r in recruits if r.initiative),
        ties_removed=tuple(p for p in removed_pairs.values() if not gone & set(p)),
        actors_removed=removed,
    )


def _introducers(G: nx.DiGraph, partners: frozenset[str]) -> dict[str, str | None]:
    """Each node's predecessor on its shortest introduction chain from a current partner (kept
    with the projection: a ranking plans twenty recruits of one group)."""
    I = introduction_graph(G)  # noqa: E741 - the introduction graph, as in the docs
    return _bfs(I, sorted(p for p in partners if p in I))[0]


def _ids(scenario: Scenario) -> Iterable[str]:
    for r in scenario.recruit:
        yield r.actor
        if r.via is not None:
            yield r.via
        yield from r.ties_to or ()
    for a, b in (*scenario.add_ties, *scenario.remove_ties):
        yield a
        yield b
    yield from scenario.remove_actors


def _require_actor(G: nx.DiGraph, node: str) -> None:
    data = node_data(G).get(node)
    if data is None or data["kind"] not in ACTOR_KINDS_STR:
        raise NotFound(f"there is no actor with id {node!r} in this tenant")


def _name(G: nx.DiGraph, node: str) -> str:
    return str(node_data(G)[node]["name"])
