"""``graphsvc db``: build, start, stop and inspect the local Neo4j."""

from __future__ import annotations

import typer

from graphsvc.cli.common import console, plain_errors, run_async
from graphsvc.config import get_settings
from graphsvc.local_neo4j import build, start_background, status, stop_background

app = typer.Typer(help="The local Neo4j (used when NEO4J_URI is not set).", no_args_is_help=True)


def _require_local() -> None:
    settings = get_settings()
    if not settings.uses_local_neo4j:
        console.print(
            f"NEO4J_URI is set ({settings.neo4j_uri}): graphsvc uses that server and manages no local Neo4j."
        )
        raise typer.Exit(0)


@app.command("build")
@plain_errors
def build_command() -> None:
    """Build the local Neo4j with Maven (the first build downloads ~130 MB of jars)."""
    build()
    console.print("The local Neo4j is built.")


@app.command()
@plain_errors
def start() -> None:
    """Start the local Neo4j in the background and apply the schema."""
    _require_local()
    settings = get_settings()
    state = start_background(settings)
    run_async(_apply_schema())
    console.print(f"Neo4j is {state.describe()}.")


@app.command()
@plain_errors
def stop() -> None:
    """Stop the background local Neo4j cleanly."""
    _require_local()
    if stop_background(get_settings()):
        console.print("Neo4j stopped.")
    else:
        console.print("Neo4j was not running.")


@app.command("status")
@plain_errors
def status_command() -> None:
    """Whether Neo4j runs, and which version answers."""
    settings = get_settings()
    if settings.uses_local_neo4j:
        console.print(f"Local Neo4j: {status(settings).describe()}.")
    console.print(run_async(_server_description()))


async def _apply_schema() -> None:
    # Neo4j's driver loads only when a command talks to the database (`--help` stays fast).
    from graphsvc.services.store import apply_schema, opened

    async with opened(get_settings()) as store:
        await apply_schema(store)


async def _server_description() -> str:
    from graphsvc.services.store import opened  # Neo4j's driver, when needed

    settings = get_settings()
    async with opened(settings) as store:
        if not await store.ping():
            return f"Nothing answers at {settings.bolt_uri}."
        records = await store.query("stats/server_components")
    parts = [f"{r['name']} {', '.join(r['versions'])} ({r['edition']})" for r in records]
    return f"{settings.bolt_uri} answers: {'; '.join(parts)}."
