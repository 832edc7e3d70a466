"""Writing a :class:`~graphsvc.domain.Network` as GraphML (format: :mod:`graphsvc.io.graphml`).

The XML is written by hand rather than through ElementTree so that it streams (a region's
network need not be held twice in memory) and so that every character that XML would otherwise
normalise away (a carriage return, a tab in an attribute) is escaped and survives the round
trip.
"""

from __future__ import annotations

import functools
import os
import re
import types
import typing
from collections.abc import Iterator
from datetime import datetime
from enum import Enum
from typing import IO, Any

from pydantic import BaseModel

from graphsvc.domain import Network, Node, Tie
from graphsvc.errors import InvalidInput, Problem
from graphsvc.io.graphml_format import (
    BOOLEAN_ATTRIBUTES,
    EDGE_ATTRIBUTES,
    GRAPHML_NS,
    INTEGER_ATTRIBUTES,
    LIST_SEPARATOR,
    NODE_ATTRIBUTES,
)

__all__ = ["network_to_graphml_bytes", "write_graphml"]

# Characters XML 1.0 cannot hold at all, not even as a character reference.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTR = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#9;"}
)
_BATCH = 2000  # lines per write


def write_graphml(network: Network, target: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write ``network`` as UTF-8 GraphML to a path or a binary file object.

    Nodes are ordered by id and edges by (source, type, target), so that equal networks give
    equal files.

    Raises
    ------
    InvalidInput
        When a value holds a character XML cannot represent (checked before anything is
        written).
    """
    _check_characters(network)
    if hasattr(target, "write"):
        _write_to(network, target)  # type: ignore[arg-type]
    else:
        with open(os.fspath(target), "wb") as stream:  # type: ignore[arg-type]
            _write_to(network, stream)


def network_to_graphml_bytes(network: Network) -> bytes:
    """``network`` as GraphML bytes (see :func:`write_graphml`)."""
    _check_characters(network)
    return "".join(_lines(network)).encode("utf-8")


def _write_to(network: Network, stream: IO[bytes]) -> None:
    batch: list[str] = []
    for line in _lines(network):
        batch.append(line)
        if len(batch) >= _BATCH:
            stream.write("".join(batch).encode("utf-8"))
            batch.clear()
    stream.write("".join(batch).encode("utf-8"))


def _lines(network: Network) -> Iterator[str]:
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield (
        f'<graphml xmlns="{GRAPHML_NS}" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd">\n'
    )
    for name in NODE_ATTRIBUTES:
        yield _key(name, "node", name)
    # Gephi takes node labels from this key; the reader ignores it.
    yield _key("label", "node", "label")
    for name in EDGE_ATTRIBUTES:
        yield _key(f"edge_{name}", "edge", name)
    yield f'  <graph id="{_attr(network.tenant)}" edgedefault="directed">\n'
    for node in sorted(network.nodes, key=lambda n: n.id):
        yield f'    <node id="{_attr(node.id)}">\n'
        for name, text in _node_values(node):
            yield f'      <data key="{name}">{text.translate(_TEXT)}</data>\n'
        yield f'      <data key="label">{node.name.translate(_TEXT)}</data>\n'
        yield "    </node>\n"
    ties = sorted(network.ties, key=lambda t: (t.source, t.type.value, t.target))
    for number, tie in enumerate(ties):
        # Gephi reads an edge's label attribute as its type: without it, Gephi's default import
        # merges two ties of different types between the same two actors into one edge.
        yield (
            f'    <edge id="e{number}" source="{_attr(tie.source)}" target="{_attr(tie.target)}" '
            f'label="{tie.type.value}">\n'
        )
        for name, text in _tie_values(tie):
            yield f'      <data key="edge_{name}">{text.translate(_TEXT)}</data>\n'
        yield "    </edge>\n"
    yield "  </graph>\n</graphml>\n"


def _key(key_id: str, domain: str, name: str) -> str:
    kind = "int" if name in INTEGER_ATTRIBUTES else "boolean" if name in BOOLEAN_ATTRIBUTES else "string"
    return f'  <key id="{key_id}" for="{domain}" attr.name="{name}" attr.type="{kind}"/>\n'


def _attr(text: str) -> str:
    return text.translate(_ATTR)


def _node_values(node: Node) -> Iterator[tuple[str, str]]:
    for name in _attributes(type(node)):
        text = _text(getattr(node, name))
        if text:
            yield name, text


def _tie_values(tie: Tie) -> Iterator[tuple[str, str]]:
    for name in _attributes(Tie):
        text = _text(getattr(tie, name))
        if text:
            yield name, text


@functools.cache
def _attributes(model: type[BaseModel]) -> tuple[str, ...]:
    # Only the fields the model has: asking a pydantic model for a missing one is slow.
    names = EDGE_ATTRIBUTES if model is Tie else NODE_ATTRIBUTES
    return tuple(name for name in names if name in model.model_fields)


@functools.cache
def _free_text(model: type[BaseModel]) -> tuple[str, ...]:
    # Enum values, ids and dates cannot hold odd characters; free text can.
    return tuple(
        name for name in _attributes(model) if _strip_optional(model.model_fields[name].annotation) is str
    )


def _strip_optional(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return next(a for a in typing.get_args(annotation) if a is not type(None))
    return annotation


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):  # GraphML's boolean is lower-case
        return "true" if value else "false"
    if isinstance(value, frozenset | set):
        # Enum members in their declared order (school|leisure), other values sorted.
        items = sorted(value, key=lambda v: (_position(v), str(v)))
        return LIST_SEPARATOR.join(str(_text(v)) for v in items)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def _position(value: Any) -> int:
    return list(type(value)).index(value) if isinstance(value, Enum) else 0


def _check_characters(network: Network) -> None:
    problems = []
    for node in network.nodes:
        for name in _free_text(type(node)):
            text = getattr(node, name)
            bad = _NOT_XML.search(text) if text else None
            if bad:
                problems.append(
                    Problem(
                        f"node {node.id}",
                        f"{name}: holds the character U+{ord(bad.group()):04X}, which XML cannot hold",
                    )
                )
    if problems:
        raise InvalidInput("the network cannot be written as GraphML", problems)
