"""``graphsvc snapshot``: take named, dated snapshots of a tenant's network, list them, compare
any two (or one with now), and chart how the network has grown."""

from __future__ import annotations

import datetime
import json
from collections.abc import Awaitable, Callable
from enum import StrEnum
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, TypeVar

import typer

from graphsvc.cli.common import console, in_scope, plain_errors
from graphsvc.config import get_settings
from graphsvc.errors import InvalidInput
from graphsvc.tenants import resolve_tenant

if TYPE_CHECKING:
    from graphsvc.services.scope import Scope

__all__ = ["app"]

app = typer.Typer(
    help="Snapshots of a tenant's network over time: create, list, compare, chart.", no_args_is_help=True
)
T = TypeVar("T")

TENANT = typer.Option(None, "--tenant", "-t", help="Tenant (default: GRAPHSVC_DEFAULT_TENANT).")
OUTPUT = typer.Option(None, "--output", "-o", help="Write to this file instead of the screen.")
# The word for the network as it is now (``services.snapshots.NOW``; a test keeps them equal).
NOW = "now"


class Format(StrEnum):
    MD = "md"
    JSON = "json"


class Language(StrEnum):
    DA = "da"
    EN = "en"


def _service() -> ModuleType:
    """The snapshots service, imported when a command runs: it brings Neo4j's driver and
    NetworkX, which `graphsvc --help` and every other command need not wait for."""
    from graphsvc.services import snapshots

    return snapshots


def _run(tenant: str | None, job: Callable[[Scope], Awaitable[T]]) -> tuple[str, T]:
    name = resolve_tenant(tenant or get_settings().default_tenant)
    # The schema first: the snapshot constraints, on a database made earlier.
    return name, in_scope(name, job, schema=True)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        typer.echo(text, nl=not text.endswith("\n"))
        return
    output.write_text(text, encoding="utf-8")
    console.print(f"Wrote {output}.", highlight=False)


def _json(value: object) -> str:
    from graphsvc.analytics import as_dict  # NetworkX, when needed

    return json.dumps(as_dict(value), ensure_ascii=False, indent=2, default=_iso) + "\n"


def _iso(value: object) -> str:
    # Dates and times: the only values as_dict leaves as they are.
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


@app.command("create")
@plain_errors
def create(
    name: str = typer.Argument(..., help='What to call it, e.g. "Kick-off 2026".'),
    tenant: str | None = TENANT,
    date: str | None = typer.Option(
        None, "--date", help="The day it stands for, YYYY-MM-DD (default: today)."
    ),
) -> None:
    """Take a snapshot of the network as it is now: its organisations, areas, target groups,
    initiatives and their ties, and the network-health measures."""
    taken_on = _date(date)
    tenant_name, snapshot = _run(
        tenant, lambda scope: _service().create_snapshot(scope, name, taken_on=taken_on)
    )
    m = snapshot.measures
    console.print(
        f"Took snapshot {snapshot.id!r} ({snapshot.name}, {snapshot.taken_on}) of "
        f"tenant {tenant_name!r}: {m.actors:,} partners, {m.actor_ties:,} ties "
        f"between them, {m.components:,} components.",
        highlight=False,
    )


@app.command("list")
@plain_errors
def list_command(
    tenant: str | None = TENANT,
    fmt: Format = typer.Option(Format.MD, "--format", "-f", help="md or json."),
    output: Path | None = OUTPUT,
) -> None:
    """The tenant's snapshots, oldest first, with their measures."""
    tenant_name, found = _run(tenant, _service().list_snapshots)
    from graphsvc.cli.snapshot_report import snapshots_markdown

    _emit(snapshots_markdown(tenant_name, found) if fmt == Format.MD else _json(found), output)


@app.command("compare")
@plain_errors
def compare(
    before: str = typer.Argument(..., help='A snapshot\'s id or name, or "now".'),
    after: str = typer.Argument(NOW, help='A snapshot\'s id or name, or "now" (the default).'),
    tenant: str | None = TENANT,
    fmt: Format = typer.Option(Format.MD, "--format", "-f", help="md (a report) or json."),
    output: Path | None = OUTPUT,
) -> None:
    """What changed between two snapshots: partners and ties gained and lost, by sector and
    arena, and every network-health measure."""
    from graphsvc.cli.snapshot_report import comparison_markdown

    _, result = _run(tenant, lambda scope: _service().compare(scope, before, after))
    _emit(comparison_markdown(result) if fmt == Format.MD else _json(result), output)


@app.command("chart")
@plain_errors
def chart(
    file: Path = typer.Argument(..., help="Where to write the chart: FILE.png or FILE.svg."),
    tenant: str | None = TENANT,
    lang: Language = typer.Option(Language.DA, "--lang", help="Words of the chart: da or en."),
) -> None:
    """The growth chart: the network-health measures over all snapshots, for a report."""
    suffix = file.suffix.lower().lstrip(".")
    if suffix not in ("png", "svg"):
        raise InvalidInput(f"the chart is written as .png or .svg, not {file.name!r}")
    if not file.parent.is_dir():
        raise InvalidInput(f"there is no folder {str(file.parent)!r} to write {file.name!r} in")
    _, content = _run(
        tenant,
        lambda scope: _service().growth_chart(
            scope,
            file_format=suffix,  # type: ignore[arg-type]
            language=lang.value,
        ),
    )
    file.write_bytes(content)
    console.print(f"Wrote the growth chart to {file} ({len(content):,} bytes).", highlight=False)


@app.command("delete")
@plain_errors
def delete(
    ref: str = typer.Argument(..., help="The snapshot's id or name."), tenant: str | None = TENANT
) -> None:
    """Delete a snapshot."""
    tenant_name, gone = _run(tenant, lambda scope: _service().delete_snapshot(scope, ref))
    console.print(f"Deleted snapshot {gone.id!r} ({gone.name}) of tenant {tenant_name!r}.", highlight=False)


def _date(text: str | None) -> datetime.date | None:
    if text is None:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"--date: a day as YYYY-MM-DD, e.g. 2026-01-15, not {text!r}") from None
