"""``graphsvc demo`` and ``import``: networks into a tenant (``export`` is in ``cli.export``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

import typer

from graphsvc.cli.common import command_scope, console, plain_errors, progress_bar, run_async
from graphsvc.cli.spreadsheets import import_spreadsheet
from graphsvc.config import get_settings
from graphsvc.errors import InvalidInput
from graphsvc.services import networks
from graphsvc.tenants import resolve_tenant

demo_app = typer.Typer(help="The demo municipality.", no_args_is_help=True)

TENANT = typer.Option(None, "--tenant", "-t", help="Tenant (default: GRAPHSVC_DEFAULT_TENANT).")


def _tenant(value: str | None) -> str:
    return resolve_tenant(value or get_settings().default_tenant)


def _bars(stack: ExitStack, description: str) -> Callable[[int], Callable[[int], None]]:
    return lambda total: stack.enter_context(progress_bar(description, total))


@demo_app.command("load")
@plain_errors
def demo_load(
    size: str = typer.Option("small", help="small (~2,000 nodes), medium (~12,000), large (~150,000)."),
    tenant: str | None = TENANT,
    seed: int = typer.Option(2635, help="The same seed always gives the same municipality."),
    replace: bool = typer.Option(False, help="Delete the tenant's data first."),
) -> None:
    """Load the demo municipality (does nothing if the tenant already holds data)."""
    name = _tenant(tenant)
    if size not in ("small", "medium", "large"):
        raise InvalidInput(f"size must be small, medium or large, not {size!r}")

    async def load() -> networks.DemoLoad:
        async with command_scope(name, schema=True) as scope:
            with ExitStack() as stack:
                return await networks.load_demo(
                    scope, size=size, seed=seed, replace=replace, progress_factory=_bars(stack, "Loading")
                )

    started = time.perf_counter()
    result = run_async(load())
    if result.loaded:
        console.print(
            f"Loaded the {size} demo municipality into tenant {name!r}: "
            f"{result.nodes:,} nodes in {time.perf_counter() - started:.1f} s."
        )
    else:
        console.print(
            f"Tenant {name!r} already holds {result.nodes:,} nodes; nothing loaded "
            "(use --replace to load the demo again)."
        )


@plain_errors
def import_command(
    file: Path = typer.Argument(..., help="A GraphML, CSV or XLSX file (see the README)."),
    tenant: str | None = TENANT,
    dry_run: bool = typer.Option(False, "--dry-run", help="Spreadsheets: only check and report."),
    kind: str | None = typer.Option(
        None,
        help="Spreadsheets: actors, contacts, young_people, ties or survey "
        "(default: told from the headings).",
    ),
    map_: list[str] = typer.Option(
        [], "--map", help="Spreadsheets: read a column as a field, e.g. 'Forening=name'."
    ),
    skip_invalid: bool = typer.Option(
        False, "--skip-invalid", help="Spreadsheets: import the valid rows, skip the others."
    ),
    survey: str | None = typer.Option(None, help="Surveys: the survey's name (default: the file name)."),
) -> None:
    """Import a GraphML network, or a spreadsheet (CSV, XLSX) of actors, contacts, young
    people, ties or a partner survey: all of it, or nothing if anything is wrong."""
    name = _tenant(tenant)
    if not file.is_file():
        raise InvalidInput(f"there is no file {str(file)!r}")
    if file.suffix.casefold() not in (".graphml", ".xml"):
        import_spreadsheet(
            file,
            tenant=name,
            kind=kind,
            dry_run=dry_run,
            mapping=map_,
            skip_invalid=skip_invalid,
            survey=survey,
        )
        return
    if dry_run or kind or map_ or skip_invalid or survey:
        raise InvalidInput(
            "--dry-run, --kind, --map, --skip-invalid and --survey are for CSV and "
            "XLSX files; a GraphML import is checked whole before anything is written"
        )

    async def work() -> dict[str, int]:
        async with command_scope(name, schema=True) as scope:
            with ExitStack() as stack:
                return await networks.import_graphml(scope, file, progress_factory=_bars(stack, "Importing"))

    summary = run_async(work())
    console.print(
        f"Imported {file} into tenant {name!r}: {summary.get('nodes', 0):,} nodes, "
        f"{summary.get('ties', 0) + summary.get('located', 0):,} ties."
    )
