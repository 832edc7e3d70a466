"""REST routes (and a GraphQL request whose sign-in could not reach Neo4j) answer 503 with a
plain message when Neo4j is out of reach; GraphQL callers get it in GraphQL's error shape."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from graphsvc.api.access_log import redact
from graphsvc.schema.unavailable import CODE
from graphsvc.services.store import OUT_OF_REACH, RETRY_AFTER_S, UNAVAILABLE, unavailability

__all__ = ["install_unavailable_handlers", "unavailable_response"]

log = logging.getLogger("graphsvc.api")


def unavailable_response(request: Request, sentence: str) -> JSONResponse:
    body: dict[str, object] = {"detail": sentence}
    if request.url.path.startswith("/graphql"):
        body = {"data": None, "errors": [{"message": sentence, "extensions": {"code": CODE}}]}
    return JSONResponse(body, status_code=503, headers={"Retry-After": str(RETRY_AFTER_S)})


def install_unavailable_handlers(app: FastAPI) -> None:
    """More specific than the handler of every GraphsvcError, so these win for their errors."""

    async def handle(request: Request, error: Exception) -> JSONResponse:
        sentence = unavailability(error) or UNAVAILABLE
        log.warning("answered 503 on %s: %s (%s)", redact(request.url.path), sentence, type(error).__name__)
        return unavailable_response(request, sentence)

    for kind in OUT_OF_REACH:
        app.add_exception_handler(kind, handle)
