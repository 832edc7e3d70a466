"""What every command shares: the scope it works in, plain error sentences instead of stack
traces, async running, progress bars."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from graphsvc.auth import Role
from graphsvc.config import Settings, get_settings
from graphsvc.errors import GraphsvcError
from graphsvc.services.scope import Scope, command_line_caller, open_scope
from graphsvc.tenants import resolve_tenant

__all__ = ["command_scope", "console", "in_scope", "plain_errors", "progress_bar", "run_async"]

console = Console()
err_console = Console(stderr=True)
P = ParamSpec("P")
T = TypeVar("T")


def plain_errors(command: Callable[P, T]) -> Callable[P, T]:
    """Expected failures end the command with one sentence and exit code 1."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return command(*args, **kwargs)
        except GraphsvcError as e:
            err_console.print(f"[bold red]error:[/] {e}", highlight=False, markup=True)
            raise typer.Exit(1) from None

    return wrapper


def run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coroutine)


@asynccontextmanager
async def command_scope(
    tenant: str | None, *, role: Role = Role.ADMIN, schema: bool = False, settings: Settings | None = None
) -> AsyncIterator[Scope]:
    """The scope of a command: the person at the command line, for ``tenant`` (default:
    GRAPHSVC_DEFAULT_TENANT), as an admin unless the command works for a lesser audience;
    ``schema`` applies the database schema first (commands that write)."""
    from graphsvc.services.store import apply_schema, opened  # Neo4j's driver, when needed

    settings = settings or get_settings()
    name = resolve_tenant(tenant or settings.default_tenant)
    async with opened(settings) as store:
        if schema:
            await apply_schema(store)
        yield open_scope(store, command_line_caller(name, role))


def in_scope(
    tenant: str | None, job: Callable[[Scope], Awaitable[T]], *, role: Role = Role.ADMIN, schema: bool = False
) -> T:
    """Run ``job`` in the scope of a command (see :func:`command_scope`)."""

    async def work() -> T:
        async with command_scope(tenant, role=role, schema=schema) as scope:
            return await job(scope)

    return run_async(work())


@contextmanager
def progress_bar(description: str, total: int) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr; yields a function to advance it."""
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=False,
    ) as progress:
        task = progress.add_task(description, total=total)
        yield lambda n: progress.advance(task, n)
