"""Empty import files to fill in: the headings of each kind, in Danish or English.

The Danish CSV uses ``;`` between columns, as Danish Excel expects; both CSVs start with a
UTF-8 byte order mark so that Excel shows æ, ø and å. The XLSX has the headings on its first
sheet and a help sheet ("Vejledning" / "Help") saying what each column takes; the import never
reads the help sheet.
"""

from __future__ import annotations

import csv
import io
from typing import Literal

from graphsvc.io.tabular.columns import ImportKind, columns_of

__all__ = ["template_csv", "template_file_name", "template_xlsx"]

Language = Literal["da", "en"]

_SHEETS = {
    ImportKind.ACTORS: ("Aktører", "Actors"),
    ImportKind.CONTACTS: ("Kontaktpersoner", "Contacts"),
    ImportKind.YOUNG_PEOPLE: ("Unge", "Young people"),
    ImportKind.TIES: ("Relationer", "Ties"),
    ImportKind.SURVEY: ("Partnerundersøgelse", "Partner survey"),
    ImportKind.AREAS: ("Områder", "Areas"),
    ImportKind.TARGET_GROUPS: ("Målgrupper", "Target groups"),
    ImportKind.INITIATIVES: ("Indsatser", "Initiatives"),
}
_FILES = {
    ImportKind.ACTORS: ("aktoerer", "actors"),
    ImportKind.CONTACTS: ("kontaktpersoner", "contacts"),
    ImportKind.YOUNG_PEOPLE: ("unge", "young-people"),
    ImportKind.TIES: ("relationer", "ties"),
    ImportKind.SURVEY: ("partnerundersoegelse", "partner-survey"),
    ImportKind.AREAS: ("omraader", "areas"),
    ImportKind.TARGET_GROUPS: ("maalgrupper", "target-groups"),
    ImportKind.INITIATIVES: ("indsatser", "initiatives"),
}
_HELP = {
    "da": ("Vejledning", ("Kolonne", "Skal udfyldes", "Indhold"), ("ja", "")),
    "en": ("Help", ("Column", "Required", "What it takes"), ("yes", "")),
}


def template_file_name(kind: ImportKind, language: Language, file_format: str) -> str:
    danish, english = _FILES[kind]
    return f"{danish}-skabelon.{file_format}" if language == "da" else f"{english}-template.{file_format}"


def _headings(kind: ImportKind, language: Language) -> list[str]:
    return [column.heading(language) for column in columns_of(kind)]


def template_csv(kind: ImportKind, language: Language) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";" if language == "da" else ",", lineterminator="\r\n").writerow(
        _headings(kind, language)
    )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def template_xlsx(kind: ImportKind, language: Language) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _SHEETS[kind][language == "en"]
    sheet.append(_headings(kind, language))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = max(14, len(str(cell.value)) + 4)
    sheet.freeze_panes = "A2"
    title, headings, (yes, no) = _HELP[language]
    help_sheet = workbook.create_sheet(title)
    help_sheet.append(list(headings))
    for cell in help_sheet[1]:
        cell.font = Font(bold=True)
    for column in columns_of(kind):
        help_sheet.append(
            [
                column.heading(language),
                yes if column.required else no,
                column.help_da if language == "da" else column.help_en,
            ]
        )
    help_sheet.column_dimensions["A"].width = 20
    help_sheet.column_dimensions["B"].width = 14
    help_sheet.column_dimensions["C"].width = 100
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
