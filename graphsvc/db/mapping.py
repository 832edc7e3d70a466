"""Domain objects ↔ the properties stored in Neo4j."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from enum import Enum
from typing import Any

from neo4j.time import DateTime

from graphsvc.domain import Kind, Node, Tie, TieType, node_model

__all__ = ["kind_from_labels", "node_from_record", "node_properties", "tie_from_record"]

_KINDS = {kind.value: kind for kind in Kind}
# Held as ties or set by the store, never as plain properties.
_NOT_STORED = {"kind", "area"}


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, frozenset | set):
        return sorted(_plain(v) for v in value)
    return value


def node_properties(node: Node) -> dict[str, Any]:
    """The node's properties as stored; unset values are left out (Neo4j stores no nulls)."""
    values = {
        name: _plain(getattr(node, name)) for name in type(node).model_fields if name not in _NOT_STORED
    }
    return {k: v for k, v in values.items() if v is not None and v != []}


def kind_from_labels(labels: Iterable[str]) -> Kind:
    for label in labels:
        if label in _KINDS:
            return _KINDS[label]
    raise ValueError(f"a node with labels {sorted(labels)} has no known kind")


def _native(value: Any) -> Any:
    if isinstance(value, DateTime):
        native: datetime = value.to_native()
        return native
    return value


def node_from_record(labels: Iterable[str], properties: Mapping[str, Any], area: str | None) -> Node:
    kind = kind_from_labels(labels)
    fields = {k: _native(v) for k, v in properties.items()}
    fields["kind"] = kind
    if area is not None:
        fields["area"] = area
    node: Node = node_model(kind).model_validate(fields)  # type: ignore[assignment]
    return node


def tie_from_record(source: str, type_: str, target: str, properties: Mapping[str, Any]) -> Tie:
    return Tie(type=TieType(type_), source=source, target=target, **dict(properties))
