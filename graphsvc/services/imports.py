"""Imports of every format graphsvc reads - spreadsheets, partner surveys, Kumu projects,
GraphML, GEXF and graphsvc's own JSON - through one path: tell the format from the content,
read and check the file, compare it with the tenant, then write the new and changed records
in one transaction, or nothing.

The steps are the same for a dry run and an import; a dry run stops before writing. A file with
errors writes nothing, unless the caller chooses to skip the rows the errors are on (errors
about the whole file, such as an unreadable encoding or a missing column, cannot be skipped).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from graphsvc.auth import Role
from graphsvc.config import IMPORT_MAX_BYTES
from graphsvc.db.import_memory import read_memory, write_memory
from graphsvc.db.imports import ImportLookups
from graphsvc.db.networks import NetworkRepository
from graphsvc.db.relations import RelationRepository
from graphsvc.domain import Network, Node, Tie, TieType
from graphsvc.errors import InvalidInput, TooLargeForOneWrite
from graphsvc.io.formats import FileFormat, UnreadableFormat, sniff
from graphsvc.io.tabular.actor_types import Profile, read_profile
from graphsvc.io.tabular.changes import Change, Outcome, compare, counts_of
from graphsvc.io.tabular.columns import ImportKind
from graphsvc.io.tabular.records import Plan
from graphsvc.io.tabular.references import Known, NameIndex
from graphsvc.io.tabular.report import ImportReport
from graphsvc.io.tabular.survey import settle_reciprocity
from graphsvc.io.tabular.values import CellError, loose
from graphsvc.services.import_plans import Part, Reading, plan_file
from graphsvc.services.scope import Scope

__all__ = ["ImportOptions", "import_file"]

Progress = Callable[[int], None]


@dataclass(frozen=True)
class ImportOptions:
    kind: ImportKind | None = None  # None: told from the headings (spreadsheets)
    dry_run: bool = False
    mapping: Mapping[str, str] = field(default_factory=dict)  # heading in the file -> field
    skip_invalid_rows: bool = False
    survey: str | None = None  # the survey's name; default: the file's name
    max_bytes: int = IMPORT_MAX_BYTES
    defaults: Mapping[str, str] = field(default_factory=dict)  # field -> value for rows without one
    network_max_bytes: int | None = None  # GraphML, GEXF, JSON; None: max_bytes
    # The tenant's own type words: "Bibliotek" -> "municipal_unit, public, community".
    types: Mapping[str, str] = field(default_factory=dict)


async def import_file(
    scope: Scope,
    data: bytes | Path,
    *,
    file_name: str,
    options: ImportOptions,
    size: int | None = None,
    progress_factory: Callable[[int], Progress] | None = None,
) -> ImportReport:
    """Import (or with ``dry_run`` only check) one file of any format graphsvc reads into the
    tenant (a coordinator's job). ``data`` is the file's bytes, or its path (a GraphML or GEXF
    file is then parsed as it is read, never held whole). ``size`` is the whole file's size when
    ``data`` holds only its start (an upload cut at the limit)."""
    scope.require(Role.COORDINATOR)
    store, tenant = scope.store, scope.tenant
    report = ImportReport(
        kind=(options.kind.value if options.kind else ""),
        file_name=PurePath(file_name).name or "upload",
        file_format="",
        dry_run=options.dry_run,
    )
    if isinstance(data, Path):  # a file from the command line: a network is read as it streams
        size, data = data.stat().st_size, _opened(data)
    size = max(size or 0, len(data) if isinstance(data, bytes) else 0)
    try:
        file_format = sniff(data if isinstance(data, bytes) else _head(data), file_name)
    except UnreadableFormat as e:
        report.error(e.problem, suggestion=e.suggestion)
        return report
    report.file_format = file_format.value
    network = file_format in (FileFormat.GRAPHML, FileFormat.GEXF, FileFormat.JSON)
    limit = (options.network_max_bytes or options.max_bytes) if network else options.max_bytes
    if size > limit:
        report.error(
            f"the file is {size / 1e6:,.1f} MB; an import takes at most "
            f"{limit / 1e6:,.1f} MB (GRAPHSVC_IMPORT_MAX_BYTES)",
            suggestion="split it into several files, e.g. by area or by kind",
        )
        return report
    lookups = ImportLookups(store)
    index = NameIndex(Known(i, k, n) for i, k, n in await lookups.node_names(tenant))
    stored_ids = frozenset(index.by_id)  # before the file's own nodes join the index
    memory = await read_memory(store, tenant)
    own_types = _own_types({**memory.get("types", {}), **options.types}, options.types, report)
    if own_types is None:
        return report
    reading = Reading(
        file_name=report.file_name,
        kind=options.kind,
        mapping=options.mapping,
        defaults=options.defaults,
        survey=options.survey,
        max_bytes=limit,
        tenant=tenant,
        index=index,
        own_types=own_types,
        remembered=memory.get("shapes", {}),
    )
    # Reading, checking and comparing a file is CPU work of seconds for a large one: it runs in
    # a worker thread, so that the API goes on answering everyone else meanwhile.
    parts = await asyncio.to_thread(plan_file, data, file_format, reading, report)
    if not parts or report.file_errors:
        return report
    if options.skip_invalid_rows:
        parts = [Part(p.sheet, p.plan.without_rows(report.error_rows_in(p.sheet))) for p in parts]
    stored_ties = await _stored_ties(lookups, tenant, [p.plan for p in parts], stored_ids)
    if options.kind is ImportKind.SURVEY or report.kind == ImportKind.SURVEY.value:
        settle_reciprocity(parts[0].plan, stored_ties)
    wanted = sorted({n.id for p in parts for n in p.plan.nodes if n.id in stored_ids})
    stored_nodes = await RelationRepository(store).nodes_by_ids(tenant, wanted)
    outcomes = await asyncio.to_thread(_compare, parts, tenant, stored_nodes, stored_ties, report)
    if report.errors and not options.skip_invalid_rows:
        report.counts = counts_of([o for _, o in outcomes])
        return report
    kept = [o for sheet, o in outcomes if o.row not in report.error_rows_in(sheet)]
    report.skipped_rows = sorted({row for p in parts for row in report.error_rows_in(p.sheet)})
    report.counts = counts_of(kept)
    plan = parts[0].plan
    skipped = report.error_rows_in(parts[0].sheet)
    report.respondents_answered = sorted(plan.answered - _nodes_on(plan, skipped))
    report.respondents_not_answered = sorted(plan.not_answered - _nodes_on(plan, skipped))
    if options.dry_run:
        return report
    nodes: list[Node] = [
        o.record
        for o in kept  # type: ignore[misc]
        if o.change is not Change.UNCHANGED and not isinstance(o.record, Tie)
    ]
    ties = [o.record for o in kept if o.change is not Change.UNCHANGED and isinstance(o.record, Tie)]
    if nodes or ties:
        progress = progress_factory(len(nodes) + len(ties)) if progress_factory else None
        try:
            await NetworkRepository(store).write(
                Network(tenant=tenant, nodes=tuple(nodes), ties=tuple(ties)), progress=progress
            )
        except InvalidInput as e:  # the tenant changed since it was read
            report.error(str(e), suggestion="import the file again")
            return report
        except TooLargeForOneWrite as e:
            report.error(
                str(e),
                suggestion="split the file, e.g. by area or by kind; or give Neo4j more memory "
                "(NEO4J_LOCAL_HEAP=4g for the local Neo4j, dbms.memory.transaction.total.max on a "
                "server of your own)",
            )
            return report
    report.written = True
    if options.types or reading.chosen:  # the next file of this shape needs no choices
        memory["types"] = {**memory.get("types", {}), **options.types}
        memory["shapes"] = {**memory.get("shapes", {}), **reading.chosen}
        await write_memory(store, tenant, memory)
    return report


def _opened(path: Path) -> bytes | Path:
    """The file's bytes; a GraphML or GEXF file stays a path, to be parsed as it is read."""
    head = _head(path)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return path
    return path.read_bytes()


def _head(path: Path) -> bytes:
    with path.open("rb") as stream:
        return stream.read(4096)


def _own_types(
    words: Mapping[str, str], given: Mapping[str, str], report: ImportReport
) -> dict[str, Profile] | None:
    """The tenant's type words as profiles; ``None`` (reported) when one given now is wrong."""
    profiles: dict[str, Profile] = {}
    for word, text in words.items():
        try:
            profiles[loose(word)] = read_profile(text)
        except CellError as e:
            if word in given:
                report.error(f"the type {word}={text}: {e.problem}", suggestion=e.suggestion)
    return None if report.errors else profiles


def _compare(
    parts: list[Part],
    tenant: str,
    stored_nodes: Mapping[str, Node],
    stored_ties: Mapping[tuple[TieType, str, str], Tie],
    report: ImportReport,
) -> list[tuple[str | None, Outcome]]:
    outcomes: list[tuple[str | None, Outcome]] = []
    for part in parts:
        with report.in_sheet(part.sheet):
            outcomes += [
                (part.sheet, o) for o in compare(part.plan, tenant, stored_nodes, stored_ties, report)
            ]
    return outcomes


async def _stored_ties(
    lookups: ImportLookups, tenant: str, plans: list[Plan], stored_ids: frozenset[str]
) -> dict[tuple[TieType, str, str], Tie]:
    # Only ties between two stored nodes can be stored already: a region imported into an
    # empty tenant asks for none.
    pairs = {
        (r.tie.source, r.tie.target)
        for plan in plans
        for r in plan.ties
        if r.tie.source in stored_ids and r.tie.target in stored_ids
    }
    pairs |= {(target, source) for source, target in pairs}  # reciprocity looks back
    types = {r.tie.type for plan in plans for r in plan.ties}
    if not pairs:
        return {}
    ties = await lookups.ties_between(tenant, pairs, types)
    return {(t.type, t.source, t.target): t for t in ties}


def _nodes_on(plan: Plan, rows: set[int]) -> set[str]:
    return {n.id for n in plan.nodes if n.row in rows}
