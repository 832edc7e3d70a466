"""XLSX workbooks (Excel, LibreOffice, Google Sheets): the first sheet with content is read,
as the values the program last calculated.

A file is checked before openpyxl opens it: it must be a ZIP holding a workbook, not an
OpenDocument spreadsheet or a Word file, and it may not unpack to more than
``UNPACKED_FACTOR`` times the import size limit (a small file can unpack to gigabytes), nor
hold a sheet of more rows than a spreadsheet program makes (``MAX_SHEET_ROWS``). The rows are
counted in the sheet's XML as it unpacks, stopping at the limit, so a crafted file of millions
of tiny rows is refused in a fraction of a second instead of occupying the server for minutes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time
from typing import Any

from graphsvc.io.tabular.report import ImportReport

__all__ = ["HELP_SHEETS", "MAX_SHEET_ROWS", "UNPACKED_FACTOR", "read_sheets", "read_workbook"]

UNPACKED_FACTOR = 20
MAX_SHEET_ROWS = 1_048_576  # Excel's and LibreOffice's, the headings included
# A row's start tag, with or without a namespace prefix (bytes.count is many times faster
# than a regular expression over a sheet's hundreds of megabytes).
_ROW_TAGS = (b"<row>", b"<row ", b":row>", b":row ")
_TAG_REACH = 5
_CHUNK = 1 << 20
HELP_SHEETS = frozenset({"vejledning", "help"})  # the templates' help sheet is never data
_SAVE_AS = "save it as .xlsx (Excel-projektmappe) or as CSV"


def read_workbook(data: bytes, report: ImportReport, *, max_bytes: int) -> list[list[str]] | None:
    """The rows of the workbook's first sheet with content, each cell as text."""
    if not _looks_like_workbook(data, report, max_bytes=max_bytes):
        return None
    from openpyxl import load_workbook  # imported here: only imports of workbooks need it

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds (KeyError, ValueError, XML errors)
        report.error(
            f"the workbook cannot be read ({type(e).__name__}: {str(e)[:120]})",
            suggestion=f"open it in your spreadsheet program and {_SAVE_AS}",
        )
        return None
    try:
        chosen: list[list[str]] | None = None
        others: list[str] = []
        for sheet in workbook.worksheets:
            if sheet.title.casefold() in HELP_SHEETS:
                continue
            rows = [[_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
            rows = _trimmed(rows)
            if not rows:
                continue
            if chosen is None:
                chosen = rows
                report.sheet = sheet.title
            else:
                others.append(sheet.title)
        if others:
            report.info(
                f"read the sheet {report.sheet!r}; the other sheets "
                f"({', '.join(repr(o) for o in others)}) were not read"
            )
        if chosen is None:
            report.error("the workbook has no sheet with any content")
        return chosen
    finally:
        workbook.close()


def read_sheets(
    data: bytes, report: ImportReport, *, max_bytes: int, names: tuple[str, ...]
) -> dict[str, list[list[str]]] | None:
    """The rows of the sheets called ``names`` (those the workbook has), each cell as text."""
    if not _looks_like_workbook(data, report, max_bytes=max_bytes):
        return None
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as e:  # as above
        report.error(
            f"the workbook cannot be read ({type(e).__name__}: {str(e)[:120]})",
            suggestion=f"open it in your spreadsheet program and {_SAVE_AS}",
        )
        return None
    try:
        return {
            sheet.title: _trimmed([[_text(v) for v in row] for row in sheet.iter_rows(values_only=True)])
            for sheet in workbook.worksheets
            if sheet.title in names
        }
    finally:
        workbook.close()


def _looks_like_workbook(data: bytes, report: ImportReport, *, max_bytes: int) -> bool:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        unpacked = sum(info.file_size for info in archive.infolist())
        mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError):
        report.error(
            "the file is not an Excel workbook (.xlsx): it is damaged or only named .xlsx",
            suggestion=f"open it in your spreadsheet program and {_SAVE_AS}",
        )
        return False
    if b"opendocument" in mimetype:
        report.error(
            "the file is an OpenDocument spreadsheet (.ods), not an Excel workbook",
            suggestion=f"in LibreOffice, {_SAVE_AS}",
        )
        return False
    if "xl/workbook.xml" not in names:
        what = "a Word document" if "word/document.xml" in names else "a ZIP archive"
        report.error(
            f"the file is {what}, not an Excel workbook (.xlsx)",
            suggestion=f"import the spreadsheet itself; {_SAVE_AS}",
        )
        return False
    if unpacked > UNPACKED_FACTOR * max_bytes:
        report.error(
            f"the workbook unpacks to {unpacked / 1e6:,.0f} MB, more than an import "
            f"takes ({UNPACKED_FACTOR * max_bytes / 1e6:,.0f} MB)",
            suggestion="split it into smaller files",
        )
        return False
    too_long = _sheet_over_row_limit(archive)
    if too_long is not None:
        report.error(
            f"a sheet of the workbook ({too_long}) has more than {MAX_SHEET_ROWS:,} rows, more "
            "than a spreadsheet program makes",
            suggestion="split it into smaller files, or import it as CSV from the program that made it",
        )
        return False
    return True


def _row_tags(text: bytes) -> int:
    return sum(text.count(tag) for tag in _ROW_TAGS)


def _sheet_over_row_limit(archive: zipfile.ZipFile) -> str | None:
    """The file name of the first worksheet with more than :data:`MAX_SHEET_ROWS` rows."""
    for info in archive.infolist():
        if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
            continue
        rows, carry = 0, b""
        with archive.open(info) as sheet:
            while chunk := sheet.read(_CHUNK):
                text = carry + chunk
                rows += _row_tags(text)
                # A tag cut at the chunk's end is counted whole with the next chunk.
                carry = text[-_TAG_REACH:]
                rows -= _row_tags(carry)
                if rows > MAX_SHEET_ROWS:
                    return info.filename.removeprefix("xl/worksheets/")
            rows += _row_tags(carry)
        if rows > MAX_SHEET_ROWS:
            return info.filename.removeprefix("xl/worksheets/")
    return None


def _text(value: Any) -> str:
    """A cell's value as the text a CSV of it would hold (whole numbers without ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def _trimmed(rows: list[list[str]]) -> list[list[str]]:
    """Without the empty cells and rows at the right and bottom (formatting often reaches far
    beyond the data)."""
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    width = max((i + 1 for row in rows for i, cell in enumerate(row) if cell.strip()), default=0)
    return [row[:width] for row in rows]
