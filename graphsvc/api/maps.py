"""Maps over HTTP: live maps, saved views and their downloads, and share links.

For a signed-in caller of the tenant (``tenant`` or the ``X-Graphsvc-Tenant`` header may name
it, no other):

* ``GET /maps/{kind}.html?lang=…&metric=…&title=…&<map options>`` — the live map, a complete
  self-contained page (see :mod:`graphsvc.maps.options` for the kinds and options);
* ``GET /maps/views/{id}.html`` — a saved view as a live map;
* ``GET /maps/views/{id}/download.html`` (``.png``, ``.svg``) — the view as a file: the page
  that works from a USB stick, or a 1920×1080 image for slides, named after the map's title
  (:mod:`graphsvc.api.file_names`).

Without an account:

* ``GET /share/{token}`` — the read-only map of exactly the share link's view, with a viewer's
  rights, allowed in any site's ``<iframe>``; ``/share/{token}/download.html`` (``.png``,
  ``.svg``) its files. An unknown token is a 404 page, a revoked or expired one a 410 page.

Map pages carry a Content-Security-Policy that allows only their own inline scripts and styles
and no connection; live maps may be framed by graphsvc's own pages only, share links by any.
Expected failures after sign-in answer with a plain page naming the problem (400, 403, 404).
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from graphsvc.api.access import Caller
from graphsvc.api.errors import status_of
from graphsvc.api.file_names import content_disposition
from graphsvc.api.scope import scope_of
from graphsvc.api.tenancy import TenantHeader, TenantQuery
from graphsvc.api.visitor_pages import visitor_page
from graphsvc.errors import GraphsvcError, NotFound
from graphsvc.maps import MapOptions, content_security_policy, map_options
from graphsvc.services import map_views
from graphsvc.services import maps as service
from graphsvc.services.scope import Scope

__all__ = ["router"]

router = APIRouter(tags=["maps"])


_IMAGE_TYPES = {"png": "image/png", "svg": "image/svg+xml"}


def _headers(frame_ancestors: str) -> dict[str, str]:
    return {
        "Content-Security-Policy": content_security_policy(frame_ancestors=frame_ancestors),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        # Maps show what the caller may see, and a revoked link must stop at once.
        "Cache-Control": "no-store",
    }


def _error_page(request: Request, error: GraphsvcError, *, frame_ancestors: str) -> Response:
    """The page for a map that cannot be shown, in the visitor's language: a share link's own
    troubles in its words, any other problem with the error's own sentence."""
    status = 410 if isinstance(error, map_views.ShareLinkGone) else status_of(error)
    if isinstance(error, map_views.ShareLinkGone):
        key: str | None = error.reason
    elif isinstance(error, map_views.ShareLinkUnknown):
        key = "no_share_link"
    else:
        key = None
    return visitor_page(request, status, key, str(error), frame_ancestors=frame_ancestors)


async def _render(
    scope: Scope, options: MapOptions, fmt: str, *, download: bool = False, frame_ancestors: str
) -> Response:
    if fmt == "html":
        content: str | bytes = await service.map_page(scope, options)
        media_type = "text/html; charset=utf-8"
    elif fmt in _IMAGE_TYPES:
        content = await service.map_image(scope, options, fmt)  # type: ignore[arg-type]
        media_type = _IMAGE_TYPES[fmt]
    else:
        raise NotFound(f"there is no download as .{fmt[:10]}: use .html, .png or .svg")
    headers = _headers(frame_ancestors)
    if download:
        # Named after the title the map shows, as the slide deck will want it.
        title = await service.map_title_for(scope, options)
        headers["Content-Disposition"] = content_disposition(
            title, fmt, fallback=f"graphsvc-{options.kind.value}"
        )
    return Response(content, media_type=media_type, headers=headers)


@router.get("/maps/{kind}.html", summary="A live map as a self-contained page", response_class=Response)
async def live_map(
    request: Request, caller: Caller, kind: str, tenant: TenantQuery = None, header: TenantHeader = None
) -> Response:
    """The map of ``kind`` (network, target-group, ego, brokers, gaps) with the options in
    the query string: ``lang``, ``metric``, ``title``, ``young``, ``target_group``, ``hops``,
    ``actor``, ``depth``, ``area``, ``from``, ``to``, ``top``."""
    try:
        scope = scope_of(request, caller, tenant, header)
        params = {k: v for k, v in request.query_params.items() if k != "tenant"}
        options = map_options(kind, params)
        return await _render(scope, options, "html", frame_ancestors="'self'")
    except GraphsvcError as e:
        return _error_page(request, e, frame_ancestors="'self'")


@router.get("/maps/views/{view_id}.html", summary="A saved map view as a live map", response_class=Response)
async def saved_view(
    request: Request, caller: Caller, view_id: str, tenant: TenantQuery = None, header: TenantHeader = None
) -> Response:
    try:
        scope = scope_of(request, caller, tenant, header)
        found = await map_views.view(scope, view_id)
        return await _render(scope, found.options, "html", frame_ancestors="'self'")
    except GraphsvcError as e:
        return _error_page(request, e, frame_ancestors="'self'")


@router.get(
    "/maps/views/{view_id}/download.{fmt}", summary="A saved map view as a file", response_class=Response
)
async def view_download(
    request: Request,
    caller: Caller,
    view_id: str,
    fmt: str,
    tenant: TenantQuery = None,
    header: TenantHeader = None,
) -> Response:
    """``.html``: the map page, which works offline; ``.png`` or ``.svg``: a slide image."""
    try:
        scope = scope_of(request, caller, tenant, header)
        found = await map_views.view(scope, view_id)
        return await _render(scope, found.options, fmt, download=True, frame_ancestors="'self'")
    except GraphsvcError as e:
        return _error_page(request, e, frame_ancestors="'self'")


@router.get(
    "/share/{token}", summary="A shared map (read-only, embeddable anywhere)", response_class=Response
)
async def shared_map(request: Request, token: str) -> Response:
    try:
        caller, found = await map_views.open_share_link(request.app.state.store, token)
        response = await _render(scope_of(request, caller), found.options, "html", frame_ancestors="*")
    except GraphsvcError as e:
        return _error_page(request, e, frame_ancestors="*")
    response.headers["X-Robots-Tag"] = "noindex"
    return response


@router.get("/share/{token}/download.{fmt}", summary="A shared map as a file", response_class=Response)
async def shared_download(request: Request, token: str, fmt: str) -> Response:
    try:
        caller, found = await map_views.open_share_link(request.app.state.store, token)
        return await _render(
            scope_of(request, caller), found.options, fmt, download=True, frame_ancestors="*"
        )
    except GraphsvcError as e:
        return _error_page(request, e, frame_ancestors="*")
