"""Expected errors as HTTP answers: a status and the plain message, for every REST route."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from graphsvc.errors import (
    Conflict,
    Duplicate,
    Forbidden,
    GraphStoreUnavailable,
    GraphsvcError,
    InvalidInput,
    InvalidRequest,
    NotFound,
    TooLargeForOneWrite,
    Unauthenticated,
)

__all__ = ["error_response", "install_error_handlers", "invalid_request_response", "status_of"]

_STATUS: list[tuple[type[GraphsvcError], int]] = [
    (Unauthenticated, 401),
    (Forbidden, 403),
    (NotFound, 404),
    (Duplicate, 409),
    (Conflict, 409),
    (InvalidInput, 400),
    (InvalidRequest, 400),
    (GraphStoreUnavailable, 503),
    (TooLargeForOneWrite, 413),
]


def status_of(error: GraphsvcError) -> int:
    return next((status for kind, status in _STATUS if isinstance(error, kind)), 500)


def error_response(error: GraphsvcError) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(error, Unauthenticated) else None
    return JSONResponse({"detail": str(error)}, status_code=status_of(error), headers=headers)


def invalid_request_response(error: RequestValidationError) -> JSONResponse:
    """FastAPI's 422 without the input echoed back: FastAPI's own handler encodes the raw body
    as text, and a body that is not UTF-8 then makes it fail with a 500."""
    problems = [
        {
            "loc": [str(part) for part in e.get("loc", ())],
            "msg": str(e.get("msg", "")),
            "type": str(e.get("type", "")),
        }
        for e in error.errors()
    ]
    return JSONResponse({"detail": problems}, status_code=422)


def install_error_handlers(app: FastAPI) -> None:
    async def handle(_: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, GraphsvcError)
        return error_response(error)

    async def invalid(_: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RequestValidationError)
        return invalid_request_response(error)

    app.add_exception_handler(GraphsvcError, handle)
    app.add_exception_handler(RequestValidationError, invalid)
