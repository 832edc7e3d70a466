"""GraphQL enums for the domain's enums: CAPS names, the domain values behind them."""

from __future__ import annotations

import re
from enum import Enum
from typing import Any, TypeVar

import strawberry

from graphsvc import domain

__all__ = [
    "ActorKind",
    "AgeBand",
    "Arena",
    "Challenge",
    "Direction",
    "Frequency",
    "NodeKind",
    "ParticipationRole",
    "Sector",
    "TieType",
    "to_domain",
    "to_graphql",
]

E = TypeVar("E", bound=Enum)


def _caps(value: str) -> str:
    name = re.sub(r"[^A-Za-z0-9]+", "_", re.sub(r"(?<=[a-z])(?=[A-Z])", "_", value)).upper()
    return f"AGE_{name}" if name[0].isdigit() else name


def _mirror(source: type[Enum], name: str, description: str, only: set[Any] | None = None) -> Any:
    members = {_caps(m.value): m.value for m in source if only is None or m in only}
    return strawberry.enum(Enum(name, members), description=description)  # type: ignore[call-overload]


NodeKind = _mirror(domain.Kind, "NodeKind", "What a node is.")
ActorKind = _mirror(
    domain.Kind, "ActorKind", "The kind of an actor (an organisation or unit).", only=set(domain.ACTOR_KINDS)
)
Sector = _mirror(domain.Sector, "Sector", "The sector an actor belongs to.")
Arena = _mirror(domain.Arena, "Arena", "A part of a young person's everyday life an actor belongs to.")
AgeBand = _mirror(domain.AgeBand, "AgeBand", "An age band of young people (years).")
Challenge = _mirror(
    domain.Challenge, "Challenge", "A challenge a young person has: health data, seen by coordinators only."
)
Frequency = _mirror(domain.Frequency, "Frequency", "How often two actors work together.")
ParticipationRole = _mirror(
    domain.ParticipationRole, "ParticipationRole", "An actor's role in an initiative."
)
TieType = _mirror(domain.TieType, "TieType", "The kind of a tie; it fixes which kinds it joins.")


@strawberry.enum(description="Which way a tie points, seen from the node it is listed on.")
class Direction(Enum):
    OUTGOING = "out"
    INCOMING = "in"
    BOTH = "both"


def to_domain(value: Enum | None, domain_enum: type[E]) -> E | None:
    return None if value is None else domain_enum(value.value)


def to_graphql(value: Enum | None, graphql_enum: Any) -> Any:
    return None if value is None else graphql_enum(value.value)
