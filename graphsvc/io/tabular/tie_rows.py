"""Rows of ties -> tie records: both ends by name or id among the tenant's nodes, the type in
English or Danish, and only the properties that type has (``TIE_RULES``)."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from graphsvc.domain import TIE_RULES, Frequency, Kind, ParticipationRole, Tie, TieType
from graphsvc.io.tabular.headings import ColumnMap
from graphsvc.io.tabular.reading import Table
from graphsvc.io.tabular.records import Plan, RowReader, TieRecord, data_rows
from graphsvc.io.tabular.references import NameIndex
from graphsvc.io.tabular.report import ImportReport
from graphsvc.io.tabular.values import read_enum, read_int, read_year

__all__ = ["PROPERTY_COLUMNS", "tie_plan"]

_ALL = frozenset(Kind)
PROPERTY_COLUMNS = ("strength", "since", "frequency", "role")
_PARSERS = {
    "strength": lambda t: read_int(t, "strength"),
    "since": lambda t: read_year(t, "since"),
    "frequency": lambda t: read_enum(t, Frequency, "a frequency"),
    "role": lambda t: read_enum(t, ParticipationRole, "a role"),
}


def tie_plan(table: Table, columns: ColumnMap, index: NameIndex, report: ImportReport) -> Plan:
    plan = Plan("nodes")
    seen: dict[tuple[TieType, str, str], int] = {}
    for row in data_rows(table, report):
        cells = RowReader(row, columns, report)
        _, tie_type = cells.read("type", lambda t: read_enum(t, TieType, "a tie type"))
        _, source = cells.read("source", lambda t: index.resolve(t, _ALL))
        _, target = cells.read("target", lambda t: index.resolve(t, _ALL))
        for name, value in (("type", tie_type), ("source", source), ("target", target)):
            if value is None and cells.text(name) == "":
                cells.error(f"the {name} is empty", name)
        if cells.failed or tie_type is None or source is None or target is None:
            continue
        if tie_type is TieType.LOCATED_IN:
            cells.error(
                "locations are not ties here",
                "type",
                "give the area in the 'area' column of the actors or young people file",
            )
            continue
        if source.id == target.id:
            cells.error(f"{source.name!r} cannot have a tie to itself", "target")
            continue
        properties: dict[str, Any] = {}
        for name in PROPERTY_COLUMNS:
            present, value = cells.read(name, _PARSERS[name])
            if present and value is not None:
                properties[name] = value
        try:
            tie = Tie(type=tie_type, source=source.id, target=target.id, **properties)
            tie.check_fits(source.kind, target.kind)
        except ValidationError as e:
            for item in e.errors():
                field = str(item["loc"][0]) if item["loc"] else "type"
                cells.error(str(item["msg"]).removeprefix("Value error, "), field)
            continue
        except ValueError as e:
            cells.error(str(e), "type")
            continue
        key = (tie_type, source.id, target.id)
        if key in seen:
            cells.error(f"the same tie is on row {seen[key]}", "target", "remove one of the rows")
            continue
        seen[key] = row.number
        given = frozenset(n for n in PROPERTY_COLUMNS if cells.has(n) and n in TIE_RULES[tie_type].properties)
        plan.ties.append(TieRecord(row.number, tie, given, cells.headings()))
    return plan
