"""Malformed requests get a 4xx in JSON that says what is wrong, never a 500 or plain text:
deeply nested JSON, bodies that are not UTF-8, uploads past the limit sent without a
Content-Length, GraphQL bodies of the wrong shape, and broken multipart uploads."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from graphsvc.api.json_bodies import MAX_JSON_DEPTH, nesting_depth

pytestmark = pytest.mark.neo4j

Headers = Callable[..., dict[str, str]]
JSON = {"Content-Type": "application/json"}
DEEP = 2_000  # deep enough to exhaust Python's recursion in json.loads
TOO_DEEP = f"nested too deeply (at most {MAX_JSON_DEPTH} levels of objects and lists)"
NOT_UTF8 = "the request body is not UTF-8"
ENOUGH = "{ __typename }"


def refused(response: httpx.Response, status: int, words: str) -> None:
    """The answer is ``status`` with a JSON ``detail`` that contains ``words``."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json"), response.text
    assert words in response.json()["detail"], response.text


def deep_object(levels: int) -> str:
    return '{"a": ' * levels + "1" + "}" * levels


def deep_list(levels: int) -> str:
    return "[" * levels + "]" * levels


def upload(
    client: httpx.Client, headers: dict[str, str], operations: str | None, files_map: str | None, **extra: Any
) -> httpx.Response:
    """A multipart request to /graphql with the given ``operations`` and ``map`` fields."""
    data = {"operations": operations, "map": files_map} | extra.pop("data", {})
    files = extra.pop("files", {"0": ("a.csv", b"navn\nKlubben\n", "text/csv")})
    return client.post(
        "/graphql", headers=headers, data={k: v for k, v in data.items() if v is not None}, files=files
    )


# --- the check itself --------------------------------------------------------------------------


def test_nesting_depth_counts_brackets_outside_strings_only() -> None:
    assert nesting_depth(b'{"a": "[[[{{{\\"[[[", "b": [{"c": []}]}') == 4
    assert nesting_depth(deep_list(DEEP)) == DEEP
    assert nesting_depth("") == 0


# --- deeply nested JSON --------------------------------------------------------------------------


@pytest.mark.parametrize("deep", [deep_object, deep_list], ids=["objects", "lists"])
def test_deeply_nested_variables_are_refused_in_words(
    client: httpx.Client, auth: Headers, deep: Callable[[int], str]
) -> None:
    body = '{"query": "query($v: JSON) { __typename }", "variables": {"v": ' + deep(DEEP) + "}}"
    refused(client.post("/graphql", content=body, headers=JSON | auth()), 400, TOO_DEEP)


def test_deeply_nested_variables_in_a_url_are_refused_in_words(client: httpx.Client, auth: Headers) -> None:
    answer = client.get(
        "/graphql",
        params={"query": ENOUGH, "variables": '{"v": ' + deep_list(DEEP) + "}"},
        headers={"Accept": "application/json"} | auth(),
    )
    refused(answer, 400, TOO_DEEP)


def test_deeply_nested_operations_of_an_upload_are_refused_in_words(
    client: httpx.Client, auth: Headers
) -> None:
    operations = '{"query": "{ __typename }", "variables": ' + deep_object(DEEP) + "}"
    refused(upload(client, auth(), operations, "{}"), 400, TOO_DEEP)


def test_a_deeply_nested_body_on_a_rest_route_is_refused_in_words(client: httpx.Client) -> None:
    refused(client.post("/auth/session", content=deep_object(DEEP), headers=JSON), 400, TOO_DEEP)


def test_json_nested_as_deep_as_allowed_is_read(client: httpx.Client, auth: Headers) -> None:
    # The body is one level, "extensions" a second: the value inside may take the rest.
    body = '{"query": "{ __typename }", "extensions": {"x": ' + deep_list(MAX_JSON_DEPTH - 2) + "}}"
    answer = client.post("/graphql", content=body, headers=JSON | auth())
    assert answer.status_code == 200 and answer.json() == {"data": {"__typename": "Query"}}


