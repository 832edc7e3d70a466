"""File downloads of a tenant's network and of its growth chart.

* ``GET /exports/network.graphml``, ``.gexf``, ``.json``, ``.zip`` (both CSV tables; ``lang``
  ``da``, the default, or ``en`` for their headings) and ``.xlsx`` (the Kumu workbook): the
  network as the caller may see it. A viewer's file holds no young person, no contact person
  and no ``challenges``; a coordinator's or an admin's holds the pseudonymous young people too.
* ``GET /exports/growth.png`` and ``.svg`` (``lang`` ``da`` or ``en``): the network-health
  measures over all snapshots (aggregates only: any signed-in user of the tenant), saved as
  ``vækst-<tenant>-<first day>-til-<last day>`` (English: ``growth-…-to-…``).

Every route needs a signed-in user of the tenant (``tenant`` or the ``X-Graphsvc-Tenant``
header may name it, no other); a share link, which may show its own map only, is refused.
Expected failures answer with their plain message (401, 403, 400, 503).
"""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query, Response

from graphsvc.api.scope import RequestScope
from graphsvc.auth import Role
from graphsvc.io.network_export import CONTENT_TYPES, EXTENSIONS, ExportFormat
from graphsvc.services import network_exports, snapshots
from graphsvc.services.scope import Scope

__all__ = ["router"]

router = APIRouter(prefix="/exports", tags=["exports"])

Lang = Annotated[Literal["da", "en"], Query(description="Danish (default) or English words.")]
_CHART_TYPES = {"png": "image/png", "svg": "image/svg+xml"}


_ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def _download(content: bytes, media_type: str, filename: str, *, no_store: bool = False) -> Response:
    # A Danish name ("vækst-…") goes as RFC 6266's filename*, with a plain ASCII one beside it.
    plain = filename.translate(_ASCII).encode("ascii", "replace").decode("ascii").replace("?", "_")
    disposition = f'attachment; filename="{plain}"'
    if plain != filename:
        disposition += f"; filename*=UTF-8''{quote(filename)}"
    headers = {"Content-Disposition": disposition}
    if no_store:
        headers["Cache-Control"] = "no-store"
    return Response(content=content, media_type=media_type, headers=headers)


async def _network(scope: Scope, file_format: ExportFormat, lang: Literal["da", "en"]) -> Response:
    content = await network_exports.export_file(scope, file_format, language=lang)
    filename = f"network-{scope.tenant}.{EXTENSIONS[file_format]}"
    return _download(content, CONTENT_TYPES[file_format], filename)


@router.get(
    "/network.graphml", summary="The network as GraphML (Gephi, yEd, NetworkX)", response_class=Response
)
async def network_graphml(scope: RequestScope) -> Response:
    """The tenant's network as GraphML; it imports back with `graphsvc import`."""
    return await _network(scope, "graphml", "da")


@router.get("/network.gexf", summary="The network as GEXF (Gephi)", response_class=Response)
async def network_gexf(scope: RequestScope) -> Response:
    """The tenant's network as GEXF 1.3, coloured by sector, for Gephi."""
    return await _network(scope, "gexf", "da")


@router.get("/network.json", summary="The network as JSON", response_class=Response)
async def network_json(scope: RequestScope) -> Response:
    """The tenant's network as JSON (nodes and ties with the domain's field names)."""
    return await _network(scope, "json", "da")


@router.get("/network.zip", summary="The network as two CSV tables in a ZIP file", response_class=Response)
async def network_zip(scope: RequestScope, lang: Lang = "da") -> Response:
    """Nodes and ties as CSV (Danish: `noder.csv` and `relationer.csv`, ";" between columns,
    as Danish Excel expects; English: `nodes.csv` and `ties.csv`)."""
    return await _network(scope, "zip", lang)


@router.get("/network.xlsx", summary="The network as a Kumu workbook (XLSX)", response_class=Response)
async def network_kumu(scope: RequestScope) -> Response:
    """The tenant's network in Kumu's import layout: the sheets `Elements` (one row per node,
    with graphsvc's id in `ID`) and `Connections` (`From`/`To` are those ids), in Danish words
    (`Forening`, `Samarbejder med`). Import it at kumu.io, or back into graphsvc."""
    return await _network(scope, "kumu", "da")


async def _growth(scope: Scope, file_format: Literal["png", "svg"], lang: Literal["da", "en"]) -> Response:
    scope.require(Role.VIEWER)  # a share link shows its own map only
    chart = await snapshots.growth_chart_file(scope, file_format=file_format, language=lang)
    # Named by the tenant and the days it spans; never cached, as every new snapshot changes it.
    return _download(chart.content, _CHART_TYPES[file_format], chart.file_name, no_store=True)


@router.get("/growth.png", summary="The growth chart of all snapshots as PNG", response_class=Response)
async def growth_png(scope: RequestScope, lang: Lang = "da") -> Response:
    """Partners, ties, density, components, centralisation, cross-sector ties, E-I index
    and target-group reach over all snapshots, for a report."""
    return await _growth(scope, "png", lang)


@router.get("/growth.svg", summary="The growth chart of all snapshots as SVG", response_class=Response)
async def growth_svg(scope: RequestScope, lang: Lang = "da") -> Response:
    """The growth chart as SVG (scales for print)."""
    return await _growth(scope, "svg", lang)
