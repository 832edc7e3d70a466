"""Changing the network: nodes and ties, each change checked in full before it is written.
Every change needs a coordinator or admin."""

from __future__ import annotations

import secrets
from typing import Any

from pydantic import ValidationError

from graphsvc.auth import Role
from graphsvc.db.nodes import NodeRepository
from graphsvc.db.ties import TieRepository
from graphsvc.domain import Kind, Node, Tie, TieType, looks_like_cpr, node_model
from graphsvc.errors import InvalidInput, Problem
from graphsvc.network_check import problems_from_validation
from graphsvc.services.scope import Scope

__all__ = ["connect", "create_node", "delete_node", "disconnect", "new_id", "update_node", "validate_node"]

_PREFIX = {
    Kind.ASSOCIATION: "assoc",
    Kind.BUSINESS: "business",
    Kind.MUNICIPAL_UNIT: "unit",
    Kind.ORGANISATION: "org",
    Kind.YOUNG_PERSON: "yp",
    Kind.PERSON: "person",
    Kind.AREA: "area",
    Kind.TARGET_GROUP: "tg",
    Kind.INITIATIVE: "initiative",
}


def new_id(kind: Kind) -> str:
    """A fresh id for a node created without one: readable kind prefix, random suffix."""
    return f"{_PREFIX[kind]}-{secrets.token_hex(5)}"


def validate_node(fields: dict[str, Any]) -> Node:
    """A domain node from raw fields, or InvalidInput listing every problem."""
    kind = fields["kind"]
    record = f"{kind.value} {fields.get('id') or '(new)'}"
    _refuse_cpr(kind, fields, record)
    try:
        node: Node = node_model(kind).model_validate(fields)  # type: ignore[assignment]
    except ValidationError as e:
        raise InvalidInput(f"the {kind.value} was not saved", problems_from_validation(record, e)) from e
    return node


async def create_node(scope: Scope, fields: dict[str, Any]) -> Node:
    """A new node of the scope's tenant from ``fields`` (with its ``kind``)."""
    scope.require(Role.COORDINATOR)
    fields = dict(fields) | {"tenant": scope.tenant}
    if not fields.get("id"):
        fields["id"] = new_id(fields["kind"])
    return await NodeRepository(scope.store).create(validate_node(fields))


async def update_node(
    scope: Scope,
    node_id: str,
    changes: dict[str, Any],
    kinds: frozenset[Kind],
    *,
    expected_version: int | None = None,
) -> Node:
    scope.require(Role.COORDINATOR)
    _, after = await NodeRepository(scope.store).update(
        scope.tenant, node_id, changes, kinds, expected_version=expected_version
    )
    return after


async def delete_node(scope: Scope, node_id: str) -> int:
    scope.require(Role.COORDINATOR)
    return await NodeRepository(scope.store).delete(scope.tenant, node_id)


def _refuse_cpr(kind: Kind, fields: dict[str, Any], record: str) -> None:
    """A young person's pseudonym must never be a CPR number (the import refuses them too)."""
    name = fields.get("name")
    if kind is Kind.YOUNG_PERSON and isinstance(name, str) and looks_like_cpr(name):
        raise InvalidInput(
            "the young person was not saved",
            [
                Problem(
                    record,
                    "pseudonym: this looks like a CPR number; graphsvc must never hold one, use a pseudonym",
                )
            ],
        )


def validate_tie(fields: dict[str, Any]) -> Tie:
    record = f"tie {fields.get('source')} -{fields.get('type')}-> {fields.get('target')}"
    try:
        return Tie.model_validate(fields)
    except ValidationError as e:
        raise InvalidInput("the tie was not saved", problems_from_validation(record, e)) from e


async def connect(scope: Scope, fields: dict[str, Any]) -> tuple[Tie, bool]:
    scope.require(Role.COORDINATOR)
    tie = validate_tie(fields)
    created = await TieRepository(scope.store).connect(scope.tenant, tie)
    return tie, created


async def disconnect(scope: Scope, type_: TieType, source: str, target: str) -> None:
    scope.require(Role.COORDINATOR)
    await TieRepository(scope.store).disconnect(scope.tenant, type_, source, target)
