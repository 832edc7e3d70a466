"""What the rows of a file ask for, before it is compared with what the tenant holds.

A row's fields are only those whose columns the file has: a column the file lacks leaves the
stored value as it is; an empty cell in a column the file has clears the value.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from graphsvc.domain import Kind, Node, Tie
from graphsvc.io.tabular.headings import ColumnMap
from graphsvc.io.tabular.reading import Row, Table
from graphsvc.io.tabular.report import ImportReport
from graphsvc.io.tabular.values import CellError

__all__ = ["NodeRecord", "Plan", "RowReader", "TieRecord", "data_rows"]


@dataclass(slots=True)
class NodeRecord:
    row: int
    id: str
    kind: Kind | None  # None: the stored node's kind
    fields: dict[str, Any]  # domain field -> value; None clears
    columns: dict[str, str] = field(default_factory=dict)  # domain field -> heading
    label: str | None = None  # counted as; None: the plan's node label
    node: Node | None = None  # already validated (a network file): used as it is when new


@dataclass(slots=True)
class TieRecord:
    row: int
    tie: Tie
    given: frozenset[str]  # properties the file gives; the others keep their stored values
    columns: dict[str, str] = field(default_factory=dict)


@dataclass
class Plan:
    """The records of a file, with the label its nodes are counted under."""

    node_label: str
    nodes: list[NodeRecord] = field(default_factory=list)
    ties: list[TieRecord] = field(default_factory=list)
    answered: set[str] = field(default_factory=set)  # survey: respondents who answered
    not_answered: set[str] = field(default_factory=set)

    def without_rows(self, rows: set[int]) -> Plan:
        return Plan(
            self.node_label,
            [n for n in self.nodes if n.row not in rows],
            [t for t in self.ties if t.row not in rows],
            self.answered,
            self.not_answered,
        )


class RowReader:
    """Reads the cells of one row, reporting each problem on its row and column."""

    def __init__(self, row: Row, columns: ColumnMap, report: ImportReport) -> None:
        self.row = row
        self.columns = columns
        self.report = report
        self.failed = False

    def text(self, field_name: str) -> str | None:
        """The cell's text; ``None`` when the file has no such column, ``""`` when empty."""
        return self.columns.cell(self.row.cells, field_name)

    def has(self, field_name: str) -> bool:
        return field_name in self.columns

    def read(self, field_name: str, parse: Callable[[str], Any]) -> tuple[bool, Any]:
        """(present, value): the parsed cell, ``None`` for an empty one; problems reported."""
        text = self.text(field_name)
        if text is None:
            return False, None
        if not text:
            return True, None
        try:
            return True, parse(text)
        except CellError as e:
            self.error(e.problem, field_name, e.suggestion)
            return True, None

    def error(self, problem: str, field_name: str | None = None, suggestion: str | None = None) -> None:
        self.failed = True
        column = (
            self.columns.heading(field_name)
            if field_name is not None and field_name in self.columns
            else None
        )
        self.report.error(problem, row=self.row.number, column=column, suggestion=suggestion)

    def headings(self) -> dict[str, str]:
        return {name: heading for name, (_, heading) in self.columns.positions.items()}


def data_rows(table: Table, report: ImportReport) -> Iterator[Row]:
    """The rows with content; empty rows are reported and skipped."""
    for row in table.rows:
        if row.empty:
            report.info("the row is empty and was skipped", row=row.number)
        else:
            yield row
