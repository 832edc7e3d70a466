"""The gap report for a target group: what is missing around the young people it is for.

:func:`gap_report` puts together the parts defined in :mod:`~graphsvc.analytics.reach` (arena
reach, area gaps, schools without leisure, single points of failure) and
:mod:`~graphsvc.analytics.support` (support network, sector coverage, silos, E-I index), and
turns them into findings, each with a severity and a sentence.

Severity rules
--------------
"Share" below is of the target group's members.

==========================  =================================================================
finding                     severity
==========================  =================================================================
no_members                  high: the criteria match nobody, so nothing else can be said
members_without_focus       high if >= 50 % of members have no leisure tie, medium if >= 20 %,
                            low otherwise (only reported when > 0)
members_one_arena           same thresholds, for members whose ties reach only one arena
missing_sector              high: an expected sector has no actor in the support network
under_represented_sector    medium if its ratio is below half of ``under_ratio``, else low
area_gap                    high if >= 10 members live there, medium if >= 3, else low
school_without_leisure      high if members attend the school, medium otherwise
single_point_of_failure     high if it cuts off >= 20 % of the members with leisure access,
                            medium if >= 5 %, else low
silo                        high if it holds >= 20 % of members, medium if any, else low
ei_index                    medium if E-I <= -0.5, low if < 0 (not reported when >= 0)
==========================  =================================================================

Findings are ordered high → low, then by the order of the table, then largest first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import networkx as nx

from graphsvc.domain import Kind, Sector

from .engines import Engine
from .lookups import initiatives_targeting, require_node
from .members import TargetGroupMembers, target_group_members
from .reach import (
    AreaGap,
    ArenaReach,
    SchoolGap,
    SinglePointOfFailure,
    area_gaps,
    arena_reach,
    schools_without_arena,
    single_points_of_failure,
)
from .support import (
    EIIndex,
    SectorCoverage,
    Silo,
    SupportNetwork,
    ei_index,
    sector_coverage,
    silos,
    support_network,
)
from .wording import SECTOR_ACTOR_WORDS, SECTOR_LABELS, Finding, Severity, count, label, percent

__all__ = ["DEFAULT_EXPECTED_SECTORS", "GapReport", "gap_report"]

DEFAULT_EXPECTED_SECTORS: tuple[str, ...] = tuple(s.value for s in Sector if s is not Sector.CITIZENS)

_ORDER = (
    "no_members",
    "members_without_focus",
    "members_one_arena",
    "missing_sector",
    "under_represented_sector",
    "area_gap",
    "school_without_leisure",
    "single_point_of_failure",
    "silo",
    "ei_index",
)
_RANK = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}


@dataclass(frozen=True)
class GapReport:
    """Everything the gap report found for one target group.

    Attributes
    ----------
    target_group, name : str
        The target group.
    members : TargetGroupMembers
        Who the members are, matched and explicit.
    reach : ArenaReach
        Members' arena reach overall, per area and per age band.
    initiatives : tuple[str, ...]
        Initiatives that target the group.
    support : SupportNetwork
        Actors within ``hops`` of members plus the initiatives' actors.
    sectors : SectorCoverage
        Missing and under-represented sectors of the support network.
    area_gaps : tuple[AreaGap, ...]
        Areas where members live that no focus-arena actor reaches.
    schools_without_leisure : tuple[SchoolGap, ...]
        School-arena actors of the support network with no focus-arena actor within 2 hops.
    single_points_of_failure : tuple[SinglePointOfFailure, ...]
        Actors whose removal cuts members off from focus-arena access (the worst first).
    members_with_leisure_access : int
        Members with a focus-arena actor within two hops.
    silos : tuple[Silo, ...]
        Communities with school actors and no leisure actors.
    ei_support, ei_tenant : EIIndex
        E-I index between sectors in the support network and in the whole tenant.
    findings : tuple[Finding, ...]
        Findings, most severe first (module docstring).
    focus_arena : str
        The arena the report is about (default leisure).
    hops, seed : int
        The parameters used.
    """

    target_group: str
    name: str
    members: TargetGroupMembers
    reach: ArenaReach
    initiatives: tuple[str, ...]
    support: SupportNetwork
    sectors: SectorCoverage
    area_gaps: tuple[AreaGap, ...]
    schools_without_leisure: tuple[SchoolGap, ...]
    single_points_of_failure: tuple[SinglePointOfFailure, ...]
    members_with_leisure_access: int
    silos: tuple[Silo, ...]
    ei_support: EIIndex
    ei_tenant: EIIndex
    findings: tuple[Finding, ...]
    focus_arena: str
    hops: int
    seed: int


def gap_report(
    G: nx.DiGraph,
    target_group: str,
    *,
    hops: int = 2,
    expected_sectors: tuple[str, ...] = DEFAULT_EXPECTED_SECTORS,
    under_ratio: float = 0.5,
    focus_arena: str = "leisure",
    school_arena: str = "school",
    top_failures: int = 10,
    seed: int = 0,
    reference_year: int | None = None,
    engine: Engine = "auto",
    find_silos: bool = True,
) -> GapReport:
    """The gap report for ``target_group`` (see the module docstring and ``reach``/``support``
    for every definition).

    Parameters
    ----------
    G : nx.DiGraph
        A projection from :func:`~graphsvc.analytics.projection.network_to_graph`.
    target_group : str
        Id of a target group; :class:`~graphsvc.errors.NotFound` otherwise.
    hops : int
        Radius of the support network around the members.
    expected_sectors : tuple of str
        Sectors a Collective Impact partnership should have (configurable per tenant).
    under_ratio : float
        A sector is under-represented below this fraction of its registry share.
    focus_arena, school_arena : str
        The arena members should reach, and the arena of schools.
    top_failures : int
        How many single points of failure to keep.
    seed : int
        Louvain's ``random_state`` for the silos (Blondel et al. 2008).
    reference_year : int, optional
        Year for ages from birth years (default: now).
    engine : {"auto", "igraph", "networkx"}
        Louvain engine for the silos (see :mod:`~graphsvc.analytics.communities`).
    find_silos : bool
        Whether to look for silos at all. A what-if measuring many changes leaves them out:
        Louvain is most of the report's time, and its communities are no gap a recruit closes.
    """
    tg = require_node(G, target_group, Kind.TARGET_GROUP.value)
    membership = target_group_members(G, target_group, reference_year=reference_year)
    members = sorted(membership.members)
    initiatives = tuple(sorted(initiatives_targeting(G, target_group)))
    reach = arena_reach(G, members, focus_arena=focus_arena, reference_year=reference_year)
    support = support_network(G, members, hops=hops, initiatives=initiatives)
    sectors = sector_coverage(G, support.ids, expected=expected_sectors, under_ratio=under_ratio)
    schools = [a.node for a in support.actors if school_arena in a.arenas]
    failures, with_access = single_points_of_failure(G, members, focus_arena=focus_arena)
    report = GapReport(
        target_group=target_group,
        name=tg["name"],
        members=membership,
        reach=reach,
        initiatives=initiatives,
        support=support,
        sectors=sectors,
        area_gaps=tuple(area_gaps(G, members, focus_arena=focus_arena)),
        schools_without_leisure=tuple(
            schools_without_arena(G, schools, arena=focus_arena, hops=2, members=members)
        ),
        single_points_of_failure=tuple(failures[:top_failures]),
        members_with_leisure_access=with_access,
        silos=tuple(
            silos(
                G,
                members,
                support.ids,
                seed=seed,
                school_arena=school_arena,
                leisure_arena=focus_arena,
                engine=engine,
            )
            if find_silos
            else ()
        ),
        ei_support=ei_index(G, support.ids),
        ei_tenant=ei_index(G),
        findings=(),
        focus_arena=focus_arena,
        hops=hops,
        seed=seed,
    )
    return replace(report, findings=tuple(_findings(G, report)))


def _by_share(share: float, high: float, medium: float) -> Severity:
    return Severity.HIGH if share >= high else Severity.MEDIUM if share >= medium else Severity.LOW


def _findings(G: nx.DiGraph, r: GapReport) -> list[Finding]:
    nodes = G.nodes
    total = len(r.members.members)
    arena = r.focus_arena
    found: list[tuple[float, Finding]] = []  # (size for ordering, finding)
    if total == 0:
        found.append(
            (
                0,
                Finding(
                    "no_members",
                    Severity.HIGH,
                    f"No young person matches {r.name}: check its criteria.",
                    (r.target_group,),
                    {"members": 0},
                ),
            )
        )
        return [f for _, f in found]
    for code, n, text in (
        ("members_without_focus", r.reach.overall.without_focus, f"have no tie to a {arena} actor"),
        ("members_one_arena", r.reach.overall.one_arena, "have ties in only one arena"),
    ):
        if n:
            share = n / total
            found.append(
                (
                    n,
                    Finding(
                        code,
                        _by_share(share, 0.5, 0.2),
                        f"{n} of {total} members ({percent(share)}) {text}.",
                        (r.target_group,),
                        {"members": n, "of": total, "share": share, "arena": arena},
                    ),
                )
            )
    registry = {s.sector: s for s in r.sectors.sectors}
    for sector in r.sectors.missing:
        name = SECTOR_ACTOR_WORDS.get(sector, sector)
        there = registry[sector].registry_actors
        registry_text = (
            f"although the municipality has {there}"
            if there
            else "and the municipality has none to recruit yet"
        )
        found.append(
            (
                there,
                Finding(
                    "missing_sector",
                    Severity.HIGH,
                    f"No {name} actor is within {r.hops} hops of the members or in an initiative "
                    f"for them, {registry_text}.",
                    (sector,),
                    {"sector": sector, "hops": r.hops, "registry_actors": there},
                ),
            )
        )
    for sector in r.sectors.under_represented:
        s = registry[sector]
        ratio = s.ratio or 0.0
        found.append(
            (
                1 - ratio,
                Finding(
                    "under_represented_sector",
                    Severity.MEDIUM if ratio < r.sectors.under_ratio / 2 else Severity.LOW,
                    f"{label(SECTOR_LABELS, sector).capitalize()} is {percent(s.support_share)} of the "
                    f"support network ({s.support_actors} actors) but {percent(s.registry_share)} of "
                    f"all actors in the municipality.",
                    (sector,),
                    {
                        "sector": sector,
                        "support_actors": s.support_actors,
                        "support_share": s.support_share,
                        "registry_share": s.registry_share,
                        "ratio": ratio,
                    },
                ),
            )
        )
    for gap in r.area_gaps:
        found.append(
            (
                gap.members,
                Finding(
                    "area_gap",
                    Severity.HIGH
                    if gap.members >= 10
                    else Severity.MEDIUM
                    if gap.members >= 3
                    else Severity.LOW,
                    f"{count(gap.members, 'member')} {'lives' if gap.members == 1 else 'live'} in "
                    f"{gap.name}, where no {arena} actor reaches any young person.",
                    (gap.area,),
                    {
                        "area": gap.area,
                        "area_name": gap.name,
                        "members": gap.members,
                        "young_people": gap.young_people,
                        "arena": arena,
                    },
                ),
            )
        )
    for school in r.schools_without_leisure:
        found.append(
            (
                school.members_attending,
                Finding(
                    "school_without_leisure",
                    Severity.HIGH if school.members_attending else Severity.MEDIUM,
                    f"{school.name} has no {arena} actor within {school.hops} hops "
                    f"({_attend(school.members_attending)}).",
                    (school.school,),
                    {
                        "school": school.school,
                        "school_name": school.name,
                        "hops": school.hops,
                        "members_attending": school.members_attending,
                        "arena": arena,
                    },
                ),
            )
        )
    for spof in r.single_points_of_failure:
        share = spof.members_cut_off / spof.members_with_access
        found.append(
            (
                spof.members_cut_off,
                Finding(
                    "single_point_of_failure",
                    _by_share(share, 0.2, 0.05),
                    f"Without {spof.name}, {spof.members_cut_off} of {spof.members_with_access} "
                    f"members with {arena} access would have no {arena} actor within two hops.",
                    (spof.node,),
                    {
                        "actor": spof.node,
                        "actor_name": spof.name,
                        "members_cut_off": spof.members_cut_off,
                        "members_with_access": spof.members_with_access,
                        "share": share,
                        "arena": arena,
                    },
                ),
            )
        )
    for silo in r.silos:
        names = ", ".join(nodes[s]["name"] for s in silo.school_actors[:3])
        more = f" and {len(silo.school_actors) - 3} more" if len(silo.school_actors) > 3 else ""
        found.append(
            (
                silo.members,
                Finding(
                    "silo",
                    _by_share(silo.members / total, 0.2, 1e-12) if silo.members else Severity.LOW,
                    f"A cluster of {count(silo.actors, 'actor')} around {names}{more} holds "
                    f"{count(silo.members, 'member')} and no {arena} actor.",
                    silo.school_actors,
                    {
                        "community": silo.community,
                        "actors": silo.actors,
                        "members": silo.members,
                        "school_actors": len(silo.school_actors),
                        "arena": arena,
                    },
                ),
            )
        )
    ei = r.ei_support.index
    if ei is not None and ei < 0:
        found.append(
            (
                -ei,
                Finding(
                    "ei_index",
                    Severity.MEDIUM if ei <= -0.5 else Severity.LOW,
                    f"Actors around the target group mostly work within their own sector (E-I index "
                    f"{ei:.2f}: {r.ei_support.internal} ties within sectors, {r.ei_support.external} "
                    f"across; {_ei_text(r.ei_tenant)} in the whole municipality).",
                    (),
                    {
                        "index": ei,
                        "internal": r.ei_support.internal,
                        "external": r.ei_support.external,
                        "tenant_index": r.ei_tenant.index,
                    },
                ),
            )
        )
    found.sort(key=lambda p: (_RANK[p[1].severity], _ORDER.index(p[1].code), -p[0]))
    return [f for _, f in found]


def _ei_text(ei: EIIndex) -> str:
    return "no ties" if ei.index is None else f"{ei.index:.2f}"


def _attend(members: int) -> str:
    return {0: "no member attends it", 1: "1 member attends it"}.get(members, f"{members} members attend it")
