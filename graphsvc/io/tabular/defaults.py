"""Defaults a coordinator chooses for a file: a value for every row that gives none (a sector
for a Gephi file without one, a tie type for an edge list).

A default fills the empty cells of the field's column, or stands in for the column when the
file has none. The value is read like any cell, so a wrong one is reported on the rows it
reaches.
"""

from __future__ import annotations

from collections.abc import Mapping

from graphsvc.io.tabular.columns import Column
from graphsvc.io.tabular.headings import ColumnMap
from graphsvc.io.tabular.reading import Row, Table
from graphsvc.io.tabular.report import ImportReport
from graphsvc.io.tabular.values import loose

__all__ = ["with_defaults"]


def with_defaults(
    table: Table,
    columns: ColumnMap,
    defaults: Mapping[str, str],
    fields: tuple[Column, ...],
    report: ImportReport,
) -> tuple[Table, ColumnMap]:
    """``table`` and its columns with the defaults for this kind of table filled in."""
    by_name = {loose(name): column.field for column in fields for name in column.names()}
    chosen = {by_name[loose(k)]: v.strip() for k, v in defaults.items() if loose(k) in by_name and v.strip()}
    if not chosen:
        return table, columns
    positions = dict(columns.positions)
    headings = list(table.headings)
    for field in chosen:
        if field not in positions:
            positions[field] = (len(headings), f"{field} (default)")
            headings.append(f"{field} (default)")
    width = len(headings)
    rows = []
    for row in table.rows:
        cells = list(row.cells) + [""] * (width - len(row.cells))
        if not row.empty:
            for field, value in chosen.items():
                position = positions[field][0]
                if not cells[position].strip():
                    cells[position] = value
        rows.append(Row(row.number, tuple(cells)))
    for field, value in chosen.items():
        report.info(f"{field}: rows that give none are read as {value!r} (the default chosen)")
    return Table(tuple(headings), table.heading_row, tuple(rows)), ColumnMap(positions)
