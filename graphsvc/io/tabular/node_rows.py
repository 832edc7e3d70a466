"""Rows of actors, contact persons and young people -> node records (and the ties their rows
give: a contact's organisation, a young person's school, associations and workplace).

A row is one node, found by its ``id`` cell; a row without one is matched by name to a stored
node of its kind, or gets an id made from its name. Two rows with one id, or two rows without
ids with one name, are errors: the file would say two things about one node.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from graphsvc.domain import (
    ACTOR_KINDS,
    Arena,
    Challenge,
    Kind,
    Sector,
    Tie,
    TieType,
    looks_like_cpr,
)
from graphsvc.io.tabular.columns import ImportKind
from graphsvc.io.tabular.headings import ColumnMap
from graphsvc.io.tabular.reading import Table
from graphsvc.io.tabular.records import NodeRecord, Plan, RowReader, TieRecord, data_rows
from graphsvc.io.tabular.references import Known, NameIndex, describe, name_key, new_id
from graphsvc.io.tabular.report import ImportReport
from graphsvc.io.tabular.values import (
    age_band_of,
    read_enum,
    read_list,
    read_year,
    split_names,
)

__all__ = ["node_plan"]

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$")
_KIND_BY_SECTOR = {
    Sector.CIVIL_SOCIETY: Kind.ASSOCIATION,
    Sector.BUSINESS: Kind.BUSINESS,
    Sector.PUBLIC: Kind.MUNICIPAL_UNIT,
}
_SETTINGS: dict[ImportKind, tuple[str, frozenset[Kind], str]] = {
    ImportKind.ACTORS: ("actors", ACTOR_KINDS, ""),
    ImportKind.CONTACTS: ("contacts", frozenset({Kind.PERSON}), "person-"),
    ImportKind.YOUNG_PEOPLE: ("young_people", frozenset({Kind.YOUNG_PERSON}), "yp-"),
}
_AREA = frozenset({Kind.AREA})


def node_plan(
    kind: ImportKind, table: Table, columns: ColumnMap, index: NameIndex, report: ImportReport
) -> Plan:
    label, kinds, prefix = _SETTINGS[kind]
    plan = Plan(label)
    ids: dict[str, int] = {}  # id -> row
    unnamed: dict[str, int] = {}  # name of a row without an id -> row
    inferred: list[int] = []
    reader_of = _READERS[kind]
    for row in data_rows(table, report):
        cells = RowReader(row, columns, report)
        name = cells.text("name") or ""
        if not name:
            cells.error("the name is empty", "name")
            continue
        stored = _identify(cells, name, kinds, prefix, index, ids, unnamed)
        if stored is None:
            continue
        node_id, known = stored
        fields: dict[str, Any] = {"name": name}
        node_kind = reader_of(cells, fields, index, plan, node_id)
        if kind is ImportKind.ACTORS:
            node_kind = _actor_kind(cells, node_kind, known, fields, inferred)
        elif known is None:
            node_kind = next(iter(kinds))
        if cells.failed:
            continue
        index.add(Known(node_id, node_kind or (known.kind if known else Kind.ORGANISATION), name))
        plan.nodes.append(NodeRecord(row.number, node_id, node_kind, fields, cells.headings()))
    kept = {record.row for record in plan.nodes}
    plan.ties = [tie for tie in plan.ties if tie.row in kept]  # not the ties of refused rows
    if inferred:
        report.info(
            f"{len(inferred)} rows give no kind: it was taken from the sector "
            "(civil_society: association, business: business, public: municipal unit, "
            "others: organisation)"
        )
    return plan


def _identify(
    cells: RowReader,
    name: str,
    kinds: frozenset[Kind],
    prefix: str,
    index: NameIndex,
    ids: dict[str, int],
    unnamed: dict[str, int],
) -> tuple[str, Known | None] | None:
    """The row's node id and the stored node it is, if any."""
    given = cells.text("id") or ""
    row = cells.row.number
    if given:
        if not _ID.fullmatch(given):
            cells.error(
                f"{given[:40]!r} is not a usable id",
                "id",
                "use letters, digits, '.', '_', ':' or '-', starting with a letter or digit",
            )
            return None
        if given in ids:
            cells.error(f"the id {given!r} is also on row {ids[given]}", "id", "give each row its own id")
            return None
        ids[given] = row
        known = index.by_id.get(given)
        if known is not None and known.kind not in kinds:
            cells.error(
                f"the id {given!r} belongs to {describe([known.kind])} ({known.name!r}), "
                f"not {describe(kinds)}",
                "id",
            )
            return None
        return given, known
    key = name_key(name)
    if key in unnamed:
        cells.error(
            f"the name {name!r} is also on row {unnamed[key]}",
            "name",
            "give each row its own id, or remove one of the rows",
        )
        return None
    unnamed[key] = row
    matches = index.named(name, kinds)
    if len(matches) > 1:
        found = ", ".join(sorted(m.id for m in matches))
        cells.error(
            f"several stored nodes are called {name!r} ({found})",
            "name",
            "give the row an id column with the one you mean",
        )
        return None
    if matches:
        ids.setdefault(matches[0].id, row)
        return matches[0].id, matches[0]
    node_id = new_id(name, prefix, lambda candidate: candidate in index.by_id or candidate in ids)
    ids[node_id] = row
    return node_id, None