# --- bodies that are not UTF-8 -----------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [b'\xff\xfe{"query": "{ x }"}', '{"query": "{ __typename } # Ærø"}'.encode("latin-1")],
    ids=["utf16-bom", "latin1-in-a-string"],
)
def test_a_graphql_body_that_is_not_utf8_is_refused_in_words(
    client: httpx.Client, auth: Headers, body: bytes
) -> None:
    refused(client.post("/graphql", content=body, headers=JSON | auth()), 400, NOT_UTF8)


def test_a_json_body_that_is_not_utf8_is_refused_in_words_on_a_rest_route(client: httpx.Client) -> None:
    refused(client.post("/auth/session", content=b'{"token": "\xe6\xf8\xe5"}', headers=JSON), 400, NOT_UTF8)


def test_utf8_with_danish_letters_is_read(client: httpx.Client, auth: Headers) -> None:
    body = '{"query": "{ __typename } # Ærø"}'.encode()
    answer = client.post("/graphql", content=body, headers=JSON | auth())
    assert answer.status_code == 200 and answer.json() == {"data": {"__typename": "Query"}}


# --- uploads past the limit without a Content-Length ---------------------------------------------

FILE_TOO_LARGE = "the file is larger than the 25.0 MB an import takes: split it into several files"
BOUNDARY = "graphsvc-test-boundary"


def streamed_form(fields: dict[str, str], megabytes: int) -> Iterator[bytes]:
    """A multipart form sent in chunks (so without Content-Length): ``fields``, then a CSV file of
    ``megabytes`` in the field ``0`` (for /graphql) and ``file`` (for /imports)."""
    for name, value in fields.items():
        yield f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    name = "0" if fields else "file"
    yield (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"; filename="stor.csv"\r\n'
        "Content-Type: text/csv\r\n\r\nnavn;sektor\n"
    ).encode()
    chunk = b"Forening med et langt navn;civilsamfund\n" * 25_000  # 1 MB
    for _ in range(megabytes):
        yield chunk
    yield f"\r\n--{BOUNDARY}--\r\n".encode()


def test_a_30_mb_upload_to_imports_without_content_length_is_413(client: httpx.Client, auth: Headers) -> None:
    headers = auth() | {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}
    answer = client.post("/imports", content=streamed_form({}, 30), headers=headers)
    assert "content-length" not in answer.request.headers
    refused(answer, 413, FILE_TOO_LARGE)


def test_a_30_mb_upload_to_graphql_without_content_length_is_413(client: httpx.Client, auth: Headers) -> None:
    operations = json.dumps(
        {
            "query": "mutation($f: Upload!) { importFile(file: $f, dryRun: true) { kind } }",
            "variables": {"f": None},
        }
    )
    fields = {"operations": operations, "map": '{"0": ["variables.f"]}'}
    headers = auth() | {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}
    answer = client.post("/graphql", content=streamed_form(fields, 30), headers=headers)
    assert "content-length" not in answer.request.headers
    refused(answer, 413, FILE_TOO_LARGE)


# --- GraphQL bodies of the wrong shape ---------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b'[{"query": "{ __typename }"}]', "the request body is a JSON array, not a JSON object"),
        (b"42", "the request body is a JSON number, not a JSON object"),
        (b'"{ __typename }"', "the request body is a JSON string, not a JSON object"),
        (b"null", "the request body is JSON null, not a JSON object"),
        (b"", "the request body is empty: send JSON"),
        (b"  \n", "the request body is empty: send JSON"),
        (b'{"query": ', "the request body is not valid JSON (Expecting value at line 1, column 11)"),
        (b'{"query": "{ __typename }", "variables": {"n": ' + b"9" * 5_000 + b"}}", "a number too long"),
    ],
    ids=["array", "number", "string", "null", "empty", "blank", "cut-short", "long-number"],
)
def test_a_graphql_body_of_the_wrong_shape_is_refused_in_words(
    client: httpx.Client, auth: Headers, body: bytes, words: str
) -> None:
    refused(client.post("/graphql", content=body, headers=JSON | auth()), 400, words)


def test_a_graphql_body_of_another_media_type_is_415(client: httpx.Client, auth: Headers) -> None:
    answer = client.post("/graphql", content=b'{"query": "{ __typename }"}', headers=auth())
    refused(answer, 415, "a GraphQL request is sent as application/json")
    answer = client.post(
        "/graphql", content=b"{ __typename }", headers={"Content-Type": "text/plain"} | auth()
    )
    refused(answer, 415, "not as text/plain")


