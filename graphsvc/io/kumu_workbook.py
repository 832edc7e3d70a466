"""A network as a Kumu workbook: the XLSX layout that Kumu (kumu.io) imports, in Danish words
(those graphsvc's spreadsheet import reads, where it has one for the value).

Kumu reads two sheets by their names, ``Elements`` and ``Connections``; every column besides its
own (Label, Type, ID, Description, Tags; From, To, Type, Direction, Strength) becomes a custom
field. Several values share a cell separated by ``|``, as in Kumu.

``Elements``, one row per node:

========================================= ===================================================
column                                    holds
========================================= ===================================================
Label                                     the name
Type                                      the kind, in Danish
ID                                        graphsvc's id; Kumu matches ``From`` and ``To``
                                          against it, so two elements of one name stay two
                                          and the file imports back
Description                               actors, target groups and initiatives
Tags                                      an actor's arenas: Kumu's filter and legend read
                                          Tags as they are, and graphsvc's import reads a tag
                                          that names an arena as one
Sector                                    an actor's sector
Arenas                                    an actor's arenas
Category                                  an actor's category, in the coordinator's words
Area                                      the NAME of the area an actor or young person is
                                          located in (its LOCATED_IN tie: no connection)
Survey status                             an actor's partner-survey status (``Besvaret`` or
                                          ``Ikke besvaret``)
Area type                                 areas: the text graphsvc holds ("town")
Criteria age bands, ~ areas, ~ challenges target groups: whom they are for (areas by name)
Age band, Birth year, Challenges          young people (pseudonymous): coordinators, admins
Role, Email, Phone                        contact persons: coordinators and admins only
========================================= ===================================================

``Survey status`` is there only when an actor has one, and a kind's own columns (from ``Area
type`` on) only when the network holds an element of that kind: a viewer's file (see
:mod:`graphsvc.io.audience`) has no young person and no contact person, and so not even their
headings.

``Connections``, one row per tie: ``From``, ``To`` (element IDs), ``Type`` (in Danish),
``Direction`` (always ``directed``: graphsvc's ties are; Kumu also knows ``undirected`` and
``mutual``), ``Strength`` (1-5), ``Since`` (a year), ``Frequency``, ``Role`` (in an
initiative), and when the network holds partner-survey answers ``Trust`` and ``Value`` (1-4),
``Reciprocated`` (``Ja``/``Nej``) and ``Survey`` (its name).

The Danish words for kinds, sectors, arenas, tie types and other values are listed in
:mod:`graphsvc.io.kumu_words`.

Texts are string cells, never formulas; one a spreadsheet would run as a formula
(:func:`graphsvc.io.spreadsheet_cells.runs_as_formula`) is also marked as typed with a leading
apostrophe, so it stays text when someone edits it, while Kumu and an importer read it as it
is. The workbook is written row by row (openpyxl's write-only mode), so a large network never
sits in memory as cells.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from enum import Enum
from itertools import chain
from typing import IO, Any

from graphsvc.domain import (
    Actor,
    Area,
    Initiative,
    Kind,
    Network,
    Node,
    Person,
    TargetGroup,
    Tie,
    TieType,
    YoungPerson,
)
from graphsvc.errors import InvalidInput, Problem
from graphsvc.io.graphml_format import LIST_SEPARATOR
from graphsvc.io.kumu_words import (
    ARENA_WORDS,
    CHALLENGE_WORDS,
    FREQUENCY_WORDS,
    KIND_WORDS,
    ROLE_WORDS,
    SECTOR_WORDS,
    SURVEY_STATUS_WORDS,
    TIE_WORDS,
    YES_NO,
)
from graphsvc.io.spreadsheet_cells import runs_as_formula

__all__ = [
    "CONNECTION_COLUMNS",
    "ELEMENT_COLUMNS",
    "KIND_COLUMNS",
    "SHEETS",
    "SURVEY_COLUMNS",
    "SURVEY_STATUS_COLUMN",
    "network_to_kumu_bytes",
    "write_kumu",
]

ELEMENT_COLUMNS = ("Label", "Type", "ID", "Description", "Tags", "Sector", "Arenas", "Category", "Area")
SURVEY_STATUS_COLUMN = "Survey status"
KIND_COLUMNS: dict[Kind, tuple[str, ...]] = {
    Kind.AREA: ("Area type",),
    Kind.TARGET_GROUP: ("Criteria age bands", "Criteria areas", "Criteria challenges"),
    Kind.YOUNG_PERSON: ("Age band", "Birth year", "Challenges"),
    Kind.PERSON: ("Role", "Email", "Phone"),
}
CONNECTION_COLUMNS = ("From", "To", "Type", "Direction", "Strength", "Since", "Frequency", "Role")
SURVEY_COLUMNS = ("Trust", "Value", "Reciprocated", "Survey")

SHEETS = ("Elements", "Connections")
_MAX_ROWS = 1_048_576  # in one sheet of Excel and LibreOffice, the headings included
# The control characters an XLSX cell cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE).
_NOT_IN_WORKBOOK = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_WIDTHS = {"Label": 36, "Description": 40, "Category": 22, "Area": 22, "Type": 18, "Email": 28}


def write_kumu(network: Network, target: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write ``network`` as a Kumu workbook to a path or a binary file object.

    Raises
    ------
    InvalidInput
        When a text holds a control character no workbook can hold, or a sheet would have
        more rows than a spreadsheet opens (checked before anything is written).
    """
    _check_size(network)
    _check_characters(network)
    from openpyxl import Workbook  # imported here: only workbook exports need it

    book = Workbook(write_only=True)
    elements, connections = (book.create_sheet(name) for name in SHEETS)
    _fill(elements, _element_columns(network), _element_rows(network))
    _fill(connections, _connection_columns(network), _connection_rows(network))
    book.save(target)


