"""``graphsvc users``: who may use the API and the pages, with which role, in which tenant.

Tokens are printed once, when made, and stored only as hashes: keep them like passwords."""

from __future__ import annotations

import typer
from rich.table import Table

from graphsvc.auth import Role
from graphsvc.auth import users as service
from graphsvc.cli.common import console, plain_errors, run_async
from graphsvc.config import get_settings
from graphsvc.db.driver import opened
from graphsvc.db.schema import apply_schema
from graphsvc.tenants import resolve_tenant

app = typer.Typer(help="Users, roles and their tokens.", no_args_is_help=True)

TENANT = typer.Option(None, "--tenant", "-t", help="Tenant (default: GRAPHSVC_DEFAULT_TENANT).")
DAYS = typer.Option(None, "--expires-in-days", help="The token stops working after this many days.")


def _tenant(value: str | None) -> str:
    return resolve_tenant(value or get_settings().default_tenant)


def _show_token(issued: service.IssuedToken) -> None:
    console.print(f"Token for {issued.user} (id {issued.token_id}) — shown only now, keep it safe:")
    console.print(issued.secret, highlight=False, soft_wrap=True)
    if issued.expires_at:
        console.print(f"It stops working on {issued.expires_at:%Y-%m-%d %H:%M} UTC.")


@app.command("add")
@plain_errors
def add(name: str, role: Role = typer.Option(..., "--role", help="viewer, coordinator or admin."),
        tenant: str | None = TENANT, expires_in_days: int | None = DAYS) -> None:
    """Add a user with a role and print their first token."""

    async def work() -> service.IssuedToken:
        async with opened(get_settings()) as store:
            await apply_schema(store)
            return await service.add_user(store, _tenant(tenant), name, role,
                                          expires_in_days=expires_in_days)

    _show_token(run_async(work()))


@app.command("token")
@plain_errors
def token(name: str, tenant: str | None = TENANT, expires_in_days: int | None = DAYS,
          label: str = typer.Option("token", help="What the token is for (shown in the list).")) -> None:
    """Make another token for a user (the old ones keep working until revoked)."""

    async def work() -> service.IssuedToken:
        async with opened(get_settings()) as store:
            return await service.issue_token(store, _tenant(tenant), name, label=label,
                                             expires_in_days=expires_in_days)

    _show_token(run_async(work()))


@app.command("list")
@plain_errors
def list_users(tenant: str | None = TENANT) -> None:
    """The users of a tenant with their live tokens (ids only)."""

    async def work() -> list[service.User]:
        async with opened(get_settings()) as store:
            return await service.list_users(store, _tenant(tenant))

    table = Table("user", "role", "tokens (id: label)")
    for user in run_async(work()):
        table.add_row(user.name, user.role.value,
                      ", ".join(f"{t.token_id}: {t.label}" for t in user.tokens) or "-")
    console.print(table)


@app.command("revoke")
@plain_errors
def revoke(name: str | None = typer.Argument(None, help="Revoke all of this user's tokens."),
           token_id: str | None = typer.Option(None, "--token", help="Revoke only this token id."),
           tenant: str | None = TENANT) -> None:
    """Revoke tokens: at once, every request with them is refused."""

    async def work() -> int:
        async with opened(get_settings()) as store:
            return await service.revoke_tokens(store, _tenant(tenant), name=name, token=token_id)

    console.print(f"Revoked {run_async(work())} token(s).")


@app.command("role")
@plain_errors
def set_role(name: str, role: Role = typer.Option(..., "--role", help="viewer, coordinator or admin."),
             tenant: str | None = TENANT) -> None:
    """Change a user's role (their tokens keep working, with the new role)."""

    async def work() -> None:
        async with opened(get_settings()) as store:
            await service.set_role(store, _tenant(tenant), name, role)

    run_async(work())
    console.print(f"{name} is now {role.value}.")


@app.command("remove")
@plain_errors
def remove(name: str, tenant: str | None = TENANT) -> None:
    """Remove a user and all their tokens."""

    async def work() -> None:
        async with opened(get_settings()) as store:
            await service.remove_user(store, _tenant(tenant), name)

    run_async(work())
    console.print(f"Removed {name}.")
