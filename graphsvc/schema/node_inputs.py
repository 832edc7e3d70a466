"""Inputs for creating and changing nodes, and their translation into domain fields.

In an update, a field left out is kept, and a field given as null is cleared.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry

from graphsvc.schema import enums

__all__ = [
    "ActorCreate",
    "ActorUpdate",
    "AreaCreate",
    "AreaUpdate",
    "ContactPersonCreate",
    "ContactPersonUpdate",
    "CriteriaInput",
    "InitiativeCreate",
    "InitiativeUpdate",
    "TargetGroupCreate",
    "TargetGroupUpdate",
    "YoungPersonCreate",
    "YoungPersonUpdate",
    "fields_of",
]

UNSET: Any = strawberry.UNSET
_ID = "Optional id (letters, digits, . _ : -); a new one is made when left out."
_EXPECTED = (
    "The `version` you last read: if someone changed the node since, nothing is changed "
    "and a ConflictError says so. Left out: the change is applied to whatever is there."
)


@strawberry.input(description="A new actor.")
class ActorCreate:
    kind: enums.ActorKind = strawberry.field(description="The kind of actor.")  # type: ignore[valid-type]
    name: str = strawberry.field(description="Its name.")
    sector: enums.Sector = strawberry.field(description="Its sector.")  # type: ignore[valid-type]
    arenas: list[enums.Arena] = strawberry.field(default_factory=list, description="Its arenas.")  # type: ignore[valid-type]
    category: str | None = strawberry.field(default=None, description="What it is, in words.")
    description: str | None = strawberry.field(default=None, description="A description.")
    area_id: strawberry.ID | None = strawberry.field(default=None, description="Its area.")
    id: strawberry.ID | None = strawberry.field(default=None, description=_ID)


@strawberry.input(description="Changes to an actor; fields left out are kept.")
class ActorUpdate:
    name: str | None = strawberry.field(default=UNSET, description="New name.")
    sector: enums.Sector | None = strawberry.field(default=UNSET, description="New sector.")  # type: ignore[valid-type]
    arenas: list[enums.Arena] | None = strawberry.field(default=UNSET, description="New arenas.")  # type: ignore[valid-type]
    category: str | None = strawberry.field(default=UNSET, description="New category.")
    description: str | None = strawberry.field(default=UNSET, description="New description.")
    area_id: strawberry.ID | None = strawberry.field(default=UNSET, description="New area.")
    expected_version: int | None = strawberry.field(default=UNSET, description=_EXPECTED)


@strawberry.input(description="A new young person (pseudonym only, never a real name).")
class YoungPersonCreate:
    pseudonym: str = strawberry.field(description="A pseudonym.")
    age_band: enums.AgeBand | None = strawberry.field(default=None, description="Age band.")  # type: ignore[valid-type]
    birth_year: int | None = strawberry.field(default=None, description="Year of birth.")
    challenges: list[enums.Challenge] = strawberry.field(default_factory=list, description="Challenges.")  # type: ignore[valid-type]
    area_id: strawberry.ID | None = strawberry.field(default=None, description="Where they live.")
    id: strawberry.ID | None = strawberry.field(default=None, description=_ID)


@strawberry.input(description="Changes to a young person; fields left out are kept.")
class YoungPersonUpdate:
    pseudonym: str | None = strawberry.field(default=UNSET, description="New pseudonym.")
    age_band: enums.AgeBand | None = strawberry.field(default=UNSET, description="New age band.")  # type: ignore[valid-type]
    birth_year: int | None = strawberry.field(default=UNSET, description="New year of birth.")
    challenges: list[enums.Challenge] | None = strawberry.field(default=UNSET, description="New challenges.")  # type: ignore[valid-type]
    area_id: strawberry.ID | None = strawberry.field(default=UNSET, description="New area.")
    expected_version: int | None = strawberry.field(default=UNSET, description=_EXPECTED)


@strawberry.input(description="A new contact person.")
class ContactPersonCreate:
    name: str = strawberry.field(description="Their name.")
    role: str | None = strawberry.field(default=None, description="Their role.")
    email: str | None = strawberry.field(default=None, description="E-mail address.")
    phone: str | None = strawberry.field(default=None, description="Phone number.")
    id: strawberry.ID | None = strawberry.field(default=None, description=_ID)


@strawberry.input(description="Changes to a contact person; fields left out are kept.")
class ContactPersonUpdate:
    name: str | None = strawberry.field(default=UNSET, description="New name.")
    role: str | None = strawberry.field(default=UNSET, description="New role.")
    email: str | None = strawberry.field(default=UNSET, description="New e-mail address.")
    phone: str | None = strawberry.field(default=UNSET, description="New phone number.")
    expected_version: int | None = strawberry.field(default=UNSET, description=_EXPECTED)


@strawberry.input(description="A new area.")
class AreaCreate:
    name: str = strawberry.field(description="Its name.")
    area_type: str | None = strawberry.field(default=None, description="town, district, parish…")
    id: strawberry.ID | None = strawberry.field(default=None, description=_ID)


@strawberry.input(description="Changes to an area; fields left out are kept.")
class AreaUpdate:
    name: str | None = strawberry.field(default=UNSET, description="New name.")
    area_type: str | None = strawberry.field(default=UNSET, description="New type.")
    expected_version: int | None = strawberry.field(default=UNSET, description=_EXPECTED)


@strawberry.input(description="Who belongs to a target group; empty lists do not restrict.")
class CriteriaInput:
    age_bands: list[enums.AgeBand] = strawberry.field(default_factory=list, description="Age bands.")  # type: ignore[valid-type]
    area_ids: list[strawberry.ID] = strawberry.field(default_factory=list, description="Areas.")
    challenges: list[enums.Challenge] = strawberry.field(default_factory=list, description="Challenges.")  # type: ignore[valid-type]


@strawberry.input(description="A new target group.")
class TargetGroupCreate:
    name: str = strawberry.field(description="Its name.")
    description: str | None = strawberry.field(default=None, description="A description.")
    criteria: CriteriaInput | None = strawberry.field(default=None, description="Who matches.")
    id: strawberry.ID | None = strawberry.field(default=None, description=_ID)


@strawberry.input(description="Changes to a target group; fields left out are kept.")
class TargetGroupUpdate:
    name: str | None = strawberry.field(default=UNSET, description="New name.")
    description: str | None = strawberry.field(default=UNSET, description="New description.")
    criteria: CriteriaInput | None = strawberry.field(default=UNSET, description="New criteria.")
    expected_version: int | None = strawberry.field(default=UNSET, description=_EXPECTED)


@strawberry.input(description="A new initiative.")
class InitiativeCreate:
    name: str = strawberry.field(description="Its name.")
    description: str | None = strawberry.field(default=None, description="A description.")
    id: strawberry.ID | None = strawberry.field(default=None, description=_ID)


@strawberry.input(description="Changes to an initiative; fields left out are kept.")
class InitiativeUpdate:
    name: str | None = strawberry.field(default=UNSET, description="New name.")
    description: str | None = strawberry.field(default=UNSET, description="New description.")
    expected_version: int | None = strawberry.field(default=UNSET, description=_EXPECTED)


# GraphQL field names that differ from the domain's.
_RENAMED = {"pseudonym": "name", "area_id": "area"}


def _value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_value(v) for v in value]
    return value


def fields_of(data: Any) -> dict[str, Any]:
    """The domain fields an input sets (left-out fields are absent; criteria are flattened)."""
    fields: dict[str, Any] = {}
    for name, value in vars(data).items():
        if value is UNSET:
            continue
        if name == "criteria":
            criteria = value or CriteriaInput()
            fields["criteria_age_bands"] = _value(criteria.age_bands)
            fields["criteria_areas"] = list(criteria.area_ids)
            fields["criteria_challenges"] = _value(criteria.challenges)
            continue
        if name in ("arenas", "challenges") and value is None:
            value = []
        fields[_RENAMED.get(name, name)] = _value(value)
    return fields
