"""Spreadsheet and partner-survey imports: read, check, compare with the tenant, then write the
new and changed records in one transaction, or nothing.

The steps are the same for a dry run and an import; a dry run stops before writing. A file with
errors writes nothing, unless the caller chooses to skip the rows the errors are on (errors
about the whole file, such as an unreadable encoding or a missing column, cannot be skipped).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePath

from graphsvc.auth import Role
from graphsvc.config import IMPORT_MAX_BYTES
from graphsvc.db.imports import ImportLookups
from graphsvc.db.networks import NetworkRepository
from graphsvc.db.relations import RelationRepository
from graphsvc.domain import Network, Node, Tie, TieType
from graphsvc.errors import InvalidInput
from graphsvc.io.tabular.changes import Change, compare, counts_of
from graphsvc.io.tabular.columns import ImportKind, columns_of, detect_kind
from graphsvc.io.tabular.headings import ColumnMap, match_headings
from graphsvc.io.tabular.node_rows import node_plan
from graphsvc.io.tabular.reading import Table, read_table
from graphsvc.io.tabular.records import Plan
from graphsvc.io.tabular.references import Known, NameIndex
from graphsvc.io.tabular.report import ImportReport
from graphsvc.io.tabular.survey import settle_reciprocity, survey_plan
from graphsvc.io.tabular.tie_rows import tie_plan
from graphsvc.services.scope import Scope

__all__ = ["ImportOptions", "import_file"]

Progress = Callable[[int], None]


@dataclass(frozen=True)
class ImportOptions:
    kind: ImportKind | None = None  # None: told from the headings
    dry_run: bool = False
    mapping: Mapping[str, str] = field(default_factory=dict)  # heading in the file -> field
    skip_invalid_rows: bool = False
    survey: str | None = None  # the survey's name; default: the file's name
    max_bytes: int = IMPORT_MAX_BYTES


async def import_file(
    scope: Scope,
    data: bytes,
    *,
    file_name: str,
    options: ImportOptions,
    size: int | None = None,
    progress_factory: Callable[[int], Progress] | None = None,
) -> ImportReport:
    """Import (or with ``dry_run`` only check) one CSV or XLSX file into the tenant (a
    coordinator's job). ``size`` is the whole file's size when ``data`` holds only its start
    (an upload cut at the limit)."""
    scope.require(Role.COORDINATOR)
    store, tenant = scope.store, scope.tenant
    report = ImportReport(
        kind=(options.kind.value if options.kind else ""),
        file_name=PurePath(file_name).name or "upload",
        file_format="",
        dry_run=options.dry_run,
    )
    size = max(size or 0, len(data))
    if size > options.max_bytes:
        report.error(
            f"the file is {size / 1e6:,.1f} MB; an import takes at most "
            f"{options.max_bytes / 1e6:,.1f} MB (GRAPHSVC_IMPORT_MAX_BYTES)",
            suggestion="split it into several files, e.g. by area or by kind",
        )
        return report
    # Reading, checking and comparing a file is CPU work of seconds for a large one: it runs in
    # a worker thread, so that the API goes on answering everyone else meanwhile.
    table = await asyncio.to_thread(read_table, data, file_name, report, max_bytes=options.max_bytes)
    if table is None:
        return report
    kind = options.kind or detect_kind(list(table.headings))
    if kind is None:
        report.error(
            "cannot tell from the headings what the file holds",
            suggestion="say which kind: actors, contacts, young_people, ties or survey",
        )
        return report
    report.kind = kind.value
    columns = match_headings(table.headings, columns_of(kind), options.mapping, report)
    if columns is None:
        return report
    lookups = ImportLookups(store)
    index = NameIndex(Known(i, k, n) for i, k, n in await lookups.node_names(tenant))
    plan = await asyncio.to_thread(_plan, kind, table, columns, index, report, options, file_name)
    if report.file_errors:
        return report
    if options.skip_invalid_rows:
        plan = plan.without_rows(report.error_rows)
    stored_ties = await _stored_ties(lookups, tenant, plan)
    if kind is ImportKind.SURVEY:
        settle_reciprocity(plan, stored_ties)
    stored_nodes = await RelationRepository(store).nodes_by_ids(tenant, sorted({n.id for n in plan.nodes}))
    outcomes = await asyncio.to_thread(compare, plan, tenant, stored_nodes, stored_ties, report)
    if report.errors and not options.skip_invalid_rows:
        report.counts = counts_of(outcomes)
        return report
    skipped = report.error_rows
    outcomes = [o for o in outcomes if o.row not in skipped]
    report.skipped_rows = sorted(skipped)
    report.counts = counts_of(outcomes)
    report.respondents_answered = sorted(plan.answered - _nodes_on(plan, skipped))
    report.respondents_not_answered = sorted(plan.not_answered - _nodes_on(plan, skipped))
    if options.dry_run:
        return report
    nodes: list[Node] = [
        o.record
        for o in outcomes  # type: ignore[misc]
        if o.change is not Change.UNCHANGED and not isinstance(o.record, Tie)
    ]
    ties = [o.record for o in outcomes if o.change is not Change.UNCHANGED and isinstance(o.record, Tie)]
    if nodes or ties:
        progress = progress_factory(len(nodes) + len(ties)) if progress_factory else None
        try:
            await NetworkRepository(store).write(
                Network(tenant=tenant, nodes=tuple(nodes), ties=tuple(ties)), progress=progress
            )
        except InvalidInput as e:  # the tenant changed since it was read
            report.error(str(e), suggestion="import the file again")
            return report
    report.written = True
    return report


def _plan(
    kind: ImportKind,
    table: Table,
    columns: ColumnMap,
    index: NameIndex,
    report: ImportReport,
    options: ImportOptions,
    file_name: str,
) -> Plan:
    if kind is ImportKind.TIES:
        return tie_plan(table, columns, index, report)
    if kind is ImportKind.SURVEY:
        survey = options.survey or PurePath(file_name).stem or "survey"
        return survey_plan(table, columns, index, report, survey=survey)
    return node_plan(kind, table, columns, index, report)


async def _stored_ties(
    lookups: ImportLookups, tenant: str, plan: Plan
) -> dict[tuple[TieType, str, str], Tie]:
    pairs = {(r.tie.source, r.tie.target) for r in plan.ties}
    pairs |= {(target, source) for source, target in pairs}  # reciprocity looks back
    types = {r.tie.type for r in plan.ties}
    if not pairs:
        return {}
    ties = await lookups.ties_between(tenant, pairs, types)
    return {(t.type, t.source, t.target): t for t in ties}


def _nodes_on(plan: Plan, rows: set[int]) -> set[str]:
    return {n.id for n in plan.nodes if n.row in rows}
