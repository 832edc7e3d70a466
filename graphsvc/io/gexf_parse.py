"""A safe, streaming GEXF parser (Gephi's format, 1.2 and 1.3): bytes in, the same keys and raw
records :mod:`graphsvc.io.graphml_parse` gives for GraphML, so that both formats are read by one
reader.

GEXF declares attributes in ``<attributes class="node|edge">`` and gives them in
``<attvalues>``; a few it carries as XML attributes of the element itself. Those are handed on
under these names, declared as keys before the first record:

=============== ======================================================
node ``label``  ``label``
edge ``label``  ``label``
edge ``kind``   ``edge kind`` (Gephi's name for parallel edge types)
edge ``weight`` ``weight``
edge ``type``   ``direction`` (directed, undirected, mutual); an edge without one takes the
                graph's ``defaultedgetype``
=============== ======================================================

Safety as for GraphML (:mod:`graphsvc.io.xml_stream`): expat directly, any ``<!DOCTYPE``
refused. Drawing (``viz:``), time (``spells``) and hierarchy (``parents``) are skipped; nested
``<nodes>`` are reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from xml.parsers import expat

from graphsvc.errors import InvalidInput, Problem
from graphsvc.io.graphml_parse import Item, KeyDecl, RawRecord
from graphsvc.io.xml_stream import new_parser, parse_chunks

__all__ = ["parse_gexf"]

_ELEMENT_KEYS = {
    ("node", "label"): "label",
    ("edge", "label"): "label",
    ("edge", "kind"): "edge kind",
    ("edge", "weight"): "weight",
    ("edge", "type"): "direction",
}


def parse_gexf(chunks: Iterable[bytes | memoryview]) -> Iterator[Item]:
    """Parse GEXF arriving in ``chunks``, yielding keys and records in file order.

    Raises
    ------
    InvalidInput
        When the bytes are not well-formed XML, hold a DOCTYPE, or are not GEXF.
    """
    parser = new_parser("GEXF")
    handler = _Handler(parser)
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    return parse_chunks(parser, handler, chunks)


class _Handler:
    def __init__(self, parser: expat.XMLParserType) -> None:
        self.parser = parser
        self.out: list[Item] = []
        self.namespace: str | None = None
        self.stack: list[str] = []
        self.skipping = 0
        self.record: RawRecord | None = None
        self.attribute: dict[str, str] | None = None
        self.domain = "node"  # of the <attributes> being read
        self.default_direction = "directed"
        self.graphs = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if self.skipping:
            self.skipping += 1
            return
        namespace, _, local = name.rpartition(" ")
        if not self.stack:
            if local != "gexf":
                raise InvalidInput(f"the file is not GEXF: its root element is <{local}>, not <gexf>")
            self.namespace = namespace
            self.stack.append(local)
            return
        if namespace != self.namespace:
            self.skipping = 1  # viz:color, viz:position ...
            return
        parent = self.stack[-1]
        line = self.parser.CurrentLineNumber
        if local == "attvalue" and parent == "attvalues" and self.record is not None:
            key, value = attrs.get("for") or attrs.get("id"), attrs.get("value")
            if key is not None and value is not None:
                # Node and edge attributes may share ids ("0"): keys are told apart by class.
                self.record.data.append((f"{self.record.element}:{key}", value))
        elif parent == "gexf" and local == "graph":
            self.graphs += 1
            if self.graphs > 1:
                self.out.append(Problem(f"graph at line {line}", "only one graph per file is read"))
                self.skipping = 1
                return
            self.default_direction = attrs.get("defaultedgetype", "directed")
            for (domain, _attr), key in _ELEMENT_KEYS.items():
                self.out.append(KeyDecl(id=f"@{domain}:{key}", domain=domain, name=key))
        elif parent == "graph" and local == "attributes":
            self.domain = attrs.get("class", "node")
        elif parent == "attributes" and local == "attribute":
            self.attribute = {**attrs, "default": ""}
        elif parent == "attribute" and local == "default":
            self.attribute = self.attribute or {}
            self.parser.CharacterDataHandler = self._default_text
        elif parent == "graph" and local in ("nodes", "edges"):
            pass
        elif parent == "nodes" and local == "node":
            self.record = RawRecord("node", line, id=attrs.get("id"))
            self._element_keys("node", attrs)
        elif parent == "edges" and local == "edge":
            self.record = RawRecord(
                "edge", line, id=attrs.get("id"), source=attrs.get("source"), target=attrs.get("target")
            )
            self._element_keys("edge", {"type": self.default_direction, **attrs})
        elif parent in ("node", "edge") and local == "attvalues":
            pass
        elif parent == "node" and local == "nodes":
            self.out.append(Problem(f"node at line {line}", "nested nodes (a hierarchy) are not supported"))
            self.skipping = 1
            return
        else:
            self.skipping = 1  # meta, spells, parents, viz in the GEXF namespace ...
            return
        self.stack.append(local)

    def end(self, name: str) -> None:
        if self.skipping:
            self.skipping -= 1
            return
        local = self.stack.pop()
        if local == "default":
            self.parser.CharacterDataHandler = None
        elif local == "attribute" and self.attribute is not None:
            attrs, self.attribute = self.attribute, None
            key_id = attrs.get("id")
            if not key_id:
                self.out.append(Problem(f"{self.domain} attribute", "an <attribute> has no id"))
            else:
                self.out.append(
                    KeyDecl(
                        id=f"{self.domain}:{key_id}",
                        domain=self.domain,
                        name=attrs.get("title") or key_id,
                        default=attrs.get("default") or None,
                    )
                )
        elif local in ("node", "edge") and self.record is not None:
            self.out.append(self.record)
            self.record = None

    def _default_text(self, data: str) -> None:
        if self.attribute is not None:
            self.attribute["default"] = self.attribute.get("default", "") + data

    def _element_keys(self, element: str, attrs: dict[str, str]) -> None:
        assert self.record is not None
        for (domain, attr), key in _ELEMENT_KEYS.items():
            if domain == element and attrs.get(attr):
                self.record.data.append((f"@{domain}:{key}", attrs[attr]))
