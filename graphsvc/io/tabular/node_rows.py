"""Rows of actors, contact persons and young people -> node records (and the ties their rows
give: a contact's organisation, a young person's school, associations and workplace).

A row is one node, found by its ``id`` cell; a row without one is matched by name to a stored
node of its kind, or gets an id made from its name. Two rows with one id, or two rows without
ids with one name, are errors: the file would say two things about one node.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from typing import Any

from graphsvc.domain import (
    ACTOR_KINDS,
    Arena,
    Challenge,
    Kind,
    Sector,
    SurveyStatus,
    Tie,
    TieType,
    looks_like_cpr,
)
from graphsvc.io.tabular.actor_types import Profile, read_profile
from graphsvc.io.tabular.columns import ImportKind
from graphsvc.io.tabular.headings import ColumnMap
from graphsvc.io.tabular.reading import Table
from graphsvc.io.tabular.records import NodeRecord, Plan, RowReader, TieRecord, data_rows
from graphsvc.io.tabular.references import Known, NameIndex, describe, name_key, new_id
from graphsvc.io.tabular.report import ImportReport
from graphsvc.io.tabular.values import (
    age_band_of,
    lookup,
    loose,
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
    ImportKind.AREAS: ("areas", frozenset({Kind.AREA}), "area-"),
    ImportKind.TARGET_GROUPS: ("target_groups", frozenset({Kind.TARGET_GROUP}), "tg-"),
    ImportKind.INITIATIVES: ("initiatives", frozenset({Kind.INITIATIVE}), "initiative-"),
}
_AREA = frozenset({Kind.AREA})


class _Rows:
    """What the row readers share: the names found so far, the plan, the tenant's own type
    words, and the areas the file names that the tenant does not have yet."""

    def __init__(self, index: NameIndex, plan: Plan, own_types: Mapping[str, Profile]) -> None:
        self.index = index
        self.plan = plan
        self.own_types = own_types
        self.new_areas: dict[str, str] = {}  # name key -> id


def node_plan(
    kind: ImportKind,
    table: Table,
    columns: ColumnMap,
    index: NameIndex,
    report: ImportReport,
    *,
    own_types: Mapping[str, Profile] | None = None,
) -> Plan:
    label, kinds, prefix = _SETTINGS[kind]
    plan = Plan(label)
    rows = _Rows(index, plan, own_types or {})
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
        if node_id in rows.new_areas.values():  # named as an area further up, described here
            plan.nodes = [n for n in plan.nodes if n.id != node_id]
            known = None
        fields: dict[str, Any] = {"name": name}
        node_kind = reader_of(cells, fields, rows, node_id)
        if kind is ImportKind.ACTORS:
            node_kind = _actor_kind(cells, node_kind, known, fields, inferred)
        elif known is None:
            node_kind = next(iter(kinds))
        if kind is ImportKind.ACTORS and "sector" not in fields and known is None and not cells.failed:
            cells.error(
                f"{name!r} has no sector",
                "sector" if cells.has("sector") else ("kind" if cells.has("kind") else None),
                "give a sector or a type such as skole, forening, fond, virksomhed; or choose a "
                "default sector for the file",
            )
        if cells.failed:
            where = (
                f"{report.current_sheet} row {row.number}" if report.current_sheet else f"row {row.number}"
            )
            index.refused[name_key(name)] = where
            continue
        index.add(Known(node_id, node_kind or (known.kind if known else Kind.ORGANISATION), name))
        plan.nodes.append(NodeRecord(row.number, node_id, node_kind, fields, cells.headings()))
    kept = {record.row for record in plan.nodes if record.kind is not Kind.AREA or kind is ImportKind.AREAS}
    plan.ties = [tie for tie in plan.ties if tie.row in kept]  # not the ties of refused rows
    if rows.new_areas:
        names = ", ".join(repr(n.fields["name"]) for n in plan.nodes if n.id in rows.new_areas.values())
        report.info(f"{len(rows.new_areas)} areas the tenant does not have yet are created: {names}")
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


def _area(cells: RowReader, fields: dict[str, Any], rows: _Rows, name: str = "area") -> None:
    _set(cells, fields, name, lambda text: _area_id(text, rows))


def _area_id(text: str, rows: _Rows) -> str:
    """The area ``text`` names; one the tenant does not have yet is created with the file."""
    index = rows.index
    if index.by_id.get(text) is not None or index.named(text, _AREA):
        return index.resolve(text, _AREA).id
    if index.named(text, frozenset(Kind) - _AREA) or _close_to_an_area(text, index):
        return index.resolve(text, _AREA).id  # says what it is, or which area was meant
    key = name_key(text)
    if key not in rows.new_areas:
        area_id = new_id(text, "area-", lambda candidate: candidate in index.by_id)
        rows.new_areas[key] = area_id
        index.add(Known(area_id, Kind.AREA, text))
        # Row 0: kept when rows with errors are skipped, as other rows may name the area too.
        rows.plan.nodes.append(NodeRecord(0, area_id, Kind.AREA, {"name": text}, label="areas"))
    return rows.new_areas[key]


def _close_to_an_area(text: str, index: NameIndex) -> bool:
    # "Hvalsoe By" for "Hvalsø By" is a spelling, not a new area.
    names = {loose(k.name) for k in index.by_id.values() if k.kind is Kind.AREA}
    return bool(difflib.get_close_matches(loose(text), names, n=1, cutoff=0.85))


def _actor(cells: RowReader, fields: dict[str, Any], rows: _Rows, node_id: str) -> Kind | None:
    _, profile = cells.read("kind", lambda t: read_profile(t, rows.own_types))
    profile = profile or Profile()
    _set(cells, fields, "sector", lambda t: read_enum(t, Sector, "a sector"))
    if fields.get("sector") is None:
        fields.pop("sector", None)
        if profile.sector is not None:
            fields["sector"] = profile.sector
    _set(cells, fields, "arenas", lambda t: read_list(t, Arena, "an arena"))
    if not fields.get("arenas") and profile.arenas:
        fields["arenas"] = profile.arenas
    if fields.get("arenas", ()) is None:
        fields["arenas"] = frozenset()
    for name in ("category", "description"):
        _text(cells, fields, name)
    _set(cells, fields, "survey_status", lambda t: read_enum(t, SurveyStatus, "a survey status"))
    _tags(cells, fields)
    _area(cells, fields, rows)
    return profile.kind


def _tags(cells: RowReader, fields: dict[str, Any]) -> None:
    """Kumu's Tags: arena words become arenas, the rest is kept in the category."""
    text = cells.text("tags")
    if not text:
        return
    tags = [t.strip() for t in re.split(r"[|,;\n]", text) if t.strip()]
    arenas = {a for a in (lookup(Arena, t) for t in tags) if a is not None}
    others = [t for t in tags if lookup(Arena, t) is None]
    if arenas:
        fields["arenas"] = frozenset(fields.get("arenas") or ()) | arenas
    if others and not fields.get("category"):
        fields["category"] = ", ".join(others)[:200]


