"""The difference map of two snapshots over HTTP.

``GET /snapshots/changes.html?from=…&to=…&lang=…`` — for a signed-in user of the tenant
(``tenant`` or the ``X-Graphsvc-Tenant`` header may name it, no other): the self-contained map
page of what changed from the snapshot ``from`` to ``to`` (ids or names; ``to`` defaults to
``now``, the network as it is), in Danish (default) or English. It is a map like the others
(:mod:`graphsvc.api.maps`): the same Content-Security-Policy, framed by graphsvc's own pages
only, and every problem answered as a plain page naming it (400, 403, 404).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from graphsvc.api.access import Caller
from graphsvc.api.errors import status_of
from graphsvc.api.scope import scope_of
from graphsvc.api.tenancy import TenantHeader, TenantQuery
from graphsvc.api.visitor_pages import visitor_page
from graphsvc.errors import GraphsvcError, InvalidInput
from graphsvc.maps import content_security_policy
from graphsvc.services.snapshot_maps import difference_page
from graphsvc.services.snapshots import NOW

__all__ = ["router"]

router = APIRouter(tags=["snapshots"])

Ref = 'A snapshot\'s id or name, or "now" for the network as it is.'
_MAX_REF = 200  # a snapshot's name is at most 200 characters


@router.get(
    "/snapshots/changes.html",
    summary="The map of what changed between two snapshots",
    response_class=Response,
)
async def difference_map(
    request: Request,
    caller: Caller,
    from_: Annotated[str | None, Query(alias="from", description=Ref)] = None,
    to: Annotated[str, Query(description=Ref)] = NOW,
    lang: Annotated[str, Query(description="da (default) or en.")] = "da",
    tenant: TenantQuery = None,
    header: TenantHeader = None,
) -> Response:
    """The partnership at both moments as one network: ties gained drawn solid blue, ties
    lost dashed vermillion, unchanged ties faint grey; partners that joined or left marked."""
    try:
        scope = scope_of(request, caller, tenant, header)
        if lang not in ("da", "en"):
            raise InvalidInput(f"lang: da or en, not {lang[:10]!r}")
        if not from_:
            raise InvalidInput('from: the snapshot to compare from (its id or name, or "now")')
        for ref in (from_, to):
            if len(ref) > _MAX_REF:
                raise InvalidInput(f"a snapshot's id or name has at most {_MAX_REF} characters")
        page = await difference_page(scope, from_, to, lang=lang)
    except GraphsvcError as e:
        return visitor_page(request, status_of(e), None, str(e), frame_ancestors="'self'")
    return Response(
        page,
        media_type="text/html; charset=utf-8",
        headers={
            "Content-Security-Policy": content_security_policy(frame_ancestors="'self'"),
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
            # The map shows the network now; a snapshot may be deleted: never from a cache.
            "Cache-Control": "no-store",
        },
    )
