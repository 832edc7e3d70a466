"""``graphsvc backup`` and ``graphsvc restore``: a whole tenant to a file and back."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from graphsvc.cli.common import console, plain_errors, run_async
from graphsvc.config import get_settings
from graphsvc.tenants import resolve_tenant

if TYPE_CHECKING:
    from graphsvc.backup import BackupSummary, RestoreSummary

__all__ = ["backup_command", "restore_command"]


@plain_errors
def backup_command(
    file: Path = typer.Argument(..., help="Where to write the backup (gzip'd JSON lines)."),
    tenant: str | None = typer.Option(
        None, "--tenant", "-t", help="Tenant (default: GRAPHSVC_DEFAULT_TENANT)."
    ),
) -> None:
    """Back up a whole tenant: its network, saved views, users, audit log, everything."""
    # Neo4j's driver loads only when a command talks to the database: `graphsvc --help` and
    # every other command start faster.
    from graphsvc.backup import backup_tenant
    from graphsvc.services.store import opened

    name = resolve_tenant(tenant or get_settings().default_tenant)

    async def work() -> BackupSummary:
        async with opened(get_settings()) as store:
            return await backup_tenant(store, name, file)

    summary = run_async(work())
    console.print(
        f"Backed up tenant {name!r} to {file}: {summary.nodes:,} nodes and "
        f"{summary.relationships:,} relationships ({summary.bytes / 1e6:.1f} MB)."
    )


@plain_errors
def restore_command(
    file: Path = typer.Argument(..., help="A file written by `graphsvc backup`."),
    tenant: str | None = typer.Option(
        None, "--tenant", "-t", help="Restore under this tenant (default: the backed-up one)."
    ),
    replace: bool = typer.Option(
        False, "--replace", help="Delete what the tenant holds now (in the same transaction)."
    ),
) -> None:
    """Restore a backup into a tenant: all of it, or nothing if anything is wrong. The tenant
    must be empty unless --replace is given."""
    from graphsvc.backup import restore_tenant  # Neo4j's driver, when needed
    from graphsvc.services.store import apply_schema, opened

    name = resolve_tenant(tenant) if tenant else None

    async def work() -> RestoreSummary:
        async with opened(get_settings()) as store:
            await apply_schema(store)
            return await restore_tenant(store, file, tenant=name, replace=replace)

    s = run_async(work())
    replaced = f", replacing {s.replaced:,} nodes" if s.replaced else ""
    console.print(
        f"Restored {file} into tenant {s.tenant!r}: {s.nodes:,} nodes and "
        f"{s.relationships:,} relationships{replaced} ({s.seconds:.1f} s)."
    )
    if s.left_out:
        console.print(
            f"Left out {s.left_out:,} tokens and share links: they belong to the tenant "
            "the backup was taken from. Issue new ones for this tenant."
        )
