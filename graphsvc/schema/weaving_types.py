"""GraphQL types of network weaving: suggested introductions, follow-up tasks, checks and
progress, each built from its service result by ``from_domain``."""

from __future__ import annotations

import datetime

import strawberry

from graphsvc import analytics
from graphsvc.schema import enums
from graphsvc.schema.analytics_types import arenas_of, kind_of, sector_of
from graphsvc.schema.effect_types import Statement, statement_of
from graphsvc.services import weaving_checks, weaving_progress
from graphsvc.services.weaving_tasks import TaskStatus as DomainTaskStatus
from graphsvc.services.weaving_tasks import TaskView
from graphsvc.services.whatif import WeavingSuggestions

__all__ = [
    "IntroductionCheck",
    "TaskStatus",
    "WeavingList",
    "WeavingProgress",
    "WeavingTask",
]

TaskStatus = strawberry.enum(DomainTaskStatus, description="Where an introduction stands.")


@strawberry.type(description="One actor of a suggested introduction.")
class PairActor:
    id: strawberry.ID = strawberry.field(description="The actor.")
    name: str = strawberry.field(description="Its name.")
    kind: enums.NodeKind = strawberry.field(description="Its kind.")  # type: ignore[valid-type]
    sector: enums.Sector | None = strawberry.field(description="Its sector.")  # type: ignore[valid-type]
    arenas: list[enums.Arena] = strawberry.field(description="Its arenas.")  # type: ignore[valid-type]
    area_id: strawberry.ID | None = strawberry.field(description="Where it is located.")
    members: int = strawberry.field(description="Members of the target group tied to it.")
    partner: bool = strawberry.field(description="Whether it is in the support network now.")


@strawberry.type(description="A partner both actors work with: who can introduce them.")
class Introducer:
    id: strawberry.ID = strawberry.field(description="The actor.")
    name: str = strawberry.field(description="Its name.")
    kind: enums.NodeKind = strawberry.field(description="Its kind.")  # type: ignore[valid-type]
    partner: bool = strawberry.field(description="Whether it is in the support network now.")


@strawberry.type(description="What a tie between the two would do for the target group.")
class PairEffect:
    members_reached: int = strawberry.field(
        description="Members who would reach an arena within two hops that they do not reach now."
    )
    leisure_gained: int = strawberry.field(description="Of them, members who would gain leisure.")
    arenas: list[enums.Arena] = strawberry.field(description="The arenas they would gain.")  # type: ignore[valid-type]


@strawberry.type(
    description="A follow-up task: an introduction to make, who makes it, by when, and where it stands."
)
class WeavingTask:
    id: strawberry.ID = strawberry.field(description="The task.")
    first_id: strawberry.ID = strawberry.field(description="One actor to introduce.")
    first_name: str | None = strawberry.field(description="Its name (null: it was deleted).")
    second_id: strawberry.ID = strawberry.field(description="The other.")
    second_name: str | None = strawberry.field(description="Its name (null: it was deleted).")
    introducer_id: strawberry.ID | None = strawberry.field(description="Who introduces them.")
    introducer_name: str | None = strawberry.field(description="Their name.")
    introducer_kind: enums.NodeKind | None = strawberry.field(  # type: ignore[valid-type]
        description="An actor kind, or PERSON for a contact person."
    )
    target_group_id: strawberry.ID | None = strawberry.field(description="The target group it is for.")
    target_group_name: str | None = strawberry.field(description="Its name.")
    assigned_to: str | None = strawberry.field(description="The user who follows it up.")
    due_on: datetime.date | None = strawberry.field(description="By when.")
    status: TaskStatus = strawberry.field(description="Where it stands.")  # type: ignore[valid-type]
    note: str = strawberry.field(description="The coordinator's note.")
    introduced_on: datetime.date | None = strawberry.field(description="When they were first introduced.")
    tie_seen_on: datetime.date | None = strawberry.field(
        description="When a check first saw a tie between them."
    )
    tie_seen_in: str | None = strawberry.field(description="Where: a snapshot's id, or 'now'.")
    checked_at: datetime.datetime | None = strawberry.field(description="The last check.")
    created_by: str = strawberry.field(description="Who made it.")
    created_at: datetime.datetime = strawberry.field(description="When.")
    updated_by: str = strawberry.field(description="Who changed it last.")
    updated_at: datetime.datetime = strawberry.field(description="When.")
    version: int = strawberry.field(description="Send it back as expectedVersion when changing the task.")

    @classmethod
    def from_domain(cls, v: TaskView) -> WeavingTask:
        t = v.task

        def ident(value: str | None) -> strawberry.ID | None:
            return None if value is None else strawberry.ID(value)

        return cls(
            id=strawberry.ID(t.id),
            first_id=strawberry.ID(t.first),
            first_name=v.first_name,
            second_id=strawberry.ID(t.second),
            second_name=v.second_name,
            introducer_id=ident(t.introducer),
            introducer_name=v.introducer_name,
            introducer_kind=None if v.introducer_kind is None else kind_of(v.introducer_kind.value),
            target_group_id=ident(t.target_group),
            target_group_name=v.target_group_name,
            assigned_to=t.assigned_to,
            due_on=t.due_on,
            status=t.status,
            note=t.note,
            introduced_on=t.introduced_on,
            tie_seen_on=t.tie_seen_on,
            tie_seen_in=t.tie_seen_in,
            checked_at=t.checked_at,
            created_by=t.created_by,
            created_at=t.created_at,
            updated_by=t.updated_by,
            updated_at=t.updated_at,
            version=t.version,
        )


