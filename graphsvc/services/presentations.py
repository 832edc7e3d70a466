"""Presentations ("fortællinger"): saved map views in a chosen order, each step with a heading
and a short text, stepped through full screen on a projector.

* Every user of the tenant may list presentations and show them; a coordinator creates, edits,
  reorders (an edit with the steps in their new order) and deletes them.
* A presentation is shown as one self-contained HTML file (:mod:`graphsvc.maps.deck`): the same
  file live, through a share link and as a download for a computer with no network.
* A coordinator makes a share link to a presentation exactly as to a saved view (a random
  token shown once, stored as its SHA-256, expiring or not, revocable by its maker or an
  admin); it shows the presentation read-only with a viewer's rights: young people as groups
  only, whatever a view asks for.

Bad input is refused whole with every problem named (a heading too long, a view the tenant
does not have, the same view twice, a title another presentation has); nothing is written.
"""

from __future__ import annotations

import asyncio
import re
import secrets
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from graphsvc.auth import Principal, Role
from graphsvc.auth.tokens import SHARE_PREFIX, hash_token, new_secret, token_id
from graphsvc.db.driver import GraphStore
from graphsvc.db.presentations import (
    PresentationRepository,
    StoredPresentation,
    StoredPresentationLink,
    StoredStep,
)
from graphsvc.domain import MAX_NAME_LENGTH
from graphsvc.errors import Forbidden, GraphsvcError, InvalidInput, Problem
from graphsvc.maps import MapOptions, page_payload
from graphsvc.maps.deck import DeckStep, render_deck
from graphsvc.services import maps
from graphsvc.services.map_views import MAX_LINK_DAYS, ShareLinkGone, ShareLinkUnknown
from graphsvc.services.scope import Scope

__all__ = [
    "MAX_HEADING",
    "MAX_STEPS",
    "MAX_TEXT",
    "NewPresentationLink",
    "StepInput",
    "StoredPresentation",
    "StoredPresentationLink",
    "create_link",
    "create_presentation",
    "delete_presentation",
    "links",
    "open_link",
    "presentation",
    "presentation_file",
    "presentations",
    "revoke_link",
    "update_presentation",
]

MAX_STEPS = 40
MAX_HEADING = 120
MAX_TEXT = 600
# As for names in the graph: no control characters (a text may hold line breaks), no lone
# surrogates (Neo4j cannot store them) and no noncharacters.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_LANGS = ("da", "en")


@dataclass(frozen=True)
class StepInput:
    view_id: str
    heading: str
    text: str = ""


@dataclass(frozen=True)
class NewPresentationLink:
    """A link as made: ``token`` is shown once and never stored."""

    token: str
    link: StoredPresentationLink


def _name_key(title: str) -> str:
    return " ".join(title.split()).casefold()


def _checked(title: str, steps: list[StepInput]) -> tuple[str, tuple[StoredStep, ...]]:
    """The title and steps cleaned, or InvalidInput naming every problem."""
    problems: list[Problem] = []
    clean_title = " ".join(title.split())
    if not clean_title:
        problems.append(Problem("title", 'a presentation needs a title, e.g. "Netværket 2026"'))
    elif len(clean_title) > MAX_NAME_LENGTH:
        problems.append(Problem("title", f"at most {MAX_NAME_LENGTH} characters, not {len(clean_title)}"))
    elif _CONTROL.search(clean_title):
        problems.append(Problem("title", "contains control characters"))
    if not steps:
        problems.append(Problem("steps", "a presentation needs at least one step (a saved map view)"))
    elif len(steps) > MAX_STEPS:
        problems.append(Problem("steps", f"at most {MAX_STEPS} steps, not {len(steps)}"))
    seen: dict[str, int] = {}
    cleaned: list[StoredStep] = []
    for n, step in enumerate(steps[: MAX_STEPS + 1], start=1):
        heading = " ".join(step.heading.split())
        text = "\n".join(" ".join(line.split()) for line in step.text.strip().splitlines())
        if not heading:
            problems.append(Problem(f"steps[{n}].heading", "every step needs a heading"))
        elif len(heading) > MAX_HEADING:
            problems.append(
                Problem(f"steps[{n}].heading", f"at most {MAX_HEADING} characters, not {len(heading)}")
            )
        if len(text) > MAX_TEXT:
            problems.append(Problem(f"steps[{n}].text", f"at most {MAX_TEXT} characters, not {len(text)}"))
        for field, value in (("heading", heading), ("text", text)):
            if _CONTROL.search(value):
                problems.append(Problem(f"steps[{n}].{field}", "contains control characters"))
        if not step.view_id or len(step.view_id) > 100:
            problems.append(Problem(f"steps[{n}].viewId", "the id of a saved map view (view-…)"))
        elif step.view_id in seen:
            problems.append(
                Problem(f"steps[{n}].viewId", f"view {step.view_id!r} is step {seen[step.view_id]} already")
            )
        else:
            seen[step.view_id] = n
        cleaned.append(StoredStep(view_id=step.view_id, heading=heading, text=text))
    if problems:
        raise InvalidInput("the presentation cannot be saved", problems)
    return clean_title, tuple(cleaned)


async def create_presentation(scope: Scope, title: str, steps: list[StepInput]) -> StoredPresentation:
    """Store a new presentation of saved views of the caller's tenant."""
    scope.require(Role.COORDINATOR)
    clean_title, clean_steps = _checked(title, steps)
    return await PresentationRepository(scope.store).create(
        scope.tenant,
        f"presentation-{secrets.token_hex(6)}",
        title=clean_title,
        name_key=_name_key(clean_title),
        steps=clean_steps,
        created_by=scope.caller.name,
    )


