"""The recruitment list: partner recommendations as CSV or XLSX, in Danish or English.

One row per recommended partner: who it is, why (the reasons, written in the list's
language), whom to call, and who can introduce us. Several contact persons share one cell,
separated by "; ".

Names and contact details are data typed in by users, so no cell may become a formula: in the
CSV a text a spreadsheet would run as a formula gets a leading apostrophe (the usual defence
against spreadsheet formula injection; a phone number "+45 ..." is written as it is, see
:mod:`graphsvc.io.spreadsheet_cells`); in the XLSX every text cell is stored as a string.
The Danish CSV uses ";" between columns and a decimal comma, as Danish Excel expects; both
CSVs start with a UTF-8 byte order mark so Excel reads æ, ø and å.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from graphsvc.glossary import entry
from graphsvc.io.spreadsheet_cells import guarded

from .recommendations import PathStep, Reason, Recommendation, Recommendations
from .wording import ARENA_LABELS, KIND_LABELS, SECTOR_LABELS, Language, label

__all__ = ["COLUMNS", "recruitment_csv", "recruitment_rows", "recruitment_xlsx"]

# (key, English heading, Danish heading)
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("rank", "Rank", "Nr."),
    ("name", "Actor", "Aktør"),
    ("kind", "Kind", "Type"),
    ("sector", "Sector", "Sektor"),
    ("arenas", "Arenas", "Arenaer"),
    ("area", "Area", "Område"),
    ("score", "Score", "Point"),
    ("reasons", "Reasons", "Begrundelse"),
    ("contact", "Contact person", "Kontaktperson"),
    ("role", "Role", "Rolle"),
    ("email", "E-mail", "E-mail"),
    ("phone", "Phone", "Telefon"),
    ("introduced_by", "Introduced by", "Introduktion ved"),
    ("introduction_path", "Introduction path", "Introduktionsvej"),
    ("id", "Id", "Id"),
)

_DANISH_REASONS = {
    "missing_sector": "tilføjer {sector}, som ingen aktør omkring målgruppen tilhører",
    "under_represented_sector": "tilføjer {sector}, som er underrepræsenteret omkring målgruppen",
    "focus_arena": "er en aktør inden for {arena}, og {members} har ingen tilknytning dertil",
    "gap_area": "ligger i {area_name}, hvor {members} bor uden nogen aktør inden for {arena}",
    "members_area": "ligger i {area_name}, hvor {members} bor",
    "warmth": "{contacts} af dens kontakter er nuværende partnere eller kender en",
    "warmth_one": "1 af dens kontakter er en nuværende partner eller kender en",
}
_NO_INTRODUCTION = {"en": "no known introduction", "da": "ingen kendt introduktion"}
_SHEET = {"en": "Recruitment", "da": "Rekruttering"}
# The workbook explains the list's own words on a second sheet, in the glossary's words.
_GLOSSARY_SHEET = {"en": "Glossary", "da": "Ordliste"}
_GLOSSARY_HEADINGS = {"en": ["Word", "Meaning"], "da": ["Ord", "Betydning"]}
_GLOSSARY_KEYS = (
    "score",
    "introduction_path",
    "support_network",
    "missing_sector",
    "under_represented_sector",
    "sector",
)


def _reason_text(reason: Reason, language: Language) -> str:
    if language == "en":
        return reason.sentence
    values = dict(reason.values)
    if "sector" in values:
        values["sector"] = label(SECTOR_LABELS, values["sector"], "da")
    if "arena" in values:
        values["arena"] = label(ARENA_LABELS, values["arena"], "da")
    if "members" in values:
        n = values["members"]
        values["members"] = f"{n} medlem" if n == 1 else f"{n} medlemmer"
    code = "warmth_one" if reason.code == "warmth" and values.get("contacts") == 1 else reason.code
    return _DANISH_REASONS.get(code, reason.sentence).format(**values)


_HIDDEN_STEP_DA = {"Person": "en kontaktperson", "YoungPerson": "en ung"}


def _step(step: PathStep, language: Language) -> str:
    """A step's name; a step kept without its name (the list is for a viewer) by its kind."""
    if step.node or language == "en":
        return step.name
    return _HIDDEN_STEP_DA.get(step.kind, step.name)


