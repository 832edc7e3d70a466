"""A file's records against what the tenant holds: which are new, which change (and how), and
which are already stored as the file has them. Only new and changed records are written, so
importing a file twice changes nothing the second time.

A record is merged into its stored node or tie: the fields the file gives replace the stored
ones, the others are kept. The merged record is validated by the domain model, whose problems
are reported on the record's row and column.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import ValidationError

from graphsvc.domain import Node, Tie, node_model
from graphsvc.io.tabular.records import NodeRecord, Plan, TieRecord
from graphsvc.io.tabular.report import Counts, ImportReport
from graphsvc.io.tabular.survey import TieKey

__all__ = ["Change", "Outcome", "compare", "counts_of"]

_NOT_COMPARED = {"created_at", "updated_at"}


class Change(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class Outcome:
    row: int
    label: str  # what it is counted as
    change: Change
    record: Node | Tie


def compare(
    plan: Plan,
    tenant: str,
    stored_nodes: Mapping[str, Node],
    stored_ties: Mapping[TieKey, Tie],
    report: ImportReport,
) -> list[Outcome]:
    """The outcome of every record that is valid once merged; problems go to ``report``."""
    outcomes: list[Outcome] = []
    for node in plan.nodes:
        outcome = _node(node, node.label or plan.node_label, tenant, stored_nodes.get(node.id), report)
        if outcome is not None:
            outcomes.append(outcome)
    for tie in plan.ties:
        key = (tie.tie.type, tie.tie.source, tie.tie.target)
        outcomes.append(_tie(tie, stored_ties.get(key)))
    return outcomes


def counts_of(outcomes: list[Outcome]) -> dict[str, Counts]:
    counts: dict[str, Counts] = {}
    for outcome in outcomes:
        entry = counts.setdefault(outcome.label, Counts())
        setattr(entry, outcome.change.value, getattr(entry, outcome.change.value) + 1)
    return counts


def _node(
    record: NodeRecord, label: str, tenant: str, stored: Node | None, report: ImportReport
) -> Outcome | None:
    if stored is None and record.node is not None:
        return Outcome(record.row, label, Change.NEW, record.node)
    if stored is not None:
        values: dict[str, Any] = stored.model_dump() | record.fields
    else:
        values = {"kind": record.kind, "id": record.id, "tenant": tenant, **record.fields}
    values = {k: v for k, v in values.items() if v is not None}
    if values.get("kind") is None:
        return None  # reported already (no sector, so no kind)
    try:
        node: Node = node_model(values["kind"]).model_validate(values)  # type: ignore[assignment]
    except ValidationError as e:
        for item in e.errors():
            field = str(item["loc"][0]) if item["loc"] else None
            report.error(
                str(item["msg"]).removeprefix("Value error, "),
                row=record.row,
                column=record.columns.get(field or "", field),
            )
        return None
    if stored is None:
        return Outcome(record.row, label, Change.NEW, node)
    changed = sorted(
        f
        for f in type(node).model_fields
        if f not in _NOT_COMPARED and getattr(node, f) != getattr(stored, f)
    )
    if not changed:
        return Outcome(record.row, label, Change.UNCHANGED, stored)
    report.info(
        f"{stored.name!r} changes: {', '.join(_describe(f, stored, node) for f in changed)}", row=record.row
    )
    # The store stamps updated_at when none is given.
    return Outcome(record.row, label, Change.CHANGED, node.model_copy(update={"updated_at": None}))


def _describe(field: str, old: Any, new: Any) -> str:
    before, after = _shown(getattr(old, field)), _shown(getattr(new, field))
    if len(before) + len(after) > 60:
        return field
    return f"{field} {before} → {after}"


def _shown(value: Any) -> str:
    if value is None or value == frozenset():
        return "(empty)"
    if isinstance(value, frozenset):
        return "|".join(sorted(str(getattr(v, "value", v)) for v in value))
    return repr(getattr(value, "value", value))


def _tie(record: TieRecord, stored: Tie | None) -> Outcome:
    if stored is None:
        return Outcome(record.row, "ties", Change.NEW, record.tie)
    merged = stored.model_copy(update={f: getattr(record.tie, f) for f in record.given})
    if merged == stored:
        return Outcome(record.row, "ties", Change.UNCHANGED, stored)
    return Outcome(record.row, "ties", Change.CHANGED, merged)
