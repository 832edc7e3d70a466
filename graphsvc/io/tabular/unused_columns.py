"""Nothing lost silently: a file read as the wrong kind uses few of its columns (a sheet of
actors read as contact persons keeps only the names). Before anything else, the report says
so and names the kind that would use more of them."""

from __future__ import annotations

from graphsvc.io.tabular.columns import COLUMNS, ImportKind
from graphsvc.io.tabular.headings import ColumnMap
from graphsvc.io.tabular.report import Entry, ImportReport, Severity
from graphsvc.io.tabular.values import loose

__all__ = ["warn_if_mostly_unused"]


def warn_if_mostly_unused(
    headings: tuple[str, ...], kind: ImportKind, columns: ColumnMap, report: ImportReport
) -> None:
    given = [h for h in headings if h.strip()]
    used = len(columns.positions)
    if not given or used * 2 > len(given):
        return
    fits = {k: _matching(given, k) for k in ImportKind if k is not kind}
    better, count = max(fits.items(), key=lambda item: item[1])
    hint = (
        f"read as {better.value}, {count} would be used: choose the kind {better.value}"
        if count > used
        else "map the columns to fields, or choose another kind"
    )
    report.entries.insert(
        0,
        Entry(
            Severity.WARNING,
            f"only {used} of the file's {len(given)} columns are used when it is read as {kind.value}",
            suggestion=hint,
        ),
    )


def _matching(headings: list[str], kind: ImportKind) -> int:
    names = {loose(name) for column in COLUMNS[kind] for name in column.names()}
    return sum(1 for heading in headings if loose(heading) in names)
