"""A time budget per request: one that takes longer is stopped and answered with a 503 that
names the budget, so a request that went wrong cannot hold a connection (and the client's
patience) for minutes.

Work handed to a thread (an analytics kernel, a map drawing) runs on to its end when the
request is stopped, but the event loop and every other request were never waiting on it.
Files are measured by their size limit instead: a request that carries one (an import) and a
download of the whole network (``/exports/...``) may take longer than any budget for a question.
"""

from __future__ import annotations

import asyncio
import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["TimeBudget"]

_FILE_PATHS = ("/exports/", "/imports")


class TimeBudget:
    def __init__(self, app: ASGIApp, *, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or _carries_a_file(scope):
            await self.app(scope, receive, send)
            return
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await asyncio.wait_for(self.app(scope, receive, tracked), self.seconds)
        except TimeoutError:
            if started:  # half an answer went out; all that is left is to close the connection
                raise
            await _refuse(send, self.seconds)


def _carries_a_file(scope: Scope) -> bool:
    content_type = dict(scope.get("headers") or []).get(b"content-type", b"")
    path: str = scope.get("path", "")
    return content_type.startswith(b"multipart/form-data") or path.startswith(_FILE_PATHS)


async def _refuse(send: Send, seconds: float) -> None:
    words = (
        f"this request took longer than the time budget of {seconds:g} s "
        "(GRAPHSVC_REQUEST_TIME_BUDGET) and was stopped: ask for less at once "
        "(a smaller page, fewer steps, fewer aliases), or ask the operator to raise the budget"
    )
    body = json.dumps({"detail": words}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 503,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"retry-after", b"5"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
