"""The analytics results as CSV tables: one row per node, broker, finding or community, with
the result types' own field names as headings (English, comma-separated, plain numbers).
The recruitment list has its own CSV (``graphsvc.analytics.recruitment_list``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from graphsvc.analytics import BrokerRanking, CommunityResult, GapReport, MetricsResult
from graphsvc.io.spreadsheet_cells import guarded

__all__ = ["brokers", "communities", "findings", "metrics"]


def _value(value: Any) -> Any:
    if value is None:
        return ""
    # Texts typed in by users must not become spreadsheet formulas.
    return guarded(value) if isinstance(value, str) else value


def _csv(headings: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headings)
    writer.writerows([_value(v) for v in row] for row in rows)
    return out.getvalue()


def _joined(values: Iterable[Any]) -> str:
    return "|".join(str(v) for v in values)


def _counts(values: Mapping[str, int]) -> str:
    return "|".join(f"{k}:{n}" for k, n in values.items())


def metrics(r: MetricsResult) -> str:
    return _csv(
        [
            "node",
            "name",
            "kind",
            "sector",
            "degree",
            "betweenness",
            "closeness",
            "eigenvector",
            "constraint",
            "effective_size",
        ],
        (
            [
                n.node,
                n.name,
                n.kind,
                n.sector,
                n.metrics.degree,
                n.metrics.betweenness,
                n.metrics.closeness,
                n.metrics.eigenvector,
                n.metrics.constraint,
                n.metrics.effective_size,
            ]
            for n in r.nodes
        ),
    )


def brokers(r: BrokerRanking) -> str:
    return _csv(
        [
            "rank",
            "node",
            "name",
            "kind",
            "sector",
            "arenas",
            "area",
            "share",
            "sources_linked",
            "targets_linked",
            "constraint",
            "effective_size",
            "coordinator",
            "itinerant",
            "representative",
            "gatekeeper",
            "liaison",
            "main_role",
            "main_role_group",
            "sentence",
        ],
        (
            [
                b.rank,
                b.node,
                b.name,
                b.kind,
                b.sector,
                _joined(b.arenas),
                b.area,
                b.share,
                b.sources_linked,
                b.targets_linked,
                b.constraint,
                b.effective_size,
                b.roles.coordinator,
                b.roles.itinerant,
                b.roles.representative,
                b.roles.gatekeeper,
                b.roles.liaison,
                b.main_role,
                b.main_role_group,
                b.sentence,
            ]
            for b in r.brokers
        ),
    )


def findings(r: GapReport) -> str:
    return _csv(
        ["severity", "code", "sentence", "subjects"],
        ([f.severity.value, f.code, f.sentence, _joined(f.subjects)] for f in r.findings),
    )


def communities(r: CommunityResult) -> str:
    return _csv(
        [
            "index",
            "label",
            "size",
            "actors",
            "young_people",
            "sectors",
            "arenas",
            "internal_ties",
            "external_ties",
            "bridges",
        ],
        (
            [
                c.index,
                c.label,
                c.size,
                c.actors,
                c.young_people,
                _counts(c.sectors),
                _counts(c.arenas),
                c.internal_ties,
                c.external_ties,
                "|".join(f"{b.other}:{b.ties}" for b in c.bridges),
            ]
            for c in r.communities
        ),
    )
