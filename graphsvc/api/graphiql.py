"""GraphiQL served from graphsvc itself: Strawberry's own IDE page loads seven files from a CDN
and stays on "Loading…" without internet; this one loads the published builds vendored in
``web/static/vendor/graphiql`` (graphiql 3.8.3, React 18.3.1; MIT)."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse
from strawberry.fastapi import GraphQLRouter

from graphsvc.config import REPO_ROOT

__all__ = ["IDE_PAGE", "LocalIdeRouter"]

IDE_PAGE = REPO_ROOT / "web" / "graphiql.html"
# GraphiQL's editor sets styles from its scripts, so inline styles are allowed here (only);
# scripts come from graphsvc alone, and the page talks to nothing but graphsvc.
_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
)


class LocalIdeRouter(GraphQLRouter):  # type: ignore[type-arg]
    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        return HTMLResponse(
            IDE_PAGE.read_text(encoding="utf-8"),
            headers={
                "Content-Security-Policy": _POLICY,
                "X-Content-Type-Options": "nosniff",
                "Cache-Control": "no-store",
            },
        )
