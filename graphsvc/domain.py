"""The domain model: what a municipality's network is made of.

Every node has a stable ``id`` (unique within its tenant, across all kinds), a ``tenant`` and a
``name``. Values are validated here once, and every way in (GraphQL, GraphML, the demo
generator) goes through these models, so the store can trust what it is given.

Node kinds and their Neo4j labels::

    Association, Business, MunicipalUnit, Organisation   -> :Node:Actor:<Kind>
    YoungPerson, Person, Area, TargetGroup, Initiative   -> :Node:<Kind>

A tie's type fixes which kinds it may join (see ``TIE_RULES``): a business cannot ATTEND
anything, only a young person attends a school or a unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)

__all__ = [
    "ACTOR_KINDS",
    "MAX_NAME_LENGTH",
    "PROJECTION_COLUMNS",
    "PROJECTION_TIE_COLUMNS",
    "TIE_RULES",
    "Actor",
    "AgeBand",
    "Area",
    "Arena",
    "Challenge",
    "Direction",
    "Frequency",
    "Initiative",
    "Kind",
    "Neighbourhood",
    "Network",
    "Node",
    "NodeBase",
    "NodeFilter",
    "NodePage",
    "ParticipationRole",
    "Person",
    "Related",
    "Sector",
    "StoredLink",
    "SurveyStatus",
    "TargetGroup",
    "Tie",
    "TieRule",
    "TieType",
    "YoungPerson",
    "article",
    "labels_for",
    "looks_like_cpr",
    "node_model",
]

MAX_NAME_LENGTH = 200
MAX_TEXT_LENGTH = 2000

# Ids appear in URLs, GraphML and Cypher parameters: keep them to a safe, readable alphabet.
_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$"
# Control characters, and code points no XML file (GraphML, exports) can hold.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _check_id(value: str) -> str:
    if not re.fullmatch(_ID_PATTERN, value):
        raise ValueError(
            f"{value[:40]!r} is not a valid id: use 1-128 letters, digits, '.', '_', ':' or '-',"
            " starting with a letter or digit"
        )
    return value


NodeId = Annotated[str, AfterValidator(_check_id)]
TenantId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,62}$")]


class Kind(StrEnum):
    """What a node is; also its Neo4j label."""

    ASSOCIATION = "Association"
    BUSINESS = "Business"
    MUNICIPAL_UNIT = "MunicipalUnit"
    ORGANISATION = "Organisation"
    YOUNG_PERSON = "YoungPerson"
    PERSON = "Person"
    AREA = "Area"
    TARGET_GROUP = "TargetGroup"
    INITIATIVE = "Initiative"


ACTOR_KINDS = frozenset({Kind.ASSOCIATION, Kind.BUSINESS, Kind.MUNICIPAL_UNIT, Kind.ORGANISATION})


class Sector(StrEnum):
    PUBLIC = "public"
    CIVIL_SOCIETY = "civil_society"
    BUSINESS = "business"
    PHILANTHROPY = "philanthropy"
    KNOWLEDGE = "knowledge"
    CITIZENS = "citizens"


class Arena(StrEnum):
    """The parts of a young person's everyday life an actor belongs to."""

    SCHOOL = "school"
    LEISURE = "leisure"
    HEALTH = "health"
    WORK = "work"
    FAMILY = "family"
    COMMUNITY = "community"


class AgeBand(StrEnum):
    B12_14 = "12-14"
    B15_17 = "15-17"
    B18_24 = "18-24"
    B25_29 = "25-29"


class Challenge(StrEnum):
    """Health-related data about minors: visible to coordinators only (see product.md)."""

    LONELINESS = "loneliness"
    MENTAL_HEALTH = "mental_health"
    SUBSTANCE_USE = "substance_use"
    CRIME = "crime"
    NO_EDUCATION = "no_education"
    OVERWEIGHT = "overweight"


