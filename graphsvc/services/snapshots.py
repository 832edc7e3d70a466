"""Snapshots as the API and the command line use them: take one, list them, compare any two (or
one with the network as it is now), and chart the measures over all of them.

The measures of a snapshot are taken from the tenant's analytics projection
(:mod:`graphsvc.services.projection`), young people included (reach needs them); its content
is read from Neo4j at the same data version, so both describe the same moment. A snapshot holds
the partnership only (no young person, no contact person) and aggregates, so every role may
read them; taking and deleting one needs a coordinator.
"""

from __future__ import annotations

import asyncio
import datetime
import re
from dataclasses import dataclass
from typing import Literal

from graphsvc.analytics.comparison import NetworkComparison, compare_networks
from graphsvc.analytics.health import HealthMeasures, network_health
from graphsvc.auth import Role
from graphsvc.db.snapshots import Partnership, Snapshot, SnapshotRepository, name_key
from graphsvc.domain import MAX_NAME_LENGTH, Network
from graphsvc.errors import InvalidInput
from graphsvc.services.projection import memoised, projection
from graphsvc.services.scope import Scope
from graphsvc.services.weaving_checks import check_snapshot

__all__ = [
    "NOW",
    "ChartFile",
    "Comparison",
    "Moment",
    "Snapshot",
    "compare",
    "create_snapshot",
    "current_state",
    "delete_snapshot",
    "growth_chart",
    "growth_chart_file",
    "list_snapshots",
    "partnership_at",
]

NOW = "now"
REACH_HOPS = 2
# As for every name in the graph (graphsvc.domain): no control characters, no lone surrogates
# (Neo4j cannot store them) and no noncharacters.
_CONTROL = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_EARLIEST = datetime.date(2000, 1, 1)
_LATEST = datetime.date(2100, 12, 31)


@dataclass(frozen=True)
class Moment:
    """One end of a comparison: a snapshot, or the network now (``id`` ``"now"``)."""

    id: str
    name: str
    taken_on: datetime.date
    is_now: bool


@dataclass(frozen=True)
class Comparison:
    """A comparison of two moments of one tenant's network, with a sentence that sums it up."""

    tenant: str
    before: Moment
    after: Moment
    changes: NetworkComparison
    sentence: str


async def current_state(scope: Scope, *, year: int | None = None) -> tuple[HealthMeasures, Network]:
    """The measures of ``tenant`` now and its partnership, at one data version. Target-group
    members recorded by birth year are placed in age bands by their age in ``year`` (default:
    this year)."""
    year = year or datetime.date.today().year
    repository = SnapshotRepository(scope.store)
    for _ in range(3):
        p = await projection(scope)
        partnership: Partnership = await repository.read_partnership(scope.tenant)
        if partnership.version == p.version:
            break
        # A write landed between the two reads: read both again.
    measures = await memoised(
        p, ("health", REACH_HOPS, year), lambda G: network_health(G, hops=REACH_HOPS, reference_year=year)
    )
    return measures, partnership.network


async def create_snapshot(scope: Scope, name: str, *, taken_on: datetime.date | None = None) -> Snapshot:
    """Take a snapshot of the tenant called ``name``, dated ``taken_on`` (default: today)."""
    scope.require(Role.COORDINATOR)
    name = _check_name(name)
    day = taken_on or datetime.date.today()
    if not _EARLIEST <= day <= _LATEST:
        raise InvalidInput(f"date: between {_EARLIEST} and {_LATEST}, not {day}")
    measures, network = await current_state(scope, year=day.year)
    taken = await SnapshotRepository(scope.store).create(
        scope.tenant, name=name, taken_on=day, measures=measures, network=network
    )
    # Did the introductions being followed up become collaborations by this snapshot?
    await check_snapshot(scope, taken.id, day, network)
    return taken


async def list_snapshots(scope: Scope) -> list[Snapshot]:
    """The snapshots of the tenant, oldest first."""
    return await SnapshotRepository(scope.store).list(scope.tenant)


async def delete_snapshot(scope: Scope, ref: str) -> Snapshot:
    """Delete the snapshot whose id or name is ``ref``; returns what it was."""
    scope.require(Role.COORDINATOR)
    repository = SnapshotRepository(scope.store)
    snapshot, _ = await repository.find(scope.tenant, ref)
    await repository.delete(scope.tenant, snapshot.id, before=snapshot)
    return snapshot


async def compare(scope: Scope, before: str, after: str = NOW) -> Comparison:
    """Compare the snapshots (ids or names) ``before`` and ``after``; either may be ``"now"``,
    the network as it is."""
    (m_before, n_before, w_before), (m_after, n_after, w_after) = (
        await _moment(scope, before),
        await _moment(scope, after),
    )
    changes = await asyncio.to_thread(
        compare_networks, n_before, n_after, measures_before=m_before, measures_after=m_after
    )
    return Comparison(
        tenant=scope.tenant,
        before=w_before,
        after=w_after,
        changes=changes,
        sentence=_sentence(w_before, w_after, changes),
    )


