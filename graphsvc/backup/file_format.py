"""The backup file: gzip'd JSON lines, a header first, then every node, then every relationship.

::

    {"format": "graphsvc-backup", "format_version": 1, "tenant": "demo", "nodes": 2,
     "relationships": 1, "graphsvc_version": "0.1.0", "created_at": "2026-03-01T10:15:00+00:00"}
    {"node": 0, "labels": ["Node", "Actor", "Association"], "props": {"id": ["str", "club"], ...}}
    {"node": 1, "labels": ["Node", "YoungPerson"], "props": {...}}
    {"rel": "MEMBER_OF", "from": 1, "to": 0, "props": {"since": ["int", 2024]}}

Nodes are numbered from 0 in the order they appear; a relationship names its ends by those
numbers. Property values are type-tagged (see :mod:`graphsvc.backup.values`). Reading checks the
whole file before anything is written: gzip's checksum catches a damaged or cut-off file, and
the counts in the header catch a file that lost lines.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphsvc.backup.values import decode_value, encode_value, zoned_text
from graphsvc.errors import InvalidInput

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "SAFE_NAME",
    "Backup",
    "BodyWriter",
    "Header",
    "NodeRecord",
    "RelationshipRecord",
    "read_backup",
]

FORMAT = "graphsvc-backup"
FORMAT_VERSION = 1
# Labels and relationship types go into Cypher as data; only plain identifiers are accepted.
SAFE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,99}$")

Zoned = dict[str, Any]  # key -> Neo4j's text of a zoned datetime, or a list of such texts


@dataclass(frozen=True)
class Header:
    tenant: str
    nodes: int
    relationships: int
    graphsvc_version: str
    created_at: str
    format_version: int = FORMAT_VERSION

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": self.format_version,
            "tenant": self.tenant,
            "nodes": self.nodes,
            "relationships": self.relationships,
            "graphsvc_version": self.graphsvc_version,
            "created_at": self.created_at,
        }


@dataclass(frozen=True)
class NodeRecord:
    labels: list[str]
    props: dict[str, Any]  # decoded: values with their Neo4j types
    zoned: Zoned = field(default_factory=dict)  # zoned datetimes, as Neo4j's text (checked)


@dataclass(frozen=True)
class RelationshipRecord:
    type: str
    source: int  # node numbers in the file
    target: int
    props: dict[str, Any]
    zoned: Zoned = field(default_factory=dict)


@dataclass
class Backup:
    header: Header
    nodes: list[NodeRecord] = field(default_factory=list)
    relationships: list[RelationshipRecord] = field(default_factory=list)


def _encoded(props: dict[str, Any], zoned: Zoned) -> dict[str, Any]:
    return {key: encode_value(value, zoned.get(key)) for key, value in props.items()}


class BodyWriter:
    """Writes the nodes and relationships of a backup, then puts the header in front.

    The counts are known only at the end, so the body goes to a gzip file of its own first;
    the finished file is the header's gzip member followed by the body's (gzip readers take
    concatenated members as one stream). The target appears only when complete.
    """

    def __init__(self, target: Path) -> None:
        self.target = target
        self.body_path = target.with_name(target.name + ".body.partial")
        self.nodes = 0
        self.relationships = 0
        self._body: gzip.GzipFile | None = None
        self._pending: list[bytes] = []

    def restart(self) -> None:
        """Start the body afresh (a read transaction that is retried writes it again)."""
        self.close()
        # Held open across calls, closed by close(): a with-block cannot span them.
        self._body = gzip.GzipFile(self.body_path, "wb", compresslevel=6)
        self._pending.clear()
        self.nodes = self.relationships = 0

    def _line(self, record: dict[str, Any]) -> None:
        self._pending.append(
            json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
        )

    def flush(self) -> None:
        """Compress the lines written since the last flush (one call per page is far cheaper
        than one per line)."""
        assert self._body is not None, "restart() first"
        if self._pending:
            self._body.write(b"\n".join(self._pending) + b"\n")
            self._pending.clear()

    def node(self, labels: list[str], props: dict[str, Any], zoned: Zoned) -> int:
        """Write a node; returns its number."""
        number = self.nodes
        self._line({"node": number, "labels": labels, "props": _encoded(props, zoned)})
        self.nodes += 1
        return number

    def relationship(self, type_: str, source: int, target: int, props: dict[str, Any], zoned: Zoned) -> None:
        self._line({"rel": type_, "from": source, "to": target, "props": _encoded(props, zoned)})
        self.relationships += 1

    def finish(self, header: Header) -> None:
        self.flush()
        self.close()
        partial = self.target.with_name(self.target.name + ".partial")
        with open(partial, "wb") as out:
            with gzip.open(out, "wb") as head:
                head.write(json.dumps(header.to_json(), ensure_ascii=False).encode("utf-8") + b"\n")
            with open(self.body_path, "rb") as body:
                shutil.copyfileobj(body, out)
        os.replace(partial, self.target)
        self.body_path.unlink(missing_ok=True)

    def close(self) -> None:
        if self._body is not None:
            self._body.close()
            self._body = None

    def discard(self) -> None:
        """Remove what an unfinished backup left behind."""
        self.close()
        self.body_path.unlink(missing_ok=True)
        self.target.with_name(self.target.name + ".partial").unlink(missing_ok=True)


def _lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Numbered JSON objects of the file; InvalidInput for a file that is not one of ours."""
    try:
        # gzip checks its checksum only at the end of the data: read through once first, so a
        # damaged file is called damaged rather than failing on whatever its damage looks like.
        with gzip.open(path, "rb") as raw:
            while raw.read(1 << 20):
                pass
        with gzip.open(path, "rt", encoding="utf-8") as text:
            for number, line in enumerate(text, start=1):
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    raise InvalidInput(f"{path.name} is damaged: line {number} is not JSON") from None
                if not isinstance(record, dict):
                    raise InvalidInput(f"{path.name} is damaged: line {number} is not an object")
                yield number, record
    except FileNotFoundError:
        raise InvalidInput(f"there is no file {str(path)!r}") from None
    except gzip.BadGzipFile as e:
        if str(e).startswith("Not a gzipped file"):
            raise InvalidInput(f"{path.name} is not a graphsvc backup (not a gzip file)") from None
        raise InvalidInput(f"{path.name} is damaged: {e}") from None
    except (EOFError, zlib.error):
        raise InvalidInput(
            f"{path.name} is damaged or incomplete: its compressed data end early or fail their checksum"
        ) from None
    except UnicodeDecodeError:
        raise InvalidInput(f"{path.name} is damaged: it is not UTF-8 text") from None
    except IsADirectoryError:
        raise InvalidInput(f"{str(path)!r} is a folder, not a backup file") from None


