"""Presentations over HTTP: shown full screen, downloaded as one file, shared by a link.

For a signed-in caller of the tenant (``tenant`` or the ``X-Graphsvc-Tenant`` header may name
it, no other):

* ``GET /presentations/{id}.html?lang=da|en`` — the presentation, full screen (Escape leads
  back to the presentations page);
* ``GET /presentations/{id}/download.html`` — the same as one HTML file that works with no
  network (every map and vis-network inside it).

Without an account:

* ``GET /shared-presentations/{token}`` — the read-only presentation of exactly the link's
  presentation, with a viewer's rights, allowed in any site's ``<iframe>``;
  ``/shared-presentations/{token}/download.html`` its file. An unknown token is a 404 page, a
  revoked or expired one (or one whose presentation was deleted) a 410 page.

The headers are the map pages' (:mod:`graphsvc.api.maps`): a Content-Security-Policy allowing
only the file's own inline scripts and styles and no connection, no caching, no referrer.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from graphsvc.api.access import Caller
from graphsvc.api.file_names import content_disposition
from graphsvc.api.maps import _error_page as error_page  # the map pages' own error pages
from graphsvc.api.scope import scope_of
from graphsvc.api.tenancy import TenantHeader, TenantQuery
from graphsvc.errors import GraphsvcError
from graphsvc.maps.deck import deck_policy
from graphsvc.services import presentations as service
from graphsvc.services.scope import Scope

__all__ = ["router"]

router = APIRouter(tags=["presentations"])

Lang = Annotated[str, Query(description="The language of the deck's own words: da (default) or en.")]


def _response(page: str, *, frame_ancestors: str, disposition: str | None = None) -> Response:
    headers = {
        "Content-Security-Policy": deck_policy(frame_ancestors=frame_ancestors),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        # A presentation shows what the caller may see, and a revoked link must stop at once.
        "Cache-Control": "no-store",
    }
    if disposition:
        headers["Content-Disposition"] = disposition
    return Response(page, media_type="text/html; charset=utf-8", headers=headers)


async def _file(scope: Scope, presentation_id: str, lang: str, *, leave: str | None) -> tuple[str, str]:
    """The page, and its download's Content-Disposition: named after the title, as maps are."""
    found, page = await service.presentation_file(scope, presentation_id, lang=lang, leave=leave)
    return page, content_disposition(found.title, "html", fallback=f"graphsvc-{found.id}")


@router.get(
    "/presentations/{presentation_id}.html", summary="A presentation, full screen", response_class=Response
)
async def show_presentation(
    request: Request,
    caller: Caller,
    presentation_id: str,
    lang: Lang = "da",
    tenant: TenantQuery = None,
    header: TenantHeader = None,
) -> Response:
    try:
        scope = scope_of(request, caller, tenant, header)
        page, _ = await _file(scope, presentation_id, lang, leave="/presentations")
        return _response(page, frame_ancestors="'self'")
    except GraphsvcError as e:
        return error_page(request, e, frame_ancestors="'self'")


@router.get(
    "/presentations/{presentation_id}/download.html",
    summary="A presentation as one offline HTML file",
    response_class=Response,
)
async def download_presentation(
    request: Request,
    caller: Caller,
    presentation_id: str,
    lang: Lang = "da",
    tenant: TenantQuery = None,
    header: TenantHeader = None,
) -> Response:
    try:
        scope = scope_of(request, caller, tenant, header)
        page, name = await _file(scope, presentation_id, lang, leave=None)
        return _response(page, frame_ancestors="'self'", disposition=name)
    except GraphsvcError as e:
        return error_page(request, e, frame_ancestors="'self'")


@router.get(
    "/shared-presentations/{token}",
    summary="A shared presentation (read-only, embeddable anywhere)",
    response_class=Response,
)
async def shared_presentation(request: Request, token: str, lang: Lang = "da") -> Response:
    try:
        caller, presentation_id = await service.open_link(request.app.state.store, token)
        page, _ = await _file(scope_of(request, caller), presentation_id, lang, leave=None)
        response = _response(page, frame_ancestors="*")
    except GraphsvcError as e:
        return error_page(request, e, frame_ancestors="*")
    response.headers["X-Robots-Tag"] = "noindex"
    return response


@router.get(
    "/shared-presentations/{token}/download.html",
    summary="A shared presentation as one offline HTML file",
    response_class=Response,
)
async def shared_presentation_download(request: Request, token: str, lang: Lang = "da") -> Response:
    try:
        caller, presentation_id = await service.open_link(request.app.state.store, token)
        page, name = await _file(scope_of(request, caller), presentation_id, lang, leave=None)
        return _response(page, frame_ancestors="*", disposition=name)
    except GraphsvcError as e:
        return error_page(request, e, frame_ancestors="*")
