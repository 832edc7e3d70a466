"""Sign-in for REST routes (the ``Caller`` dependency) and the web pages' session cookie.

The cookie is HttpOnly (scripts cannot read it) and SameSite=Strict (another site's page cannot
make the browser send it), which is what keeps cookie sign-in safe from cross-site requests.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field

from graphsvc.auth import Principal
from graphsvc.auth.request import SESSION_COOKIE, authenticate_request, principal_for
from graphsvc.errors import Unauthenticated

__all__ = ["SESSION_COOKIE", "Caller", "authenticate_request", "caller", "keep_session", "router"]


async def caller(request: Request) -> Principal:
    return await authenticate_request(request)


Caller = Annotated[Principal, Depends(caller)]

SESSION_SECONDS = 12 * 3600

router = APIRouter(prefix="/auth", tags=["sign-in"])


def keep_session(request: Request, response: Response, token: str) -> None:
    """Keep ``token`` in the pages' session cookie (see the module docstring)."""
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=SESSION_SECONDS,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
    )


class SessionRequest(BaseModel):
    token: str = Field(min_length=1, max_length=4000, description="A graphsvc token or a JWT.")


class Me(BaseModel):
    name: str
    role: str
    tenant: str


@router.post("/session", summary="Sign in: keep a token in a session cookie for the web pages")
async def sign_in(request: Request, response: Response, body: SessionRequest) -> Me:
    principal = await principal_for(request, body.token)
    if principal is None or principal.view_id is not None:
        raise Unauthenticated("this token is not valid: it is unknown, revoked or expired")
    keep_session(request, response, body.token)
    return Me(name=principal.name, role=principal.role.value, tenant=principal.tenant)


@router.delete("/session", summary="Sign out", status_code=204)
async def sign_out(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")


@router.get("/me", summary="Who the request is signed in as")
async def me(principal: Caller) -> Me:
    return Me(name=principal.name, role=principal.role.value, tenant=principal.tenant)
