"""A what-if's changes written as text, as the command line and the map's address carry them.

* ``recruit``: ``ACTOR`` (introduced as its introduction path says) or ``ACTOR@VIA`` (introduced
  by the partner ``VIA``);
* ``add_tie`` and ``remove_tie``: ``A,B``;
* ``remove_actor``: ``ACTOR``.

Every problem is reported at once, naming the option and the value.

>>> scenario_from_text(recruit=["biz-1@jobcenter"], add_ties=["school,club"]).recruit[0].via
'jobcenter'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from graphsvc.analytics import Recruit, Scenario
from graphsvc.errors import InvalidInput, Problem

__all__ = ["scenario_from_text"]

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$")


def scenario_from_text(
    *,
    recruit: Iterable[str] = (),
    add_ties: Iterable[str] = (),
    remove_ties: Iterable[str] = (),
    remove_actors: Iterable[str] = (),
    join_initiative: bool = True,
    names: tuple[str, str, str, str] = ("recruit", "add_tie", "remove_tie", "remove_actor"),
) -> Scenario:
    """The :class:`~graphsvc.analytics.Scenario` the texts describe (module docstring);
    ``names`` are the options' names as the caller knows them, for the problems."""
    problems: list[Problem] = []

    def ids(option: str, text: str, count: int, separator: str) -> tuple[str, ...]:
        parts = tuple(p.strip() for p in text.split(separator)) if separator in text else (text.strip(),)
        if not 1 <= len(parts) <= count or not all(_ID.fullmatch(p) for p in parts):
            shape = {"recruit": "ACTOR or ACTOR@VIA", "pair": "A,B", "one": "an actor's id"}
            key = "recruit" if separator == "@" else "pair" if count == 2 else "one"
            problems.append(Problem(option, f"{text[:80]!r} is not {shape[key]}"))
            return ()
        return parts

    recruits = []
    for text in recruit:
        parts = ids(names[0], text, 2, "@")
        if parts:
            via = parts[1] if len(parts) == 2 else None
            recruits.append(Recruit(parts[0], via=via, join_initiative=join_initiative))
    pairs: dict[str, list[tuple[str, str]]] = {names[1]: [], names[2]: []}
    for option, texts in ((names[1], add_ties), (names[2], remove_ties)):
        for text in texts:
            parts = ids(option, text, 2, ",")
            if len(parts) == 2:
                pairs[option].append((parts[0], parts[1]))
            elif parts:
                problems.append(Problem(option, f"{text[:80]!r} is not A,B"))
    removed = [p[0] for p in (ids(names[3], text, 1, ",") for text in remove_actors) if p]
    if problems:
        raise InvalidInput("these changes cannot be read", problems)
    return Scenario(
        recruit=tuple(recruits),
        add_ties=tuple(pairs[names[1]]),
        remove_ties=tuple(pairs[names[2]]),
        remove_actors=tuple(removed),
    )