def _target_group(cells: RowReader, fields: dict[str, Any], rows: _Rows, node_id: str) -> Kind | None:
    _text(cells, fields, "description")
    _set(cells, fields, "criteria_age_bands", lambda t: frozenset(age_band_of(b) for b in split_names(t)))
    _set(cells, fields, "criteria_challenges", lambda t: read_list(t, Challenge, "a challenge"))
    _set(
        cells,
        fields,
        "criteria_areas",
        lambda t: frozenset(rows.index.resolve(a, _AREA).id for a in split_names(t)),
    )
    for name in ("criteria_age_bands", "criteria_challenges", "criteria_areas"):
        if name in fields and fields[name] is None:
            fields[name] = frozenset()
    return Kind.TARGET_GROUP


def _initiative(cells: RowReader, fields: dict[str, Any], rows: _Rows, node_id: str) -> Kind | None:
    _text(cells, fields, "description")
    return Kind.INITIATIVE


def _area_row(cells: RowReader, fields: dict[str, Any], rows: _Rows, node_id: str) -> Kind | None:
    _text(cells, fields, "area_type")
    parents: dict[str, Any] = {}
    _area(cells, parents, rows, "part_of")
    parent = parents.get("part_of")
    if parent == node_id:
        cells.error("an area cannot be part of itself", "part_of")
    elif parent:
        rows.plan.ties.append(
            TieRecord(cells.row.number, Tie(type=TieType.PART_OF, source=node_id, target=parent), frozenset())
        )
    return Kind.AREA


def _contact(cells: RowReader, fields: dict[str, Any], rows: _Rows, node_id: str) -> Kind | None:
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
    _ties(cells, rows, "organisations", node_id, tie_type, ACTOR_KINDS)
    return None


def _young_person(cells: RowReader, fields: dict[str, Any], rows: _Rows, node_id: str) -> Kind | None:
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
    _area(cells, fields, rows)
    _ties(cells, rows, "school", node_id, TieType.ATTENDS, frozenset({Kind.MUNICIPAL_UNIT}))
    _ties(cells, rows, "associations", node_id, TieType.MEMBER_OF, frozenset({Kind.ASSOCIATION}))
    _ties(cells, rows, "workplace", node_id, TieType.WORKS_AT, frozenset({Kind.BUSINESS}))
    return None


def _ties(
    cells: RowReader,
    rows: _Rows,
    name: str,
    node_id: str,
    tie_type: TieType,
    kinds: frozenset[Kind],
) -> None:
    _, targets = cells.read(name, lambda t: [rows.index.resolve(n, kinds).id for n in split_names(t)])
    for target in targets or ():
        rows.plan.ties.append(
            TieRecord(cells.row.number, Tie(type=tie_type, source=node_id, target=target), frozenset())
        )


_READERS = {
    ImportKind.ACTORS: _actor,
    ImportKind.CONTACTS: _contact,
    ImportKind.YOUNG_PEOPLE: _young_person,
    ImportKind.AREAS: _area_row,
    ImportKind.TARGET_GROUPS: _target_group,
    ImportKind.INITIATIVES: _initiative,
}
