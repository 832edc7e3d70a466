"""The ``/graphql`` endpoint's requests read strictly, and refused in JSON with words that say
what is wrong and what to send instead.

Strawberry's view answers a request it cannot read with a plain-text 400, and with a 500 for
several shapes it does not expect: a body that is a number or a string, bytes that are not
UTF-8, JSON nested deeply enough to exhaust Python's recursion, a number of more than 4,300
digits, and multipart uploads whose ``map`` is not an object of lists or points to a file or a
place that is not there. :class:`GraphQLRouter` checks each of these before Strawberry parses
the request, and answers every refusal of Strawberry's own (no query, an unknown operation
name) as JSON too, like graphsvc's other endpoints: ``{"detail": "..."}``.

Uploads follow the GraphQL multipart request spec
(https://github.com/jaydenseric/graphql-multipart-request-spec): the request as JSON in the
``operations`` field, a ``map`` from each file's form field to the places in ``operations``
it fills (``{"0": ["variables.file"]}``), then the files.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from cross_web import HTTPException
from fastapi import Request
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile
from strawberry.file_uploads.utils import replace_placeholders_with_files
from strawberry.http.parse_content_type import parse_content_type
from strawberry.types.unset import UNSET

from graphsvc.api.graphiql import LocalIdeRouter
from graphsvc.api.json_bodies import json_problem

__all__ = ["GraphQLRouter"]

_EXAMPLE = '{"query": "{ __typename }", "variables": {}}'
_MAP_EXAMPLE = '{"0": ["variables.file"]}'
_SPEC = "the GraphQL multipart request spec"


def _bad(words: str) -> HTTPException:
    return HTTPException(400, words)


def _kind(value: object) -> str:
    """What a parsed JSON value is, in JSON's words."""
    if isinstance(value, list):
        return "a JSON array"
    if isinstance(value, str):
        return "a JSON string"
    if value is None or isinstance(value, bool):
        return f"JSON {json.dumps(value)}"
    return "a JSON number"


def _place_exists(operations: Any, path: str) -> bool:
    """Whether ``path`` ("variables.files.0") names a place in ``operations`` that Strawberry
    can put a file in: every step but the last exists, and the last is a key of an object or an
    index of a list."""
    *steps, last = path.split(".")
    target = operations
    for key in steps:
        if isinstance(target, dict) and key in target:
            target = target[key]
        elif isinstance(target, list) and key.isdigit() and int(key) < len(target):
            target = target[int(key)]
        else:
            return False
    if isinstance(target, list):
        return last.isdigit() and int(last) < len(target)
    return isinstance(target, dict)


class GraphQLRouter(LocalIdeRouter):
    """Strawberry's FastAPI router with malformed requests refused in words, as JSON."""

    async def run(self, request: Any, context: Any = UNSET, root_value: Any = UNSET) -> Any:
        try:
            return await super().run(request, context, root_value)
        except HTTPException as e:
            if not isinstance(request, Request):
                raise
            return JSONResponse({"detail": e.reason}, status_code=e.status_code)

    def parse_query_params(self, params: Mapping[str, Any]) -> dict[str, Any]:
        """A GET request's parameters, with ``variables`` and ``extensions`` read as JSON."""
        parsed = dict(params)
        for name in ("variables", "extensions"):
            if isinstance(parsed.get(name), str) and parsed[name]:
                parsed[name] = self.decode_json(parsed[name], f"`{name}` in the URL", '{"id": "a-1"}')
        return parsed

    def decode_json(
        self, data: str | bytes, what: str = "the request body", example: str = _EXAMPLE
    ) -> object:
        """JSON read strictly: UTF-8 (RFC 8259), not nested too deeply, not empty."""
        problem = json_problem(data, what=what)
        if problem is not None:
            raise _bad(problem)
        # Decoded here: given bytes, json.loads would guess UTF-16 or UTF-32 from NUL bytes.
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
        if not text.strip():
            raise _bad(f"{what} is empty: send JSON, e.g. {example}")
        try:
            return json.loads(text)
        except json.JSONDecodeError as e:
            raise _bad(
                f"{what} is not valid JSON ({e.msg} at line {e.lineno}, column {e.colno}): "
                f"send JSON, e.g. {example}"
            ) from None
        except ValueError:  # Python reads integers of at most 4,300 digits
            raise _bad(f"{what} holds a number too long to read: send such a value as a string") from None

    async def parse_http_body(self, request: Any) -> Any:
        if request.method == "POST":
            content_type, _ = parse_content_type(request.content_type or "")
            # The same tests as Strawberry's, which reads what passes.
            if "application/json" in content_type:
                body = self.decode_json(await request.get_body())
                if not isinstance(body, dict):
                    raise _bad(
                        f"the request body is {_kind(body)}, not a JSON object: send one "
                        f"GraphQL request as an object, e.g. {_EXAMPLE} (graphsvc does not take "
                        "batches of requests)"
                    )
            elif content_type != "multipart/form-data":
                raise HTTPException(
                    415,
                    f"a GraphQL request is sent as application/json (or multipart/form-data with a "
                    f"file upload), not as {content_type or 'a body without a Content-Type'}",
                )
        return await super().parse_http_body(request)

    async def parse_multipart(self, request: Any) -> dict[str, Any]:
        try:
            form: Mapping[str, Any] = (await request.get_form_data()).form
        except ValueError:
            raise _bad(f"the multipart body cannot be read: send it as {_SPEC} describes") from None
        if "operations" not in form:
            raise _bad(
                "the multipart request has no `operations` field: send the GraphQL request as JSON "
                f"in `operations`, a `map` and the files, as {_SPEC} describes"
            )
        operations = self._form_json(form, "operations")
        if not isinstance(operations, dict):
            raise _bad(
                "`operations` must be one GraphQL request as a JSON object "
                "(graphsvc does not take batches of requests)"
            )
        files_map = self._form_json(form, "map") if "map" in form else {}
        if not isinstance(files_map, dict) or not all(
            isinstance(paths, list) and all(isinstance(p, str) for p in paths) for paths in files_map.values()
        ):
            raise _bad(
                "`map` must be a JSON object from each file's form field to the places it fills, "
                f"e.g. {_MAP_EXAMPLE}"
            )
        for field, paths in files_map.items():
            if not isinstance(form.get(field), UploadFile):
                raise _bad(
                    f'`map` names the file "{field}", but the request has no file in a field of that '
                    "name: send each file in the form field its `map` entry names"
                )
            for path in paths:
                if not _place_exists(operations, path):
                    raise _bad(
                        f'`map` puts the file "{field}" at "{path}", which is not a place in '
                        '`operations`: name a variable set to null, e.g. "variables.file"'
                    )
        return replace_placeholders_with_files(operations, files_map, form)

    def _form_json(self, form: Mapping[str, Any], field: str) -> object:
        """The JSON in a text field of the form."""
        value = form.get(field)
        if not isinstance(value, str):
            raise _bad(f"`{field}` must be a text field of the form, not a file ({_SPEC})")
        example = _EXAMPLE if field == "operations" else _MAP_EXAMPLE
        return self.decode_json(value, f"`{field}`", example)