def network_to_kumu_bytes(network: Network) -> bytes:
    """``network`` as the bytes of a Kumu workbook (see :func:`write_kumu`)."""
    out = io.BytesIO()
    write_kumu(network, out)
    return out.getvalue()


def _element_columns(network: Network) -> tuple[str, ...]:
    kinds = {node.kind for node in network.nodes}
    surveyed = any(isinstance(node, Actor) and node.survey_status for node in network.nodes)
    extra = (column for kind, columns in KIND_COLUMNS.items() if kind in kinds for column in columns)
    return (*ELEMENT_COLUMNS, *((SURVEY_STATUS_COLUMN,) if surveyed else ()), *extra)


def _connection_columns(network: Network) -> tuple[str, ...]:
    surveyed = any(
        t.trust is not None or t.value is not None or t.reciprocated is not None or t.survey
        for t in network.ties
    )
    return (*CONNECTION_COLUMNS, *SURVEY_COLUMNS) if surveyed else CONNECTION_COLUMNS


def _element_rows(network: Network) -> Iterator[tuple[str, dict[str, Any]]]:
    names = {node.id: node.name for node in network.nodes if isinstance(node, Area)}
    kinds = list(Kind)
    for node in sorted(network.nodes, key=lambda n: (kinds.index(n.kind), n.name.casefold(), n.id)):
        yield f"node {node.id}", _element(node, names)


def _element(node: Node, area_names: Mapping[str, str]) -> dict[str, Any]:
    row: dict[str, Any] = {"Label": node.name, "Type": KIND_WORDS[node.kind], "ID": node.id}
    if isinstance(node, Actor):
        row |= {
            "Description": node.description,
            "Tags": _joined(node.arenas, ARENA_WORDS),
            "Sector": SECTOR_WORDS[node.sector],
            "Arenas": _joined(node.arenas, ARENA_WORDS),
            "Category": node.category,
            "Area": area_names.get(node.area, node.area) if node.area else None,
            SURVEY_STATUS_COLUMN: SURVEY_STATUS_WORDS[node.survey_status] if node.survey_status else None,
        }
    elif isinstance(node, YoungPerson):
        row |= {
            "Area": area_names.get(node.area, node.area) if node.area else None,
            "Age band": node.age_band.value if node.age_band else None,
            "Birth year": node.birth_year,
            "Challenges": _joined(node.challenges, CHALLENGE_WORDS),
        }
    elif isinstance(node, Person):
        row |= {"Role": node.role, "Email": node.email, "Phone": node.phone}
    elif isinstance(node, Area):
        row["Area type"] = node.area_type
    elif isinstance(node, TargetGroup):
        row |= {
            "Description": node.description,
            "Criteria age bands": _joined(node.criteria_age_bands),
            "Criteria areas": LIST_SEPARATOR.join(sorted(area_names.get(a, a) for a in node.criteria_areas)),
            "Criteria challenges": _joined(node.criteria_challenges, CHALLENGE_WORDS),
        }
    elif isinstance(node, Initiative):
        row["Description"] = node.description
    return row


