"""``graphsvc users``: who may use the API and the pages, with which role, in which tenant.

Tokens are printed once, when made, and stored only as hashes: keep them like passwords."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer
from rich.table import Table

from graphsvc.auth import Role
from graphsvc.cli.common import console, in_scope, plain_errors

if TYPE_CHECKING:
    from graphsvc.services.users import IssuedToken

app = typer.Typer(help="Users, roles and their tokens.", no_args_is_help=True)

TENANT = typer.Option(None, "--tenant", "-t", help="Tenant (default: GRAPHSVC_DEFAULT_TENANT).")
DAYS = typer.Option(None, "--expires-in-days", help="The token stops working after this many days.")

# Each command imports the users service when it runs: it brings Neo4j's driver, which
# `graphsvc --help` and every other command need not wait for.


def _show_token(issued: IssuedToken) -> None:
    console.print(f"Token for {issued.user} (id {issued.token_id}) — shown only now, keep it safe:")
    console.print(issued.secret, highlight=False, soft_wrap=True)
    if issued.expires_at:
        console.print(f"It stops working on {issued.expires_at:%Y-%m-%d %H:%M} UTC.")


@app.command("add")
@plain_errors
def add(
    name: str,
    role: Role = typer.Option(..., "--role", help="viewer, coordinator or admin."),
    tenant: str | None = TENANT,
    expires_in_days: int | None = DAYS,
) -> None:
    """Add a user with a role and print their first token."""
    from graphsvc.services import users as service

    _show_token(
        in_scope(
            tenant,
            lambda scope: service.add_user(scope, name, role, expires_in_days=expires_in_days),
            schema=True,
        )
    )


@app.command("token")
@plain_errors
def token(
    name: str,
    tenant: str | None = TENANT,
    expires_in_days: int | None = DAYS,
    label: str = typer.Option("token", help="What the token is for (shown in the list)."),
) -> None:
    """Make another token for a user (the old ones keep working until revoked)."""
    from graphsvc.services import users as service

    _show_token(
        in_scope(
            tenant,
            lambda scope: service.issue_token(scope, name, label=label, expires_in_days=expires_in_days),
        )
    )


@app.command("list")
@plain_errors
def list_users(tenant: str | None = TENANT) -> None:
    """The users of a tenant with their live tokens (ids only)."""
    from graphsvc.services import users as service

    found = in_scope(tenant, service.list_users)
    table = Table("user", "role", "tokens (id: label)")
    for user in found:
        table.add_row(
            user.name, user.role.value, ", ".join(f"{t.token_id}: {t.label}" for t in user.tokens) or "-"
        )
    console.print(table)


@app.command("revoke")
@plain_errors
def revoke(
    name: str | None = typer.Argument(None, help="Revoke all of this user's tokens."),
    token_id: str | None = typer.Option(None, "--token", help="Revoke only this token id."),
    tenant: str | None = TENANT,
) -> None:
    """Revoke tokens: at once, every request with them is refused."""
    from graphsvc.services import users as service

    revoked = in_scope(tenant, lambda scope: service.revoke_tokens(scope, name=name, token=token_id))
    console.print(f"Revoked {revoked} token(s).")


@app.command("role")
@plain_errors
def set_role(
    name: str,
    role: Role = typer.Option(..., "--role", help="viewer, coordinator or admin."),
    tenant: str | None = TENANT,
) -> None:
    """Change a user's role (their tokens keep working, with the new role)."""
    from graphsvc.services import users as service

    in_scope(tenant, lambda scope: service.set_role(scope, name, role))
    console.print(f"{name} is now {role.value}.")


@app.command("remove")
@plain_errors
def remove(name: str, tenant: str | None = TENANT) -> None:
    """Remove a user and all their tokens."""
    from graphsvc.services import users as service

    in_scope(tenant, lambda scope: service.remove_user(scope, name))
    console.print(f"Removed {name}.")
