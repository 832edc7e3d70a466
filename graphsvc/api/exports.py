"""File downloads: the recruitment list of a target group as CSV or XLSX.

``GET /exports/recruitment/{target_group_id}.csv`` (or ``.xlsx``) for a signed-in caller of
the tenant (``tenant`` or the ``X-Graphsvc-Tenant`` header may name it, no other), ``lang``
(``da``, the default, or ``en``) and ``top`` (how many partners, default 50). A viewer's list
names no contact person. Expected
failures answer with their plain message: 401 without a valid token, 403 for another tenant,
404 for an unknown target group, 400 for a bad option, 503 when Neo4j is away.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from graphsvc.api.scope import RequestScope
from graphsvc.services import analytics as service
from graphsvc.services.scope import Scope

__all__ = ["CONTENT_TYPES", "router"]

router = APIRouter(prefix="/exports", tags=["exports"])

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_FILE_NAMES = {"da": "rekrutteringsliste", "en": "recruitment-list"}

Lang = Annotated[Literal["da", "en"], Query(description="Column headings in Danish or English.")]
Top = Annotated[int, Query(ge=1, le=service.MAX_TOP, description="How many partners to list.")]


async def _recruitment(
    scope: Scope,
    target_group_id: str,
    file_format: Literal["csv", "xlsx"],
    lang: Literal["da", "en"],
    top: int,
) -> Response:
    content = await service.recruitment_list(
        scope, target_group_id, file_format=file_format, language=lang, top=top
    )
    filename = f"{_FILE_NAMES[lang]}-{target_group_id}.{file_format}"
    return Response(
        content=content,
        media_type=CONTENT_TYPES[file_format],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get(
    "/recruitment/{target_group_id}.csv", summary="The recruitment list as CSV", response_class=Response
)
async def recruitment_csv(
    scope: RequestScope, target_group_id: str, lang: Lang = "da", top: Top = 50
) -> Response:
    """Recommended partners for the target group, one row each (Danish CSV: ";" between
    columns and a decimal comma, as Danish Excel expects)."""
    return await _recruitment(scope, target_group_id, "csv", lang, top)


@router.get(
    "/recruitment/{target_group_id}.xlsx", summary="The recruitment list as XLSX", response_class=Response
)
async def recruitment_xlsx(
    scope: RequestScope, target_group_id: str, lang: Lang = "da", top: Top = 50
) -> Response:
    """Recommended partners for the target group as an Excel workbook."""
    return await _recruitment(scope, target_group_id, "xlsx", lang, top)
