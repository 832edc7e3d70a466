"""Which ties may join which kinds of node: the rules every change is checked against, for
editors that offer only the ties that can be made."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from graphsvc.domain import TIE_RULES
from graphsvc.schema.context import Context
from graphsvc.schema.enums import NodeKind, TieType

__all__ = ["TieRuleQuery"]


@strawberry.type(description="What one tie type may join, and what it means.")
class TieRule:
    type: TieType = strawberry.field(description="The tie type.")  # type: ignore[valid-type]
    sources: list[NodeKind] = strawberry.field(  # type: ignore[valid-type]
        description="Kinds of node it may start at."
    )
    targets: list[NodeKind] = strawberry.field(  # type: ignore[valid-type]
        description="Kinds of node it may point to."
    )
    properties: list[str] = strawberry.field(
        description="Properties it may carry (strength, since, frequency, role)."
    )
    meaning: str = strawberry.field(description="What it means, in words.")


@strawberry.type
class TieRuleQuery:
    @strawberry.field(description="The rules for every tie type (LOCATED_IN is a node's area).")
    def tie_rules(self, info: Info[Context, None], tenant: str | None = None) -> list[TieRule]:
        info.context.scope(tenant)  # the same for every tenant, yet only the caller's may be named
        return [
            TieRule(
                type=TieType(t.value),
                sources=[NodeKind(k.value) for k in sorted(rule.sources, key=str)],
                targets=[NodeKind(k.value) for k in sorted(rule.targets, key=str)],
                properties=sorted(rule.properties),
                meaning=rule.meaning,
            )
            for t, rule in TIE_RULES.items()
            if t.value != "LOCATED_IN"
        ]
