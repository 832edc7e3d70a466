"""Reading spreadsheet files without a database: encodings, separators, headings, templates."""

from __future__ import annotations

import codecs
import io

import pytest
from openpyxl import Workbook, load_workbook

from graphsvc.io.tabular import COLUMNS, ImportKind, ImportReport, detect_kind, template_csv, workbooks
from graphsvc.io.tabular.headings import match_headings, parse_mapping
from graphsvc.io.tabular.reading import read_table
from graphsvc.io.tabular.templates import template_xlsx


def _read(data: bytes, name: str = "f.csv") -> tuple[ImportReport, object]:
    report = ImportReport("", name, "", True)
    return report, read_table(data, name, report, max_bytes=10_000_000)


TEXT = "navn;sektor;område\nHvalsø Skole;offentlig;Hvalsø\nKlub, Lejre;civilsamfund;Lejre\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8 (with byte order mark)"),
        (TEXT.encode("cp1252"), "Windows-1252"),
        (codecs.BOM_UTF16_LE + TEXT.replace(";", "\t").encode("utf-16-le"), "UTF-16"),
    ],
)
def test_every_encoding_danish_excel_writes_reads_the_same(data: bytes, encoding: str) -> None:
    report, table = _read(data)
    assert report.encoding == encoding and not report.errors
    assert table.headings == ("navn", "sektor", "område")  # type: ignore[attr-defined]
    assert table.rows[1].cells == ("Klub, Lejre", "civilsamfund", "Lejre")  # type: ignore[attr-defined]


def test_separators_are_sniffed_and_sep_line_honoured() -> None:
    report, table = _read(b'name,sector\n"Klub; Lejre",civil_society\n')
    assert report.delimiter == "," and table.rows[0].cells[0] == "Klub; Lejre"  # type: ignore[attr-defined]
    report, table = _read(b"sep=|\nname|sector\nA|public\n")
    assert report.delimiter == "|" and table.headings == ("name", "sector")  # type: ignore[attr-defined]


def test_text_converted_twice_is_a_warning_with_the_likely_meaning() -> None:
    report, _ = _read("navn;sektor\nHvalsÃ¸ Skole;offentlig\n".encode())
    (warning,) = [e for e in report.entries if e.severity == "warning"]
    assert warning.suggestion == "it probably means 'Hvalsø'; fix the file and import it again"


def test_bytes_that_are_neither_utf8_nor_windows_1252_are_an_error() -> None:
    report, table = _read("navn\nBørn\n".encode("cp1252") + b"\x81\n")
    assert table is None and "neither UTF-8 nor Windows-1252" in report.errors[0].problem


def test_title_row_above_headings_and_empty_rows() -> None:
    workbook = Workbook()
    sheet = workbook.active
    for row in (
        ["Aktører i Lejre 2026"],
        [],
        ["navn", "sektor"],
        ["A", "offentlig"],
        [],
        ["B", "erhverv"],
        [],
        [],
    ):
        sheet.append(row)  # type: ignore[union-attr]
    buffer = io.BytesIO()
    workbook.save(buffer)
    report, table = _read(buffer.getvalue(), "a.xlsx")
    assert table.heading_row == 3 and [r.number for r in table.rows] == [4, 5, 6]  # type: ignore[attr-defined]
    assert any("title" in e.problem for e in report.entries)


@pytest.mark.parametrize("kind", list(ImportKind))
@pytest.mark.parametrize("lang", ["da", "en"])
def test_templates_are_read_back_as_their_kind(kind: ImportKind, lang: str) -> None:
    for name, data in (
        ("t.csv", template_csv(kind, lang)),  # type: ignore[arg-type]
        ("t.xlsx", template_xlsx(kind, lang)),
    ):  # type: ignore[arg-type]
        report, table = _read(data, name)
        headings = table.headings  # type: ignore[attr-defined]
        assert detect_kind(list(headings)) is kind
        columns = match_headings(headings, COLUMNS[kind], {}, report)
        assert columns is not None and not report.entries[1:], report.entries
        assert set(columns.positions) == {c.field for c in COLUMNS[kind]}
    if lang == "da":
        assert template_csv(kind, "da").startswith(codecs.BOM_UTF8)
        help_sheet = load_workbook(io.BytesIO(template_xlsx(kind, "da")))["Vejledning"]
        assert help_sheet["A1"].value == "Kolonne"


def test_mapping_text() -> None:
    assert parse_mapping(["Forening=name", " Noter = "]) == {"Forening": "name", "Noter": ""}
    with pytest.raises(ValueError, match="HEADING=FIELD"):
        parse_mapping(["Forening"])


def _workbook_of_rows(count: int) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["navn", "sektor"])  # type: ignore[union-attr]
    for i in range(count - 1):
        sheet.append([f"Forening {i}", "civilsamfund"])  # type: ignore[union-attr]
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("chunk", [7, 1 << 20], ids=["rows cut across chunks", "whole chunks"])
def test_a_sheet_of_more_rows_than_a_spreadsheet_makes_is_refused_before_it_is_read(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(workbooks, "MAX_SHEET_ROWS", 40)
    monkeypatch.setattr(workbooks, "_CHUNK", chunk)
    report, table = _read(_workbook_of_rows(41), "many.xlsx")
    assert table is None
    assert "sheet1.xml) has more than 40 rows" in report.entries[0].problem
    report, table = _read(_workbook_of_rows(40), "enough.xlsx")
    assert table is not None and len(table.rows) == 39  # type: ignore[attr-defined]
