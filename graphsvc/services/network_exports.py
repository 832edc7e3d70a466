"""A tenant's network as a file, holding what the scope's caller may see.

A viewer's file (partners, funders) holds no young person, none of their ties and no
``challenges``, and no contact person either (see :mod:`graphsvc.io.audience`); a coordinator's
or an admin's holds the pseudonymous young people and the contact persons. The command line
acts for the operator and exports everything unless it is told the file is for a viewer.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from graphsvc.auth import Role
from graphsvc.db.networks import NetworkRepository
from graphsvc.domain import Network
from graphsvc.io.audience import for_audience
from graphsvc.io.network_export import ExportFormat, Language, export_bytes, write_export
from graphsvc.services.scope import Scope

__all__ = ["export_file", "export_to_path", "network_for_export"]


async def network_for_export(scope: Scope) -> Network:
    """Everything the tenant holds that the caller may see."""
    scope.require(Role.VIEWER)  # a share link shows its own map only
    network = await NetworkRepository(scope.store).read(scope.tenant)
    return for_audience(
        network,
        include_young_people=scope.audience.young_people,
        include_contact_persons=scope.audience.contact_persons,
    )


async def export_file(scope: Scope, file_format: ExportFormat, *, language: Language = "da") -> bytes:
    """The tenant's network as one file of ``file_format`` (CSV comes as a ZIP of both
    tables)."""
    network = await network_for_export(scope)
    return await asyncio.to_thread(export_bytes, network, file_format, language=language)


async def export_to_path(
    scope: Scope, path: Path, file_format: ExportFormat, *, language: Language = "da"
) -> tuple[Network, list[Path]]:
    """Write the tenant's network to ``path`` (two files for CSV); returns what was written."""
    network = await network_for_export(scope)
    written = await asyncio.to_thread(write_export, network, path, file_format, language=language)
    return network, written
