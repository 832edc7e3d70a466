"""No operation reaches another tenant: every query and mutation of the schema is called with an
admin token of tenant A, naming tenant B (by argument or header) and B's ids, and nothing of B
comes back or changes."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    get_named_type,
)

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.domain import Network
from graphsvc.schema.root import schema
from tests.api.hostile import selection as hostile_selection
from tests.conftest import with_marked_names

pytestmark = pytest.mark.neo4j

MARK = "SECRET-B"
SCALARS = {
    "ID": "club",
    "String": "club",
    "Int": 1,
    "Float": 1.0,
    "Boolean": False,
    "DateTime": "2026-01-01T00:00:00+00:00",
    "Date": "2026-01-01",
    "JSON": {},
}
# Fields that take a file upload (multipart) are reached through their REST-like form elsewhere.
SKIP_TYPES = {"Upload"}


def _value(kind: GraphQLInputType) -> Any:
    if isinstance(kind, GraphQLNonNull):
        return _value(kind.of_type)
    if isinstance(kind, GraphQLList):
        return [_value(kind.of_type)]
    if isinstance(kind, GraphQLEnumType):
        return next(iter(kind.values))
    if isinstance(kind, GraphQLInputObjectType):
        return {name: _value(f.type) for name, f in kind.fields.items() if isinstance(f.type, GraphQLNonNull)}
    assert isinstance(kind, GraphQLScalarType)
    return SCALARS[kind.name]


def _literal(value: Any, kind: GraphQLInputType) -> str:
    inner = kind.of_type if isinstance(kind, GraphQLNonNull) else kind
    if isinstance(inner, GraphQLEnumType):
        return str(value)
    if isinstance(inner, GraphQLList):
        return "[" + ", ".join(_literal(v, inner.of_type) for v in value) + "]"
    if isinstance(inner, GraphQLInputObjectType):
        return "{" + ", ".join(f"{k}: {_literal(v, inner.fields[k].type)}" for k, v in value.items()) + "}"
    if inner.name == "JSON":
        return "{}"
    return json.dumps(value)


def _operations() -> list[tuple[str, str, str, bool]]:
    """(operation type, field name, document, takes a tenant argument) for every root field."""
    found = []
    for op, root in (("query", schema._schema.query_type), ("mutation", schema._schema.mutation_type)):
        assert root is not None
        for name, field in root.fields.items():
            if any(get_named_type(a.type).name in SKIP_TYPES for a in field.args.values()):
                continue
            args = {
                n: a for n, a in field.args.items() if isinstance(a.type, GraphQLNonNull) and n != "tenant"
            }
            literal = ", ".join(f"{n}: {_literal(_value(a.type), a.type)}" for n, a in args.items())
            found.append((op, name, literal, "tenant" in field.args))
    return found


OPERATIONS = _operations()


def _document(op: str, name: str, args: str, selection: str) -> str:
    call = f"{name}({args})" if args else name
    return f"{op} {{ {call} {selection} }}"


@pytest.mark.parametrize(
    ("op", "name", "args", "has_tenant"), OPERATIONS, ids=[f"{o[0]}-{o[1]}" for o in OPERATIONS]
)
async def test_tenant_b_is_out_of_reach(
    client: httpx.Client,
    token_for: Callable[..., str],
    store: GraphStore,
    small_town: Callable[[str], Network],
    tenant: str,
    op: str,
    name: str,
    args: str,
    has_tenant: bool,
) -> None:
    b = tenant + "-b"
    await NetworkRepository(store).write(with_marked_names(small_town(b), MARK))
    await NetworkRepository(store).write(small_town(tenant))
    before = await NetworkRepository(store).read(b)
    field = (schema._schema.query_type if op == "query" else schema._schema.mutation_type).fields[name]
    selection = hostile_selection(field.type)
    token = {"Authorization": f"Bearer {token_for(tenant, 'admin')}"}

    attempts = [({"X-Graphsvc-Tenant": b}, args)]
    if has_tenant:
        attempts.append(({}, ", ".join(filter(None, [args, f"tenant: {json.dumps(b)}"]))))
    for headers, arguments in attempts:
        response = client.post(
            "/graphql", json={"query": _document(op, name, arguments, selection)}, headers=token | headers
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert MARK not in response.text, body
        messages = [e["message"] for e in body.get("errors", [])]
        assert f"this token is for tenant {tenant!r} and cannot reach another tenant" in messages, body
    assert await NetworkRepository(store).read(b) == before
