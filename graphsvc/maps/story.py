"""The growth story: the partnership from the first snapshot (the kick-off) to now, one step
per snapshot, every partner drawn at ONE place through all the steps.

One layout is computed over the union of every step's partners and ties
(:func:`union_positions`); each step then draws its own partners and ties at those places, as
the difference map from the step before (:func:`graphsvc.maps.difference.difference_map`):
ties gained solid blue, ties lost dashed vermillion, partners that joined with a blue border.
The first step draws the kick-off as it was, nothing marked. Beside each step stand its
measures: partners, ties, sectors represented, what joined and what was lost, density, the
cross-sector tie share and components (:class:`~graphsvc.analytics.health.HealthMeasures`).

Pure: networks and measures in, map data and deck steps out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from graphsvc.analytics.comparison import COMPARED_TIES
from graphsvc.analytics.health import HealthMeasures
from graphsvc.charts.wording import WORDS as CHART_WORDS
from graphsvc.charts.wording import number_text, percent_text
from graphsvc.domain import Actor, Network, Sector
from graphsvc.maps.deck import DeckStep
from graphsvc.maps.difference import DRAWN_KINDS, DifferenceMap, difference_map
from graphsvc.maps.difference_payload import MomentLabel, difference_payload, moment_text
from graphsvc.maps.layout import layout

__all__ = ["Moment", "StoryStep", "growth_story", "story_deck", "union_positions"]

Language = Literal["da", "en"]

WORDS: dict[str, dict[str, str]] = {
    "da": {
        "title": "Netværkets vækst",
        "sectors": "Sektorer repræsenteret",
        "of": "{n} af {total}",
        "joined": "Nye partnere",
        "ties_gained": "Nye forbindelser",
        "lost": "Mistet (partnere / forbindelser)",
        "start": "Udgangspunktet: {partners} partnere og {ties} forbindelser mellem dem.",
        "since": "Siden {before}: {joined} og {gained} (blå); {lost} (stiplet).",
        "joined_one": "{n} ny partner",
        "joined_many": "{n} nye partnere",
        "gained_one": "{n} ny forbindelse",
        "gained_many": "{n} nye forbindelser",
        "lost_one": "{n} forbindelse mistet",
        "lost_many": "{n} forbindelser mistet",
    },
    "en": {
        "title": "How the network has grown",
        "sectors": "Sectors represented",
        "of": "{n} of {total}",
        "joined": "New partners",
        "ties_gained": "New ties",
        "lost": "Lost (partners / ties)",
        "start": "The starting point: {partners} partners and {ties} ties between them.",
        "since": "Since {before}: {joined} and {gained} (blue); {lost} (dashed).",
        "joined_one": "{n} new partner",
        "joined_many": "{n} new partners",
        "gained_one": "{n} new tie",
        "gained_many": "{n} new ties",
        "lost_one": "{n} tie lost",
        "lost_many": "{n} ties lost",
    },
}


@dataclass(frozen=True)
class Moment:
    """One step of the story: a snapshot (or now) with its partnership and measures."""

    label: MomentLabel
    network: Network
    measures: HealthMeasures


@dataclass(frozen=True)
class StoryStep:
    """A moment drawn at the story's places, with what changed since the step before."""

    moment: Moment
    previous: Moment | None
    drawn: DifferenceMap

    @property
    def joined(self) -> int:
        return sum(1 for n in self.drawn.nodes if n.status == "gained")

    @property
    def left(self) -> int:
        return sum(1 for n in self.drawn.nodes if n.status == "lost")


