"""Whole networks in and out of a tenant: GraphML import and export, the demo municipality."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from graphsvc.auth import Role
from graphsvc.db.networks import NetworkRepository, WriteSummary
from graphsvc.demo import generate_demo
from graphsvc.domain import Network
from graphsvc.io.graphml import DEFAULT_MAX_BYTES, read_graphml, write_graphml
from graphsvc.services.scope import Scope

__all__ = ["DemoLoad", "export_graphml", "import_graphml", "load_demo", "records_in"]

Progress = Callable[[int], None]


def records_in(network: Network) -> int:
    """How many records a write of ``network`` goes through (for progress bars)."""
    return len(network.nodes) + len(network.ties)


async def import_graphml(
    scope: Scope,
    source: Path | bytes,
    *,
    progress_factory: Callable[[int], Progress] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> WriteSummary:
    """Read, check and write a GraphML network into the tenant, all or nothing (the strict
    reader alone; files coordinators bring go through :mod:`graphsvc.services.imports`)."""
    scope.require(Role.COORDINATOR)
    tenant = scope.tenant
    repository = NetworkRepository(scope.store)
    known = await repository.known_kinds(tenant)
    network = read_graphml(source, tenant=tenant, known=known, max_bytes=max_bytes)
    progress = progress_factory(records_in(network)) if progress_factory else None
    return await repository.write(network, progress=progress)


async def export_graphml(scope: Scope, *, target: Path) -> Network:
    """Everything the tenant holds, as GraphML: for the command line's operator (an admin)."""
    scope.require(Role.ADMIN)
    network = await NetworkRepository(scope.store).read(scope.tenant)
    write_graphml(network, target)
    return network


@dataclass(frozen=True)
class DemoLoad:
    loaded: bool
    nodes: int  # nodes in the tenant afterwards
    summary: WriteSummary | None = None


async def load_demo(
    scope: Scope,
    *,
    size: str,
    seed: int,
    replace: bool = False,
    progress_factory: Callable[[int], Progress] | None = None,
) -> DemoLoad:
    """Load the demo municipality into ``tenant`` unless it already holds data (then nothing
    changes, so running twice never duplicates); ``replace`` deletes the tenant's data first."""
    scope.require(Role.ADMIN)
    tenant = scope.tenant
    repository = NetworkRepository(scope.store)
    existing = sum((await repository.count_by_kind(tenant)).values())
    if existing and not replace:
        return DemoLoad(loaded=False, nodes=existing)
    network = generate_demo(tenant=tenant, size=size, seed=seed)
    if existing:
        await repository.delete_tenant(tenant)
    progress = progress_factory(records_in(network)) if progress_factory else None
    # The large demo does not fit one transaction in a small heap; it is generated, not
    # imported, so committing batch by batch loses nothing a retry would not restore.
    summary = await repository.write(network, progress=progress, atomic=size != "large")
    return DemoLoad(loaded=True, nodes=len(network.nodes), summary=summary)
