"""``graphsvc person`` (erasure and access export) and ``graphsvc audit`` (the change log)."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from graphsvc.cli.common import console, in_scope, plain_errors
from graphsvc.config import get_settings
from graphsvc.tenants import resolve_tenant

person_app = typer.Typer(
    help="The rights of young people and contact persons: access and erasure.", no_args_is_help=True
)

TENANT = typer.Option(None, "--tenant", "-t", help="Tenant (default: GRAPHSVC_DEFAULT_TENANT).")


def _tenant(value: str | None) -> str:
    return resolve_tenant(value or get_settings().default_tenant)


@person_app.command("export")
@plain_errors
def export(
    node_id: str,
    tenant: str | None = TENANT,
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file."),
) -> None:
    """Everything held about one person, as JSON (the right of access)."""
    # The services (Neo4j's driver, NetworkX) load only when a command runs: `--help` stays fast.
    from graphsvc.services import privacy

    data = in_scope(tenant, lambda scope: privacy.personal_data(scope, node_id))
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if output is None:
        print(text)
    else:
        output.write_text(text + "\n", encoding="utf-8")
        console.print(f"Wrote {output}.")


@person_app.command("erase")
@plain_errors
def erase(
    node_id: str,
    tenant: str | None = TENANT,
    yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation."),
) -> None:
    """Erase a person with all their ties, everywhere graphsvc holds them. Cannot be undone."""
    from graphsvc.services import privacy  # when the command runs (see export)

    name = _tenant(tenant)
    if not yes:
        typer.confirm(f"Erase {node_id} from tenant {name} for good?", abort=True)
    done = in_scope(name, lambda scope: privacy.erase_person(scope, node_id))
    console.print(
        f"Erased {done.id} ({done.kind.value}): {done.ties_removed} ties removed, "
        f"{done.audit_entries_redacted} audit entries blanked."
    )


@plain_errors
def audit(
    tenant: str | None = TENANT,
    node: str | None = typer.Option(None, "--node", help="Only changes to this node."),
    last: int = typer.Option(50, "--last", min=1, max=1000, help="How many entries."),
) -> None:
    """The latest changes: who, when, what."""
    from graphsvc.services import audit_log  # when the command runs (see export)

    found = in_scope(tenant, lambda scope: audit_log.entries(scope, subject=node, limit=last))
    table = Table("when", "who", "what", "target")
    for e in found:
        table.add_row(f"{e.at:%Y-%m-%d %H:%M:%S}", e.actor, e.action, e.target)
    console.print(table)
