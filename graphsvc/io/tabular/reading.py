"""A spreadsheet file's bytes -> a table of text cells: the format is told by the content, the
name only has to agree with it.

Rows keep the numbers the spreadsheet program shows (the heading row is 1, unless title rows
stand above it). Empty rows at the end are dropped; empty rows between data rows are kept, so
that they can be reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from graphsvc.io.tabular.report import ImportReport
from graphsvc.io.tabular.text_files import decode, parse_csv
from graphsvc.io.tabular.workbooks import read_workbook

__all__ = ["Row", "Table", "file_format", "read_table", "table_of"]

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003, or an encrypted workbook
_WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}


@dataclass(frozen=True)
class Row:
    number: int  # as the spreadsheet program shows it
    cells: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not any(cell.strip() for cell in self.cells)


@dataclass(frozen=True)
class Table:
    headings: tuple[str, ...]
    heading_row: int
    rows: tuple[Row, ...]


def file_format(data: bytes, file_name: str) -> str:
    """``xlsx`` or ``csv``, by content; ``xls`` for an old or encrypted workbook."""
    if data.startswith(_ZIP):
        return "xlsx"
    if data.startswith(_OLE):
        return "xls"
    return "csv"


def read_table(data: bytes, file_name: str, report: ImportReport, *, max_bytes: int) -> Table | None:
    """The table in ``data``; ``None`` with errors in ``report`` when it cannot be read."""
    suffix = PurePath(file_name).suffix.casefold()
    found = file_format(data, file_name)
    report.file_format = found
    if not data.strip():
        report.error("the file is empty")
        return None
    if found == "xls":
        report.error(
            "the file is an Excel 97-2003 workbook (.xls) or a password-protected "
            "workbook, which cannot be read",
            suggestion="remove the password and save it as .xlsx (Excel-projektmappe) or as CSV",
        )
        return None
    if found == "csv" and suffix in _WORKBOOK_SUFFIXES:
        report.error(
            f"{PurePath(file_name).name!r} is not an Excel workbook: it holds plain text "
            "(perhaps a CSV file renamed)",
            suggestion="open it in your spreadsheet program and save it as .xlsx, or give it the name .csv",
        )
        return None
    if found == "xlsx" and suffix not in _WORKBOOK_SUFFIXES and suffix:
        report.warning(f"the file is named {suffix} but is an Excel workbook; read it as one")
    if found == "xlsx":
        rows = read_workbook(data, report, max_bytes=max_bytes)
    else:
        text = decode(data, report)
        rows = parse_csv(text, report) if text is not None else None
    if rows is None:
        return None
    return table_of(rows, report)


def table_of(raw: list[list[str]], report: ImportReport) -> Table | None:
    """The table in rows of cells: the first row with content (below any title) is the headings."""
    rows = [Row(number, tuple(cell.strip() for cell in cells)) for number, cells in enumerate(raw, start=1)]
    while rows and rows[-1].empty:
        rows.pop()
    start = next((i for i, row in enumerate(rows) if not row.empty), None)
    if start is None:
        report.error("the file has no rows with content")
        return None
    # A title above the headings ("Aktører i Lejre 2026") fills one cell; the headings more.
    while _filled(rows[start]) == 1 and any(_filled(r) > 1 for r in rows[start + 1 : start + 6]):
        title = next(cell for cell in rows[start].cells if cell.strip())
        report.info(f"row {rows[start].number} ({title!r}) is taken as a title above the headings")
        start = next(i for i in range(start + 1, len(rows)) if not rows[i].empty)
    heading = rows[start]
    report.rows = len(rows) - start - 1
    return Table(headings=heading.cells, heading_row=heading.number, rows=tuple(rows[start + 1 :]))


def _filled(row: Row) -> int:
    return sum(1 for cell in row.cells if cell.strip())
