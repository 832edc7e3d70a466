"""`graphsvc users`: add, list, revoke; tokens printed once and working at once."""

from __future__ import annotations

import asyncio
import re

import pytest
from typer.testing import CliRunner

from graphsvc.auth import Principal
from graphsvc.auth.users import authenticate
from graphsvc.cli import app
from graphsvc.config import Settings
from graphsvc.db.driver import opened

pytestmark = pytest.mark.neo4j


def _authenticate(settings: Settings, token: str) -> Principal | None:
    async def look_up() -> Principal | None:
        async with opened(settings) as store:
            return await authenticate(store, token)

    return asyncio.run(look_up())


def test_add_list_and_revoke(cli_env: None, settings: Settings, tenant: str) -> None:
    runner = CliRunner()
    added = runner.invoke(app, ["users", "add", "mette", "--role", "coordinator", "--tenant", tenant])
    assert added.exit_code == 0, added.output
    token = re.search(r"gs_[\w-]+", added.output).group(0)  # type: ignore[union-attr]
    principal = _authenticate(settings, token)
    assert principal is not None and (principal.name, principal.role.value, principal.tenant) == (
        "mette",
        "coordinator",
        tenant,
    )

    again = runner.invoke(app, ["users", "add", "mette", "--role", "viewer", "--tenant", tenant])
    assert again.exit_code == 1 and "already a user called 'mette'" in again.output
    bad_role = runner.invoke(app, ["users", "add", "ole", "--role", "boss", "--tenant", tenant])
    assert bad_role.exit_code == 2

    listed = runner.invoke(app, ["users", "list", "--tenant", tenant])
    assert "mette" in listed.output and "coordinator" in listed.output and token not in listed.output

    revoked = runner.invoke(app, ["users", "revoke", "mette", "--tenant", tenant])
    assert revoked.exit_code == 0 and "Revoked 1 token(s)." in revoked.output
    assert _authenticate(settings, token) is None
