"""From an import file's bytes to the records it asks for, whatever its format: the part of an
import that runs in a worker thread (reading and checking are CPU work of seconds for a large
file).

Every format ends as one or more *parts*, each a plan of node and tie records and the table
(sheet) its findings are about:

* a spreadsheet (CSV, XLSX) is one table of one kind (actors, contacts, young people, areas,
  ties or a partner survey), told from its headings or given;
* a network drawn in another tool (Kumu XLSX or JSON, a GraphML or GEXF file without
  graphsvc's ``kind`` attribute) is a table of actors and one of ties, read like spreadsheets;
* graphsvc's own exports (GraphML, GEXF, JSON, also after a round through Gephi) are read as
  the network they describe, every kind of node included.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from graphsvc.domain import ACTOR_KINDS, TIE_RULES, Kind, Network, Node
from graphsvc.errors import InvalidInput
from graphsvc.io.formats import FileFormat
from graphsvc.io.gexf_parse import parse_gexf
from graphsvc.io.graphml_format import normalise
from graphsvc.io.graphml_parse import Item, KeyDecl, RawRecord, parse_graphml
from graphsvc.io.graphml_read import network_from_items
from graphsvc.io.kumu_read import read_kumu_json, read_kumu_xlsx
from graphsvc.io.network_json import network_from_json
from graphsvc.io.network_tables import NetworkTables, split_by_kind, tables_from_items
from graphsvc.io.tabular.actor_types import Profile
from graphsvc.io.tabular.columns import ImportKind, columns_of, detect_kind
from graphsvc.io.tabular.defaults import with_defaults
from graphsvc.io.tabular.headings import ColumnMap, match_headings
from graphsvc.io.tabular.node_rows import node_plan
from graphsvc.io.tabular.reading import Table, read_table
from graphsvc.io.tabular.records import NodeRecord, Plan, TieRecord
from graphsvc.io.tabular.references import NameIndex
from graphsvc.io.tabular.report import ImportReport
from graphsvc.io.tabular.survey import survey_plan
from graphsvc.io.tabular.tie_rows import tie_plan
from graphsvc.io.tabular.unused_columns import warn_if_mostly_unused
from graphsvc.io.tabular.values import loose

__all__ = ["Part", "Reading", "plan_file"]

_CHUNK = 1 << 20
_MAX_PROBLEMS = 1000
_NO_COLUMNS: dict[str, str] = {}  # never changed: records of a network file name no columns
_LABELS = {
    Kind.AREA: "areas",
    Kind.YOUNG_PERSON: "young_people",
    Kind.PERSON: "contacts",
    Kind.TARGET_GROUP: "target_groups",
    Kind.INITIATIVE: "initiatives",
}


@dataclass
class Part:
    sheet: str | None
    plan: Plan


@dataclass
class Reading:
    """What reading a file needs to know besides its bytes."""

    file_name: str
    kind: ImportKind | None
    mapping: Mapping[str, str]
    defaults: Mapping[str, str]
    survey: str | None
    max_bytes: int
    tenant: str
    index: NameIndex
    own_types: Mapping[str, Profile] = field(default_factory=dict)
    # The mapping and defaults chosen before for files of a shape (their headings), and those
    # chosen now, to be remembered when the import is written.
    remembered: Mapping[str, Any] = field(default_factory=dict)
    chosen: dict[str, Any] = field(default_factory=dict)


def plan_file(
    data: bytes | Path, file_format: FileFormat, reading: Reading, report: ImportReport
) -> list[Part]:
    """The parts of the file; none (with errors in ``report``) when it cannot be read. A path is
    a GraphML or GEXF file, parsed as it is read."""
    if file_format in (FileFormat.GRAPHML, FileFormat.GEXF):
        return _graph_file(data, file_format, reading, report)
    content = data.read_bytes() if isinstance(data, Path) else data
    if file_format in (FileFormat.CSV, FileFormat.XLSX):
        table = read_table(content, reading.file_name, report, max_bytes=reading.max_bytes)
        return _spreadsheet(table, reading, report) if table is not None else []
    if file_format is FileFormat.KUMU_XLSX:
        tables = read_kumu_xlsx(content, report, max_bytes=reading.max_bytes)
        return _network_tables(tables, reading, report) if tables is not None else []
    if file_format is FileFormat.KUMU_JSON:
        tables = read_kumu_json(content, report)
        return _network_tables(tables, reading, report) if tables is not None else []
    try:
        return _network(network_from_json(content, tenant=reading.tenant), report, reading.index.by_id)
    except InvalidInput as e:
        _report_problems(e, report)
        return []


def _graph_file(
    data: bytes | Path, file_format: FileFormat, reading: Reading, report: ImportReport
) -> list[Part]:
    try:
        parse = parse_graphml if file_format is FileFormat.GRAPHML else parse_gexf
        items = parse(_chunks(data))
        declared, items = _keys_first(items)
        if any(k.domain in ("node", "all") and normalise(k.name) == "kind" for k in declared):
            unknown: Counter[str] = Counter()
            network = network_from_items(
                items, tenant=reading.tenant, known=_kinds(reading.index), unknown=unknown
            )
            for name, count in sorted(unknown.items()):
                on = f" (on {count:,} records)" if count else ""
                report.warning(f"the attribute {name!r}{on} is not used and was left out")
            return _network(network, report, reading.index.by_id)
        return _network_tables(tables_from_items(items), reading, report)
    except InvalidInput as e:
        _report_problems(e, report)
        return []


def _report_problems(error: InvalidInput, report: ImportReport) -> None:
    for problem in error.problems[:_MAX_PROBLEMS]:
        report.error(str(problem))
    if len(error.problems) > _MAX_PROBLEMS:
        report.info(f"{len(error.problems) - _MAX_PROBLEMS:,} more problems are not listed")
    if not error.problems:
        report.error(str(error))


def _spreadsheet(table: Table, reading: Reading, report: ImportReport) -> list[Part]:
    kind = reading.kind or detect_kind(list(table.headings))
    if kind is None:
        report.error(
            "cannot tell from the headings what the file holds",
            suggestion="say which kind: actors, contacts, young_people, areas, ties or survey",
        )
        return []
    report.kind = kind.value
    read = _read_columns(table, kind, reading, report)
    if read is None:
        return []
    table, columns = read
    warn_if_mostly_unused(table.headings, kind, columns, report)
    if kind is ImportKind.TIES:
        plan = tie_plan(table, columns, reading.index, report)
    elif kind is ImportKind.SURVEY:
        survey = reading.survey or PurePath(reading.file_name).stem or "survey"
        plan = survey_plan(table, columns, reading.index, report, survey=survey)
    else:
        plan = node_plan(kind, table, columns, reading.index, report, own_types=reading.own_types)
    return [Part(None, plan)]


def _network_tables(tables: NetworkTables, reading: Reading, report: ImportReport) -> list[Part]:
    report.kind = "network"
    for problem in tables.problems:
        report.error(str(problem))
    found = {loose(h) for table in (tables.nodes, tables.ties) if table is not None for h in table.headings}
    for heading in reading.mapping:
        if loose(heading) not in found:
            report.error(f"the mapping names the column {heading!r}, which the file does not have")
    parts: list[Part] = []
    ids_by_row: dict[int, str] = {}
    with report.in_sheet(tables.node_sheet):
        for kind, table in split_by_kind(tables.nodes):
            plan = _plan_table(kind, table, reading, report)
            if plan is None:
                return []
            parts.append(Part(tables.node_sheet, plan))
            ids_by_row |= {record.row: record.id for record in plan.nodes if record.label is None}
    ties = tables.ties_with_ids(ids_by_row)
    if ties is not None:
        with report.in_sheet(tables.tie_sheet):
            plan = _plan_table(ImportKind.TIES, ties, reading, report)
            if plan is None:
                return []
            parts.append(Part(tables.tie_sheet, plan))
    return parts


def _plan_table(kind: ImportKind, table: Table, reading: Reading, report: ImportReport) -> Plan | None:
    read = _read_columns(table, kind, reading, report)
    if read is None:
        return None
    table, columns = read
    if kind is ImportKind.TIES:
        return tie_plan(table, columns, reading.index, report)
    return node_plan(kind, table, columns, reading.index, report, own_types=reading.own_types)


def _read_columns(
    table: Table, kind: ImportKind, reading: Reading, report: ImportReport
) -> tuple[Table, ColumnMap] | None:
    """The table's columns, by the mapping and defaults chosen now, or else by those chosen
    before for a file of the same shape; and the table with the defaults filled in."""
    mapping = dict(reading.mapping)
    if report.current_sheet is not None:  # one of several tables: the mapping of its columns
        headings = {loose(h) for h in table.headings}
        mapping = {h: f for h, f in mapping.items() if loose(h) in headings}
    defaults = dict(reading.defaults)
    shape = f"{kind.value}:" + "|".join(sorted({loose(h) for h in table.headings if h.strip()}))
    if mapping or defaults:
        reading.chosen[shape] = {"mapping": mapping, "defaults": defaults}
    elif shape in reading.remembered:
        earlier = reading.remembered[shape]
        mapping, defaults = dict(earlier.get("mapping", {})), dict(earlier.get("defaults", {}))
        report.info(
            "read with the column mapping and defaults chosen for a file with the same columns "
            f"before: {', '.join(f'{k}={v}' for k, v in {**mapping, **defaults}.items())}"
        )
    columns = match_headings(table.headings, columns_of(kind), mapping, report)
    if columns is None:
        return None
    return with_defaults(table, columns, defaults, columns_of(kind), report)


def _network(network: Network, report: ImportReport, stored: Mapping[str, object]) -> list[Part]:
    report.kind = "network"
    report.rows = len(network.nodes) + len(network.ties)
    plan = Plan("actors")
    for number, node in enumerate(network.nodes, start=1):
        plan.nodes.append(_node_record(number, node, node.id in stored))
    # A region holds a million ties: their records share what they can.
    givens: dict[frozenset[str], frozenset[str]] = {}
    for number, tie in enumerate(network.ties, start=len(network.nodes) + 1):
        given = frozenset(n for n in TIE_RULES[tie.type].properties if getattr(tie, n, None) is not None)
        plan.ties.append(TieRecord(number, tie, givens.setdefault(given, given), _NO_COLUMNS))
    return [Part(None, plan)]


def _node_record(number: int, node: Node, stored: bool) -> NodeRecord:
    # The file's created_at and updated_at are kept for a new node (an export imported into an
    # empty tenant is the same network); they never count as a change. Only a stored node
    # needs the fields to merge; a new one is used as it was read.
    fields = node.model_dump(exclude={"kind", "id", "tenant", "version"}) if stored else {}
    label = "actors" if node.kind in ACTOR_KINDS else _LABELS[node.kind]
    return NodeRecord(number, node.id, node.kind, fields, label=label, node=node)


def _chunks(data: bytes | Path) -> Iterator[bytes | memoryview]:
    if isinstance(data, Path):
        with data.open("rb") as stream:
            while chunk := stream.read(_CHUNK):
                yield chunk
        return
    view = memoryview(data)
    yield from (view[i : i + _CHUNK] for i in range(0, len(view), _CHUNK))


def _keys_first(items: Iterator[Item]) -> tuple[list[KeyDecl], Iterator[Item]]:
    """The keys declared before the first record, and all the items (those included)."""
    head: list[Item] = []
    for item in items:
        head.append(item)
        if isinstance(item, RawRecord):
            break
    return [i for i in head if isinstance(i, KeyDecl)], itertools.chain(head, items)


def _kinds(index: NameIndex) -> dict[str, Kind]:
    return {node_id: known.kind for node_id, known in index.by_id.items()}
