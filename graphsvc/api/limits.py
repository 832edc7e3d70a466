"""A ceiling on request bodies, checked before anything reads them: a GraphQL request is small
(a few kilobytes), an uploaded spreadsheet may be larger (up to the import limit).

A declared ``Content-Length`` past the limit is refused at once. A body sent without one
(``Transfer-Encoding: chunked``) is counted as it arrives and stopped at the limit; the reader
then fails on the cut body, and the client is told the limit (413) instead of what the reader
made of it."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["BodySizeLimit"]


_FORM = 64 * 1024  # bytes of a multipart form beyond its file


class _TooLarge(Exception):
    pass


class BodySizeLimit:
    """``default`` bytes for a request, ``file_limit`` for a file uploaded with its form."""

    def __init__(self, app: ASGIApp, *, default: int, file_limit: int) -> None:
        self.app = app
        self.default = default
        self.file_limit = file_limit

    def _limit(self, scope: Scope) -> tuple[int, str]:
        """The ceiling for this request, and what to say when it is passed."""
        headers = dict(scope.get("headers") or [])
        content_type = headers.get(b"content-type", b"").decode("latin-1")
        if content_type.startswith("multipart/form-data"):
            # Room for the form around the file; the message speaks of the file alone.
            return self.file_limit + _FORM, (
                f"the file is larger than the {self.file_limit / 1e6:,.1f} MB an import takes: "
                "split it into several files, e.g. by area or by kind"
            )
        return self.default, f"the request is larger than the limit of {self.default:,} bytes"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit, words = self._limit(scope)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _refuse(send, words)
            return
        received = 0
        passed = False  # the body went past the limit

        async def counted() -> Message:
            nonlocal received, passed
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:  # a body sent without (or with a false) Content-Length
                    passed = True
                    raise _TooLarge
            return message

        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            if passed and not started:
                # Whatever the app makes of a body cut short ("error parsing the body" from
                # FastAPI, "invalid multipart data" from the form parser), the answer is the 413.
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except Exception:
            # _TooLarge, or what a parser turned it into; any other error is the app's own.
            if not passed:
                raise
        if passed and not started:
            await _refuse(send, words)


async def _refuse(send: Send, words: str) -> None:
    body = json.dumps({"detail": words}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
