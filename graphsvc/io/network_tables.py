"""A network drawn in another tool, as two tables the spreadsheet import reads: one of nodes
(actors) and one of ties.

Gephi, yEd, Polinode and Kumu files name their nodes by the tool's own keys ("0", "n12",
"elem-x1"): they are not graphsvc ids, and two files may reuse them. So the node table keeps
them beside the rows (``keys``), its actors get ids from their names as in any spreadsheet,
and the tie table's ends are the keys, translated to the actors' ids once those are known
(:meth:`NetworkTables.ties_with_ids`). Attributes become columns under their names, so that
"Type", "Sektor" or "Område" are read as in a spreadsheet and the others ("Modularity Class",
"In-Degree") are reported as unused, never refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from graphsvc.domain import Kind
from graphsvc.errors import Problem
from graphsvc.io.graphml_parse import Item, KeyDecl, RawRecord, keys_for
from graphsvc.io.tabular.columns import ACTOR_COLUMNS, ImportKind
from graphsvc.io.tabular.reading import Row, Table
from graphsvc.io.tabular.values import lookup, loose

__all__ = ["ORDER", "NetworkTables", "split_by_kind", "tables_from_items"]

# Gephi's drawing attributes: not worth a warning each.
_DRAWING = frozenset({"x", "y", "z", "size", "r", "g", "b", "color", "viz"})


@dataclass
class NetworkTables:
    nodes: Table
    ties: Table | None
    keys: dict[int, str] = field(default_factory=dict)  # node row -> the file's key for it
    node_sheet: str = "nodes"
    tie_sheet: str = "edges"
    problems: list[Problem] = field(default_factory=list)

    def ties_with_ids(self, ids_by_row: Mapping[int, str]) -> Table | None:
        """The tie table with each end that is a node key replaced by the node's graphsvc id
        (or, for a node that was not read, by its name, so that a problem names it)."""
        if self.ties is None or not self.keys:
            return self.ties
        names = {row.number: row.cells[0] if row.cells else "" for row in self.nodes.rows}
        by_key = {key: ids_by_row.get(row) or names.get(row, key) for row, key in self.keys.items()}
        rows = tuple(
            Row(
                row.number,
                (
                    by_key.get(row.cells[0], row.cells[0]),
                    by_key.get(row.cells[1], row.cells[1]),
                    *row.cells[2:],
                ),
            )
            if len(row.cells) >= 2
            else row
            for row in self.ties.rows
        )
        return Table(self.ties.headings, self.ties.heading_row, rows)


def tables_from_items(items: Iterable[Item]) -> NetworkTables:
    """The nodes and edges of a parsed GraphML or GEXF file as tables: the node table's first
    column is the name (the label, else the key), the edge table's first two the ends."""
    declared: list[KeyDecl] = []
    keys: dict[str, dict[str, KeyDecl]] = {}  # element -> key id -> key
    node_columns: dict[str, int] = {}
    edge_columns: dict[str, int] = {}
    nodes: list[tuple[int, dict[int, str]]] = []
    edges: list[tuple[int, dict[int, str]]] = []
    problems: list[Problem] = []
    node_keys: dict[int, str] = {}
    for item in items:
        if isinstance(item, KeyDecl):
            declared.append(item)
            keys = {element: keys_for(declared, element) for element in ("node", "edge")}
            if item.default and not item.graphics:  # a column even if no record sets it
                for domain, columns, first in (("node", node_columns, 0), ("edge", edge_columns, 2)):
                    if item.domain in (domain, "all") and item.name.casefold() not in _DRAWING:
                        columns.setdefault(item.name, len(columns) + first)
        elif isinstance(item, Problem):
            problems.append(item)
        elif item.element == "node":
            if not item.id:
                problems.append(Problem(f"node at line {item.line}", "has no id"))
                continue
            row = len(nodes) + 2  # after the heading row, as a spreadsheet counts
            node_keys[row] = item.id
            nodes.append((row, _cells(item, keys.get("node", {}), node_columns, "node")))
        else:
            if not item.source or not item.target:
                problems.append(Problem(f"edge at line {item.line}", "has no source or target"))
                continue
            cells = _cells(item, keys.get("edge", {}), edge_columns, "edge")
            edges.append((len(edges) + 2, {0: item.source, 1: item.target, **cells}))
    label = node_columns.get("label")
    node_headings = ["name", *(_heading(h) for h in node_columns if h != "label")]
    node_rows = []
    for row, cells in nodes:
        name = cells.get(label, "") if label is not None else ""
        others = [cells.get(i, "") for h, i in node_columns.items() if h != "label"]
        node_rows.append(Row(row, (name.strip() or node_keys[row], *others)))
    edge_headings = ["source", "target", *(_heading(h) for h in edge_columns)]
    edge_rows = [
        Row(row, (cells[0], cells[1], *(cells.get(i, "") for i in edge_columns.values())))
        for row, cells in edges
    ]
    return NetworkTables(
        nodes=Table(tuple(node_headings), 1, tuple(node_rows)),
        ties=Table(tuple(edge_headings), 1, tuple(edge_rows)) if edges else None,
        keys=node_keys,
        problems=problems,
    )


