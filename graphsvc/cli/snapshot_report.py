"""Snapshots and their comparison as Markdown: the sentence first, then the numbers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from graphsvc.analytics.comparison import GroupChange, TieChange
from graphsvc.analytics.wording import ARENA_LABELS, KIND_LABELS, SECTOR_LABELS, label, percent
from graphsvc.services.snapshots import Comparison, Moment, Snapshot

__all__ = ["MEASURE_LABELS", "comparison_markdown", "snapshots_markdown"]

MEASURE_LABELS = {
    "actors": "Partners (actors)",
    "actor_ties": "Ties between actors",
    "density": "Density",
    "components": "Components",
    "isolated_actors": "Actors without ties",
    "cross_sector_tie_share": "Cross-sector tie share",
    "ei_index": "E-I index (sectors)",
    "degree_centralisation": "Degree centralisation (Freeman)",
}
_SHARES = {"density", "cross_sector_tie_share"}
_LISTED = 50  # partners and ties listed by name; the rest are counted


def snapshots_markdown(tenant: str, snapshots: Sequence[Snapshot]) -> str:
    lines = [f"# Snapshots of {tenant}", ""]
    if not snapshots:
        lines.append("No snapshots yet: take one with `graphsvc snapshot create NAME`.")
        return _text(lines)
    lines += _table(
        [
            "Id",
            "Name",
            "Taken on",
            "Partners",
            "Ties",
            "Density",
            "Components",
            "Cross-sector ties",
            "E-I index",
            "Centralisation",
        ],
        (
            [
                s.id,
                s.name,
                s.taken_on.isoformat(),
                s.measures.actors,
                s.measures.actor_ties,
                _value("density", s.measures.density),
                s.measures.components,
                _value("cross_sector_tie_share", s.measures.cross_sector_tie_share),
                _value("ei_index", s.measures.ei_index),
                _value("degree_centralisation", s.measures.degree_centralisation),
            ]
            for s in snapshots
        ),
    )
    return _text(lines)


def comparison_markdown(c: Comparison) -> str:
    d = c.changes
    lines = [f"# {_moment(c.before)} → {_moment(c.after)}", "", c.sentence, "", "## Network health", ""]
    lines += _table(
        ["Measure", "Before", "After", "Change"],
        (
            [
                MEASURE_LABELS.get(m.measure, m.measure),
                _value(m.measure, m.before),
                _value(m.measure, m.after),
                _change(m.measure, m.change),
            ]
            for m in d.measures
        ),
    )
    if d.reach:
        lines += ["", "## Target-group reach (members within 2 ties of a partner)", ""]
        lines += _table(
            ["Target group", "Before", "After", "Change"],
            (
                [
                    r.name,
                    _reach(r.reached_before, r.members_before, r.share_before),
                    _reach(r.reached_after, r.members_after, r.share_after),
                    _change("cross_sector_tie_share", r.change),
                ]
                for r in d.reach
            ),
        )
    lines += ["", "## By sector", ""]
    lines += _groups(d.by_sector, SECTOR_LABELS)
    lines += ["", "## By arena", ""]
    lines += _groups(d.by_arena, ARENA_LABELS)
    for title, partners in (("Partners gained", d.partners_gained), ("Partners lost", d.partners_lost)):
        lines += ["", f"## {title} ({len(partners)})", ""]
        lines += [
            f"- {p.name} ({label(KIND_LABELS, p.kind)}, {label(SECTOR_LABELS, p.sector)}"
            f"{'; ' + ', '.join(p.arenas) if p.arenas else ''})"
            for p in partners[:_LISTED]
        ] or ["- none"]
        lines += _more(len(partners))
    for title, ties in (("Ties gained", d.ties_gained), ("Ties lost", d.ties_lost)):
        lines += ["", f"## {title} ({len(ties)})", ""]
        lines += [_tie(t) for t in ties[:_LISTED]] or ["- none"]
        lines += _more(len(ties))
    return _text(lines)


def _moment(moment: Moment) -> str:
    return "now" if moment.is_now else f"{moment.name} ({moment.taken_on.isoformat()})"


def _groups(groups: Sequence[GroupChange], labels: dict[str, dict[str, str]]) -> list[str]:
    if not groups:
        return ["No actors."]
    return _table(
        ["", "Actors before", "Actors after", "Partners gained", "Partners lost", "Ties gained", "Ties lost"],
        (
            [
                label(labels, g.group),
                g.actors_before,
                g.actors_after,
                g.partners_gained,
                g.partners_lost,
                g.ties_gained,
                g.ties_lost,
            ]
            for g in groups
        ),
    )


def _tie(t: TieChange) -> str:
    across = " (across sectors)" if t.cross_sector else ""
    return f"- {t.source_name} —{t.type}→ {t.target_name}{across}"


def _more(total: int) -> list[str]:
    return [f"- … and {total - _LISTED} more (all of them are in `--format json`)"] if total > _LISTED else []


def _value(measure: str, value: float | None) -> str:
    if value is None:
        return "–"
    if measure in _SHARES:
        return f"{value * 100:.1f}%"
    return str(value) if isinstance(value, int) else f"{value:.3f}"


def _change(measure: str, change: float | None) -> str:
    if change is None:
        return "–"
    if measure in _SHARES:
        return f"{change * 100:+.1f} points"
    return f"{change:+d}" if isinstance(change, int) else f"{change:+.3f}"


def _reach(reached: int | None, members: int | None, share: float | None) -> str:
    if members is None:
        return "–"
    return f"{reached} of {members}" + (f" ({percent(share)})" if share is not None else "")


def _cell(value: Any) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _table(headings: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[str]:
    lines = ["| " + " | ".join(headings) + " |", "|" + " --- |" * len(headings)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines


def _text(lines: list[str]) -> str:
    return "\n".join(lines).rstrip() + "\n"
