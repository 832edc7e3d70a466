"""File downloads of a tenant's network and of its growth chart.

* ``GET /exports/network.graphml``, ``.gexf``, ``.json`` and ``.zip`` (both CSV tables; ``lang``
  ``da``, the default, or ``en`` for their headings): the network as the caller may see it.
  A viewer's file holds no young person, no contact person and no ``challenges``; a
  coordinator's or an admin's holds the pseudonymous young people too.
* ``GET /exports/growth.png`` and ``.svg`` (``lang`` ``da`` or ``en``): the network-health
  measures over all snapshots (aggregates only: any signed-in user of the tenant).

Every route needs a signed-in user of the tenant (``tenant`` or the ``X-Graphsvc-Tenant``
header may name it, no other); a share link, which may show its own map only, is refused.
Expected failures answer with their plain message (401, 403, 400, 503).
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from graphsvc.api.access import Caller
from graphsvc.api.tenancy import TenantHeader, TenantQuery, requested_tenant
from graphsvc.auth import Principal, Role
from graphsvc.io.network_export import CONTENT_TYPES, ExportFormat
from graphsvc.services import network_exports, snapshots

__all__ = ["router"]

router = APIRouter(prefix="/exports", tags=["exports"])

Lang = Annotated[Literal["da", "en"], Query(description="Danish (default) or English words.")]
_CHART_TYPES = {"png": "image/png", "svg": "image/svg+xml"}


def _tenant(caller: Principal, tenant: str | None, header: str | None) -> str:
    caller.require(Role.VIEWER)  # refuses share links
    return requested_tenant(caller, tenant, header)


def _download(content: bytes, media_type: str, filename: str) -> Response:
    return Response(content=content, media_type=media_type,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


async def _network(request: Request, caller: Principal, file_format: ExportFormat,
                   tenant: str | None, header: str | None, lang: Literal["da", "en"]) -> Response:
    name = _tenant(caller, tenant, header)
    content = await network_exports.export_file(
        request.app.state.store, name, file_format,
        include_young_people=caller.sees_young_people, language=lang)
    return _download(content, CONTENT_TYPES[file_format], f"network-{name}.{file_format}")


@router.get("/network.graphml", summary="The network as GraphML (Gephi, yEd, NetworkX)",
            response_class=Response)
async def network_graphml(request: Request, caller: Caller, tenant: TenantQuery = None,
                          header: TenantHeader = None) -> Response:
    """The tenant's network as GraphML; it imports back with `graphsvc import`."""
    return await _network(request, caller, "graphml", tenant, header, "da")


@router.get("/network.gexf", summary="The network as GEXF (Gephi)", response_class=Response)
async def network_gexf(request: Request, caller: Caller, tenant: TenantQuery = None,
                       header: TenantHeader = None) -> Response:
    """The tenant's network as GEXF 1.3, coloured by sector, for Gephi."""
    return await _network(request, caller, "gexf", tenant, header, "da")


@router.get("/network.json", summary="The network as JSON", response_class=Response)
async def network_json(request: Request, caller: Caller, tenant: TenantQuery = None,
                       header: TenantHeader = None) -> Response:
    """The tenant's network as JSON (nodes and ties with the domain's field names)."""
    return await _network(request, caller, "json", tenant, header, "da")


@router.get("/network.zip", summary="The network as two CSV tables in a ZIP file",
            response_class=Response)
async def network_zip(request: Request, caller: Caller, tenant: TenantQuery = None,
                      header: TenantHeader = None, lang: Lang = "da") -> Response:
    """Nodes and ties as CSV (Danish: `noder.csv` and `relationer.csv`, ";" between columns,
    as Danish Excel expects; English: `nodes.csv` and `ties.csv`)."""
    return await _network(request, caller, "zip", tenant, header, lang)


async def _growth(request: Request, caller: Principal, file_format: Literal["png", "svg"],
                  tenant: str | None, header: str | None, lang: Literal["da", "en"]) -> Response:
    name = _tenant(caller, tenant, header)
    content = await snapshots.growth_chart(request.app.state.store, name,
                                           file_format=file_format, language=lang)
    return _download(content, _CHART_TYPES[file_format], f"growth-{name}.{file_format}")


@router.get("/growth.png", summary="The growth chart of all snapshots as PNG",
            response_class=Response)
async def growth_png(request: Request, caller: Caller, tenant: TenantQuery = None,
                     header: TenantHeader = None, lang: Lang = "da") -> Response:
    """Partners, ties, density, components, centralisation, cross-sector ties, E-I index
    and target-group reach over all snapshots, for a report."""
    return await _growth(request, caller, "png", tenant, header, lang)


@router.get("/growth.svg", summary="The growth chart of all snapshots as SVG",
            response_class=Response)
async def growth_svg(request: Request, caller: Caller, tenant: TenantQuery = None,
                     header: TenantHeader = None, lang: Lang = "da") -> Response:
    """The growth chart as SVG (scales for print)."""
    return await _growth(request, caller, "svg", tenant, header, lang)