def _actor_kind(
    cells: RowReader, given: Kind | None, known: Known | None, fields: dict[str, Any], inferred: list[int]
) -> Kind | None:
    if known is not None:
        if given is not None and given != known.kind:
            cells.error(
                f"{known.name!r} is stored as {describe([known.kind])}; an import cannot "
                "change what kind of actor it is",
                "kind",
                "leave the kind as it is, or delete the actor first",
            )
        return known.kind
    if given is not None:
        return given
    sector = fields.get("sector")
    if sector is None:
        return None
    inferred.append(cells.row.number)
    return _KIND_BY_SECTOR.get(sector, Kind.ORGANISATION)


def _set(cells: RowReader, fields: dict[str, Any], name: str, parse: Callable[[str], Any]) -> None:
    present, value = cells.read(name, parse)
    if present:
        fields[name] = value


def _text(cells: RowReader, fields: dict[str, Any], name: str) -> None:
    _set(cells, fields, name, lambda text: text)


def _area(cells: RowReader, fields: dict[str, Any], index: NameIndex) -> None:
    _set(cells, fields, "area", lambda text: index.resolve(text, _AREA).id)


def _actor(
    cells: RowReader, fields: dict[str, Any], index: NameIndex, plan: Plan, node_id: str
) -> Kind | None:
    _, kind = cells.read("kind", lambda t: read_enum(t, Kind, "a kind of actor"))
    if kind is not None and kind not in ACTOR_KINDS:
        cells.error(
            f"{kind.value} is not a kind of actor",
            "kind",
            "use association, business, municipal_unit or organisation",
        )
        kind = None
    _set(cells, fields, "sector", lambda t: read_enum(t, Sector, "a sector"))
    if cells.text("sector") == "":
        cells.error(
            "the sector is empty",
            "sector",
            "use public, civil_society, business, philanthropy, knowledge or citizens",
        )
    _set(cells, fields, "arenas", lambda t: read_list(t, Arena, "an arena"))
    if fields.get("arenas", ()) is None:
        fields["arenas"] = frozenset()
    for name in ("category", "description"):
        _text(cells, fields, name)
    _area(cells, fields, index)
    return kind


def _contact(
    cells: RowReader, fields: dict[str, Any], index: NameIndex, plan: Plan, node_id: str
) -> Kind | None:
    for name in ("role", "email", "phone"):
        _text(cells, fields, name)
    _, relation = cells.read("relation", lambda t: read_enum(t, TieType, "a relation"))
    if relation not in (None, TieType.WORKS_FOR, TieType.VOLUNTEERS_AT):
        cells.error(
            f"{relation.value.lower()} is not how a person is tied to an organisation",
            "relation",
            "use works_for (ansat) or volunteers_at (frivillig)",
        )
    tie_type = relation or TieType.WORKS_FOR
    _ties(cells, plan, index, "organisations", node_id, tie_type, ACTOR_KINDS)
    return None


def _young_person(
    cells: RowReader, fields: dict[str, Any], index: NameIndex, plan: Plan, node_id: str
) -> Kind | None:
    for position, cell in enumerate(cells.row.cells):
        if looks_like_cpr(cell):
            heading = next((h for f, (p, h) in cells.columns.positions.items() if p == position), None)
            cells.report.error(
                "this looks like a CPR number: graphsvc must never hold one",
                row=cells.row.number,
                column=heading,
                suggestion="remove it from the file; use pseudonyms only",
            )
            cells.failed = True
    _set(cells, fields, "age_band", age_band_of)
    _set(cells, fields, "birth_year", lambda t: read_year(t, "birth year"))
    _set(cells, fields, "challenges", lambda t: read_list(t, Challenge, "a challenge"))
    if fields.get("challenges", ()) is None:
        fields["challenges"] = frozenset()
    _area(cells, fields, index)
    _ties(cells, plan, index, "school", node_id, TieType.ATTENDS, frozenset({Kind.MUNICIPAL_UNIT}))
    _ties(cells, plan, index, "associations", node_id, TieType.MEMBER_OF, frozenset({Kind.ASSOCIATION}))
    _ties(cells, plan, index, "workplace", node_id, TieType.WORKS_AT, frozenset({Kind.BUSINESS}))
    return None


def _ties(
    cells: RowReader,
    plan: Plan,
    index: NameIndex,
    name: str,
    node_id: str,
    tie_type: TieType,
    kinds: frozenset[Kind],
) -> None:
    _, targets = cells.read(name, lambda t: [index.resolve(n, kinds).id for n in split_names(t)])
    for target in targets or ():
        plan.ties.append(
            TieRecord(cells.row.number, Tie(type=tie_type, source=node_id, target=target), frozenset())
        )


_READERS = {ImportKind.ACTORS: _actor, ImportKind.CONTACTS: _contact, ImportKind.YOUNG_PEOPLE: _young_person}