async def update_presentation(
    scope: Scope, presentation_id: str, title: str, steps: list[StepInput]
) -> StoredPresentation:
    """Replace a presentation's title and steps (in their new order)."""
    scope.require(Role.COORDINATOR)
    clean_title, clean_steps = _checked(title, steps)
    return await PresentationRepository(scope.store).update(
        scope.tenant, presentation_id, title=clean_title, name_key=_name_key(clean_title), steps=clean_steps
    )


async def delete_presentation(scope: Scope, presentation_id: str) -> int:
    """Delete a presentation; its share links stop working. Returns how many were revoked."""
    scope.require(Role.COORDINATOR)
    return await PresentationRepository(scope.store).delete(scope.tenant, presentation_id)


async def presentations(scope: Scope) -> list[StoredPresentation]:
    _no_share_link(scope)
    return await PresentationRepository(scope.store).all(scope.tenant)


async def presentation(scope: Scope, presentation_id: str) -> StoredPresentation:
    """One presentation; a presentation's share link reaches only its own."""
    if scope.caller.view_id is not None and scope.caller.view_id != _link_scope(presentation_id):
        raise Forbidden("a share link can only show its own presentation")
    return await PresentationRepository(scope.store).get(scope.tenant, presentation_id)


async def presentation_file(
    scope: Scope, presentation_id: str, *, lang: str = "da", leave: str | None = None
) -> tuple[StoredPresentation, str]:
    """The presentation as one self-contained HTML file, every map drawn as the caller may see
    it. A step whose view was deleted, or can no longer be drawn, says so in its place."""
    if lang not in _LANGS:
        raise InvalidInput(f"lang: da or en, not {lang[:10]!r}")
    found = await presentation(scope, presentation_id)
    options = await PresentationRepository(scope.store).view_options(
        scope.tenant, [s.view_id for s in found.steps]
    )
    steps = []
    for step in found.steps:
        steps.append(await _deck_step(scope, step, options.get(step.view_id), lang))
    page = await asyncio.to_thread(render_deck, steps, title=found.title, lang=lang, leave=leave)
    return found, page


async def _deck_step(scope: Scope, step: StoredStep, options_json: str | None, lang: str) -> DeckStep:
    if options_json is None:
        gone = "Kortet er slettet." if lang == "da" else "The map has been deleted."
        return DeckStep(heading=step.heading, text=step.text, problem=gone)
    options = MapOptions.from_json(options_json)
    try:
        data = await maps.map_data(scope, options)
    except GraphsvcError as e:  # its actor or target group was deleted after it was saved
        return DeckStep(heading=step.heading, text=step.text, problem=str(e))
    shown = data if data.options == options else replace(data, options=options)  # its title, language
    return DeckStep(heading=step.heading, text=step.text, payload=page_payload(shown, options.lang))


def _link_scope(presentation_id: str) -> str:
    """What a presentation link's caller may reach (``Principal.view_id``): only this."""
    return f"presentation/{presentation_id}"


def _no_share_link(scope: Scope) -> None:
    if scope.caller.view_id is not None:
        raise Forbidden("a share link can only show its own map")


async def create_link(
    scope: Scope, presentation_id: str, *, expires_in_days: int | None
) -> NewPresentationLink:
    scope.require(Role.COORDINATOR)
    if expires_in_days is not None and not 1 <= expires_in_days <= MAX_LINK_DAYS:
        raise InvalidInput(
            f"expiresInDays: 1 to {MAX_LINK_DAYS}, or null for a link that does not expire; "
            f"not {expires_in_days}"
        )
    token = new_secret(SHARE_PREFIX)
    hashed = hash_token(token)
    expires = datetime.now(UTC) + timedelta(days=expires_in_days) if expires_in_days else None
    link = await PresentationRepository(scope.store).create_link(
        scope.tenant, presentation_id, token_id(hashed), hashed, scope.caller.name, expires
    )
    return NewPresentationLink(token=token, link=link)


async def links(scope: Scope, presentation_id: str | None = None) -> list[StoredPresentationLink]:
    scope.require(Role.COORDINATOR)
    return await PresentationRepository(scope.store).links(scope.tenant, presentation_id)


async def revoke_link(scope: Scope, link_id: str) -> StoredPresentationLink:
    """Revoke a link: the coordinator who made it, or an admin."""
    caller = scope.require(Role.COORDINATOR)
    repository = PresentationRepository(scope.store)
    link = await repository.link(scope.tenant, link_id)
    if caller.role is not Role.ADMIN and link.created_by != caller.name:
        raise Forbidden(f"only {link.created_by} (who made it) or an admin can revoke link {link_id!r}")
    return await repository.revoke_link(scope.tenant, link_id)


async def open_link(store: GraphStore, token: str) -> tuple[Principal, str]:
    """The read-only caller a presentation token stands for, and its presentation's id.
    :class:`ShareLinkUnknown` for an unknown token, :class:`ShareLinkGone` for a revoked or
    expired one, or one whose presentation was deleted."""
    if not token.startswith(SHARE_PREFIX) or len(token) > 100:
        raise ShareLinkUnknown("there is no such share link")
    repository = PresentationRepository(store)
    found = await repository.find_by_hash(hash_token(token))
    if found is None:
        raise ShareLinkUnknown("there is no such share link")
    if not found.exists:
        raise ShareLinkGone("the presentation this share link showed has been deleted", "deleted")
    if found.revoked_at is not None:
        raise ShareLinkGone("this share link has been revoked", "revoked")
    if found.expires_at is not None and found.expires_at <= found.now:
        raise ShareLinkGone("this share link has expired", "expired")
    await repository.note_use(found)
    caller = Principal(
        name=f"presentation link {found.id}",
        role=Role.VIEWER,
        tenant=found.tenant,
        view_id=_link_scope(found.presentation_id),
    )
    return caller, found.presentation_id
