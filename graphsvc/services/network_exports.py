"""A tenant's network as a file, holding what the person who asked may see.

``include_young_people`` is set by the caller from the role of whoever the file is for: a
viewer's file (partners, funders) holds no young person, none of their ties and no
``challenges``, and no contact person either (see :mod:`graphsvc.io.audience`); a coordinator's
or an admin's holds the pseudonymous young people. The command line acts for the operator and
exports everything unless told otherwise.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.domain import Network
from graphsvc.io.audience import for_audience
from graphsvc.io.network_export import ExportFormat, Language, export_bytes, write_export

__all__ = ["export_file", "export_to_path", "network_for_export"]


async def network_for_export(store: GraphStore, tenant: str, *,
                             include_young_people: bool) -> Network:
    """Everything ``tenant`` holds that the audience may see: with ``include_young_people``
    false, no young person and no contact person."""
    network = await NetworkRepository(store).read(tenant)
    return for_audience(network, include_young_people=include_young_people,
                        include_contact_persons=include_young_people)


async def export_file(store: GraphStore, tenant: str, file_format: ExportFormat, *,
                      include_young_people: bool, language: Language = "da") -> bytes:
    """The tenant's network as one file of ``file_format`` (CSV comes as a ZIP of both
    tables)."""
    network = await network_for_export(store, tenant, include_young_people=include_young_people)
    return await asyncio.to_thread(export_bytes, network, file_format, language=language)


async def export_to_path(store: GraphStore, tenant: str, path: Path, file_format: ExportFormat,
                         *, include_young_people: bool = True,
                         language: Language = "da") -> tuple[Network, list[Path]]:
    """Write the tenant's network to ``path`` (two files for CSV); returns what was written."""
    network = await network_for_export(store, tenant, include_young_people=include_young_people)
    written = await asyncio.to_thread(write_export, network, path, file_format, language=language)
    return network, written
