"""Pages for people who arrive by a link, not through the API: the share link that no longer
works, an address that does not exist. They speak the visitor's language (Danish unless the
browser prefers English, by ``Accept-Language``), since a partner opening a link is neither a
programmer nor necessarily Danish."""

from __future__ import annotations

import html

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

__all__ = ["install_not_found_page", "preferred_language", "visitor_page"]

_WORDS = {
    "da": {
        400: "Kortet kan ikke tegnes",
        403: "Ikke tilladt",
        404: "Siden findes ikke",
        410: "Linket virker ikke længere",
        "other": "Kortet kan ikke vises",
        "not_found": "Der er ingen side på denne adresse. Tjek adressen, eller gå til forsiden.",
        "home": "Til forsiden",
        "no_share_link": "Der er ikke noget delingslink med denne adresse. Tjek, at hele linket er med.",
        "revoked": "Delingslinket er trukket tilbage. Bed den, der delte kortet, om et nyt link.",
        "expired": "Delingslinket er udløbet. Bed den, der delte kortet, om et nyt link.",
        "deleted": "Kortet, som linket viste, er slettet. Bed den, der delte det, om et nyt link.",
    },
    "en": {
        400: "The map cannot be drawn",
        403: "Not allowed",
        404: "Not found",
        410: "This link no longer works",
        "other": "The map cannot be shown",
        "not_found": "There is no page at this address. Check the address, or go to the start page.",
        "home": "To the start page",
        "no_share_link": "There is no share link at this address. Check that the whole link was copied.",
        "revoked": "This share link has been revoked. Ask whoever shared the map for a new link.",
        "expired": "This share link has expired. Ask whoever shared the map for a new link.",
        "deleted": "The map this link showed has been deleted. Ask whoever shared it for a new link.",
    },
}
_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;"
    "line-height:1.5;color:#14171f}h1{font-size:1.6rem}a{color:#123c69}"
)
_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def preferred_language(request: Request) -> str:
    """``en`` when the browser ranks English above Danish, else ``da``."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(request.headers.get("accept-language", "").split(",")):
        tag, _, quality = part.strip().partition(";q=")
        try:
            q = float(quality) if quality else 1.0
        except ValueError:
            q = 0.0
        ranked.append((-q, position, tag.strip().lower()[:2]))
    for _, _, lang in sorted(ranked):
        if lang in ("da", "en"):
            return lang
    return "da"


def visitor_page(
    request: Request,
    status: int,
    key: str | None,
    fallback: str,
    *,
    frame_ancestors: str = "'none'",
    home: bool = False,
) -> Response:
    """A small page with a heading for ``status`` and the sentence ``key`` (else
    ``fallback``, escaped) in the visitor's language."""
    lang = preferred_language(request)
    words = _WORDS[lang]
    heading = str(words.get(status, words["other"]))
    text = html.escape(str(words[key]) if key else fallback)
    link = f'<p><a href="/">{words["home"]}</a></p>' if home else ""
    page = (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{heading}</title><style>{_STYLE}</style></head><body><h1>{heading}</h1>"
        f"<p>{text}</p>{link}</body></html>\n"
    )
    return HTMLResponse(
        page,
        status_code=status,
        headers={
            "Content-Security-Policy": f"{_POLICY}; frame-ancestors {frame_ancestors}",
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-store",
        },
    )


def install_not_found_page(app: FastAPI) -> None:
    """An unknown address opened in a browser gets a page in its language; API clients keep
    the JSON ``{"detail": …}`` they expect."""

    async def not_found(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        accepts = request.headers.get("accept", "")
        if error.status_code == 404 and "text/html" in accepts:
            return visitor_page(request, 404, "not_found", "", home=True)
        return JSONResponse(
            {"detail": error.detail}, status_code=error.status_code, headers=getattr(error, "headers", None)
        )

    app.add_exception_handler(HTTPException, not_found)