def _row(rec: Recommendation, language: Language) -> dict[str, Any]:
    path = rec.introduction_path
    contacts = rec.contacts
    return {
        "rank": rec.rank,
        "name": rec.name,
        "kind": label(KIND_LABELS, rec.kind, language),
        "sector": label(SECTOR_LABELS, rec.sector, language),
        "arenas": ", ".join(label(ARENA_LABELS, a, language) for a in rec.arenas),
        "area": rec.area_name or "",
        "score": rec.score,
        "reasons": "; ".join(_reason_text(r, language) for r in rec.reasons),
        "contact": "; ".join(c.name for c in contacts),
        "role": "; ".join(c.role or "" for c in contacts),
        "email": "; ".join(c.email or "" for c in contacts),
        "phone": "; ".join(c.phone or "" for c in contacts),
        "introduced_by": _step(path[0], language) if len(path) > 1 else _NO_INTRODUCTION[language],
        "introduction_path": " → ".join(_step(s, language) for s in path) if len(path) > 1 else "",
        "id": rec.node,
    }


def recruitment_rows(
    recommendations: Recommendations, *, language: Language = "da"
) -> tuple[list[str], list[list[Any]]]:
    """The list's headings in ``language`` and one row of plain values per recommendation."""
    if language not in ("en", "da"):
        raise ValueError("language must be 'da' or 'en'")
    headings = [en if language == "en" else da for _, en, da in COLUMNS]
    rows = []
    for rec in recommendations.recommendations:
        values = _row(rec, language)
        rows.append([values[key] for key, _, _ in COLUMNS])
    return headings, rows


def recruitment_csv(recommendations: Recommendations, *, language: Language = "da") -> bytes:
    """The recruitment list as CSV bytes (UTF-8 with BOM; ";" and decimal comma in Danish)."""
    headings, rows = recruitment_rows(recommendations, language=language)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if language == "da" else ",", lineterminator="\r\n")
    writer.writerow(headings)
    for row in rows:
        writer.writerow([_csv_cell(v, language) for v in row])
    return out.getvalue().encode("utf-8-sig")


def _csv_cell(value: Any, language: Language) -> str:
    if isinstance(value, float):
        text = f"{value:g}"
        return text.replace(".", ",") if language == "da" else text
    if isinstance(value, int):
        return str(value)
    return guarded(str(value))


def recruitment_xlsx(recommendations: Recommendations, *, language: Language = "da") -> bytes:
    """The recruitment list as an XLSX workbook (bytes): bold, frozen heading row, and
    columns sized to their contents."""
    from openpyxl import Workbook  # imported here: only this export needs it
    from openpyxl.styles import Font

    headings, rows = recruitment_rows(recommendations, language=language)
    book = Workbook()
    sheet = book.active
    sheet.title = _SHEET[language]
    _write_row(sheet, 1, headings)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        _write_row(sheet, r, row)
    sheet.freeze_panes = "A2"
    for c, heading in enumerate(headings, start=1):
        longest = max([len(str(heading)), *(len(str(row[c - 1])) for row in rows)])
        sheet.column_dimensions[sheet.cell(row=1, column=c).column_letter].width = min(60, longest + 2)
    words = book.create_sheet(_GLOSSARY_SHEET[language])
    _write_row(words, 1, _GLOSSARY_HEADINGS[language])
    for cell in words[1]:
        cell.font = Font(bold=True)
    for r, key in enumerate(_GLOSSARY_KEYS, start=2):
        _write_row(words, r, [entry(key).term(language), entry(key).text(language)])
    words.column_dimensions["A"].width = 28
    words.column_dimensions["B"].width = 100
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _write_row(sheet: Any, r: int, values: Sequence[Any]) -> None:
    for c, value in enumerate(values, start=1):
        cell = sheet.cell(row=r, column=c)
        cell.value = value
        # openpyxl turns any text starting with "=" into a formula; names are never formulas.
        if isinstance(value, str) and cell.data_type == "f":
            cell.data_type = "s"
