"""Reading a GraphML file into a validated :class:`~graphsvc.domain.Network`.

The format is described in :mod:`graphsvc.io.graphml`. Reading is all-or-nothing: either every
node and edge is acceptable, or :class:`~graphsvc.errors.InvalidInput` lists every problem.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import IO

from pydantic import ValidationError

from graphsvc.domain import Kind, Network, Node, Tie, TieType
from graphsvc.errors import InvalidInput, Problem
from graphsvc.io.graphml_format import DEFAULT_MAX_BYTES
from graphsvc.io.graphml_parse import Item, KeyDecl, RawRecord, keys_for, parse_graphml
from graphsvc.io.graphml_records import (
    Attributes,
    convert_node,
    convert_tie,
    edge_record,
    node_record,
)
from graphsvc.network_check import check_network

__all__ = ["network_from_items", "read_graphml"]

Source = str | os.PathLike[str] | bytes | bytearray | IO[bytes]
_CHUNK = 1 << 20


def read_graphml(
    source: Source,
    *,
    tenant: str,
    known: Mapping[str, Kind] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Network:
    """Read and validate a GraphML file.

    Parameters
    ----------
    source
        A path, the file's bytes, or a binary file object. A ``str`` is always a path.
    tenant
        The tenant every node is read into (a file holds no tenant).
    known
        Ids already stored in the tenant, with their kinds: edges and areas may refer to them,
        and the file may not reuse one of their ids for another kind.
    max_bytes
        Larger input is refused, before parsing when its size is known (default 200 MB).

    Returns
    -------
    Network
        Nodes and ties in file order; LOCATED_IN edges are folded into the nodes' ``area``.

    Raises
    ------
    InvalidInput
        With one :class:`~graphsvc.errors.Problem` per thing wrong, each naming its record.
    """
    _check_tenant(tenant)
    known = dict(known or {})
    if isinstance(source, bytes | bytearray):
        if len(source) > max_bytes:
            raise _too_big(len(source), max_bytes)
        view = memoryview(source)
        # In slices, so that records are converted (and their text freed) as parsing goes.
        slices = (view[i : i + _CHUNK] for i in range(0, len(view), _CHUNK))
        return _network(parse_graphml(slices), tenant=tenant, known=known)
    if hasattr(source, "read"):
        items = parse_graphml(_limited(source, max_bytes))  # type: ignore[arg-type]
        return _network(items, tenant=tenant, known=known)
    path = os.fspath(source)  # type: ignore[arg-type]
    if isinstance(path, str) and path.lstrip().startswith("<"):
        raise TypeError("read_graphml reads a str as a path; pass GraphML text as bytes")
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed by the with below
    except OSError as e:
        raise InvalidInput(f"cannot read {path}: {e.strerror}") from None
    with stream:
        size = os.fstat(stream.fileno()).st_size
        if size > max_bytes:
            raise _too_big(size, max_bytes)
        return _network(parse_graphml(_limited(stream, max_bytes)), tenant=tenant, known=known)


def _check_tenant(tenant: str) -> None:
    try:
        Network(tenant=tenant)
    except ValidationError:
        raise InvalidInput(
            f"{tenant!r} is not a tenant id: use lowercase letters, digits, '_' and '-' "
            f"(at most 63 characters)"
        ) from None


def _limited(stream: IO[bytes], max_bytes: int) -> Iterator[bytes]:
    # Counted while reading, as a stream's size is not known in advance.
    total = 0
    while chunk := stream.read(_CHUNK):
        total += len(chunk)
        if total > max_bytes:
            raise _too_big(None, max_bytes)
        yield chunk


def _too_big(size: int | None, max_bytes: int) -> InvalidInput:
    given = f"is {_size(size)}" if size is not None else f"is larger than {_size(max_bytes)}"
    return InvalidInput(f"the file {given}; files up to {_size(max_bytes)} are read (max_bytes={max_bytes})")


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n:,} bytes"


def network_from_items(
    items: Iterable[Item], *, tenant: str, known: Mapping[str, Kind], unknown: Counter[str]
) -> Network:
    """The network in parsed GraphML or GEXF ``items``; attributes graphsvc does not know are
    left out and counted in ``unknown`` (a Gephi file's "Modularity Class"), not refused."""
    _check_tenant(tenant)
    return _network(items, tenant=tenant, known=dict(known), unknown=unknown)


def _network(
    items: Iterable[Item], *, tenant: str, known: dict[str, Kind], unknown: Counter[str] | None = None
) -> Network:
    reader = _Reader(tenant, unknown)
    keys: list[KeyDecl] = []
    for item in items:
        if isinstance(item, RawRecord):
            if reader.attributes is None:  # GraphML declares every key before the graph
                reader.start(keys)
            (reader.node if item.element == "node" else reader.edge)(item)
        elif isinstance(item, KeyDecl):
            if reader.attributes is not None:
                reader.problems.append(
                    Problem(f"key {item.id}", "a <key> must come before the nodes and edges")
                )
            keys.append(item)
        else:
            reader.problems.append(item)
    if reader.attributes is None:
        reader.start(keys)
    return reader.finish(known)


class _Reader:
    """Converts records as the parser hands them on, and judges the whole at the end."""

    def __init__(self, tenant: str, unknown: Counter[str] | None = None) -> None:
        self.tenant = tenant
        self.unknown = unknown
        self.problems: list[Problem] = []
        self.attributes: tuple[Attributes, Attributes] | None = None
        self.nodes: list[Node] = []
        self.kinds: dict[str, Kind] = {}  # every node id given a readable kind, valid or not
        self.failed: set[str] = set()  # node ids no node could be made for
        self.seen: set[str] = set()
        self.ties: list[Tie] = []
        self.located: list[Tie] = []

    def start(self, keys: list[KeyDecl]) -> None:
        self.attributes = (
            Attributes(keys_for(keys, "node"), "node", self.problems, self.unknown),
            Attributes(keys_for(keys, "edge"), "edge", self.problems, self.unknown),
        )

    def node(self, record: RawRecord) -> None:
        assert self.attributes is not None
        if not record.id:
            self.problems.append(Problem(f"node at line {record.line}", "has no id"))
            return
        name = node_record(record)
        if record.id in self.seen:
            self.problems.append(Problem(name, "the id is used twice"))
        self.seen.add(record.id)
        attributes = self.attributes[0]
        attrs, wrong = attributes.of(record)
        self.problems.extend(Problem(name, w) for w in wrong)
        node, kind, found = convert_node(
            record, attrs, defaults=attributes.defaults, tenant=self.tenant, unknown=self.unknown
        )
        self.problems.extend(found)
        if node is None:
            self.failed.add(record.id)
        else:
            self.nodes.append(node)
        if kind is not None:
            self.kinds.setdefault(record.id, kind)

    def edge(self, record: RawRecord) -> None:
        assert self.attributes is not None
        if not record.source or not record.target:
            missing = "target" if record.source else "source"
            self.problems.append(Problem(f"edge at line {record.line}", f"has no {missing}"))
            return
        attributes = self.attributes[1]
        attrs, wrong = attributes.of(record)
        self.problems.extend(Problem(edge_record(record, attrs.get("type")), w) for w in wrong)
        tie, found = convert_tie(record, attrs, defaults=attributes.defaults, unknown=self.unknown)
        self.problems.extend(found)
        if tie is not None:
            (self.located if tie.type is TieType.LOCATED_IN else self.ties).append(tie)

    def finish(self, known: dict[str, Kind]) -> Network:
        problems, kinds, failed = self.problems, self.kinds, self.failed
        nodes = _fold_locations(self.nodes, self.located, {**known, **kinds}, failed, problems)
        valid = {node.id for node in nodes}
        # Ties to a node that failed are still judged against its kind; ties to a node whose
        # kind could not be read are not, as any verdict would only repeat the node's problem.
        context = {**{i: kinds[i] for i in failed if i in kinds and i not in valid}, **known}
        unjudged = failed - kinds.keys()
        judged = tuple(t for t in self.ties if t.source not in unjudged and t.target not in unjudged)
        network = Network(tenant=self.tenant, nodes=tuple(nodes), ties=judged)
        problems.extend(_as_edge(p) for p in check_network(network, context))
        if problems:
            unique = list(dict.fromkeys(problems))  # a duplicate id is found twice
            count = f"{len(unique)} problem{'s' if len(unique) != 1 else ''}"
            raise InvalidInput(f"the GraphML file was not read ({count})", unique)
        return network


def _fold_locations(
    nodes: list[Node],
    located: list[Tie],
    kinds: Mapping[str, Kind],
    failed: set[str],
    problems: list[Problem],
) -> list[Node]:
    """Move LOCATED_IN edges into their source node's ``area``, the one place the domain keeps
    a location."""
    index: dict[str, int] = {}
    for i, node in enumerate(nodes):
        index.setdefault(node.id, i)
    areas: dict[str, list[str]] = {}
    seen: set[tuple[str, str]] = set()
    for tie in located:
        record = f"edge {tie.source} -{tie.type.value}-> {tie.target}"
        if tie.source in failed or tie.target in failed:
            continue
        if (tie.source, tie.target) in seen:
            problems.append(Problem(record, "the same tie is given twice"))
            continue
        seen.add((tie.source, tie.target))
        if tie.source not in index:
            problems.append(
                Problem(
                    record,
                    f"no node with id {tie.source!r} in this file (a "
                    f"location can only be given to a node in the file)",
                )
            )
            continue
        if tie.target not in kinds:
            problems.append(Problem(record, f"no node with id {tie.target!r} in this tenant"))
            continue
        try:
            tie.check_fits(nodes[index[tie.source]].kind, kinds[tie.target])
        except ValueError as e:
            problems.append(Problem(record, str(e)))
            continue
        areas.setdefault(tie.source, []).append(tie.target)

    result = list(nodes)
    for source, targets in areas.items():
        node = result[index[source]]
        attribute = getattr(node, "area", None)
        given = ([f"{attribute!r} (area attribute)"] if attribute else []) + [
            f"{t!r} (LOCATED_IN edge)" for t in targets if t != attribute
        ]
        if len(given) > 1:
            problems.append(Problem(f"node {source}", f"has more than one area: {', '.join(given)}"))
        else:
            result[index[source]] = node.model_copy(update={"area": targets[0]})
    return result


def _as_edge(problem: Problem) -> Problem:
    # The network checks speak of ties; in a file they are edges.
    if problem.record.startswith("tie "):
        return Problem("edge " + problem.record.removeprefix("tie "), problem.problem)
    return problem