def _connection_rows(network: Network) -> Iterator[tuple[str, dict[str, Any]]]:
    types = list(TieType)
    ties = (t for t in network.ties if t.type is not TieType.LOCATED_IN)  # the Area column
    for tie in sorted(ties, key=lambda t: (types.index(t.type), t.source, t.target)):
        yield f"tie {tie.source} {tie.type.value} {tie.target}", _connection(tie)


def _connection(tie: Tie) -> dict[str, Any]:
    return {
        "From": tie.source,
        "To": tie.target,
        "Type": TIE_WORDS[tie.type],
        "Direction": "directed",
        "Strength": tie.strength,
        "Since": tie.since,
        "Frequency": FREQUENCY_WORDS[tie.frequency] if tie.frequency else None,
        "Role": ROLE_WORDS[tie.role] if tie.role else None,
        "Trust": tie.trust,
        "Value": tie.value,
        "Reciprocated": YES_NO[tie.reciprocated] if tie.reciprocated is not None else None,
        "Survey": tie.survey,
    }


def _joined(values: Iterable[Enum], words: Mapping[Any, str] | None = None) -> str | None:
    """Enum members in their declared order (Skole|Fritid), as words (else their values)."""
    members = sorted(values, key=lambda v: list(type(v).__members__.values()).index(v))
    return LIST_SEPARATOR.join(words[m] if words else str(m.value) for m in members) or None


def _fill(sheet: Any, columns: tuple[str, ...], rows: Iterable[tuple[str, dict[str, Any]]]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    def cell(value: Any) -> Any:
        if not isinstance(value, str):
            return value  # a number, or nothing
        formula = runs_as_formula(value)
        if not formula and value not in ERROR_CODES:
            return value
        # openpyxl would store "=..." as a formula and "#N/A" as an error value: both stay text.
        text = WriteOnlyCell(sheet, value=value)
        text.data_type = "s"
        text.quotePrefix = formula
        return text

    # A write-only sheet takes its layout before the first row.
    sheet.freeze_panes = "A2"
    for number, heading in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = _WIDTHS.get(heading, 14)
    bold = Font(bold=True)
    headings = [WriteOnlyCell(sheet, value=heading) for heading in columns]
    for heading in headings:
        heading.font = bold
    sheet.append(headings)
    for _, row in rows:
        sheet.append([cell(row.get(column)) for column in columns])


def _check_size(network: Network) -> None:
    rows = {"Elements": len(network.nodes), "Connections": len(network.ties)}
    too_many = [Problem(sheet, f"{n:,} rows") for sheet, n in rows.items() if n >= _MAX_ROWS]
    if too_many:
        raise InvalidInput(
            f"a workbook sheet holds at most {_MAX_ROWS - 1:,} rows below its headings: "
            "export this network as GraphML or GEXF instead",
            too_many,
        )


def _check_characters(network: Network) -> None:
    problems = [
        Problem(
            record, f"{column}: holds the character U+{ord(bad.group()):04X}, which a workbook cannot hold"
        )
        for record, row in chain(_element_rows(network), _connection_rows(network))
        for column, value in row.items()
        if isinstance(value, str) and (bad := _NOT_IN_WORKBOOK.search(value))
    ]
    if problems:
        raise InvalidInput("the network cannot be written as a Kumu workbook", problems)
