"""``graphsvc export``: a tenant's network as GraphML, GEXF, JSON or CSV."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from graphsvc.cli.common import console, plain_errors, run_async
from graphsvc.config import get_settings
from graphsvc.db.driver import opened
from graphsvc.domain import Network
from graphsvc.io.network_export import format_of
from graphsvc.services.network_exports import export_to_path
from graphsvc.tenants import resolve_tenant

__all__ = ["export_command"]


class Audience(StrEnum):
    VIEWER = "viewer"
    COORDINATOR = "coordinator"
    ADMIN = "admin"


class Language(StrEnum):
    DA = "da"
    EN = "en"


@plain_errors
def export_command(
    file: Path = typer.Argument(..., help="Where to write: .graphml, .gexf, .json, .zip (both "
                                "CSV tables) or .csv (two files: NAME-noder.csv and "
                                "NAME-relationer.csv)."),
    tenant: str | None = typer.Option(None, "--tenant", "-t",
                                      help="Tenant (default: GRAPHSVC_DEFAULT_TENANT)."),
    file_format: str | None = typer.Option(None, "--format", "-f",
                                           help="graphml, gexf, json, csv or zip (default: from "
                                           "the file's extension)."),
    lang: Language = typer.Option(Language.DA, "--lang",
                                  help="CSV headings and file names: da (\";\" between columns, "
                                  "for Danish Excel) or en."),
    role: Audience = typer.Option(Audience.ADMIN, "--for",
                                  help="Export what this role may see: viewer (no young people, "
                                  "no contact persons), coordinator or admin (everything)."),
) -> None:
    """Export a tenant's network (GraphML and GEXF open in Gephi; GraphML imports back)."""
    name = resolve_tenant(tenant or get_settings().default_tenant)
    chosen = format_of(file, file_format)

    async def work() -> tuple[Network, list[Path]]:
        async with opened(get_settings()) as store:
            return await export_to_path(store, name, file, chosen,
                                        include_young_people=role != Audience.VIEWER,
                                        language=lang.value)  # type: ignore[arg-type]

    network, written = run_async(work())
    files = " and ".join(str(p) for p in written)
    console.print(f"Exported tenant {name!r} to {files}: {len(network.nodes):,} nodes, "
                  f"{len(network.ties):,} ties besides locations.", highlight=False)
