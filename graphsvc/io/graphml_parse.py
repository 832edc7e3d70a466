"""A safe, streaming GraphML parser: bytes in, keys and raw node and edge records out.

It knows GraphML's structure but not graphsvc's domain; :mod:`graphsvc.io.graphml_read` turns
the records into a :class:`~graphsvc.domain.Network`.

Safety (:mod:`graphsvc.io.xml_stream`): the file is parsed with expat directly and any
``<!DOCTYPE`` is refused as soon as expat reports it, before an internal subset is read. GraphML
needs no DTD, and without one a file can declare no entities, so entity expansion ("billion
laughs", external entities) cannot happen whatever the expat version (the bundled expat 2.4+
also limits amplification on its own).
Parsing is incremental and records are handed on as they complete, so a large file is never
held whole, neither as bytes nor as records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from xml.parsers import expat

from graphsvc.errors import InvalidInput, Problem
from graphsvc.io.xml_stream import new_parser, parse_chunks

__all__ = ["Item", "KeyDecl", "RawRecord", "keys_for", "parse_graphml"]


@dataclass(frozen=True)
class KeyDecl:
    """A ``<key>``: the attribute a ``<data key=...>`` holds."""

    id: str
    domain: str  # "node", "edge", "graph" or "all"
    name: str  # attr.name, or the id when there is none
    default: str | None = None
    graphics: bool = False  # yEd's yfiles.type keys hold drawing instructions, not attributes


@dataclass(slots=True)
class RawRecord:
    """A ``<node>`` (``id``) or an ``<edge>`` (``source``, ``target``) and its data texts."""

    element: str  # "node" or "edge"
    line: int
    id: str | None = None
    source: str | None = None
    target: str | None = None
    data: list[tuple[str, str]] = field(default_factory=list)  # (key id, text), file order


Item = KeyDecl | RawRecord | Problem


def keys_for(keys: Iterable[KeyDecl], element: str) -> dict[str, KeyDecl]:
    """The keys a ``<data>`` of ``element`` may refer to, by id. Gephi gives a node key and an
    edge key one id ("role"), so ids are only unique per element; ``for="all"`` keys yield to
    the element's own."""
    found: dict[str, KeyDecl] = {}
    for key in keys:
        if key.domain == "all":
            found.setdefault(key.id, key)
        elif key.domain == element:
            found[key.id] = key
    return found


def parse_graphml(chunks: Iterable[bytes | memoryview]) -> Iterator[Item]:
    """Parse GraphML arriving in ``chunks``, yielding keys and records in file order.

    Problems with single records (a node without id, a nested graph) are yielded as
    :class:`Problem` items, so that they can be reported together with the rest.

    Raises
    ------
    InvalidInput
        When the bytes are not well-formed XML, hold a DOCTYPE, or are not GraphML.
    """
    parser = new_parser("GraphML")
    handler = _Handler(parser)
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.text
    return parse_chunks(parser, handler, chunks)


class _Handler:
    """expat callbacks collecting keys, records and problems in ``out``. Elements outside the
    GraphML namespace and GraphML elements graphsvc does not use (desc, port, graph-level data)
    are skipped with everything inside them."""

    def __init__(self, parser: expat.XMLParserType) -> None:
        self.parser = parser
        self.out: list[Item] = []
        self.namespace: str | None = None
        self.stack: list[str] = []
        self.skipping = 0  # depth inside a skipped element
        self.record: RawRecord | None = None
        self.key: dict[str, str] | None = None
        self.default: str | None = None
        self.data_key: str | None = None
        self.chars: list[str] | None = None
        self.graphs = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if self.skipping:
            self.skipping += 1
            return
        namespace, _, local = name.rpartition(" ")
        if not self.stack:
            self._root(namespace, local)
            return
        if namespace != self.namespace:
            self.skipping = 1
            return
        parent = self.stack[-1]
        if local == "data" and parent in ("node", "edge"):  # by far the most common element
            self.data_key = attrs.get("key")
            self.chars = []
            self.stack.append(local)
            return
        line = self.parser.CurrentLineNumber
        if parent == "graphml" and local == "key":
            self.key = {**attrs, "line": str(line)}
        elif parent == "key" and local == "default":
            self.chars = []
        elif parent == "graphml" and local == "graph":
            self.graphs += 1
            if self.graphs > 1:
                self._problem(f"graph at line {line}", "only one graph per file is read")
                self.skipping = 1
                return
        elif parent == "graph" and local == "node":
            self.record = RawRecord("node", line, id=attrs.get("id"))
        elif parent == "graph" and local == "edge":
            self.record = RawRecord(
                "edge", line, id=attrs.get("id"), source=attrs.get("source"), target=attrs.get("target")
            )
        elif parent in ("node", "edge") and local == "graph":
            self._problem(f"{parent} at line {self._record_line()}", "nested graphs are not supported")
            self.skipping = 1
            return
        elif parent == "graph" and local == "hyperedge":
            self._problem(f"hyperedge at line {line}", "hyperedges are not supported")
            self.skipping = 1
            return
        else:
            self.skipping = 1
            return
        self.stack.append(local)

    def end(self, name: str) -> None:
        if self.skipping:
            self.skipping -= 1
            return
        local = self.stack.pop()
        if local == "data":
            self._end_data()
        elif local == "default":
            self.default = "".join(self.chars or ())
            self.chars = None
        elif local == "key":
            self._end_key()
        elif local in ("node", "edge") and self.record is not None:
            self.out.append(self.record)
            self.record = None

    def text(self, data: str) -> None:
        if self.chars is not None and not self.skipping:
            self.chars.append(data)

    def _record_line(self) -> int:
        return self.record.line if self.record else self.parser.CurrentLineNumber

    def _root(self, namespace: str, local: str) -> None:
        if local != "graphml":
            hint = " (it is GEXF; save the graph as GraphML instead)" if local == "gexf" else ""
            raise InvalidInput(f"the file is not GraphML: its root element is <{local}>, not <graphml>{hint}")
        self.namespace = namespace
        self.stack.append(local)

    def _end_data(self) -> None:
        text = "".join(self.chars or ())
        self.chars = None
        assert self.record is not None  # data is only collected inside a node or an edge
        if not self.data_key:
            self._problem(f"{self.record.element} at line {self.record.line}", "a <data> element has no key")
        else:
            self.record.data.append((self.data_key, text))

    def _end_key(self) -> None:
        attrs, self.key = self.key or {}, None
        default, self.default = self.default, None
        key_id = attrs.get("id")
        if not key_id:
            self._problem(f"key at line {attrs.get('line')}", "a <key> has no id")
            return
        self.out.append(
            KeyDecl(
                id=key_id,
                domain=attrs.get("for", "all"),
                name=attrs.get("attr.name") or key_id,
                default=default,
                graphics="yfiles.type" in attrs,
            )
        )

    def _problem(self, record: str, problem: str) -> None:
        self.out.append(Problem(record, problem))
