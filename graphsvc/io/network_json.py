"""A network as JSON: for developers and scripts, and the content of snapshots.

::

    {"format": "graphsvc-network", "version": 1, "tenant": "demo",
     "nodes": [{"id": "club", "kind": "Association", "name": "Hvalsø Klatreklub",
                "sector": "civil_society", "arenas": ["leisure"], "area": "hvalsoe"}, ...],
     "ties": [{"type": "COLLABORATES_WITH", "source": "school", "target": "club",
               "strength": 3}, ...]}

Nodes carry the fields of their kind in :mod:`graphsvc.domain` (``Actor``, ``YoungPerson``,
``Person``, ``Area``, ``TargetGroup``, ``Initiative``) under the same names, ties those of
``Tie``; values that are not set are left out, sets are lists in a stable order, times ISO 8601.
Nodes are ordered by id and ties by (source, type, target): equal networks give equal files.
:func:`network_from_json` reads the same form back, validating every record.
"""

from __future__ import annotations

import json
from enum import Enum
from typing import Any

from pydantic import ValidationError

from graphsvc.domain import Kind, Network, Node, Tie, node_model
from graphsvc.errors import InvalidInput, Problem

__all__ = ["FORMAT", "VERSION", "network_from_json", "network_to_dict", "network_to_json"]

FORMAT = "graphsvc-network"
VERSION = 1


def network_to_dict(network: Network) -> dict[str, Any]:
    """``network`` as plain JSON-ready values (module docstring)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "tenant": network.tenant,
        "nodes": [_node(n) for n in sorted(network.nodes, key=lambda n: n.id)],
        "ties": [_tie(t) for t in sorted(network.ties, key=lambda t: (t.source, t.type.value, t.target))],
    }


def network_to_json(network: Network, *, indent: int | None = 1) -> bytes:
    """``network`` as UTF-8 JSON bytes."""
    return json.dumps(network_to_dict(network), ensure_ascii=False, indent=indent).encode("utf-8")


def network_from_json(data: bytes | str | dict[str, Any], *, tenant: str | None = None) -> Network:
    """Read a network written by :func:`network_to_json` (into ``tenant``, default: the one in
    the file); :class:`~graphsvc.errors.InvalidInput` lists every record that is wrong."""
    document = json.loads(data) if isinstance(data, bytes | str) else data
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InvalidInput(f"this is not a {FORMAT} JSON document")
    target = tenant or document.get("tenant")
    if not isinstance(target, str):
        raise InvalidInput("the JSON network names no tenant")
    problems: list[Problem] = []
    nodes: list[Node] = []
    for record in document.get("nodes", []):
        name = f"node {record.get('id', '?')}" if isinstance(record, dict) else "node"
        try:
            kind = Kind(record["kind"])
            nodes.append(node_model(kind).model_validate(record | {"tenant": target}))  # type: ignore[arg-type]
        except (KeyError, TypeError, ValueError, ValidationError) as e:
            problems.append(Problem(name, _reason(e)))
    ties: list[Tie] = []
    for record in document.get("ties", []):
        try:
            ties.append(Tie.model_validate(record))
        except ValidationError as e:
            problems.append(Problem("tie", _reason(e)))
    if problems:
        raise InvalidInput("the JSON network has records that are not valid", problems)
    return Network(tenant=target, nodes=tuple(nodes), ties=tuple(ties))


def _node(node: Node) -> dict[str, Any]:
    data: dict[str, Any] = {"id": node.id, "kind": node.kind.value}
    for name in type(node).model_fields:
        if name in ("id", "kind", "tenant"):
            continue
        value = _plain(getattr(node, name))
        if value is not None and value != []:
            data[name] = value
    return data


def _tie(tie: Tie) -> dict[str, Any]:
    data = {"type": tie.type.value, "source": tie.source, "target": tie.target}
    data.update({k: _plain(v) for k, v in tie.properties().items()})
    return data


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, frozenset | set):
        # Enum members in their declared order (school, leisure), other values sorted.
        return [_plain(v) for v in sorted(value, key=_order)]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _order(value: Any) -> tuple[int, str]:
    return (list(type(value)).index(value) if isinstance(value, Enum) else 0, str(value))


def _reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'value'}: {e['msg']}" for e in error.errors())
    if isinstance(error, KeyError):
        return f"{error.args[0]} is missing"
    return str(error)
