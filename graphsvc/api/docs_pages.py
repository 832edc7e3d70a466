"""The REST API's documentation page, ``/docs`` (Swagger UI), from graphsvc's own copy in
``web/static/vendor``: FastAPI's own pages load Swagger UI and ReDoc from a CDN, with no version
pin or integrity, and stay blank without internet. ReDoc is not offered: its page fetches a
logo from its maker's site, which a page of graphsvc never does. Like every page this one
carries a Content-Security-Policy; the description itself, ``/openapi.json``, holds no data."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

# Swagger UI sets styles from its scripts, hence inline styles; scripts
# come from graphsvc alone and the pages read nothing but /openapi.json.
_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def _page(title: str, assets: str) -> HTMLResponse:
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{title}</title><link rel="icon" href="/static/favicon.svg" type="image/svg+xml">'
        f'{assets}<script src="/static/js/api-docs.js" defer></script></head>'
        '<body><div id="api-docs"></div></body></html>\n'
    )
    return HTMLResponse(page, headers=_HEADERS)


@router.get("/docs")
async def swagger_ui() -> HTMLResponse:
    return _page(
        "graphsvc · REST API",
        '<link rel="stylesheet" href="/static/vendor/swagger-ui/swagger-ui.css">'
        '<script src="/static/vendor/swagger-ui/swagger-ui-bundle.js"></script>',
    )
