"""The growth story over HTTP, for a signed-in user of the tenant (``tenant`` or the
``X-Graphsvc-Tenant`` header may name it, no other):

* ``GET /snapshots/story.html?lang=da|en`` — the story full screen, one step per snapshot and
  now (Escape leads back to the snapshots page);
* ``GET /snapshots/story/download.html`` — the same as one HTML file that works offline;
* ``GET /snapshots/story/images.zip`` — one 1920×1080 PNG per step, for slides.

Pages carry the presentations' headers (:mod:`graphsvc.api.presentations`); every problem is
answered as a plain page naming it (400, 403, 404).
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from graphsvc.api.access import Caller
from graphsvc.api.file_names import content_disposition
from graphsvc.api.maps import _error_page as error_page  # the map pages' own error pages
from graphsvc.api.presentations import Lang, _response
from graphsvc.api.scope import scope_of
from graphsvc.api.tenancy import TenantHeader, TenantQuery
from graphsvc.errors import GraphsvcError
from graphsvc.services.growth_story import story_file, story_images

__all__ = ["router"]

router = APIRouter(tags=["snapshots"])


@router.get("/snapshots/story.html", summary="The growth story, full screen", response_class=Response)
async def story(
    request: Request,
    caller: Caller,
    lang: Lang = "da",
    tenant: TenantQuery = None,
    header: TenantHeader = None,
) -> Response:
    try:
        scope = scope_of(request, caller, tenant, header)
        page = await story_file(scope, lang=lang, leave="/snapshots")
        return _response(page, frame_ancestors="'self'")
    except GraphsvcError as e:
        return error_page(request, e, frame_ancestors="'self'")


@router.get(
    "/snapshots/story/download.html",
    summary="The growth story as one offline HTML file",
    response_class=Response,
)
async def story_download(
    request: Request,
    caller: Caller,
    lang: Lang = "da",
    tenant: TenantQuery = None,
    header: TenantHeader = None,
) -> Response:
    try:
        scope = scope_of(request, caller, tenant, header)
        page = await story_file(scope, lang=lang)
        stem = f"graphsvc-{scope.tenant}-{'vaekst' if lang == 'da' else 'growth'}"
        return _response(page, frame_ancestors="'self'", disposition=content_disposition(stem, "html"))
    except GraphsvcError as e:
        return error_page(request, e, frame_ancestors="'self'")


@router.get(
    "/snapshots/story/images.zip", summary="The growth story as one PNG per step", response_class=Response
)
async def story_zip(
    request: Request,
    caller: Caller,
    lang: Lang = "da",
    tenant: TenantQuery = None,
    header: TenantHeader = None,
) -> Response:
    try:
        scope = scope_of(request, caller, tenant, header)
        content, name = await story_images(scope, lang=lang)
    except GraphsvcError as e:
        return error_page(request, e, frame_ancestors="'self'")
    return Response(
        content,
        media_type="application/zip",
        headers={
            "Content-Disposition": content_disposition(name.removesuffix(".zip"), "zip"),
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-store",
        },
    )
