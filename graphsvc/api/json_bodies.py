"""JSON request bodies are checked before any parser reads them: they must be UTF-8 and nested
at most ``MAX_JSON_DEPTH`` levels deep.

Why here, once, rather than in each route: Python's ``json`` module parses nested objects and
lists by recursion, so a body nested a couple of thousand levels deep (a few kilobytes) raises
``RecursionError``, which the GraphQL view answers with a plain-text 500 and FastAPI's routes with
a vague "error parsing the body"; and bytes that are not UTF-8 make the GraphQL view fail with a
500 while FastAPI answers 422. This middleware answers both in one way, a 400 that names the
problem, for every route that takes JSON (``/graphql``, ``/auth/session``, any added later).

It sits inside :class:`graphsvc.api.limits.BodySizeLimit`, so the body it holds while checking
is never larger than the request limit. The same check serves the JSON that arrives by other
ways than a body (GraphQL ``variables`` in a URL, a multipart ``operations`` field): see
:func:`json_problem`.
"""

from __future__ import annotations

import re

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["MAX_JSON_DEPTH", "JsonBodyCheck", "json_problem", "nesting_depth"]

# graphsvc's deepest input (a GraphQL request with an input object holding a list) is about five
# levels deep; 32 leaves room for any honest client and stays far below Python's recursion limit.
MAX_JSON_DEPTH = 32

# A JSON string, escapes included (unrolled so that long strings cost no backtracking).
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(rb"[^\[\]{}]+")
_OPENING = frozenset(b"[{")


def nesting_depth(data: bytes | str) -> int:
    """How deeply the objects and lists of a JSON text nest, brackets inside strings not counted.

    A scan rather than a parse, so it cannot recurse; on text that is not JSON it still gives a
    number, and the parser that runs afterwards says what else is wrong.

    >>> nesting_depth(b'{"query": "{ a { b } }", "variables": {"ids": [1, 2]}}')
    3
    >>> nesting_depth("[]"), nesting_depth("7")
    (1, 0)
    """
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    depth = deepest = 0
    for byte in _NOT_BRACKET.sub(b"", _STRING.sub(b"", data)):
        if byte in _OPENING:
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def json_problem(data: bytes | str, *, what: str = "the request body") -> str | None:
    """What is wrong with ``data`` before it may be parsed as JSON (not UTF-8, nested too deeply),
    in words for the client; ``None`` when nothing is. ``what`` names the data in the message."""
    if isinstance(data, bytes):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as e:
            return (
                f"{what} is not UTF-8 (byte {e.start + 1:,} is not valid UTF-8): "
                "JSON must be sent encoded as UTF-8"
            )
    if nesting_depth(data) > MAX_JSON_DEPTH:
        return (
            f"{what} is nested too deeply (at most {MAX_JSON_DEPTH} levels of objects and lists): "
            "no graphsvc input is nested nearly that deep, so send it less deeply nested"
        )
    return None


def _is_json(scope: Scope) -> bool:
    """Whether the request says its body is JSON (``application/json`` or ``…+json``)."""
    for name, value in scope.get("headers") or []:
        if name == b"content-type":
            media_type = value.split(b";", 1)[0].strip().lower()
            return media_type == b"application/json" or media_type.endswith(b"+json")
    return False


class JsonBodyCheck:
    """Refuse a JSON body that is not UTF-8 or is nested too deeply, with a 400 in words."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not _is_json(scope):
            await self.app(scope, receive, send)
            return
        messages: list[Message] = []
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request" or not message.get("more_body", False):
                break
        if messages[-1]["type"] == "http.disconnect":
            return  # the client left before its body arrived: no one to answer
        problem = json_problem(b"".join(m.get("body", b"") for m in messages))
        if problem is not None:
            await JSONResponse({"detail": problem}, status_code=400)(scope, receive, send)
            return
        replay = iter(messages)

        async def replayed() -> Message:
            # The body as it came, then whatever the client sends next (a disconnect).
            return next(replay, None) or await receive()

        await self.app(scope, replayed, send)
