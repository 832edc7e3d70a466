"""Partner recommendations from a gap report: whom to recruit, and who can introduce us.

Candidates are the tenant's actors outside the report's support network. Each earns points
for every gap it would close, added up with :class:`ScoreWeights` (defaults below):

=========================  =======  ========================================================
reason                     points   when
=========================  =======  ========================================================
missing_sector             3        its sector is one the support network lacks
under_represented_sector   1        its sector is under-represented there
focus_arena                2        it is in the focus arena (leisure) and some members
                                    have no tie to that arena
gap_area                   2        it is located in an area gap (or a sub-area of one)
members_area               1        otherwise: located where members live
warmth                     0.5 per  per contact of it (actor or adult contact person) who is
                           contact  a current partner or knows one, counting at most 3
=========================  =======  ========================================================

Only candidates with at least one gap reason are recommended; warmth orders them but does not
make a candidate on its own. Ties in score go to candidates with a contact person, then to the
warmer, then to the shorter introduction path, then by name.

The **introduction path** is a shortest chain from a current partner to the candidate in the
introduction graph (actors and adult contact persons; never young people), e.g. school →
teacher who coaches at the club → club. Current partners are the support network's actors.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graphsvc.domain import Kind

from .gaps import GapReport
from .lookups import area_subtree, contact_persons
from .projection import ACTOR_KINDS_STR, introduction_graph, node_data
from .wording import ARENA_LABELS, SECTOR_LABELS, count, label

__all__ = [
    "ContactPerson",
    "PathStep",
    "Reason",
    "Recommendation",
    "Recommendations",
    "ScoreWeights",
    "recommend_partners",
    "without_people",
]

# An introduction-path step through someone the audience may not see keeps only this.
HIDDEN_STEP = {"Person": "a contact person", "YoungPerson": "a young person"}


@dataclass(frozen=True)
class ScoreWeights:
    """Points per reason (module docstring)."""

    missing_sector: float = 3.0
    under_represented_sector: float = 1.0
    focus_arena: float = 2.0
    gap_area: float = 2.0
    members_area: float = 1.0
    warmth_per_contact: float = 0.5
    warmth_cap: int = 3


@dataclass(frozen=True)
class Reason:
    """Why a candidate scores: ``points`` earned for ``code``, in words and numbers."""

    code: str
    points: float
    sentence: str
    values: dict[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class ContactPerson:
    """An adult to call; ``relation`` is ``WORKS_FOR`` or ``VOLUNTEERS_AT``."""

    node: str
    name: str
    role: str | None
    email: str | None
    phone: str | None
    relation: str


@dataclass(frozen=True)
class PathStep:
    node: str
    name: str
    kind: str


@dataclass(frozen=True)
class Recommendation:
    """One candidate partner, its score and how to reach it.

    ``introduction_path`` runs from a current partner (first) to the candidate (last); it is
    empty when no chain of organisations and contact persons leads there.
    """

    rank: int
    node: str
    name: str
    kind: str
    sector: str | None
    arenas: tuple[str, ...]
    area: str | None
    area_name: str | None
    score: float
    reasons: tuple[Reason, ...]
    warmth: int
    contacts: tuple[ContactPerson, ...]
    introduction_path: tuple[PathStep, ...]
    sentence: str


@dataclass(frozen=True)
class Recommendations:
    """Ranked partner recommendations for one gap report."""

    target_group: str
    weights: ScoreWeights
    candidates: int
    recommendations: tuple[Recommendation, ...]


def recommend_partners(
    G: nx.DiGraph, report: GapReport, *, top: int | None = 20, weights: ScoreWeights = ScoreWeights()
) -> Recommendations:
    """Recommend partners to recruit for the gaps in ``report`` (module docstring).

    Parameters
    ----------
    G : nx.DiGraph
        The projection the report was made from.
    report : GapReport
        From :func:`~graphsvc.analytics.gaps.gap_report`.
    top : int, optional
        How many to return (``None``: all with a gap reason).
    weights : ScoreWeights
        Points per reason.
    """
    nodes = node_data(G)
    partners = report.support.ids
    I = introduction_graph(G)  # noqa: E741 - the introduction graph, as in the docs
    near = set(partners)
    for p in partners:
        near.update(I._adj.get(p, ()))
    parent, depth = _bfs(I, sorted(p for p in partners if p in I))
    missing = set(report.sectors.missing)
    under = set(report.sectors.under_represented)
    gap_areas = _within(G, {g.area: g.members for g in report.area_gaps})
    living = _within(G, {a.group: a.members for a in report.reach.by_area if a.group in nodes})
    lacking_focus = report.reach.overall.without_focus
    arena = report.focus_arena
    person = Kind.PERSON.value
    found = []
    candidates = 0
    for node, data in nodes.items():
        if data["kind"] not in ACTOR_KINDS_STR or node in partners:
            continue
        candidates += 1
        reasons = _gap_reasons(G, data, weights, missing, under, arena, lacking_focus, gap_areas, living)
        if not reasons:
            continue
        contacts = I._adj.get(node, {})
        warm = sum(1 for y in contacts if y in near)
        if warm:
            points = weights.warmth_per_contact * min(warm, weights.warmth_cap)
            reasons.append(Reason("warmth", points, _warmth_text(warm), {"contacts": warm}))
        callable_ = any(nodes[y]["kind"] == person for y in contacts)
        found.append(
            (
                sum(r.points for r in reasons),
                not callable_,
                -warm,
                depth.get(node, len(depth) + 1),
                data["name"],
                node,
                reasons,
            )
        )
    # Score, then someone to call, warmth, a short introduction, name: the module docstring.
    found.sort(key=lambda f: (-f[0], *f[1:6]))
    result = []
    for rank, (score, _, minus_warm, _, name, node, reasons) in enumerate(found[:top], start=1):
        data = nodes[node]
        area = data["area"]
        path = _path(parent, node, G)
        result.append(
            Recommendation(
                rank=rank,
                node=node,
                name=name,
                kind=data["kind"],
                sector=data["sector"],
                arenas=tuple(sorted(data["arenas"])),
                area=area,
                area_name=nodes[area]["name"] if area in nodes else None,
                score=score,
                reasons=tuple(reasons),
                warmth=-minus_warm,
                contacts=tuple(_contact(G, p, rel) for p, rel in contact_persons(G, node)),
                introduction_path=path,
                sentence=_sentence(reasons, path),
            )
        )
    return Recommendations(
        target_group=report.target_group,
        weights=weights,
        candidates=candidates,
        recommendations=tuple(result),
    )


def _within(G: nx.DiGraph, counts: dict[str, int]) -> dict[str, tuple[str, int]]:
    """Area -> (the area with members it lies in, members there), for each area with
    members and every sub-area of it; the area with most members wins an overlap."""
    found: dict[str, tuple[str, int]] = {}
    for area, n in sorted(counts.items(), key=lambda p: (p[1], p[0])):
        for sub in area_subtree(G, [area]):
            found[sub] = (area, n)
    return found


def _gap_reasons(
    G: nx.DiGraph,
    data: dict[str, Any],
    w: ScoreWeights,
    missing: set[str],
    under: set[str],
    arena: str,
    lacking_focus: int,
    gap_areas: dict[str, tuple[str, int]],
    living: dict[str, tuple[str, int]],
) -> list[Reason]:
    reasons = []
    sector = data["sector"]
    name = label(SECTOR_LABELS, sector)
    if sector in missing:
        reasons.append(
            Reason(
                "missing_sector",
                w.missing_sector,
                f"adds {name}, which no actor around the target group belongs to",
                {"sector": sector},
            )
        )
    elif sector in under:
        reasons.append(
            Reason(
                "under_represented_sector",
                w.under_represented_sector,
                f"adds {name}, under-represented around the target group",
                {"sector": sector},
            )
        )
    if arena in data["arenas"] and lacking_focus:
        reasons.append(
            Reason(
                "focus_arena",
                w.focus_arena,
                f"is a {label(ARENA_LABELS, arena)} actor, and "
                f"{count(lacking_focus, 'member')} "
                f"{'has' if lacking_focus == 1 else 'have'} no {arena} tie",
                {"arena": arena, "members": lacking_focus},
            )
        )
    area = data["area"]
    if area in gap_areas:
        where, members = gap_areas[area]
        reasons.append(
            Reason(
                "gap_area",
                w.gap_area,
                f"is located in {node_data(G)[where]['name']}, where "
                f"{_live(members)} and no {arena} actor reaches",
                {"area": where, "area_name": node_data(G)[where]["name"], "members": members, "arena": arena},
            )
        )
    elif area in living:
        where, members = living[area]
        reasons.append(
            Reason(
                "members_area",
                w.members_area,
                f"is located in {node_data(G)[where]['name']}, where {_live(members)}",
                {"area": where, "area_name": node_data(G)[where]["name"], "members": members},
            )
        )
    return reasons


def _live(members: int) -> str:
    return "1 member lives" if members == 1 else f"{members} members live"


def _warmth_text(warm: int) -> str:
    if warm == 1:
        return "1 of its contacts is a current partner or knows one"
    return f"{warm} of its contacts are current partners or know one"


def _bfs(
    I: nx.Graph,  # noqa: E741 - the introduction graph
    sources: list[str],
) -> tuple[dict[str, str | None], dict[str, int]]:
    """Breadth-first from all current partners at once: each node's predecessor on a
    shortest chain from its nearest partner (``None`` for the partners themselves), and the
    chain's length."""
    parent: dict[str, str | None] = dict.fromkeys(sources)
    depth = dict.fromkeys(sources, 0)
    queue = deque(sources)
    while queue:
        u = queue.popleft()
        for v in I._adj[u]:
            if v not in parent:
                parent[v] = u
                depth[v] = depth[u] + 1
                queue.append(v)
    return parent, depth


