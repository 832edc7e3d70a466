"""Organisations respondents suggested that were not on the list, and their settling by a
coordinator: approved as a new actor, merged into an existing one, or rejected. Approving or
merging stores each suggester's answer about it as a tie, under the round's lock, like any other
answer (:func:`graphsvc.db.survey_answers.store_answers`)."""

from __future__ import annotations

from collections.abc import Callable

from neo4j import AsyncManagedTransaction

from graphsvc import audit
from graphsvc.db.driver import GraphStore, run
from graphsvc.db.mapping import node_properties
from graphsvc.db.survey_answers import store_answers
from graphsvc.db.survey_records import FoundSuggestion, Planner, Suggestion, suggestion_of
from graphsvc.db.survey_rounds import actors_among, require_actors
from graphsvc.db.tenant_state import bump_version
from graphsvc.domain import Actor, labels_for
from graphsvc.errors import InvalidInput, NotFound

__all__ = ["SurveySuggestionRepository"]

_DECISIONS = {
    "approved": "approve survey suggestion",
    "merged": "merge survey suggestion",
    "rejected": "reject survey suggestion",
}


class SurveySuggestionRepository:
    def __init__(self, store: GraphStore) -> None:
        self.store = store

    async def find(self, tenant: str, suggestion_id: str) -> FoundSuggestion:
        records = await self.store.query("surveys/find_suggestion", tenant=tenant, id=suggestion_id)
        if not records:
            raise NotFound(f"there is no suggestion {suggestion_id!r} in this municipality")
        r = records[0]
        return FoundSuggestion(r["id"], r["round_id"], r["round_name"], r["name"], r["name_key"], r["status"])

    async def all(self, tenant: str, round_id: str, name_key: str | None = None) -> list[Suggestion]:
        """The round's suggestions (of one name, or all), oldest first."""
        records = await self.store.query(
            "surveys/suggestions", tenant=tenant, round_id=round_id, name_key=name_key
        )
        return [suggestion_of(r) for r in records]

    async def decide(
        self,
        tenant: str,
        round_id: str,
        name_key: str,
        *,
        status: str,
        actor_id: str | None,
        new_actor: Actor | None,
        planner_for: Callable[[Suggestion], Planner],
    ) -> int:
        """Settle every pending suggestion of ``name_key`` in the round: ``approved`` (with
        ``new_actor`` created), ``merged`` (into ``actor_id``) or ``rejected``. Each suggester's
        answer about it becomes a tie to the actor, planned by ``planner_for(suggestion)``.
        Returns how many suggestions were settled."""

        async def work(tx: AsyncManagedTransaction) -> int:
            records = await run(
                tx, "surveys/suggestions", tenant=tenant, round_id=round_id, name_key=name_key
            )
            pending = [suggestion_of(r) for r in records if r["status"] == "pending"]
            if not pending:
                raise NotFound("this suggestion has been settled already, or withdrawn by its respondent")
            if new_actor is not None:
                await _create_actor(tx, new_actor)
            elif actor_id is not None:  # merged: it must be an actor even when nothing is written
                require_actors(await actors_among(tx, tenant, [actor_id]), [actor_id], "actor")
            target = new_actor.id if new_actor is not None else actor_id
            if status != "rejected" and target is not None:
                for suggestion in pending:
                    if suggestion.actor_id == target:
                        raise InvalidInput(
                            f"{suggestion.actor_name!r} suggested it: it cannot be its own partner"
                        )
                    if suggestion.actor_name is None:
                        continue  # the respondent's organisation was deleted since
                    planner = planner_for(suggestion)
                    await store_answers(
                        tx,
                        tenant,
                        round_id,
                        suggestion.actor_id,
                        [target],
                        planner,
                        link_id=None,
                        suggestions=None,
                    )
            decided = await run(
                tx,
                "surveys/decide_suggestions",
                tenant=tenant,
                round_id=round_id,
                name_key=name_key,
                status=status,
                actor=target if status != "rejected" else None,
                decided_by=audit.current_actor(),
            )
            await audit.record(
                tx,
                tenant,
                _DECISIONS[status],
                pending[0].id,
                subjects=[s.actor_id for s in pending] + ([target] if target else []),
                after={"name": pending[0].name, "status": status, "actor": target},
            )
            await bump_version(tx, tenant)
            return int(decided[0]["decided"])

        return await self.store.write(work)


async def _create_actor(tx: AsyncManagedTransaction, actor: Actor) -> None:
    await run(
        tx,
        "nodes/create_node",
        tenant=actor.tenant,
        labels=labels_for(actor.kind),
        props=node_properties(actor),
    )
    await audit.record(tx, actor.tenant, f"create {audit.what(actor.kind)}", actor.id, after=actor)
