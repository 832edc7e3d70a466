"""The first use of a one-time sign-in link: ``POST /auth/invitation`` with its token signs the
person in (the session cookie, as ``POST /auth/session`` sets it) and gives them their personal
key, shown this once. The page ``/invitation`` sends it when the person clicks to sign in —
never by itself, so a mail scanner that opens links does not use theirs up.

A link that was used already, has expired or was revoked answers 410 with ``reason`` (and when
a used one was used); an unknown one 404. Such an answer writes nothing.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from graphsvc.api.access import keep_session
from graphsvc.services.invitations import InvitationRefused, use_invitation

__all__ = ["router"]

router = APIRouter(prefix="/auth", tags=["sign-in"])


class InvitationRequest(BaseModel):
    token: str = Field(min_length=1, max_length=200, description="The token in the link (`gsi_…`).")


class Welcome(BaseModel):
    name: str
    role: str
    tenant: str
    key: str = Field(description="The person's personal key for signing in later: shown only now.")


@router.post(
    "/invitation",
    summary="Sign in with a one-time sign-in link (its first use only)",
    response_model=Welcome,
    responses={404: {"description": "No such link"}, 410: {"description": "Used, expired or revoked"}},
)
async def use_link(request: Request, response: Response, body: InvitationRequest) -> Welcome | JSONResponse:
    try:
        welcome = await use_invitation(request.app.state.store, body.token)
    except InvitationRefused as refused:
        return JSONResponse(
            {
                "detail": str(refused),
                "reason": refused.reason,
                "used_at": refused.used_at.isoformat() if refused.used_at else None,
            },
            status_code=404 if refused.reason == "unknown" else 410,
            headers={"Cache-Control": "no-store"},
        )
    keep_session(request, response, welcome.key)
    response.headers["Cache-Control"] = "no-store"
    who = welcome.principal
    return Welcome(name=who.name, role=who.role.value, tenant=who.tenant, key=welcome.key)