@strawberry.type(description="An introduction to make: two actors who share a partner but have no tie.")
class WeavingSuggestion:
    rank: int = strawberry.field(description="1 for the first to make.")
    first: PairActor = strawberry.field(description="For a school ↔ leisure pair, the school actor.")
    second: PairActor = strawberry.field(description="The other actor.")
    introducers: list[Introducer] = strawberry.field(description="Partners both work with (five at most).")
    shared_partners: int = strawberry.field(description="How many partners they share.")
    school_leisure: bool = strawberry.field(
        description="Whether it joins a school actor and a leisure actor."
    )
    cross_sector: bool = strawberry.field(description="Whether the two are of different sectors.")
    members_touched: int = strawberry.field(description="Members of the group tied to either.")
    effect: PairEffect = strawberry.field(description="What a tie between them would do.")
    why: Statement = strawberry.field(description="What each brings and who knows both, in words.")
    expected: Statement = strawberry.field(description="The expected effect, in words.")
    task: WeavingTask | None = strawberry.field(
        description="The open follow-up task for it, if there is one."
    )


@strawberry.type(description="Introductions to suggest around a target group, best first.")
class WeavingList:
    target_group_id: strawberry.ID = strawberry.field(description="The target group.")
    name: str = strawberry.field(description="Its name.")
    hops: int = strawberry.field(description="The radius of its support network.")
    open_pairs: int = strawberry.field(description="Pairs around the group that share a partner but no tie.")
    school_leisure_pairs: int = strawberry.field(description="Of them, school ↔ leisure pairs.")
    cross_sector_pairs: int = strawberry.field(description="Of them, pairs across sectors.")
    summary: Statement = strawberry.field(description="Those counts in words.")
    suggestions: list[WeavingSuggestion] = strawberry.field(description="The suggestions.")

    @classmethod
    def from_domain(cls, w: WeavingSuggestions) -> WeavingList:
        f = w.found
        return cls(
            target_group_id=strawberry.ID(f.target_group),
            name=f.name,
            hops=f.hops,
            open_pairs=f.open_pairs,
            school_leisure_pairs=f.school_leisure_pairs,
            cross_sector_pairs=f.cross_sector_pairs,
            summary=statement_of(f.summary),
            suggestions=[_suggestion(s, w) for s in f.suggestions],
        )


def _end(e: analytics.weaving.PairEnd) -> PairActor:
    return PairActor(
        id=strawberry.ID(e.node),
        name=e.name,
        kind=kind_of(e.kind),
        sector=sector_of(e.sector),
        arenas=arenas_of(e.arenas),
        area_id=None if e.area is None else strawberry.ID(e.area),
        members=e.members,
        partner=e.partner,
    )


def _suggestion(s: analytics.Suggestion, w: WeavingSuggestions) -> WeavingSuggestion:
    task = w.tasks.get(frozenset((s.first.node, s.second.node)))
    return WeavingSuggestion(
        rank=s.rank,
        first=_end(s.first),
        second=_end(s.second),
        introducers=[
            Introducer(id=strawberry.ID(i.node), name=i.name, kind=kind_of(i.kind), partner=i.partner)
            for i in s.introducers
        ],
        shared_partners=s.shared_partners,
        school_leisure=s.school_leisure,
        cross_sector=s.cross_sector,
        members_touched=s.members_touched,
        effect=PairEffect(
            members_reached=s.effect.members_reached,
            leisure_gained=s.effect.leisure_gained,
            arenas=arenas_of(s.effect.arenas),
        ),
        why=statement_of(s.why),
        expected=statement_of(s.expected),
        task=None if task is None else WeavingTask.from_domain(task),
    )


@strawberry.type(description="Introductions first made in one quarter, and what became of them.")
class QuarterProgress:
    quarter: str = strawberry.field(description="E.g. 2026-Q1.")
    introduced: int = strawberry.field(description="Introductions first made in it.")
    collaborating: int = strawberry.field(description="Of them, those that became collaborations.")
    dropped: int = strawberry.field(description="Those dropped.")
    open: int = strawberry.field(description="Those still introduced or met, not yet collaborating.")
    share: float | None = strawberry.field(description="collaborating / introduced (null: none introduced).")


@strawberry.type(description="How many introductions became collaborations, per quarter.")
class WeavingProgress:
    quarters: list[QuarterProgress] = strawberry.field(
        description="Every quarter with introductions, oldest first."
    )
    proposed: int = strawberry.field(description="Tasks not introduced yet.")
    tasks: int = strawberry.field(description="All tasks counted (those the caller may see).")
    summary: Statement = strawberry.field(description="It all in words.")

    @classmethod
    def from_domain(cls, p: weaving_progress.WeavingProgress) -> WeavingProgress:
        return cls(
            quarters=[
                QuarterProgress(
                    quarter=q.quarter,
                    introduced=q.introduced,
                    collaborating=q.collaborating,
                    dropped=q.dropped,
                    open=q.open,
                    share=q.share,
                )
                for q in p.quarters
            ],
            proposed=p.proposed,
            tasks=p.tasks,
            summary=statement_of(p.summary),
        )


@strawberry.type(description="A check of the introduced pairs: did a tie form?")
class IntroductionCheck:
    moment: str = strawberry.field(description="What was checked against: a snapshot's id, or 'now'.")
    day: datetime.date = strawberry.field(description="The day it stands for.")
    checked: int = strawberry.field(description="Introduced pairs checked.")
    collaborating: list[WeavingTask] = strawberry.field(description="Tasks that moved to collaborating.")

    @classmethod
    def from_domain(cls, c: weaving_checks.IntroductionCheck) -> IntroductionCheck:
        return cls(
            moment=c.moment,
            day=c.day,
            checked=c.checked,
            collaborating=[WeavingTask.from_domain(v) for v in c.collaborating],
        )
