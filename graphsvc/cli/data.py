"""``graphsvc demo`` and ``import``: networks into a tenant (``export`` is in ``cli.export``,
the import's report in ``cli.imports``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from graphsvc.cli.common import command_scope, console, plain_errors, progress_bar, run_async
from graphsvc.config import get_settings
from graphsvc.errors import InvalidInput
from graphsvc.tenants import resolve_tenant

if TYPE_CHECKING:
    from graphsvc.services import networks

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
    # The services (Neo4j's driver) load only when a command runs: `--help` stays fast.
    from graphsvc.services import networks

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
    file: Path = typer.Argument(
        ..., help="CSV, XLSX, a Kumu project (XLSX or JSON), GraphML, GEXF or graphsvc's JSON export."
    ),
    tenant: str | None = TENANT,
    dry_run: bool = typer.Option(False, "--dry-run", help="Only check the file and report; write nothing."),
    kind: str | None = typer.Option(
        None,
        help="Spreadsheets: actors, contacts, young_people, areas, target_groups, initiatives, "
        "ties or survey (default: told from the headings).",
    ),
    map_: list[str] = typer.Option(
        [],
        "--map",
        help="Read a column as a field, e.g. 'Forening=name'.",
    ),
    default: list[str] = typer.Option(
        [], "--default", help="A value for rows that give none, e.g. 'sector=civil_society', 'type=funds'."
    ),
    type_: list[str] = typer.Option(
        [],
        "--type",
        help="Your own actor type word, e.g. 'Bibliotek=municipal_unit, public, community' "
        "(remembered for the tenant's next files).",
    ),
    skip_invalid: bool = typer.Option(
        False, "--skip-invalid", help="Import the valid rows, skip the others."
    ),
    survey: str | None = typer.Option(None, help="Surveys: the survey's name (default: the file name)."),
) -> None:
    """Import a file into the tenant: all of it, or nothing if anything is wrong. The format
    is told from the content; see "Importing" in the README."""
    from graphsvc.cli.imports import run_import  # the readers and Neo4j's driver, when needed

    name = _tenant(tenant)
    if not file.is_file():
        raise InvalidInput(f"there is no file {str(file)!r}")
    run_import(
        file,
        tenant=name,
        kind=kind,
        dry_run=dry_run,
        mapping=map_,
        defaults=default,
        types=type_,
        skip_invalid=skip_invalid,
        survey=survey,
    )