def union_positions(networks: Sequence[Network], *, seed: int = 0) -> dict[str, tuple[float, float]]:
    """One place for every partner, initiative and target group of any of ``networks``, laid
    out over the ties of all of them together (the later network describes a node's area)."""
    nodes: dict[str, str | None] = {}
    pairs: set[tuple[str, str]] = set()
    kinds: dict[str, tuple[str, str]] = {}
    for network in networks:
        drawn = {n.id for n in network.nodes if n.kind in DRAWN_KINDS}
        for n in network.nodes:
            if n.id in drawn:
                nodes[n.id] = n.area if isinstance(n, Actor) else None
                kinds[n.id] = (n.kind.value, n.name)
        for t in network.ties:
            if t.type in COMPARED_TIES and t.source in drawn and t.target in drawn and t.source != t.target:
                pairs.add((min(t.source, t.target), max(t.source, t.target)))
    return layout(
        list(nodes),
        sorted(pairs),
        area_of=nodes,
        seed=seed,
        sort_key=lambda n: (*kinds[n], n),
    )


def growth_story(moments: Sequence[Moment], *, seed: int = 0) -> list[StoryStep]:
    """Every moment (oldest first) drawn at the places of :func:`union_positions`."""
    places = union_positions([m.network for m in moments], seed=seed)
    steps = []
    for i, moment in enumerate(moments):
        previous = moments[i - 1] if i else None
        before = previous.network if previous else moment.network  # the kick-off: nothing marked
        drawn = difference_map(before, moment.network, positions=places)
        steps.append(StoryStep(moment=moment, previous=previous, drawn=drawn))
    return steps


def _measures(step: StoryStep, lang: Language) -> list[tuple[str, str]]:
    m, words, chart = step.moment.measures, WORDS[lang], CHART_WORDS[lang]
    sectors = sum(1 for count in m.actors_by_sector.values() if count)
    rows = [
        (chart["partners"], number_text(m.actors, lang)),
        (chart["ties"], number_text(m.actor_ties, lang)),
        (words["sectors"], words["of"].format(n=sectors, total=len(Sector))),
    ]
    if step.previous is not None:
        rows += [
            (words["joined"], number_text(step.joined, lang)),
            (words["ties_gained"], number_text(step.drawn.gained, lang)),
            (words["lost"], f"{number_text(step.left, lang)} / {number_text(step.drawn.lost, lang)}"),
        ]
    if m.density is not None:
        rows.append((chart["density"], number_text(m.density, lang, decimals=3)))
    if m.cross_sector_tie_share is not None:
        rows.append((chart["cross_sector"], percent_text(m.cross_sector_tie_share, lang)))
    rows.append((chart["components"], number_text(m.components, lang)))
    return rows


def step_text(step: StoryStep, lang: Language) -> str:
    """The sentence shown under a step's heading."""
    words = WORDS[lang]
    if step.previous is None:
        return words["start"].format(
            partners=number_text(step.moment.measures.actors, lang),
            ties=number_text(step.moment.measures.actor_ties, lang),
        )

    def counted(what: str, n: int) -> str:
        return words[f"{what}_one" if n == 1 else f"{what}_many"].format(n=number_text(n, lang))

    return words["since"].format(
        before=moment_text(step.previous.label, lang),
        joined=counted("joined", step.joined),
        gained=counted("gained", step.drawn.gained),
        lost=counted("lost", step.drawn.lost),
    )


def step_heading(step: StoryStep, lang: Language) -> str:
    text = moment_text(step.moment.label, lang)
    return text[:1].upper() + text[1:]  # "nu" -> "Nu"


def story_deck(steps: Sequence[StoryStep], lang: Language) -> list[DeckStep]:
    """The steps as deck steps: heading, sentence, measures and the map page's data."""
    deck = []
    for step in steps:
        before = step.previous.label if step.previous else step.moment.label
        payload = difference_payload(step.drawn, before=before, after=step.moment.label, lang=lang)
        heading = step_heading(step, lang)
        payload["title"] = heading
        deck.append(
            DeckStep(
                heading=heading, text=step_text(step, lang), payload=payload, measures=_measures(step, lang)
            )
        )
    return deck


def story_positions(steps: Sequence[StoryStep]) -> Mapping[str, tuple[float, float]]:
    """Where every node of the story is drawn (the same in every step)."""
    return {n.id: (n.x, n.y) for step in steps for n in step.drawn.nodes}
