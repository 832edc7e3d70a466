"""Who is calling: a bearer token (graphsvc's own, or a JWT from the identity provider) in the
``Authorization`` header, or the same token kept in the web pages' session cookie."""

from __future__ import annotations

from fastapi import Request

from graphsvc.auth.oidc import authenticate_jwt
from graphsvc.auth.principal import Principal
from graphsvc.auth.users import authenticate
from graphsvc.errors import Unauthenticated

__all__ = ["SESSION_COOKIE", "authenticate_request", "principal_for"]

SESSION_COOKIE = "graphsvc_session"


def _presented_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.cookies.get(SESSION_COOKIE) or None


async def principal_for(request: Request, token: str) -> Principal | None:
    found = await authenticate(request.app.state.store, token)
    return found or await authenticate_jwt(request.app.state.settings, token)


async def authenticate_request(request: Request) -> Principal:
    """The caller of this request (looked up once per request), or Unauthenticated."""
    known: Principal | None = getattr(request.state, "principal", None)
    if known is not None:
        return known
    token = _presented_token(request)
    if token is None:
        raise Unauthenticated("sign in first: send your token as 'Authorization: Bearer <token>'")
    principal = await principal_for(request, token)
    if principal is None:
        raise Unauthenticated("this token is not valid: it is unknown, revoked or expired")
    request.state.principal = principal
    return principal