@dataclass(frozen=True)
class ChartFile:
    """The growth chart as a file: its bytes, and the name to save it under, made from the
    tenant and the days of its first and last snapshots ("vækst-lejre-2026-01-15-til-2026-10-01.png")."""

    content: bytes
    file_name: str


async def growth_chart(
    scope: Scope, *, file_format: Literal["png", "svg"], language: Literal["da", "en"] = "da"
) -> bytes:
    """The growth chart of every snapshot of the tenant (see :mod:`graphsvc.charts.growth`)."""
    return (await growth_chart_file(scope, file_format=file_format, language=language)).content


async def growth_chart_file(
    scope: Scope, *, file_format: Literal["png", "svg"], language: Literal["da", "en"] = "da"
) -> ChartFile:
    """The growth chart with the name of the file it is saved as."""
    tenant = scope.tenant
    from graphsvc.charts.growth import growth_chart as draw  # matplotlib loads on first use

    if file_format not in ("png", "svg"):
        raise InvalidInput(f"format: png or svg, not {file_format!r}")
    if language not in ("da", "en"):
        raise InvalidInput(f"lang: da or en, not {language!r}")
    snapshots = await list_snapshots(scope)
    if not snapshots:
        raise InvalidInput(
            f"tenant {tenant!r} has no snapshots yet: take one first "
            "(graphsvc snapshot create NAME, or createSnapshot)"
        )
    content = await asyncio.to_thread(
        draw, snapshots, tenant=tenant, file_format=file_format, language=language
    )
    return ChartFile(content=content, file_name=_chart_name(tenant, snapshots, file_format, language))


def _chart_name(tenant: str, snapshots: list[Snapshot], file_format: str, language: str) -> str:
    first, last = snapshots[0].taken_on.isoformat(), snapshots[-1].taken_on.isoformat()
    word, until = ("vækst", "til") if language == "da" else ("growth", "to")
    days = first if first == last else f"{first}-{until}-{last}"
    return f"{word}-{tenant}-{days}.{file_format}"


async def partnership_at(scope: Scope, ref: str) -> tuple[Network, Moment]:
    """The partnership at the snapshot ``ref`` (id or name), or now: without its measures,
    which a picture of the network does not need."""
    repository = SnapshotRepository(scope.store)
    if name_key(ref) == NOW:
        partnership = await repository.read_partnership(scope.tenant)
        return partnership.network, _now()
    snapshot, network = await repository.find(scope.tenant, ref)
    return network, Moment(id=snapshot.id, name=snapshot.name, taken_on=snapshot.taken_on, is_now=False)


def _now() -> Moment:
    return Moment(id=NOW, name=NOW, taken_on=datetime.date.today(), is_now=True)


async def _moment(scope: Scope, ref: str) -> tuple[HealthMeasures, Network, Moment]:
    if name_key(ref) == NOW:
        measures, network = await current_state(scope)
        return measures, network, _now()
    snapshot, network = await SnapshotRepository(scope.store).find(scope.tenant, ref)
    return (
        snapshot.measures,
        network,
        Moment(id=snapshot.id, name=snapshot.name, taken_on=snapshot.taken_on, is_now=False),
    )


def _check_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidInput('name: a snapshot needs a name, e.g. "Kick-off 2026"')
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InvalidInput(f"name: at most {MAX_NAME_LENGTH} characters, not {len(cleaned)}")
    if _CONTROL.search(cleaned):
        raise InvalidInput("name: contains control characters")
    if name_key(cleaned) == NOW:
        raise InvalidInput(f"name: {NOW!r} stands for the network as it is now; choose another")
    return cleaned


def _sentence(before: Moment, after: Moment, changes: NetworkComparison) -> str:
    def describe(moment: Moment) -> str:
        return "now" if moment.is_now else f"{moment.name!r} ({moment.taken_on.isoformat()})"

    measures = {m.measure: m for m in changes.measures}
    parts = [
        f"From {describe(before)} to {describe(after)}: "
        f"{len(changes.partners_gained)} partners gained and "
        f"{len(changes.partners_lost)} lost, {len(changes.ties_gained)} ties gained and "
        f"{len(changes.ties_lost)} lost"
    ]
    for code, words, as_share in (
        ("density", "density", False),
        ("cross_sector_tie_share", "cross-sector tie share", True),
        ("components", "components", False),
    ):
        m = measures[code]
        if m.before is not None and m.after is not None:
            parts.append(f"{words} {_number(m.before, as_share)} → {_number(m.after, as_share)}")
    return "; ".join(parts) + "."


def _number(value: float, as_share: bool) -> str:
    if as_share:
        return f"{round(value * 100)}%"
    return str(value) if isinstance(value, int) else f"{value:.3f}"
