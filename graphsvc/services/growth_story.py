"""The growth story of a tenant's network, from its first snapshot (the kick-off) to now
(:mod:`graphsvc.maps.story`): as a full-screen page, one offline HTML file and one PNG per step.

Any signed-in user of the tenant may see it, as they may see the snapshots it is made from:
snapshots and the partnership read now hold actors, initiatives, target groups and their ties
only, never a young person or a contact person. A share link, which opens its own map only,
is refused.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar

from cachetools import LRUCache

from graphsvc.auth import Role
from graphsvc.db.snapshots import SnapshotRepository
from graphsvc.db.tenant_state import data_version
from graphsvc.errors import InvalidInput
from graphsvc.maps.deck import render_deck
from graphsvc.maps.difference_payload import MomentLabel
from graphsvc.maps.story import WORDS, Language, Moment, StoryStep, growth_story, story_deck
from graphsvc.maps.story_image import story_images_zip
from graphsvc.services.scope import Scope
from graphsvc.services.snapshots import _now, current_state, list_snapshots

__all__ = ["story_file", "story_images", "story_steps"]

T = TypeVar("T")
# The steps and files of the stories asked for last, each until its tenant's data (snapshots
# included) change or the day turns: a municipality's story takes seconds to lay out.
_KEPT: LRUCache[Hashable, Any] = LRUCache(maxsize=12)


async def _kept(scope: Scope, what: Hashable, make: Callable[[], Awaitable[T]]) -> T:
    version = await data_version(scope.store, scope.tenant)
    key = (scope.tenant, version, _now().taken_on, what)
    if version is not None and key in _KEPT:
        return _KEPT[key]  # type: ignore[no-any-return]
    made = await make()
    if version is not None:
        _KEPT[key] = made
    return made


def _checked(lang: str) -> Language:
    if lang not in ("da", "en"):
        raise InvalidInput(f"lang: da or en, not {lang[:10]!r}")
    return lang  # type: ignore[return-value]


async def story_steps(scope: Scope) -> list[StoryStep]:
    """Every snapshot, oldest first, then now, drawn at one set of places."""
    scope.require(Role.VIEWER)
    return await _kept(scope, "steps", lambda: _story_steps(scope))


async def _story_steps(scope: Scope) -> list[StoryStep]:
    snapshots = await list_snapshots(scope)
    if not snapshots:
        raise InvalidInput(
            f"tenant {scope.tenant!r} has no snapshots yet: take one at the kick-off first "
            "(the snapshots page, graphsvc snapshot create NAME, or createSnapshot)"
        )
    repository = SnapshotRepository(scope.store)
    moments = []
    for snapshot in snapshots:
        _, network = await repository.find(scope.tenant, snapshot.id)
        label = MomentLabel(name=snapshot.name, day=snapshot.taken_on, is_now=False)
        moments.append(Moment(label=label, network=network, measures=snapshot.measures))
    measures, network = await current_state(scope)
    now = _now()
    moments.append(
        Moment(
            label=MomentLabel(name=now.name, day=now.taken_on, is_now=True),
            network=network,
            measures=measures,
        )
    )
    # A municipality's layout takes a second: off the event loop.
    return await asyncio.to_thread(growth_story, moments)


async def story_file(scope: Scope, *, lang: str = "da", leave: str | None = None) -> str:
    """The story as one self-contained HTML file (:mod:`graphsvc.maps.deck`)."""
    language = _checked(lang)
    steps = await story_steps(scope)
    title = WORDS[language]["title"]
    return await _kept(
        scope,
        ("file", language, leave),
        lambda: asyncio.to_thread(
            lambda: render_deck(story_deck(steps, language), title=title, lang=language, leave=leave)
        ),
    )


async def story_images(scope: Scope, *, lang: str = "da") -> tuple[bytes, str]:
    """One PNG per step in a ZIP file, and the file's name."""
    language = _checked(lang)
    steps = await story_steps(scope)
    stem = "vaekst" if language == "da" else "growth"
    content = await asyncio.to_thread(
        lambda: story_images_zip(steps, story_deck(steps, language), stem=f"{stem}-{scope.tenant}")
    )
    return content, f"{stem}-{scope.tenant}.zip"
