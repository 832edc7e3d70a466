"""``graphsvc export``: a tenant's network as GraphML, GEXF, JSON, CSV or a Kumu workbook."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from graphsvc.auth import Role
from graphsvc.cli.common import console, in_scope, plain_errors
from graphsvc.config import get_settings
from graphsvc.tenants import resolve_tenant

__all__ = ["export_command"]


class Language(StrEnum):
    DA = "da"
    EN = "en"


@plain_errors
def export_command(
    file: Path = typer.Argument(
        ...,
        help="Where to write: .graphml, .gexf, .json, .zip (both "
        "CSV tables), .csv (two files: NAME-noder.csv and "
        "NAME-relationer.csv) or .xlsx (a Kumu workbook).",
    ),
    tenant: str | None = typer.Option(
        None, "--tenant", "-t", help="Tenant (default: GRAPHSVC_DEFAULT_TENANT)."
    ),
    file_format: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help="graphml, gexf, json, csv, zip or kumu (default: from the file's extension).",
    ),
    lang: Language = typer.Option(
        Language.DA,
        "--lang",
        help='CSV headings and file names: da (";" between columns, for Danish Excel) or en.',
    ),
    role: Role = typer.Option(
        Role.ADMIN,
        "--for",
        help="Export what this role may see: viewer (no young people, "
        "no contact persons), coordinator or admin (everything).",
    ),
) -> None:
    """Export a tenant's network (GraphML and GEXF open in Gephi, the .xlsx in Kumu; GraphML
    imports back)."""
    # The exporters and Neo4j's driver load only when an export runs (`--help` stays fast).
    from graphsvc.io.network_export import format_of
    from graphsvc.services.network_exports import export_to_path

    name = resolve_tenant(tenant or get_settings().default_tenant)
    chosen = format_of(file, file_format)
    network, written = in_scope(
        name,
        lambda scope: export_to_path(scope, file, chosen, language=lang.value),  # type: ignore[arg-type]
        role=role,
    )
    files = " and ".join(str(p) for p in written)
    console.print(
        f"Exported tenant {name!r} to {files}: {len(network.nodes):,} nodes, "
        f"{len(network.ties):,} ties besides locations.",
        highlight=False,
    )
