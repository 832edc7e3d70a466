"""The import report: what a file holds, what is wrong with it, and what an import changes.

Every entry names the spreadsheet row (the heading row is row 1, as the spreadsheet program
shows it) and column it is about, the problem in plain words, and where possible a suggestion
("did you mean civil_society?"). Errors stop the import unless the rows they are on may be
skipped; warnings and notes never do.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["Counts", "Entry", "ImportReport", "Severity"]


class Severity(StrEnum):
    ERROR = "error"  # the row (or the whole file) cannot be imported as it is
    WARNING = "warning"  # imported, but probably not what was meant: check it
    INFO = "info"  # how the file was read, rows skipped on purpose


@dataclass(frozen=True)
class Entry:
    """One finding about the file, a row or a cell."""

    severity: Severity
    problem: str
    row: int | None = None  # None: about the whole file
    column: str | None = None  # the heading as written in the file
    suggestion: str | None = None
    sheet: str | None = None  # in a file of several tables (Kumu's Elements, Connections)

    def __str__(self) -> str:
        where = ", ".join(
            part
            for part in (
                f"sheet {self.sheet!r}" if self.sheet else "",
                f"row {self.row}" if self.row is not None else "",
                f"column {self.column!r}" if self.column else "",
            )
            if part
        )
        text = f"{where}: {self.problem}" if where else self.problem
        return f"{text} ({self.suggestion})" if self.suggestion else text


@dataclass
class Counts:
    """How many records of one sort an import adds, changes or leaves as they are."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.new + self.changed + self.unchanged


@dataclass
class ImportReport:
    """Everything an import (or a dry run) found and did."""

    kind: str  # actors, contacts, young_people, ties, survey
    file_name: str
    file_format: str  # csv or xlsx
    dry_run: bool
    encoding: str | None = None  # CSV: how the bytes were read
    delimiter: str | None = None  # CSV: the column separator found
    sheet: str | None = None  # XLSX: the sheet read
    rows: int = 0  # data rows read, empty ones included
    columns: dict[str, str] = field(default_factory=dict)  # heading in the file -> field
    unused_columns: list[str] = field(default_factory=list)  # headings read as no field
    fields: list[str] = field(default_factory=list)  # the fields a column may be mapped to
    entries: list[Entry] = field(default_factory=list)
    skipped_rows: list[int] = field(default_factory=list)  # rows left out (skip_invalid_rows)
    counts: dict[str, Counts] = field(default_factory=dict)  # nodes, ties, ... -> counts
    respondents_answered: list[str] = field(default_factory=list)  # survey: actor ids
    respondents_not_answered: list[str] = field(default_factory=list)
    written: bool = False
    current_sheet: str | None = None  # entries added now are about this table

    @contextmanager
    def in_sheet(self, sheet: str | None) -> Iterator[None]:
        """Entries added inside are about ``sheet``."""
        before, self.current_sheet = self.current_sheet, sheet
        try:
            yield
        finally:
            self.current_sheet = before

    def add(
        self,
        severity: Severity,
        problem: str,
        *,
        row: int | None = None,
        column: str | None = None,
        suggestion: str | None = None,
    ) -> None:
        self.entries.append(Entry(severity, problem, row, column, suggestion, self.current_sheet))

    def error(self, problem: str, **where: object) -> None:
        self.add(Severity.ERROR, problem, **where)  # type: ignore[arg-type]

    def warning(self, problem: str, **where: object) -> None:
        self.add(Severity.WARNING, problem, **where)  # type: ignore[arg-type]

    def info(self, problem: str, **where: object) -> None:
        self.add(Severity.INFO, problem, **where)  # type: ignore[arg-type]

    @property
    def errors(self) -> list[Entry]:
        return [e for e in self.entries if e.severity is Severity.ERROR]

    @property
    def file_errors(self) -> list[Entry]:
        """Errors no skipping can get round: about the file, not one row."""
        return [e for e in self.errors if e.row is None]

    @property
    def error_rows(self) -> set[int]:
        return self.error_rows_in(self.current_sheet)

    def error_rows_in(self, sheet: str | None) -> set[int]:
        return {e.row for e in self.errors if e.row is not None and e.sheet == sheet}

    @property
    def valid(self) -> bool:
        return not self.errors

    def total(self) -> Counts:
        total = Counts()
        for counts in self.counts.values():
            total.new += counts.new
            total.changed += counts.changed
            total.unchanged += counts.unchanged
        return total

    def summary(self) -> str:
        """One sentence: what was (or would be) done."""
        total = self.total()
        numbers = f"{total.new:,} new, {total.changed:,} changed, {total.unchanged:,} unchanged"
        skipped = f"; {len(self.skipped_rows):,} rows with errors were skipped" if self.skipped_rows else ""
        if self.written:
            return f"Imported {self.file_name}: {numbers}{skipped}."
        if self.dry_run and (self.valid or self.skipped_rows):
            return f"Dry run of {self.file_name}: would import {numbers}{skipped}; nothing written."
        if not self.errors:
            return f"Nothing written from {self.file_name}: {numbers}."
        return (
            f"Nothing written from {self.file_name}: {len(self.errors):,} errors "
            f"(fix them, or skip the rows they are on)."
        )
