"""``graphsvc serve`` (the API alone) and ``graphsvc run`` (everything, for a new user)."""

from __future__ import annotations

import logging
import socket
import time
from contextlib import ExitStack, suppress
from typing import TYPE_CHECKING

import typer

from graphsvc.auth import Role
from graphsvc.cli.common import command_scope, console, plain_errors, progress_bar, run_async
from graphsvc.config import Settings, get_settings
from graphsvc.errors import Duplicate, SetupError
from graphsvc.local_neo4j import LocalServer, ensure_built, start_child, status
from graphsvc.tenants import resolve_tenant

if TYPE_CHECKING:
    from graphsvc.services import networks
    from graphsvc.services.scope import Scope

# The user `graphsvc run` signs the person at the keyboard in as.
LOCAL_ADMIN = "local-admin"
_RUN_LABEL = "graphsvc run"


def _serve(settings: Settings, workers: int) -> None:
    # The web stack loads only when it is to serve: every other command starts faster.
    import uvicorn

    from graphsvc.api.workers import APP_FACTORY

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    # Each worker builds the app from the environment; `graphsvc run`'s settings are the
    # environment's too (the local Neo4j's port among them).
    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=workers,
        log_level="info",
        # The supervisor starts a new worker in place of one that dies.
        timeout_worker_healthcheck=10,
    )


_WORKERS_HELP = "API worker processes (default: GRAPHSVC_WORKERS, else one per core)."


@plain_errors
def serve(workers: int | None = typer.Option(None, "--workers", min=1, max=64, help=_WORKERS_HELP)) -> None:
    """Serve the API (Neo4j must be reachable: `graphsvc db start`, or NEO4J_URI)."""
    from graphsvc.api.workers import worker_count

    settings = get_settings()
    _serve(settings, worker_count(settings, workers))


def _require_free_api_port(settings: Settings) -> None:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((settings.host, settings.port))
        except OSError:
            raise SetupError(
                f"port {settings.port} on {settings.host} is already in use (is graphsvc already "
                f"running?): stop what uses it or choose another port with GRAPHSVC_PORT"
            ) from None


def _banner(settings: Settings, tenant: str, token: str, workers: int) -> str:
    base = f"http://{settings.host}:{settings.port}"
    return (
        f"\n[bold green]graphsvc is running.[/]\n"
        f"  Open the pages (signs you in as {LOCAL_ADMIN}):\n"
        f"    {base}/sign-in#token={token}\n"
        f"  API token of {LOCAL_ADMIN} (admin; a new one at every start, the last one revoked):\n"
        f"    {token}\n"
        f"  GraphQL API and its in-browser IDE:  {base}/graphql\n"
        f"  Health (process alive):              {base}/healthz\n"
        f"  Readiness (Neo4j and schema):        {base}/readyz\n"
        f"  Neo4j (Bolt):                        {settings.bolt_uri}\n"
        f"  API worker processes:                {workers}  (--workers, GRAPHSVC_WORKERS)\n"
        f"  Demo tenant:                         {tenant}  "
        f"(try: {{ actorCounts {{ kind count }} }})\n"
        f"Press Ctrl-C to stop.\n"
    )


def _start_neo4j(settings: Settings) -> LocalServer | None:
    """Start the local Neo4j as our child, or use the one already there."""
    if not settings.uses_local_neo4j:
        console.print(f"Using the Neo4j at {settings.bolt_uri} (NEO4J_URI).")
        return None
    running = status(settings)
    if running.running and running.port == settings.local_port:
        console.print(f"Using the local Neo4j started by `graphsvc db start` ({running.describe()}).")
        return None
    with console.status("Building the local Neo4j with Maven (the first time downloads ~130 MB)…"):
        if ensure_built():
            console.print("Built the local Neo4j.")
    with console.status("Starting the local Neo4j…"):
        started = time.perf_counter()
        server = start_child(settings)
    console.print(
        f"Neo4j is up at {server.uri} ({time.perf_counter() - started:.0f} s), data in {server.data_dir}."
    )
    return server


async def _prepare(settings: Settings, tenant: str) -> tuple[networks.DemoLoad, str]:
    # The services (Neo4j's driver) load when they are used: `graphsvc --help` stays fast.
    from graphsvc.services import networks

    async with command_scope(tenant, schema=True, settings=settings) as scope:
        with ExitStack() as stack:
            demo = await networks.load_demo(
                scope,
                size=settings.demo_size,
                seed=2635,
                progress_factory=lambda total: stack.enter_context(
                    progress_bar(f"Loading the {settings.demo_size} demo municipality", total)
                ),
            )
        return demo, await _local_admin_token(scope)


async def _local_admin_token(scope: Scope) -> str:
    """A fresh token for the local admin at every start; the one printed last time is revoked,
    so a link left in an old terminal stops working."""
    from graphsvc.services import users

    with suppress(Duplicate):
        await users.add_user(scope, LOCAL_ADMIN, Role.ADMIN, label=_RUN_LABEL)
    issued = await users.issue_token(
        scope, LOCAL_ADMIN, label=_RUN_LABEL, replace_label=True, expires_in_days=7
    )
    return issued.secret


@plain_errors
def run(workers: int | None = typer.Option(None, "--workers", min=1, max=64, help=_WORKERS_HELP)) -> None:
    """Set up and run everything: the local Neo4j, the schema, the demo data and the API."""
    from graphsvc.api.workers import worker_count

    settings = get_settings()
    tenant = resolve_tenant(settings.default_tenant)
    _require_free_api_port(settings)
    server = _start_neo4j(settings)
    try:
        demo, token = run_async(_prepare(settings, tenant))
        if demo.loaded:
            console.print(f"Loaded the demo municipality into tenant {tenant!r} ({demo.nodes:,} nodes).")
        else:
            console.print(f"Tenant {tenant!r} already holds {demo.nodes:,} nodes; kept them.")
        count = worker_count(settings, workers)
        console.print(_banner(settings, tenant, token, count), highlight=False, soft_wrap=True)
        _serve(settings, count)
    finally:
        if server is not None:
            with console.status("Stopping Neo4j…"):
                server.stop()
            console.print("Neo4j stopped. Bye.")


def register(app: typer.Typer) -> None:
    app.command()(serve)
    app.command()(run)