def _cells(
    record: RawRecord, keys: Mapping[str, KeyDecl], columns: dict[str, int], element: str
) -> dict[int, str]:
    cells: dict[int, str] = {}
    for key_id, text in record.data:
        key = keys.get(key_id)
        if key is not None and (key.graphics or key.domain not in (element, "all")):
            continue
        name = key.name if key is not None else key_id
        if name.casefold() in _DRAWING:
            continue
        if name.casefold() == "weight" and _is_one(text):
            continue  # Gephi's weight of every unweighted edge, not a strength
        position = columns.setdefault(name, len(columns) + (2 if element == "edge" else 0))
        cells[position] = text.strip()
    for key in keys.values():  # a declared default fills what a record leaves out
        if key.default and key.domain in (element, "all") and key.name in columns:
            cells.setdefault(columns[key.name], key.default.strip())
    return cells


def _is_one(text: str) -> bool:
    try:
        return float(text) == 1.0
    except ValueError:
        return False


def _heading(name: str) -> str:
    # The edge's own direction and Gephi's edge kind keep their GEXF meaning.
    return {"edge kind": "type"}.get(name, name)


_NODE_KINDS = {
    Kind.AREA: ImportKind.AREAS,
    Kind.PERSON: ImportKind.CONTACTS,
    Kind.YOUNG_PERSON: ImportKind.YOUNG_PEOPLE,
    Kind.TARGET_GROUP: ImportKind.TARGET_GROUPS,
    Kind.INITIATIVE: ImportKind.INITIATIVES,
}
# Read in this order, so that each finds what it refers to: areas before what lies in them, actors
# before their contact persons, target groups before initiatives and young people.
ORDER = (
    ImportKind.AREAS,
    ImportKind.ACTORS,
    ImportKind.CONTACTS,
    ImportKind.TARGET_GROUPS,
    ImportKind.INITIATIVES,
    ImportKind.YOUNG_PEOPLE,
)


def split_by_kind(table: Table) -> list[tuple[ImportKind, Table]]:
    """The node table as one table per kind of node, by its Type column: a Kumu map graphsvc
    wrote holds areas, contact persons and young people besides the actors. Rows keep their
    numbers; the Type column and columns left empty are dropped from the tables of kinds other
    than actors."""
    names = {loose(name) for column in ACTOR_COLUMNS if column.field == "kind" for name in column.names()}
    position = next((i for i, h in enumerate(table.headings) if loose(h) in names), None)
    if position is None:
        return [(ImportKind.ACTORS, table)]
    groups: dict[ImportKind, list[Row]] = {}
    for row in table.rows:
        word = row.cells[position] if position < len(row.cells) else ""
        node_kind = lookup(Kind, word) if word else None
        group = _NODE_KINDS.get(node_kind, ImportKind.ACTORS) if node_kind else ImportKind.ACTORS
        groups.setdefault(group, []).append(row)
    tables: list[tuple[ImportKind, Table]] = []
    for kind in ORDER:
        rows = groups.get(kind)
        if not rows:
            continue
        if kind is ImportKind.ACTORS:
            tables.append((kind, Table(table.headings, table.heading_row, tuple(rows))))
            continue
        kept = [
            i
            for i in range(len(table.headings))
            if i != position and any(i < len(r.cells) and r.cells[i].strip() for r in rows)
        ]
        headings = tuple(table.headings[i] for i in kept)
        cells = (Row(r.number, tuple(r.cells[i] if i < len(r.cells) else "" for i in kept)) for r in rows)
        tables.append((kind, Table(headings, table.heading_row, tuple(cells))))
    return tables
