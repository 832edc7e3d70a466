"""Writing a :class:`~graphsvc.domain.Network` as GEXF 1.3, the native format of Gephi.

The file holds the same attributes as the GraphML export (:mod:`graphsvc.io.graphml`), declared
in ``<attributes>``: nodes ``kind``, ``name``, ``sector``, ``arenas`` (``|``-separated),
``category``, ``area``, ... and ties ``type``, ``strength``, ``since``, ``frequency``, ``role``
(and a partner survey's ``trust``, ``value``, ``reciprocated``, ``survey``), typed as in
GraphML: integers, booleans and strings. A node's label is its name. For Gephi in particular:

* each attribute's ``id`` is its name, as is its ``title`` (``<attribute id="kind"
  title="kind" .../>``): Gephi keeps the GEXF id as the column's id and writes it as the key
  of a GraphML file it saves, so GEXF → Gephi → GraphML imports back into graphsvc;
* each edge's ``kind`` is its tie type, so Gephi keeps two ties of different types between the
  same two actors (collaborates and refers) as parallel edges, and its ``label`` says the type;
* an edge's ``weight`` is the tie's strength (1-5) where one is given, which Gephi's layouts
  use; otherwise 1;
* nodes are coloured by sector (``viz:color``), so the first view already reads: public blue,
  civil society green, business orange, philanthropy pink, knowledge light blue, citizens
  yellow; initiatives red, other nodes grey.

Nodes come ordered by id and edges by (source, type, target) with ids ``e0, e1, ...``: equal
networks give equal files. NetworkX reads the file with ``networkx.read_gexf`` (as a
``MultiDiGraph``: one edge per tie).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import datetime
from enum import Enum
from typing import IO, Any

from graphsvc.domain import Actor, Kind, Network, Node, Tie
from graphsvc.errors import InvalidInput, Problem
from graphsvc.io.graphml_format import (
    BOOLEAN_ATTRIBUTES,
    EDGE_ATTRIBUTES,
    INTEGER_ATTRIBUTES,
    LIST_SEPARATOR,
    NODE_ATTRIBUTES,
)

__all__ = ["GEXF_NS", "SECTOR_COLOURS", "network_to_gexf_bytes", "write_gexf"]

GEXF_NS = "http://gexf.net/1.3"
_VIZ_NS = "http://gexf.net/1.3/viz"
# Okabe & Ito's colour-blind safe palette.
SECTOR_COLOURS: dict[str, tuple[int, int, int]] = {
    "public": (0, 114, 178),
    "civil_society": (0, 158, 115),
    "business": (230, 159, 0),
    "philanthropy": (204, 121, 167),
    "knowledge": (86, 180, 233),
    "citizens": (240, 228, 66),
}
_INITIATIVE = (213, 94, 0)
_OTHER = (153, 153, 153)
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ATTR = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#9;"}
)
_BATCH = 2000  # lines per write


def write_gexf(network: Network, target: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write ``network`` as UTF-8 GEXF to a path or a binary file object.

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


def network_to_gexf_bytes(network: Network) -> bytes:
    """``network`` as GEXF bytes (see :func:`write_gexf`)."""
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
        f'<gexf xmlns="{GEXF_NS}" xmlns:viz="{_VIZ_NS}" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{GEXF_NS} {GEXF_NS}/gexf.xsd" version="1.3">\n'
    )
    yield (
        f"  <meta><creator>graphsvc</creator><description>The network of tenant "
        f"{_attr(network.tenant)}</description></meta>\n"
    )
    yield '  <graph mode="static" defaultedgetype="directed">\n'
    yield from _declarations("node", NODE_ATTRIBUTES)
    yield from _declarations("edge", EDGE_ATTRIBUTES)
    yield "    <nodes>\n"
    for node in sorted(network.nodes, key=lambda n: n.id):
        yield f'      <node id="{_attr(node.id)}" label="{_attr(node.name)}">\n'
        yield from _values(_node_values(node))
        r, g, b = _colour(node)
        yield f'        <viz:color r="{r}" g="{g}" b="{b}"/>\n'
        yield "      </node>\n"
    yield "    </nodes>\n    <edges>\n"
    ties = sorted(network.ties, key=lambda t: (t.source, t.type.value, t.target))
    for number, tie in enumerate(ties):
        kind = tie.type.value
        yield (
            f'      <edge id="e{number}" source="{_attr(tie.source)}" '
            f'target="{_attr(tie.target)}" kind="{kind}" label="{kind}" '
            f'weight="{float(tie.strength or 1)}">\n'
        )
        yield from _values(_tie_values(tie))
        yield "      </edge>\n"
    yield "    </edges>\n  </graph>\n</gexf>\n"


def _declarations(domain: str, names: tuple[str, ...]) -> Iterator[str]:
    yield f'    <attributes class="{domain}" mode="static">\n'
    for name in names:
        kind = (
            "integer" if name in INTEGER_ATTRIBUTES else "boolean" if name in BOOLEAN_ATTRIBUTES else "string"
        )
        # The id is the name (module docstring): attribute names are plain ASCII words.
        yield f'      <attribute id="{name}" title="{name}" type="{kind}"/>\n'
    yield "    </attributes>\n"


def _values(values: Iterator[tuple[str, str]]) -> Iterator[str]:
    lines = [f'          <attvalue for="{name}" value="{_attr(text)}"/>\n' for name, text in values]
    if lines:
        yield "        <attvalues>\n"
        yield from lines
        yield "        </attvalues>\n"


def _node_values(node: Node) -> Iterator[tuple[str, str]]:
    fields = type(node).model_fields
    for name in NODE_ATTRIBUTES:
        if name in fields:
            text = _text(getattr(node, name))
            if text:
                yield name, text


def _tie_values(tie: Tie) -> Iterator[tuple[str, str]]:
    for name in EDGE_ATTRIBUTES:
        text = _text(getattr(tie, name))
        if text:
            yield name, text


def _colour(node: Node) -> tuple[int, int, int]:
    if isinstance(node, Actor):
        return SECTOR_COLOURS[node.sector.value]
    if node.kind is Kind.YOUNG_PERSON:
        return SECTOR_COLOURS["citizens"]
    return _INITIATIVE if node.kind is Kind.INITIATIVE else _OTHER


def _attr(text: str) -> str:
    return text.translate(_ATTR)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, frozenset | set):
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
        for name, text in _node_values(node):
            bad = _NOT_XML.search(text)
            if bad:
                problems.append(
                    Problem(
                        f"node {node.id}",
                        f"{name}: holds the character U+{ord(bad.group()):04X}, which XML cannot hold",
                    )
                )
    if problems:
        raise InvalidInput("the network cannot be written as GEXF", problems)
