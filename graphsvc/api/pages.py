"""The coordinator's web pages (``web/``): plain HTML, CSS and JavaScript served as files.

``/`` opens the explorer, or the sign-in page for a browser that is not signed in;
``/sign-in`` takes a token (from the ``#token=`` fragment of the link ``graphsvc run`` prints,
or pasted) and keeps it in the session cookie; ``/explorer``, ``/brokers``, ``/gaps``,
``/maps``, ``/presentations`` (saved maps in order, shown full screen), ``/snapshots`` (the
network over time), ``/weaving`` (introductions to make and
their follow-up), ``/workspace`` (editing, for
coordinators), ``/admin`` (access and people, for admins) and ``/ordliste`` (``/glossary``: what
each measure and broker role means) are the pages; ``/invitation``
is where a one-time sign-in link leads; ``/static/…`` their scripts, styles, dictionaries
and vendored libraries. The pages hold no data: they read it through GraphQL and the REST
routes as the signed-in user, so a page itself only needs to know whether someone is signed in.
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from graphsvc.api.glossary import router as glossary_router
from graphsvc.auth.request import authenticate_request
from graphsvc.config import REPO_ROOT
from graphsvc.errors import Unauthenticated

__all__ = ["PAGES", "WEB_DIR", "install_pages"]

WEB_DIR = REPO_ROOT / "web"

# Path -> file in web/; every one needs a signed-in user.
PAGES = {
    "/explorer": "explorer.html",
    "/brokers": "brokers.html",
    "/gaps": "gaps.html",
    "/weaving": "weaving.html",
    "/maps": "maps.html",
    "/presentations": "presentations.html",
    "/snapshots": "snapshots.html",
    "/workspace": "workspace.html",
    "/surveys": "surveys.html",
    "/admin": "admin.html",
    # Every measure and broker role explained; linked from the header, not a page of its own
    # in the navigation.
    "/ordliste": "glossary.html",
    "/glossary": "glossary.html",
}

# Everything a page uses comes from graphsvc itself: no inline script, no other site, and map
# iframes only from here. Data shown as text can therefore never run as code, even by mistake.
_PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
        "font-src 'self'; connect-src 'self'; frame-src 'self'; object-src 'none'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    # A page reflects who is signed in; never serve it from a shared cache.
    "Cache-Control": "no-store",
}

router = APIRouter(include_in_schema=False)


async def _signed_in(request: Request) -> bool:
    try:
        principal = await authenticate_request(request)
    except Unauthenticated:
        return False
    # A share link may show its one map, never the pages.
    return principal.view_id is None


def _page(name: str) -> FileResponse:
    return FileResponse(WEB_DIR / name, media_type="text/html; charset=utf-8", headers=_PAGE_HEADERS)


def _to_sign_in(request: Request) -> RedirectResponse:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/sign-in?next={quote(target, safe='')}", status_code=303)


@router.get("/")
async def home(request: Request) -> Response:
    return RedirectResponse("/explorer" if await _signed_in(request) else "/sign-in", status_code=303)


@router.get("/sign-in")
async def sign_in_page() -> Response:
    return _page("sign-in.html")


@router.get("/invitation")
async def invitation_page() -> Response:
    """Where a one-time sign-in link leads (its token rides in the fragment): no sign-in needed."""
    return _page("invitation.html")


def _serve(path: str, file_name: str) -> None:
    async def page(request: Request) -> Response:
        if not await _signed_in(request):
            return _to_sign_in(request)
        return _page(file_name)

    router.add_api_route(path, page, methods=["GET"], name=f"page {path}")


for _path, _file in PAGES.items():
    _serve(_path, _file)


def install_pages(app: FastAPI) -> None:
    """Serve the pages and their files."""
    app.include_router(router)
    app.include_router(glossary_router)
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")
