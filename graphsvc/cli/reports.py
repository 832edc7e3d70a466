"""The analytics results as Markdown reports: the sentences a coordinator reads first, then
the numbers behind them in tables."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

from graphsvc.analytics import (
    BrokerRanking,
    CommunityResult,
    GapReport,
    MetricsResult,
    Recommendations,
)
from graphsvc.analytics.wording import (
    ARENA_LABELS,
    KIND_LABELS,
    SECTOR_LABELS,
    count,
    label,
    percent,
)

__all__ = ["brokers", "communities", "first_nodes", "gaps", "metrics", "recommendations"]


def first_nodes(result: MetricsResult, n: int) -> MetricsResult:
    """The metrics of the first ``n`` nodes only (highest betweenness first)."""
    return dataclasses.replace(result, nodes=result.nodes[:n])


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value).replace("|", "\\|").replace("\n", " ")


def _table(headings: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[str]:
    lines = ["| " + " | ".join(headings) + " |", "|" + " --- |" * len(headings)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines


def _sector(value: str | None) -> str:
    return label(SECTOR_LABELS, value) or "–"


def _kind(value: str) -> str:
    return label(KIND_LABELS, value)


def _text(lines: list[str]) -> str:
    return "\n".join(lines).rstrip() + "\n"


def metrics(r: MetricsResult) -> str:
    lines = [
        "# Node metrics",
        "",
        f"{r.sentence[:1].upper()}{r.sentence[1:]} (engine: {r.engine}; young people "
        f"{'included' if r.include_young_people else 'left out'}). Highest betweenness "
        "first.",
        "",
    ]
    lines += _table(
        [
            "#",
            "Node",
            "Kind",
            "Sector",
            "Degree",
            "Betweenness",
            "Closeness",
            "Eigenvector",
            "Constraint",
            "Effective size",
        ],
        (
            [
                i,
                f"{n.name} ({n.node})",
                _kind(n.kind),
                _sector(n.sector),
                n.metrics.degree,
                n.metrics.betweenness,
                n.metrics.closeness,
                n.metrics.eigenvector,
                n.metrics.constraint,
                n.metrics.effective_size,
            ]
            for i, n in enumerate(r.nodes, start=1)
        ),
    )
    return _text(lines)


def brokers(r: BrokerRanking) -> str:
    where = f" in {r.area}" if r.area else ""
    lines = [
        f"# Brokers from {r.source_arena} to {r.target_arena}{where}",
        "",
        f"{r.sentence[:1].upper()}{r.sentence[1:]}.",
        "",
    ]
    if not r.brokers:
        lines.append("No actor lies on a shortest path between them.")
        return _text(lines)
    for b in r.brokers:
        lines.append(f"{b.rank}. **{b.name}** ({_kind(b.kind)}, {_sector(b.sector)}): {b.sentence}.")
    lines += ["", "## The numbers", ""]
    lines += _table(
        [
            "#",
            "Actor",
            "Share of paths",
            "From actors linked",
            "To actors linked",
            "Constraint",
            "Effective size",
            "Main role",
        ],
        (
            [
                b.rank,
                f"{b.name} ({b.node})",
                percent(b.share),
                b.sources_linked,
                b.targets_linked,
                b.constraint,
                b.effective_size,
                f"{b.main_role} ({_sector(b.main_role_group)})" if b.main_role else None,
            ]
            for b in r.brokers
        ),
    )
    return _text(lines)


def gaps(r: GapReport) -> str:
    members = r.members
    lines = [
        f"# Gap report: {r.name}",
        "",
        f"{count(len(members.members), 'member')} ({len(members.matched)} by the criteria, "
        f"{len(members.explicit)} enrolled). Support network: "
        f"{count(len(r.support.actors), 'actor')} within {r.hops} hops of the members or in "
        f"an initiative for them. {r.members_with_leisure_access} members have a "
        f"{r.focus_arena} actor within two hops.",
        "",
        "## Findings",
        "",
    ]
    lines += [f"- **{f.severity.value.upper()}** {f.sentence}" for f in r.findings] or [
        "- Nothing to report."
    ]
    reach = r.reach
    lines += ["", "## Arena reach", ""]
    lines += _table(
        ["Group", "Members", f"No {r.focus_arena} tie", "One arena only", "No ties"],
        (
            [c.label, c.members, c.without_focus, c.one_arena, c.no_ties]
            for c in (reach.overall, *reach.by_area, *reach.by_age_band)
        ),
    )
    lines += ["", "## Sectors around the target group", ""]
    lines += _table(
        ["Sector", "Actors around", "Share around", "Share in the municipality", "Status"],
        (
            [
                _sector(s.sector),
                s.support_actors,
                percent(s.support_share),
                percent(s.registry_share),
                s.status.replace("_", " "),
            ]
            for s in r.sectors.sectors
        ),
    )
    if r.area_gaps:
        lines += ["", f"## Areas no {r.focus_arena} actor reaches", ""]
        lines += _table(
            ["Area", "Members living there", "Young people living there"],
            ([f"{g.name} ({g.area})", g.members, g.young_people] for g in r.area_gaps),
        )
    if r.schools_without_leisure:
        lines += ["", f"## Schools without {r.focus_arena} within two hops", ""]
        lines += _table(
            ["School", "Members attending", "Young people attending"],
            (
                [f"{s.name} ({s.school})", s.members_attending, s.young_people_attending]
                for s in r.schools_without_leisure
            ),
        )
    if r.single_points_of_failure:
        lines += ["", "## Single points of failure", ""]
        lines += _table(
            ["Actor", "Members cut off", f"Members with {r.focus_arena} access"],
            (
                [f"{s.name} ({s.node})", s.members_cut_off, s.members_with_access]
                for s in r.single_points_of_failure
            ),
        )
    ei = r.ei_support.index
    lines += [
        "",
        f"E-I index between sectors around the group: "
        f"{'no ties' if ei is None else f'{ei:.2f}'}; in the whole municipality: "
        f"{'no ties' if r.ei_tenant.index is None else f'{r.ei_tenant.index:.2f}'}.",
    ]
    return _text(lines)


def recommendations(r: Recommendations) -> str:
    lines = [
        f"# Partners to recruit for {r.target_group}",
        "",
        f"{count(len(r.recommendations), 'recommendation')} from "
        f"{count(r.candidates, 'candidate')} outside the support network.",
        "",
    ]
    for x in r.recommendations:
        where = f", {x.area_name}" if x.area_name else ""
        lines.append(
            f"{x.rank}. **{x.name}** ({_kind(x.kind)}, {_sector(x.sector)}{where}), score {x.score:g}"
        )
        lines += [f"   - {reason.sentence} (+{reason.points:g})" for reason in x.reasons]
        for c in x.contacts:
            details = ", ".join(v for v in (c.role, c.email, c.phone) if v)
            lines.append(f"   - Contact: {c.name}" + (f" ({details})" if details else ""))
        if len(x.introduction_path) > 1:
            lines.append("   - Introduction: " + " → ".join(s.name for s in x.introduction_path))
        else:
            lines.append("   - No known introduction.")
    return _text(lines)


def communities(r: CommunityResult) -> str:
    lines = [
        "# Communities",
        "",
        f"{count(len(r.communities), 'community', 'communities')}, modularity "
        f"{r.modularity:.3f} (Louvain, seed {r.seed}, resolution {r.resolution:g}, "
        f"{r.engine}; young people {'included' if r.include_young_people else 'left out'}"
        ").",
        "",
    ]
    lines += _table(
        [
            "#",
            "Community",
            "Nodes",
            "Actors",
            "Young people",
            "Sectors",
            "Arenas",
            "Ties inside",
            "Ties out",
            "Most ties to",
        ],
        (
            [
                c.index,
                c.label,
                c.size,
                c.actors,
                c.young_people,
                ", ".join(f"{_sector(s)} {n}" for s, n in c.sectors.items()) or "–",
                ", ".join(f"{label(ARENA_LABELS, a)} {n}" for a, n in c.arenas.items()) or "–",
                c.internal_ties,
                c.external_ties,
                ", ".join(f"#{b.other} ({b.ties})" for b in c.bridges) or "–",
            ]
            for c in r.communities
        ),
    )
    return _text(lines)
