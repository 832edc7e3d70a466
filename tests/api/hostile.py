"""Hostile and random input for the API, shared by the property-based tests: text made to
break queries and pages, JSON of any shape, GraphQL variables drawn from the schema's own input
types (mostly well-formed, sometimes not), and checks of what an answer must look like."""

from __future__ import annotations

import json
from typing import Any

import httpx
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLUnionType,
    get_named_type,
)
from hypothesis import strategies as st
from neo4j import Driver

from graphsvc.schema import schema
from tests.tenant_contents import NODES, RELATIONSHIPS

CYPHER = [
    "' OR 1=1 //",
    "}) MATCH (n) DETACH DELETE n //",
    "$(label)",
    "`Node`",
    "\\u0000",
    "RETURN 1; DROP DATABASE neo4j",
    "name:* OR id:*",
    "<script>alert(1)</script>",
    "%s%n",
    "../../etc/passwd",
    "🏳️‍🌈" * 3,
    "Ærø Ålborg Øster",
    "%2e%2e%2f",
    "\u202e",
]
hostile_text = st.one_of(
    st.sampled_from(CYPHER),
    st.text(max_size=60),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=20),
    st.integers(min_value=150, max_value=20_000).map(lambda n: "x" * n),
)
any_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | hostile_text
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=8,
)
big_or_odd_int = st.one_of(
    st.integers(min_value=-3, max_value=12),
    st.integers(),
    st.sampled_from([0, -1, 2**31 - 1, 2**31, -(2**31)]),
)
dates = st.one_of(
    st.dates().map(str),
    st.datetimes().map(lambda d: d.isoformat() + "Z"),
    st.sampled_from(["2026-02-30", "2026-13-01T00:00:00Z", "yesterday", ""]),
)


def _scalar(name: str, known_ids: list[str]) -> st.SearchStrategy[Any]:
    if name in ("ID", "String"):
        return st.one_of(st.sampled_from(known_ids), hostile_text) if known_ids else hostile_text
    if name == "Int":
        return big_or_odd_int
    if name == "Float":
        return st.one_of(st.floats(allow_nan=False, allow_infinity=False), big_or_odd_int)
    if name == "Boolean":
        return st.booleans()
    if name in ("Date", "DateTime"):
        return dates
    return any_json  # JSON and anything added later


def variable_values(type_: GraphQLInputType, known_ids: list[str], depth: int = 0) -> st.SearchStrategy[Any]:
    """Values for a GraphQL input type: about four in five of the right shape (enum values,
    known ids, required fields present), the rest of any shape at all."""
    junk = any_json
    if isinstance(type_, GraphQLNonNull):
        return st.one_of(*[variable_values(type_.of_type, known_ids, depth)] * 4, junk)
    if isinstance(type_, GraphQLList):
        return st.one_of(st.lists(variable_values(type_.of_type, known_ids, depth + 1), max_size=4), junk)
    if isinstance(type_, GraphQLEnumType):
        return st.one_of(*[st.sampled_from(sorted(type_.values))] * 5, junk)
    if isinstance(type_, GraphQLInputObjectType):
        if depth > 3:
            return junk
        required = {
            k: variable_values(f.type, known_ids, depth + 1)
            for k, f in type_.fields.items()
            if isinstance(f.type, GraphQLNonNull)
        }
        optional = {
            k: variable_values(f.type, known_ids, depth + 1)
            for k, f in type_.fields.items()
            if k not in required
        }
        return st.one_of(*[st.fixed_dictionaries(required, optional=optional)] * 4, junk)
    assert isinstance(type_, GraphQLScalarType)
    return st.one_of(*[_scalar(type_.name, known_ids)] * 4, junk)


def selection(type_: GraphQLOutputType, depth: int = 0) -> str:
    """A selection of every field without required arguments, a few levels down."""
    named = get_named_type(type_)
    if isinstance(named, GraphQLUnionType):
        return (
            "{ __typename ... on Error { message } "
            + " ".join(
                f"... on {member.name} {selection(member, depth + 1)}"
                for member in named.types
                if member.name != "Error" and not member.name.endswith("Error")
            )
            + " }"
        )
    if not isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
        return ""
    parts = ["__typename"]
    if isinstance(named, GraphQLInterfaceType) and depth < 2:
        # What only the implementations carry (a young person's challenges, say) counts too.
        parts += [
            f"... on {kind.name} {selection(kind, depth + 1)}"
            for kind in schema._schema.get_possible_types(named)
        ]
    for name, field in named.fields.items():
        if any(isinstance(a.type, GraphQLNonNull) and a.default_value is None for a in field.args.values()):
            continue
        inner = get_named_type(field.type)
        if isinstance(inner, GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType):
            if depth < 2:
                parts.append(f"{name} {selection(field.type, depth + 1)}")
        else:
            parts.append(name)
    return "{ " + " ".join(parts) + " }"


def operation(kind: str, name: str, args: dict[str, GraphQLInputType], result: GraphQLOutputType) -> str:
    """``mutation($a: T!, …) { r: name(a: $a, …) { … } }`` with every argument a variable."""
    declared = ", ".join(f"${a}: {t}" for a, t in args.items())
    passed = ", ".join(f"{a}: ${a}" for a in args)
    return (
        f"{kind}{f'({declared})' if declared else ''} "
        f"{{ r: {name}{f'({passed})' if passed else ''} {selection(result)} }}"
    )


def post(http: httpx.Client, query: str, variables: Any) -> dict[str, Any]:
    """The answer to a GraphQL request, which must not be a server error."""
    response = http.post("/graphql", json={"query": query, "variables": variables})
    assert response.status_code < 500, response.text
    assert response.status_code in (200, 400), response.text
    body: dict[str, Any] = response.json()
    return body


def plain_errors(body: dict[str, Any]) -> None:
    """Every error says something, and nothing unexpected (masked) happened."""
    for error in body.get("errors") or []:
        assert error["message"].strip(), error
        assert "Something went wrong" not in error["message"], error


def refused(body: dict[str, Any], field: str) -> bool:
    """True when the operation changed nothing by its own account; and every error has words."""
    plain_errors(body)
    value = (body.get("data") or {}).get(field)
    if value is None:
        return True
    if isinstance(value, dict) and value.get("__typename", "").endswith("Error"):
        assert value["message"].strip()
        return True
    return False


def tenant_state(db: Driver, tenant: str) -> str:
    """Everything the tenant holds (nodes of every label, ties, properties), as one string."""
    nodes, _, _ = db.execute_query(NODES, tenant=tenant, database_="neo4j")
    ties, _, _ = db.execute_query(RELATIONSHIPS, tenant=tenant, database_="neo4j")
    ids = {r["element"]: (sorted(r["labels"]), r["props"]) for r in nodes}
    return json.dumps(
        sorted([json.dumps(v, default=str, sort_keys=True) for v in ids.values()])
        + sorted(
            json.dumps([ids[t["a"]], t["type"], ids[t["b"]], t["props"]], default=str, sort_keys=True)
            for t in ties
        )
    )
