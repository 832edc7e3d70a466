"""Rows of ties -> tie records: both ends by name or id among the tenant's nodes, the type in
English or Danish, and only the properties that type has (``TIE_RULES``).

A cell may name several ends separated by ``|`` (Kumu's lists): the row is then a tie from
each source to each target. A file without a type column is an edge list of collaborations.
A ``mutual`` direction stores a one-way type (refers to, funds) both ways; a collaboration is
mutual by nature and is stored once.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from graphsvc.domain import TIE_RULES, Frequency, Kind, ParticipationRole, Tie, TieType
from graphsvc.io.tabular.headings import ColumnMap
from graphsvc.io.tabular.reading import Table
from graphsvc.io.tabular.records import Plan, RowReader, TieRecord, data_rows
from graphsvc.io.tabular.references import Known, NameIndex
from graphsvc.io.tabular.report import ImportReport
from graphsvc.io.tabular.values import read_direction, read_enum, read_strength, read_year, split_names

__all__ = ["PROPERTY_COLUMNS", "tie_plan"]

_ALL = frozenset(Kind)
PROPERTY_COLUMNS = ("strength", "since", "frequency", "role")
_PARSERS = {
    "strength": read_strength,
    "since": lambda t: read_year(t, "since"),
    "frequency": lambda t: read_enum(t, Frequency, "a frequency"),
    "role": lambda t: read_enum(t, ParticipationRole, "a role"),
}


def tie_plan(table: Table, columns: ColumnMap, index: NameIndex, report: ImportReport) -> Plan:
    plan = Plan("nodes")
    seen: dict[tuple[TieType, str, str], int] = {}
    if "type" not in columns:
        report.info("the file has no type column: every tie is read as collaborates with")
    for row in data_rows(table, report):
        cells = RowReader(row, columns, report)
        if cells.has("type"):
            _, tie_type = cells.read("type", lambda t: read_enum(t, TieType, "a tie type"))
        else:
            tie_type = TieType.COLLABORATES_WITH
        _, sources = cells.read("source", lambda t: [index.resolve(n, _ALL) for n in split_names(t)])
        _, targets = cells.read("target", lambda t: [index.resolve(n, _ALL) for n in split_names(t)])
        _, direction = cells.read("direction", read_direction)
        for name, value in (("type", tie_type), ("source", sources), ("target", targets)):
            if value is None and cells.text(name) == "":
                cells.error(f"the {name} is empty", name)
        if cells.failed or tie_type is None or not sources or not targets:
            continue
        if tie_type is TieType.LOCATED_IN:
            cells.error(
                "locations are not ties here",
                "type",
                "give the area in the 'area' column of the actors or young people file",
            )
            continue
        properties: dict[str, Any] = {}
        for name in PROPERTY_COLUMNS:
            present, value = cells.read(name, _PARSERS[name])
            if present and value is not None:
                properties[name] = value
        given = frozenset(n for n in PROPERTY_COLUMNS if cells.has(n) and n in TIE_RULES[tie_type].properties)
        both_ways = direction == "mutual" and tie_type is not TieType.COLLABORATES_WITH
        for source in sources:
            for target in targets:
                ends = [(source, target), (target, source)] if both_ways else [(source, target)]
                for a, b in ends:
                    tie = _tie(cells, tie_type, a, b, properties, seen)
                    if tie is not None:
                        plan.ties.append(TieRecord(row.number, tie, given, cells.headings()))
    return plan


def _tie(
    cells: RowReader,
    tie_type: TieType,
    source: Known,
    target: Known,
    properties: dict[str, Any],
    seen: dict[tuple[TieType, str, str], int],
) -> Tie | None:
    if source.id == target.id:
        cells.error(f"{source.name!r} cannot have a tie to itself", "target")
        return None
    wanted = {k: v for k, v in properties.items() if k in TIE_RULES[tie_type].properties}
    try:
        tie = Tie(type=tie_type, source=source.id, target=target.id, **wanted)
        tie.check_fits(source.kind, target.kind)
    except ValidationError as e:
        for item in e.errors():
            field = str(item["loc"][0]) if item["loc"] else "type"
            cells.error(str(item["msg"]).removeprefix("Value error, "), field)
        return None
    except ValueError as e:
        cells.error(str(e), "type")
        return None
    key = (tie_type, source.id, target.id)
    if key in seen:
        if seen[key] != cells.row.number:
            cells.error(f"the same tie is on row {seen[key]}", "target", "remove one of the rows")
        return None
    seen[key] = cells.row.number
    return tie