def _sentence(reasons: Iterable[Reason], path: tuple[PathStep, ...]) -> str:
    intro = f"introduction: {' → '.join(s.name for s in path)}" if len(path) > 1 else "no known introduction"
    sentence = "; ".join([*(r.sentence for r in reasons), intro])
    return sentence[:1].upper() + sentence[1:]


def without_people(found: Recommendations, hidden: Iterable[str]) -> Recommendations:
    """``found`` for an audience that may not see nodes of the ``hidden`` kinds: no contact
    persons, and every such step of an introduction path kept only as its kind ("a contact
    person"), with neither id nor name.

    Examples
    --------
    >>> step = PathStep("p-1", "Mette Jensen", "Person")
    >>> rec = Recommendation(1, "club", "Klub", "Association", None, (), None, None, 1.0, (), 0,
    ...                      (), (PathStep("school", "Skole", "MunicipalUnit"), step), "")
    >>> bare = without_people(Recommendations("tg", ScoreWeights(), 1, (rec,)), {"Person"})
    >>> bare.recommendations[0].sentence
    'Introduction: Skole → a contact person'
    """
    hidden = frozenset(hidden)

    def bare(step: PathStep) -> PathStep:
        if step.kind not in hidden:
            return step
        return PathStep("", HIDDEN_STEP.get(step.kind, "someone"), step.kind)

    def redacted(rec: Recommendation) -> Recommendation:
        path = tuple(bare(s) for s in rec.introduction_path)
        return dataclasses.replace(
            rec, contacts=(), introduction_path=path, sentence=_sentence(rec.reasons, path)
        )

    return dataclasses.replace(found, recommendations=tuple(redacted(r) for r in found.recommendations))


def _path(parent: dict[str, str | None], node: str, G: nx.DiGraph) -> tuple[PathStep, ...]:
    if node not in parent:
        return ()
    chain = []
    step: str | None = node
    while step is not None:
        chain.append(step)
        step = parent[step]
    nodes = node_data(G)
    return tuple(PathStep(n, nodes[n]["name"], nodes[n]["kind"]) for n in reversed(chain))


def _contact(G: nx.DiGraph, person: str, relation: str) -> ContactPerson:
    d = node_data(G)[person]
    return ContactPerson(
        node=person,
        name=d["name"],
        role=d.get("role"),
        email=d.get("email"),
        phone=d.get("phone"),
        relation=relation,
    )