class Frequency(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"
    RARELY = "rarely"


class SurveyStatus(StrEnum):
    """Whether an actor answered the latest partner survey it was invited to."""

    ANSWERED = "answered"
    NOT_ANSWERED = "not_answered"


class ParticipationRole(StrEnum):
    LEAD = "lead"
    PARTNER = "partner"
    FUNDER = "funder"


def _clean_text(value: str, *, field: str, max_length: int, required: bool) -> str | None:
    value = value.strip()
    if not value:
        if required:
            raise ValueError(f"{field} must not be empty")
        return None
    if len(value) > max_length:
        raise ValueError(f"{field} is {len(value)} characters long; at most {max_length} are allowed")
    if _CONTROL.search(value):
        raise ValueError(f"{field} contains control characters")
    return value


class NodeBase(BaseModel):
    """Fields every node has."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)

    kind: Kind
    id: NodeId
    tenant: TenantId
    name: str
    created_at: datetime | None = None
    updated_at: datetime | None = None
    # Counts the changes made through graphsvc (1 when created), for optimistic concurrency.
    version: int | None = None

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, value: Any) -> Any:
        if isinstance(value, str):
            return _clean_text(value, field="name", max_length=MAX_NAME_LENGTH, required=True)
        return value

    @property
    def labels(self) -> list[str]:
        return labels_for(self.kind)


def _optional_text(value: Any, field: str) -> Any:
    if isinstance(value, str):
        return _clean_text(value, field=field, max_length=MAX_TEXT_LENGTH, required=False)
    return value


class Actor(NodeBase):
    """An organisation or unit: association, business, municipal unit or other organisation."""

    kind: Literal[Kind.ASSOCIATION, Kind.BUSINESS, Kind.MUNICIPAL_UNIT, Kind.ORGANISATION]
    sector: Sector
    arenas: frozenset[Arena] = frozenset()
    category: str | None = None  # what it is in the coordinator's words: "Skole", "Fodboldklub"
    description: str | None = None
    area: NodeId | None = None
    survey_status: SurveyStatus | None = None  # set by a partner survey import

    @field_validator("category", "description", mode="before")
    @classmethod
    def _texts(cls, value: Any, info: Any) -> Any:
        return _optional_text(value, info.field_name)


class YoungPerson(NodeBase):
    """A young person, known by a pseudonym only (``name``); never a real name or CPR number."""

    kind: Literal[Kind.YOUNG_PERSON] = Kind.YOUNG_PERSON
    age_band: AgeBand | None = None
    birth_year: int | None = Field(default=None, ge=1990, le=2030)
    challenges: frozenset[Challenge] = frozenset()
    area: NodeId | None = None


class Person(NodeBase):
    """An adult contact person (teacher, club leader, business owner)."""

    kind: Literal[Kind.PERSON] = Kind.PERSON
    role: str | None = None
    email: str | None = None
    phone: str | None = None

    @field_validator("role", "email", "phone", mode="before")
    @classmethod
    def _texts(cls, value: Any, info: Any) -> Any:
        return _optional_text(value, info.field_name)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
            raise ValueError(f"email {value!r} is not an e-mail address")
        return value


class Area(NodeBase):
    """A town, district or parish; ``part_of`` is held as a PART_OF tie."""

    kind: Literal[Kind.AREA] = Kind.AREA
    area_type: str | None = None  # "town", "district", "parish"


class TargetGroup(NodeBase):
    """Young people an initiative is for: those matching every given criterion, plus explicit
    members (INCLUDED_IN ties). An empty criterion does not restrict."""

    kind: Literal[Kind.TARGET_GROUP] = Kind.TARGET_GROUP
    description: str | None = None
    criteria_age_bands: frozenset[AgeBand] = frozenset()
    criteria_areas: frozenset[NodeId] = frozenset()
    criteria_challenges: frozenset[Challenge] = frozenset()

    @field_validator("description", mode="before")
    @classmethod
    def _texts(cls, value: Any, info: Any) -> Any:
        return _optional_text(value, info.field_name)


class Initiative(NodeBase):
    """An activity ("indsats") that actors take part in and that targets target groups."""

    kind: Literal[Kind.INITIATIVE] = Kind.INITIATIVE
    description: str | None = None

    @field_validator("description", mode="before")
    @classmethod
    def _texts(cls, value: Any, info: Any) -> Any:
        return _optional_text(value, info.field_name)


Node = Actor | YoungPerson | Person | Area | TargetGroup | Initiative

_MODELS: dict[Kind, type[NodeBase]] = {
    Kind.ASSOCIATION: Actor,
    Kind.BUSINESS: Actor,
    Kind.MUNICIPAL_UNIT: Actor,
    Kind.ORGANISATION: Actor,
    Kind.YOUNG_PERSON: YoungPerson,
    Kind.PERSON: Person,
    Kind.AREA: Area,
    Kind.TARGET_GROUP: TargetGroup,
    Kind.INITIATIVE: Initiative,
}


def node_model(kind: Kind) -> type[NodeBase]:
    """The model class that validates nodes of ``kind``."""
    return _MODELS[kind]


def labels_for(kind: Kind) -> list[str]:
    """Neo4j labels of a node of ``kind``: every node is a ``Node``; actors are also ``Actor``."""
    if kind in ACTOR_KINDS:
        return ["Node", "Actor", kind.value]
    return ["Node", kind.value]


# --- ties -------------------------------------------------------------------------------------


class TieType(StrEnum):
    ATTENDS = "ATTENDS"
    MEMBER_OF = "MEMBER_OF"
    WORKS_AT = "WORKS_AT"
    USES = "USES"
    COLLABORATES_WITH = "COLLABORATES_WITH"
    REFERS_TO = "REFERS_TO"
    FUNDS = "FUNDS"
    WORKS_FOR = "WORKS_FOR"
    VOLUNTEERS_AT = "VOLUNTEERS_AT"
    PARTICIPATES_IN = "PARTICIPATES_IN"
    TARGETS = "TARGETS"
    LOCATED_IN = "LOCATED_IN"
    PART_OF = "PART_OF"
    INCLUDED_IN = "INCLUDED_IN"


class TieRule(BaseModel):
    model_config = ConfigDict(frozen=True)

    sources: frozenset[Kind]
    targets: frozenset[Kind]
    properties: frozenset[str]
    meaning: str


_ACTORS = ACTOR_KINDS
_YP = frozenset({Kind.YOUNG_PERSON})

TIE_RULES: dict[TieType, TieRule] = {
    TieType.ATTENDS: TieRule(
        sources=_YP,
        targets=frozenset({Kind.MUNICIPAL_UNIT}),
        properties=frozenset(),
        meaning="a young person attends a school or municipal unit",
    ),
    TieType.MEMBER_OF: TieRule(
        sources=_YP,
        targets=frozenset({Kind.ASSOCIATION}),
        properties=frozenset({"since"}),
        meaning="a young person is a member of an association",
    ),
    TieType.WORKS_AT: TieRule(
        sources=_YP,
        targets=frozenset({Kind.BUSINESS}),
        properties=frozenset({"since"}),
        meaning="a young person works at a business (student job, internship)",
    ),
    TieType.USES: TieRule(
        sources=_YP,
        targets=frozenset({Kind.MUNICIPAL_UNIT, Kind.ORGANISATION, Kind.ASSOCIATION}),
        properties=frozenset(),
        meaning="a young person uses a service",
    ),
    TieType.COLLABORATES_WITH: TieRule(
        sources=_ACTORS,
        targets=_ACTORS,
        properties=frozenset(
            {"strength", "since", "frequency", "trust", "value", "reciprocated", "survey"}
        ),  # survey answers
        meaning="two actors work together",
    ),
    TieType.REFERS_TO: TieRule(
        sources=_ACTORS,
        targets=_ACTORS,
        properties=frozenset({"since"}),
        meaning="an actor refers young people to another (a referral path)",
    ),
    TieType.FUNDS: TieRule(
        sources=_ACTORS,
        targets=_ACTORS | {Kind.INITIATIVE},
        properties=frozenset({"since"}),
        meaning="an actor funds another actor or an initiative",
    ),
    TieType.WORKS_FOR: TieRule(
        sources=frozenset({Kind.PERSON}),
        targets=_ACTORS,
        properties=frozenset(),
        meaning="a contact person works for an actor",
    ),
    TieType.VOLUNTEERS_AT: TieRule(
        sources=frozenset({Kind.PERSON}),
        targets=_ACTORS,
        properties=frozenset(),
        meaning="a contact person volunteers at an actor",
    ),
    TieType.PARTICIPATES_IN: TieRule(
        sources=_ACTORS,
        targets=frozenset({Kind.INITIATIVE}),
        properties=frozenset({"role"}),
        meaning="an actor takes part in an initiative (as lead, partner or funder)",
    ),
    TieType.TARGETS: TieRule(
        sources=frozenset({Kind.INITIATIVE}),
        targets=frozenset({Kind.TARGET_GROUP}),
        properties=frozenset(),
        meaning="an initiative is aimed at a target group",
    ),
    TieType.LOCATED_IN: TieRule(
        sources=_ACTORS | {Kind.YOUNG_PERSON},
        targets=frozenset({Kind.AREA}),
        properties=frozenset(),
        meaning="an actor or young person is located in an area",
    ),
    TieType.PART_OF: TieRule(
        sources=frozenset({Kind.AREA}),
        targets=frozenset({Kind.AREA}),
        properties=frozenset(),
        meaning="an area is part of a larger area",
    ),
    TieType.INCLUDED_IN: TieRule(
        sources=_YP,
        targets=frozenset({Kind.TARGET_GROUP}),
        properties=frozenset(),
        meaning="a young person is an explicit member of a target group",
    ),
}


def article(word: str) -> str:
    """'a Business', 'an Association'."""
    return f"{'an' if word[0].lower() in 'aeiou' else 'a'} {word}"


class Tie(BaseModel):
    """A typed, directed tie between two nodes of one tenant, with its properties."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: TieType
    source: NodeId
    target: NodeId
    strength: int | None = Field(default=None, ge=1, le=5)
    since: int | None = Field(default=None, ge=1900, le=2100)  # the year the tie began
    frequency: Frequency | None = None
    role: ParticipationRole | None = None
    # A partner survey's answers (PARTNER-style, 1-4 scales), given by the source about the
    # target; ``reciprocated`` when the target named the source too; ``survey`` names the survey.
    trust: int | None = Field(default=None, ge=1, le=4)
    value: int | None = Field(default=None, ge=1, le=4)
    reciprocated: bool | None = None
    survey: str | None = None

    @field_validator("survey", mode="before")
    @classmethod
    def _survey(cls, value: Any) -> Any:
        return _optional_text(value, "survey")

    def properties(self) -> dict[str, Any]:
        """The tie's set properties, as stored on the relationship."""
        values = {
            "strength": self.strength,
            "since": self.since,
            "frequency": self.frequency.value if self.frequency else None,
            "role": self.role.value if self.role else None,
            "trust": self.trust,
            "value": self.value,
            "reciprocated": self.reciprocated,
            "survey": self.survey,
        }
        return {k: v for k, v in values.items() if v is not None}

    def check_fits(self, source_kind: Kind, target_kind: Kind) -> None:
        """Raise ``ValueError`` with a readable reason when this tie cannot join these kinds."""
        rule = TIE_RULES[self.type]
        if source_kind not in rule.sources or target_kind not in rule.targets:
            raise ValueError(
                f"{article(source_kind.value)} cannot be tied to {article(target_kind.value)} "
                f"by {self.type.value}: {self.type.value} means {rule.meaning}"
            )
        unexpected = sorted(set(self.properties()) - rule.properties)
        if unexpected:
            allowed = ", ".join(sorted(rule.properties)) or "none"
            raise ValueError(f"a {self.type.value} tie has no {', '.join(unexpected)} (allowed: {allowed})")


class Network(BaseModel):
    """Nodes and ties of one tenant, as read from a file or made by the demo generator.

    ``area`` on actors and young people stands for their LOCATED_IN tie; ``ties`` never holds
    LOCATED_IN, so each fact has one place.
    """

    model_config = ConfigDict(frozen=True)

    tenant: TenantId
    nodes: tuple[Node, ...] = ()
    ties: tuple[Tie, ...] = ()


_CPR = re.compile(r"(?<!\d)([0-3]\d)([01]\d)\d\d-?\d{4}(?!\d)")


def looks_like_cpr(text: str) -> bool:
    """Whether ``text`` holds something shaped like a Danish CPR number (DDMMYY-NNNN), which
    graphsvc must never hold.

    >>> looks_like_cpr("Blå Ræv"), looks_like_cpr("0102031234"), looks_like_cpr("311299-1234")
    (False, True, True)
    """
    return any(1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12 for m in _CPR.finditer(text))


# The node fields the analytics projection reads, named once: the bulk read returns them in
# this order (cypher/analytics/read_page.cypher, checked by a test), and
# graphsvc.analytics.projection turns them into node attributes, whether they come from that
# read or from domain objects.
PROJECTION_COLUMNS = (
    "id",
    "kind",
    "name",
    "sector",
    "arenas",
    "category",
    "age_band",
    "birth_year",
    "challenges",
    "role",
    "email",
    "phone",
    "area_type",
    "criteria_age_bands",
    "criteria_areas",
    "criteria_challenges",
)
# Each outgoing tie of a projected node, in this order.
PROJECTION_TIE_COLUMNS = ("type", "target", "strength", "since", "frequency", "role")


# What reads return, shared by the store, the services and the API.

Direction = Literal["out", "in", "both"]


@dataclass(frozen=True)
class NodeFilter:
    """Filters for listing; each one left as None does not restrict."""

    kinds: frozenset[Kind] | None = None  # any of these kinds
    sector: Sector | None = None
    arena: Arena | None = None
    age_band: AgeBand | None = None
    area: str | None = None
    search: str | None = None


@dataclass(frozen=True)
class NodePage:
    nodes: list[Node]
    total: int
    end_cursor: str | None = None
    has_next_page: bool = False
    filters: NodeFilter = field(default_factory=NodeFilter)


@dataclass(frozen=True)
class Related:
    """A tie seen from one of its nodes, with the node at the other end."""

    tie: Tie
    other: Node


@dataclass(frozen=True)
class Neighbourhood:
    nodes: list[Node]
    ties: list[Tie]
    depth_of: dict[str, int]
    truncated: bool


@dataclass(frozen=True)
class StoredLink:
    """A share link as stored: never its token, which only its creator ever sees."""

    id: str
    tenant: str
    view_id: str
    created_by: str
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None = None  # noted at most once a minute
