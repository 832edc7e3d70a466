"""``graphsvc import FILE``: every format graphsvc reads (spreadsheets, partner surveys, Kumu,
GraphML, GEXF, graphsvc's JSON), with the import report printed as a table (every problem with
its sheet, row, column and suggestion)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

import typer
from rich.table import Table

from graphsvc.cli.common import command_scope, console, err_console, progress_bar, run_async
from graphsvc.config import get_settings
from graphsvc.errors import InvalidInput
from graphsvc.io.graphml_format import NETWORK_IMPORT_MAX_BYTES
from graphsvc.io.tabular import ImportKind, ImportReport, Severity, parse_kind, parse_mapping
from graphsvc.services.imports import ImportOptions, import_file

__all__ = ["print_report", "run_import"]

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "dim"}


def run_import(
    file: Path,
    *,
    tenant: str,
    kind: str | None,
    dry_run: bool,
    mapping: list[str],
    defaults: list[str],
    types: list[str],
    skip_invalid: bool,
    survey: str | None,
) -> None:
    settings = get_settings()
    import_kind = parse_kind(kind) if kind else None
    if kind and import_kind is None:
        kinds = ", ".join(k.value for k in ImportKind)
        raise InvalidInput(f"--kind {kind!r}: use {kinds}")
    try:
        columns = parse_mapping(mapping)
        chosen = parse_mapping(defaults, what="default", form="FIELD=VALUE", example="sector=civil_society")
        words = parse_mapping(
            types,
            what="type word",
            form="WORD=KIND, SECTOR, ARENA",
            example="Bibliotek=municipal_unit, public, community",
        )
    except ValueError as e:
        raise InvalidInput(str(e)) from None
    # A whole network (GraphML, GEXF, JSON) from the command line may be as large as a region's;
    # uploads keep the import limit. The file is handed on by its path: its size is checked
    # before it is read, and GraphML and GEXF are parsed as they are read.
    limit = max(settings.import_max_bytes, NETWORK_IMPORT_MAX_BYTES)
    options = ImportOptions(
        kind=import_kind,
        dry_run=dry_run,
        mapping=columns,
        defaults=chosen,
        types=words,
        skip_invalid_rows=skip_invalid,
        survey=survey,
        max_bytes=settings.import_max_bytes,
        network_max_bytes=limit,
    )

    async def work() -> ImportReport:
        async with command_scope(tenant, schema=True, settings=settings) as scope:
            # A spinner while the file is read and checked (seconds for a large one), then a
            # bar while it is written: one live display at a time, as rich requires.
            checking = err_console.status(f"Reading and checking {file.name} …")
            checking.start()

            def writing(total: int) -> Callable[[int], None]:
                checking.stop()
                return stack.enter_context(progress_bar("Importing", total))

            with ExitStack() as stack:
                try:
                    return await import_file(
                        scope, file, file_name=file.name, options=options, progress_factory=writing
                    )
                finally:
                    checking.stop()

    report = run_async(work())
    print_report(report)
    if report.errors and not report.written:
        raise typer.Exit(1)


def print_report(report: ImportReport) -> None:
    how = [
        part
        for part in (
            f"{report.file_format.upper()}" if report.file_format else "",
            f"encoding {report.encoding}" if report.encoding else "",
            f"separator {report.delimiter!r}" if report.delimiter else "",
            f"sheet {report.sheet!r}" if report.sheet else "",
            f"{report.rows:,} rows" if report.rows else "",
        )
        if part
    ]
    if how:
        console.print(f"{report.file_name} ({report.kind or '?'}): {', '.join(how)}.", highlight=False)
    if report.entries:
        table = Table("", "row", "column", "problem", "suggestion", show_lines=False)
        for entry in report.entries:
            table.add_row(
                entry.severity.value,
                f"{entry.sheet} " * bool(entry.sheet) + ("" if entry.row is None else str(entry.row)),
                entry.column or "",
                entry.problem,
                entry.suggestion or "",
                style=_STYLE[entry.severity],
            )
        (err_console if report.errors else console).print(table)
    if report.counts:
        counts = Table("records", "new", "changed", "unchanged")
        for name, c in [*report.counts.items(), ("total", report.total())]:
            counts.add_row(name, f"{c.new:,}", f"{c.changed:,}", f"{c.unchanged:,}")
        console.print(counts)
    console.print(report.summary(), highlight=False)