def test_strawberrys_own_refusals_are_json_too(client: httpx.Client, auth: Headers) -> None:
    refused(client.post("/graphql", json={"variables": {}}, headers=auth()), 400, "No GraphQL query")
    answer = client.post("/graphql", json={"query": ENOUGH, "variables": [1]}, headers=auth())
    refused(answer, 400, "`variables` must be an object")


# --- broken multipart uploads --------------------------------------------------------------------

OPERATIONS = json.dumps({"query": ENOUGH, "variables": {"file": None}})


def test_a_multipart_body_without_a_boundary_is_refused_in_words(client: httpx.Client, auth: Headers) -> None:
    headers = auth() | {"Content-Type": "multipart/form-data"}
    refused(client.post("/graphql", content=b"--x\r\n", headers=headers), 400, "boundary")


def test_operations_that_are_not_json_are_refused_in_words(client: httpx.Client, auth: Headers) -> None:
    answer = upload(client, auth(), "{query: nope", '{"0": ["variables.file"]}')
    refused(answer, 400, "`operations` is not valid JSON")


def test_operations_that_are_a_batch_are_refused_in_words(client: httpx.Client, auth: Headers) -> None:
    answer = upload(client, auth(), f"[{OPERATIONS}]", "{}")
    refused(answer, 400, "`operations` must be one GraphQL request as a JSON object")


def test_an_upload_without_operations_is_refused_in_words(client: httpx.Client, auth: Headers) -> None:
    refused(upload(client, auth(), None, '{"0": ["variables.file"]}'), 400, "has no `operations` field")


def test_operations_sent_as_a_file_are_refused_in_words(client: httpx.Client, auth: Headers) -> None:
    files = {"operations": ("o.json", OPERATIONS.encode(), "application/json")}
    answer = upload(client, auth(), None, "{}", files=files)
    refused(answer, 400, "`operations` must be a text field of the form, not a file")


@pytest.mark.parametrize(
    "files_map",
    ["[1]", '{"0": "variables.file"}', '{"0": [5]}', "7"],
    ids=["array", "string", "number", "bare"],
)
def test_a_map_of_the_wrong_shape_is_refused_in_words(
    client: httpx.Client, auth: Headers, files_map: str
) -> None:
    refused(upload(client, auth(), OPERATIONS, files_map), 400, "`map` must be a JSON object")


def test_a_map_naming_a_missing_file_is_refused_in_words(client: httpx.Client, auth: Headers) -> None:
    answer = upload(client, auth(), OPERATIONS, '{"1": ["variables.file"]}')
    refused(answer, 400, '`map` names the file "1", but the request has no file in a field of that name')


def test_a_map_naming_a_text_field_is_refused_in_words(client: httpx.Client, auth: Headers) -> None:
    answer = upload(client, auth(), OPERATIONS, '{"x": ["variables.file"]}', data={"x": "not a file"})
    refused(answer, 400, '`map` names the file "x", but the request has no file')


@pytest.mark.parametrize(
    "path", ["variables.nope.deeper", "variables.file.x", "variables.files.x", "variables.files.3"]
)
def test_a_map_pointing_nowhere_is_refused_in_words(client: httpx.Client, auth: Headers, path: str) -> None:
    operations = json.dumps({"query": ENOUGH, "variables": {"file": None, "files": [None]}})
    answer = upload(client, auth(), operations, json.dumps({"0": [path]}))
    refused(answer, 400, f'at "{path}", which is not a place in `operations`')


def test_a_well_formed_upload_is_still_read(client: httpx.Client, auth: Headers) -> None:
    operations = json.dumps(
        {
            "query": "mutation($f: Upload!) { importFile(file: $f, dryRun: true) { kind dryRun } }",
            "variables": {"f": None},
        }
    )
    files = {"0": ("aktører.csv", b"navn;sektor\nKlubben;civilsamfund\n", "text/csv")}
    answer = upload(client, auth(), operations, '{"0": ["variables.f"]}', files=files)
    assert answer.status_code == 200, answer.text
    assert answer.json()["data"]["importFile"]["dryRun"] is True
