"""Which column of a file holds which field: the headings (Danish, English or an alias) and the
user's own mapping for other headings (``Forening=name``).

A heading that is not recognised is a warning, not an error: spreadsheets carry notes columns.
A missing required column, two columns for one field and a mapping that names a column the
file does not have are errors.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass

from graphsvc.io.tabular.columns import Column
from graphsvc.io.tabular.report import ImportReport
from graphsvc.io.tabular.values import loose

__all__ = ["ColumnMap", "match_headings", "parse_mapping"]


@dataclass(frozen=True)
class ColumnMap:
    """field -> (position in the row, heading as written in the file)."""

    positions: dict[str, tuple[int, str]]

    def __contains__(self, field: str) -> bool:
        return field in self.positions

    def heading(self, field: str) -> str:
        return self.positions[field][1]

    def cell(self, cells: tuple[str, ...], field: str) -> str | None:
        """The cell of ``field`` in a row; ``None`` when the file has no such column."""
        if field not in self.positions:
            return None
        position = self.positions[field][0]
        return cells[position].strip() if position < len(cells) else ""


def parse_mapping(
    pairs: list[str],
    *,
    what: str = "column mapping",
    form: str = "HEADING=FIELD",
    example: str = "Forening=name",
) -> dict[str, str]:
    """``["Forening=name", "Noter="]`` -> ``{"Forening": "name", "Noter": ""}``."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        heading, sep, target = pair.partition("=")
        if not sep or not heading.strip():
            raise ValueError(f"{pair!r} is not a {what}: write {form}, e.g. {example!r}")
        mapping[heading.strip()] = target.strip()
    return mapping


def match_headings(
    headings: tuple[str, ...], columns: tuple[Column, ...], mapping: Mapping[str, str], report: ImportReport
) -> ColumnMap | None:
    """The columns of a file; ``None`` (with errors reported) when it cannot be imported."""
    names = {loose(name): column for column in columns for name in column.names()}
    given = {loose(h): h for h in headings if h}
    report.fields = [column.field for column in columns]
    mapped: dict[str, Column | None] = {}
    ok = True
    for heading, target in mapping.items():
        if loose(heading) not in given:
            report.error(
                f"the mapping names the column {heading!r}, which the file does not have",
                suggestion=_suggest(heading, list(given.values()), "columns"),
            )
            ok = False
        elif not target:
            mapped[loose(heading)] = None  # "Noter=": leave the column out
        elif loose(target) in names:
            mapped[loose(heading)] = names[loose(target)]
        else:
            report.error(
                f"the mapping {heading}={target}: {target!r} is not a field of this file",
                suggestion=_suggest(target, [c.field for c in columns], "fields"),
            )
            ok = False
    positions: dict[str, tuple[int, str]] = {}
    for position, heading in enumerate(headings):
        if not heading:
            continue
        key = loose(heading)
        column = mapped[key] if key in mapped else names.get(key)
        if column is None:
            if key not in mapped:
                report.unused_columns.append(heading)
                report.warning(
                    f"the column {heading!r} is not used",
                    column=heading,
                    suggestion=_unused_hint(heading, columns),
                )
            continue
        if column.field in positions:
            report.error(
                f"two columns give {column.field}: {positions[column.field][1]!r} and {heading!r}",
                column=heading,
                suggestion=f"remove one, or map one away with '{heading}=' (an empty field)",
            )
            ok = False
            continue
        positions[column.field] = (position, heading)
    report.columns = {heading: field for field, (_, heading) in positions.items()}
    for column in columns:
        if column.required and column.field not in positions:
            report.error(
                f"the file has no {column.en!r} column (in Danish {column.da!r})",
                suggestion=f"add it, or map a column to it, e.g. 'Forening={column.field}'",
            )
            ok = False
    return ColumnMap(positions) if ok else None


def _suggest(text: str, options: list[str], what: str) -> str:
    close = difflib.get_close_matches(text, options, n=1, cutoff=0.5)
    if close:
        return f"did you mean {close[0]!r}?"
    return f"its {what} are {', '.join(repr(o) for o in options)}"


def _unused_hint(heading: str, columns: tuple[Column, ...]) -> str:
    options = {loose(name): column.field for column in columns for name in column.names()}
    close = difflib.get_close_matches(loose(heading), list(options), n=1, cutoff=0.7)
    if close:
        field = options[close[0]]
        return f"did you mean {field!r}? map it with '{heading}={field}'"
    fields = ", ".join(column.field for column in columns)
    return f"map it to a field with '{heading}=FIELD' ({fields}), or leave it"
