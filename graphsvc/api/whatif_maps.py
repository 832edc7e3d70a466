"""The map of a what-if over HTTP.

``GET /maps/whatif.html?target_group=…&recruit=…&add_tie=…&remove_tie=…&remove_actor=…`` —
for a signed-in user of the tenant: the self-contained map page of the support network of
the target group as it would be after the change (see :mod:`graphsvc.services.whatif_maps`),
in ``lang`` (``da`` by default, or ``en``), with ``hops`` (default 2) and ``initiative=0`` to
recruit without joining the group's initiative. Changes repeat: ``recruit=ACTOR`` or
``ACTOR@VIA``, ``add_tie=A,B``, ``remove_tie=A,B``, ``remove_actor=ACTOR``. Nothing is
written. Like every live map it is framed by graphsvc's own pages only, and every problem is
answered with a plain page naming it (400, 403, 404).
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
from graphsvc.services.scenario_text import scenario_from_text
from graphsvc.services.whatif_maps import whatif_map_page

__all__ = ["router"]

router = APIRouter(tags=["maps"])


@router.get("/maps/whatif.html", summary="The map of a what-if", response_class=Response)
async def whatif_map(
    request: Request,
    caller: Caller,
    target_group: Annotated[str | None, Query(description="The target group.")] = None,
    recruit: Annotated[list[str] | None, Query(description="ACTOR or ACTOR@VIA; repeat it.")] = None,
    add_tie: Annotated[list[str] | None, Query(description="A,B: a new collaboration; repeat it.")] = None,
    remove_tie: Annotated[list[str] | None, Query(description="A,B: every tie between them goes.")] = None,
    remove_actor: Annotated[list[str] | None, Query(description="An actor that would leave.")] = None,
    initiative: Annotated[str, Query(description="0: recruits do not join the group's initiative.")] = "1",
    hops: Annotated[str, Query(description="The radius of the support network, 1-4.")] = "2",
    lang: Annotated[str, Query(description="da (default) or en.")] = "da",
    tenant: TenantQuery = None,
    header: TenantHeader = None,
) -> Response:
    """The support network as it would be: recruits and the actors getting new ties marked."""
    try:
        scope = scope_of(request, caller, tenant, header)
        if lang not in ("da", "en"):
            raise InvalidInput(f"lang: da or en, not {lang[:10]!r}")
        if not target_group:
            raise InvalidInput("target_group: the target group whose support network to draw")
        if initiative not in ("0", "1") or hops not in ("1", "2", "3", "4"):
            raise InvalidInput("initiative: 0 or 1; hops: 1 to 4")
        scenario = scenario_from_text(
            recruit=recruit or (),
            add_ties=add_tie or (),
            remove_ties=remove_tie or (),
            remove_actors=remove_actor or (),
            join_initiative=initiative == "1",
        )
        page = await whatif_map_page(scope, target_group, scenario, hops=int(hops), lang=lang)
    except GraphsvcError as e:
        return visitor_page(request, status_of(e), None, str(e), frame_ancestors="'self'")
    return Response(
        page,
        media_type="text/html; charset=utf-8",
        headers={
            "Content-Security-Policy": content_security_policy(frame_ancestors="'self'"),
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
            "Cache-Control": "no-store",
        },
    )
