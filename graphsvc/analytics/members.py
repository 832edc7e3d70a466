"""Who belongs to a target group.

A target group's members are the young people who match **every** non-empty criterion, plus
those enrolled explicitly (an INCLUDED_IN tie), whatever their data say. Within a criterion
any value matches:

* age bands: the young person's band is one of them (a young person with only a birth year
  is placed in a band by their age in ``reference_year``);
* areas: they live in one of the areas or in an area PART_OF one, at any depth;
* challenges: they have at least one of them.

An empty criterion does not restrict, so a target group without criteria holds every young
person of the tenant (see :class:`graphsvc.domain.TargetGroup`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import networkx as nx

from graphsvc.domain import AgeBand, Kind, TieType

from .lookups import area_subtree, require_node

__all__ = ["TargetGroupMembers", "age_band_of", "target_group_members"]

_BANDS = (
    (12, 14, AgeBand.B12_14.value),
    (15, 17, AgeBand.B15_17.value),
    (18, 24, AgeBand.B18_24.value),
    (25, 29, AgeBand.B25_29.value),
)


@dataclass(frozen=True)
class TargetGroupMembers:
    """The members of one target group and why they are members.

    Attributes
    ----------
    target_group : str
        The target group's id.
    members : frozenset[str]
        Ids of every member: ``matched | explicit``.
    matched : frozenset[str]
        Young people matching the criteria.
    explicit : frozenset[str]
        Young people enrolled by an INCLUDED_IN tie.
    """

    target_group: str
    members: frozenset[str]
    matched: frozenset[str]
    explicit: frozenset[str]


def age_band_of(data: dict[str, object], reference_year: int) -> str | None:
    """A young person's age band: as recorded, or from the birth year (age at the end of
    ``reference_year``); ``None`` when neither is known or the age is outside 12-29."""
    band = data.get("age_band")
    if band:
        return str(band)
    born = data.get("birth_year")
    if not isinstance(born, int):
        return None
    age = reference_year - born
    return next((name for low, high, name in _BANDS if low <= age <= high), None)


def target_group_members(
    G: nx.DiGraph, target_group: str, *, reference_year: int | None = None
) -> TargetGroupMembers:
    """The members of ``target_group`` in the projection ``G`` (see the module docstring).

    Parameters
    ----------
    G : nx.DiGraph
        A projection from :func:`~graphsvc.analytics.projection.network_to_graph`.
    target_group : str
        The target group's id; :class:`~graphsvc.errors.NotFound` if it is not one.
    reference_year : int, optional
        The year ages are counted in for young people with a birth year but no age band;
        default: the current calendar year.
    """
    tg = require_node(G, target_group, Kind.TARGET_GROUP.value)
    bands: frozenset[str] = tg["criteria_age_bands"]
    challenges: frozenset[str] = tg["criteria_challenges"]
    areas = area_subtree(G, tg["criteria_areas"]) if tg["criteria_areas"] else None
    year = reference_year if reference_year is not None else datetime.date.today().year
    young = Kind.YOUNG_PERSON.value
    matched = set()
    for node, data in G.nodes(data=True):
        if data["kind"] != young:
            continue
        if areas is not None and data["area"] not in areas:
            continue
        if challenges and challenges.isdisjoint(data["challenges"]):
            continue
        if bands and age_band_of(data, year) not in bands:
            continue
        matched.add(node)
    included = TieType.INCLUDED_IN.value
    explicit = {u for u in G.predecessors(target_group) if included in G.edges[u, target_group]["types"]}
    return TargetGroupMembers(
        target_group=target_group,
        members=frozenset(matched | explicit),
        matched=frozenset(matched),
        explicit=frozenset(explicit),
    )
