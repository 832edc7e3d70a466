"""Refuse cross-site requests that would act with the pages' session cookie.

The cookie is SameSite=Strict, which stops other *sites*; but a page on the same site (another
port of the same host, a sibling subdomain) still gets the cookie sent along. So a request that
can change something (any method but GET, HEAD and OPTIONS) and is signed in by the cookie
alone must come from graphsvc's own origin: its ``Origin`` header (or, failing that, its
``Referer``) must name this very scheme, host and port. Browsers send ``Origin`` on every such
request; a request with neither is refused too. Requests with an ``Authorization`` header are
API clients, which no other page can make a browser send, and pass.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Receive, Scope, Send

from graphsvc.auth.request import SESSION_COOKIE

__all__ = ["CrossSiteGuard"]

_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
_REFUSAL = (
    "a change signed in by the session cookie must come from graphsvc's own pages; "
    "this request came from another origin, so nothing was done"
)


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


class CrossSiteGuard:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] in _SAFE_METHODS
            or (scope["method"] == "DELETE" and scope["path"] == "/auth/session")
        ):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers") or []}
        by_cookie = SESSION_COOKIE in headers.get("cookie", "") and "authorization" not in headers
        if by_cookie and not self._same_origin(scope, headers):
            body = json.dumps({"detail": _REFUSAL}).encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": 403,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, send)

    @staticmethod
    def _same_origin(scope: Scope, headers: dict[str, str]) -> bool:
        claimed = headers.get("origin") or headers.get("referer")
        if not claimed or claimed == "null":
            return False
        host = headers.get("host")
        if not host:
            return False
        return _origin(claimed) == f"{scope.get('scheme', 'http')}://{host}".lower()