def _header(path: Path, number: int, record: dict[str, Any]) -> Header:
    if record.get("format") != FORMAT:
        raise InvalidInput(
            f'{path.name} is not a graphsvc backup (its first line has no "format": "{FORMAT}")'
        )
    version = record.get("format_version")
    if version != FORMAT_VERSION:
        raise InvalidInput(
            f"{path.name} is in backup format version {version!r}; this graphsvc "
            f"reads version {FORMAT_VERSION}"
        )
    try:
        return Header(
            tenant=_field(record, "tenant", str),
            nodes=_field(record, "nodes", int),
            relationships=_field(record, "relationships", int),
            graphsvc_version=_field(record, "graphsvc_version", str),
            created_at=_field(record, "created_at", str),
        )
    except ValueError as e:
        raise InvalidInput(f"{path.name} is damaged: the header {e}") from None


def _field(record: dict[str, Any], name: str, kind: type) -> Any:
    value = record.get(name)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise ValueError(f"needs {name!r} as {kind.__name__}")
    return value


def _props(record: dict[str, Any]) -> tuple[dict[str, Any], Zoned]:
    """The decoded properties, and the zoned datetimes apart as their (checked) text: Neo4j
    reads its own text exactly, and far faster than the driver sends datetime objects."""
    props = record.get("props")
    if not isinstance(props, dict):
        raise ValueError("it has no properties object")
    decoded: dict[str, Any] = {}
    zoned: Zoned = {}
    for key, tagged in props.items():
        try:
            value = decode_value(tagged)
        except ValueError as e:
            raise ValueError(f"property {key[:60]!r}: {e}") from None
        text = zoned_text(tagged)
        if text is None:
            decoded[key] = value
        else:
            zoned[key] = text
    return decoded, zoned


def _name(value: Any, what: str) -> str:
    if not isinstance(value, str) or not SAFE_NAME.fullmatch(value):
        raise ValueError(f"{what} {str(value)[:60]!r} is not a plain name (letters, digits, _)")
    return value


def _node(record: dict[str, Any], expected_number: int) -> NodeRecord:
    if record.get("node") != expected_number:
        raise ValueError(
            f"node {str(record.get('node'))[:20]} comes where node {expected_number} "
            "should: a line is missing or out of order"
        )
    labels = record.get("labels")
    if not isinstance(labels, list):
        raise ValueError("it has no list of labels")
    props, zoned = _props(record)
    return NodeRecord(labels=[_name(label, "label") for label in labels], props=props, zoned=zoned)


def _relationship(record: dict[str, Any], nodes: int) -> RelationshipRecord:
    ends = record.get("from"), record.get("to")
    for end in ends:
        if not isinstance(end, int) or isinstance(end, bool) or not 0 <= end < nodes:
            raise ValueError(f"it names node {end!r}, which the file does not hold")
    props, zoned = _props(record)
    return RelationshipRecord(
        type=_name(record.get("rel"), "relationship type"),
        source=ends[0],  # type: ignore[arg-type]
        target=ends[1],  # type: ignore[arg-type]
        props=props,
        zoned=zoned,
    )


def read_backup(path: Path) -> Backup:
    """The whole backup, checked and decoded; InvalidInput naming the first problem."""
    lines = _lines(path)
    first = next(lines, None)
    if first is None:
        raise InvalidInput(f"{path.name} is empty")
    backup = Backup(header=_header(path, *first))
    for number, record in lines:
        try:
            if "node" in record:
                if backup.relationships:
                    raise ValueError("a node comes after the relationships")
                backup.nodes.append(_node(record, len(backup.nodes)))
            elif "rel" in record:
                backup.relationships.append(_relationship(record, len(backup.nodes)))
            else:
                raise ValueError("it is neither a node nor a relationship")
        except ValueError as e:
            raise InvalidInput(f"{path.name} is damaged: line {number}: {e}") from None
    header = backup.header
    if (len(backup.nodes), len(backup.relationships)) != (header.nodes, header.relationships):
        raise InvalidInput(
            f"{path.name} is incomplete: it holds {len(backup.nodes):,} nodes and "
            f"{len(backup.relationships):,} relationships, its header promises "
            f"{header.nodes:,} and {header.relationships:,}"
        )
    return backup
