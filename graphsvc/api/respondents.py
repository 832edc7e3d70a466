"""The partner survey for its respondents: a personal link, no account.

* ``GET /respond/{token}`` — the questionnaire page (``web/respond.html``), or a plain page in
  the visitor's language when the link does not work (404 unknown, 410 closed, past its
  closing date or revoked);
* ``GET /respond/{token}/questionnaire`` — the round, the respondent and its answers (JSON);
* ``GET /respond/{token}/organisations?q=…`` — names of the tenant's organisations matching
  ``q``: ids and names only;
* ``POST /respond/{token}/answers`` — the respondent's answers, replacing its earlier ones;
* ``GET /respond/{token}/map.html?lang=…`` — its own ego map (its partners, one step, no young
  people), drawn with a viewer's rights.

The token alone says who answers for which organisation in which tenant: a tenant named in a
header or the query is not used. Every answer carries ``Cache-Control: no-store`` and
``Referrer-Policy: no-referrer``, so a link never travels on to another site.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from graphsvc.api.errors import status_of
from graphsvc.api.pages import WEB_DIR
from graphsvc.api.scope import scope_of
from graphsvc.api.visitor_pages import preferred_language, visitor_page
from graphsvc.errors import GraphsvcError, InvalidInput
from graphsvc.maps import content_security_policy
from graphsvc.services import maps
from graphsvc.services import survey_answers as service

__all__ = ["router"]

router = APIRouter(prefix="/respond", tags=["partner survey"])

_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex",
}
# The coordinator pages' policy, framed by no one: the page is a questionnaire, not a widget.
_PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
_WORDS = {
    "da": {
        "unknown": "Der er ikke noget spørgeskema på dette link. Tjek, at hele linket er kommet med.",
        "closed": "Partnerundersøgelsen er lukket, så svarene kan ikke længere ændres. Tak for jeres hjælp.",
        "expired": "Fristen for partnerundersøgelsen er overskredet. Kontakt koordinatoren, hvis I stadig "
        "vil svare.",
        "revoked": "Linket er trukket tilbage. Bed koordinatoren om et nyt link.",
        "deleted": "Undersøgelsen, som linket hørte til, findes ikke længere.",
    },
    "en": {
        "unknown": "There is no questionnaire at this link. Check that the whole link was copied.",
        "closed": "The partner survey is closed, so answers can no longer be changed. "
        "Thank you for your help.",
        "expired": "The partner survey's closing date has passed. Contact the coordinator if you would "
        "still like to answer.",
        "revoked": "This link has been revoked. Ask the coordinator for a new link.",
        "deleted": "The survey this link belonged to no longer exists.",
    },
}


class Answers(BaseModel):
    """What the questionnaire page sends: every answer, replacing the earlier ones."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    respondent: str | None = Field(default=None, max_length=200, description="The link's own organisation.")
    partners: list[Any] = Field(
        default_factory=list,
        max_length=service.MAX_PARTNERS * 2,
        description="[{partner: actor id, frequency: daily…rarely, trust: 1-4, value: 1-4}]",
    )
    new_partners: list[Any] = Field(
        default_factory=list,
        alias="newPartners",
        max_length=service.MAX_SUGGESTIONS * 2,
        description="Organisations not on the list: [{name, frequency, trust, value}]",
    )


def _reason(error: GraphsvcError) -> str | None:
    if isinstance(error, service.SurveyLinkGone):
        return error.reason
    if isinstance(error, service.SurveyLinkUnknown):
        return "unknown"
    return None


def _status(error: GraphsvcError) -> int:
    return 410 if isinstance(error, service.SurveyLinkGone) else status_of(error)


def _json_error(error: GraphsvcError) -> JSONResponse:
    body: dict[str, Any] = {"detail": str(error)}
    reason = _reason(error)
    if reason:
        body["reason"] = reason
    if isinstance(error, InvalidInput):
        body["problems"] = [{"record": p.record, "problem": p.problem} for p in error.problems]
    return JSONResponse(body, status_code=_status(error), headers=_HEADERS)


def _page_error(request: Request, error: GraphsvcError, frame_ancestors: str) -> Response:
    reason = _reason(error)
    text = _WORDS[preferred_language(request)][reason] if reason else str(error)
    response = visitor_page(request, _status(error), None, text, frame_ancestors=frame_ancestors)
    response.headers.update(_HEADERS)
    return response


def _questionnaire(q: service.Questionnaire) -> dict[str, Any]:
    link = q.link
    return {
        "round": {"name": link.round_name, "closesOn": link.closes_on.isoformat()},
        "respondent": {"id": link.respondent, "name": link.respondent_name},
        "answered": q.answered,
        "partners": [
            {
                "partner": a.partner,
                "name": name,
                "frequency": a.frequency.value,
                "trust": a.trust,
                "value": a.value,
            }
            for a, name in q.answers
        ],
        "newPartners": [
            {"name": s.name, "frequency": s.frequency.value, "trust": s.trust, "value": s.value}
            for s in q.suggestions
        ],
    }


@router.get(
    "/{token}", summary="The partner survey's questionnaire (a personal link)", response_class=Response
)
async def questionnaire_page(request: Request, token: str) -> Response:
    try:
        await service.open_survey_link(request.app.state.store, token)
    except GraphsvcError as e:
        return _page_error(request, e, "'none'")
    return FileResponse(
        WEB_DIR / "respond.html",
        media_type="text/html; charset=utf-8",
        headers={**_HEADERS, "Content-Security-Policy": _PAGE_POLICY},
    )


@router.get("/{token}/questionnaire", summary="The respondent's questionnaire and answers")
async def questionnaire(request: Request, token: str) -> Response:
    store = request.app.state.store
    try:
        link = await service.open_survey_link(store, token)
        found = await service.questionnaire(store, link)
    except GraphsvcError as e:
        return _json_error(e)
    return JSONResponse(_questionnaire(found), headers=_HEADERS)


@router.get("/{token}/organisations", summary="Names of the organisations a respondent may name")
async def organisations(request: Request, token: str, q: str = "") -> Response:
    store = request.app.state.store
    try:
        link = await service.open_survey_link(store, token)
        found = await service.search_organisations(store, link, q)
    except GraphsvcError as e:
        return _json_error(e)
    return JSONResponse([{"id": i, "name": name} for i, name in found], headers=_HEADERS)


@router.post("/{token}/answers", summary="Send the respondent's answers (replacing earlier ones)")
async def answer(request: Request, token: str, body: Answers) -> Response:
    store = request.app.state.store
    try:
        link = await service.link_for_answers(store, token)
        found = await service.submit_answers(
            store, link, respondent=body.respondent, partners=body.partners, suggestions=body.new_partners
        )
    except GraphsvcError as e:
        return _json_error(e)
    return JSONResponse(_questionnaire(found), headers=_HEADERS)


@router.get("/{token}/map.html", summary="The respondent's own ego map", response_class=Response)
async def ego_map(request: Request, token: str, lang: str = "da") -> Response:
    store = request.app.state.store
    try:
        link = await service.open_survey_link(store, token)
        scope = scope_of(request, service.respondent_caller(link))
        page = await maps.map_page(scope, service.ego_map_options(link, lang))
    except GraphsvcError as e:
        return _page_error(request, e, "'self'")
    headers = {**_HEADERS, "Content-Security-Policy": content_security_policy(frame_ancestors="'self'")}
    return Response(page, media_type="text/html; charset=utf-8", headers=headers)
