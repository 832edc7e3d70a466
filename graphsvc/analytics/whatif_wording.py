"""The sentences of a what-if, in English and Danish, written from its numbers.

Order: what each recruit would do, what losing actors would cost, leisure access overall and
where it changes (areas, age bands), other arenas, sectors, area gaps, schools without
leisure, single points of failure, the school→leisure brokerage; "no change" when nothing
moves. Names of actors and areas are data and go into the sentences as they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .brokerage_wording import brokerage_statements
from .statements import (
    Statement,
    arena_actor,
    joined,
    members_text,
    number,
    sector_text,
    statement,
)
from .wording import Language

if TYPE_CHECKING:
    from .reach import AreaGap, SchoolGap
    from .whatif import RecruitEffect, WhatIf
    from .whatif_difference import AccessCount, SectorChange

__all__ = ["recruit_statement", "whatif_statements"]

SHOWN = 5  # areas, age bands, single points of failure and brokers named at most
_EN: Language = "en"
_DA: Language = "da"


def whatif_statements(r: WhatIf, nodes: Mapping[str, Mapping[str, Any]]) -> tuple[Statement, ...]:
    """Every statement of ``r`` (module docstring); ``nodes`` gives names."""
    found = [recruit_statement(x) for x in r.recruits]
    if r.plan.actors_removed:
        found.append(_removed([str(nodes[a]["name"]) for a in r.plan.actors_removed], r))
    found.append(_access("leisure_access", r.leisure_access, r.focus_arena))
    for code, rows in (
        ("leisure_access_area", r.leisure_access_by_area),
        ("leisure_access_band", r.leisure_access_by_age_band),
    ):
        found += [_access(code, c, r.focus_arena) for c in rows if c.before != c.after][:SHOWN]
    found += [_arena(c.arena, c.gained, c.lost) for c in r.arenas if c.arena != r.focus_arena]
    found += [_sector(s, r.hops) for s in r.sectors if s.before != s.after]
    found += [_area_gap(g, closed=True) for g in r.area_gaps_closed]
    found += [_area_gap(g, closed=False) for g in r.area_gaps_opened]
    found += [_school(s, closed=True) for s in r.schools_closed]
    found += [_school(s, closed=False) for s in r.schools_opened]
    if r.schools_still:
        found.append(_schools_still(r.schools_still))
    found += [_failure(f.name, f.node, f.before, f.after) for f in r.single_points_of_failure[:SHOWN]]
    if r.brokerage is not None:
        found += brokerage_statements(r.brokerage)
    if not _changed(r):
        found.append(
            statement(
                "no_change",
                "the change would not change the gap report's figures for the target group or the "
                "brokerage between school and leisure.",
                "ændringen ville ikke ændre hulrapportens tal for målgruppen eller brobygningen mellem "
                "skole og fritid.",
            )
        )
    return tuple(found)


def recruit_statement(x: RecruitEffect) -> Statement:
    """ "Recruiting Vestby Tømrer via Jobcenter Holdby would give 3 more members in Vestby a
    leisure or work actor within two hops, and close the business gap." """
    how_en = how_da = ""
    if x.ties_from in ("via", "introduction_path") and x.via_name:
        how_en = how_da = f" via {x.via_name}"
    elif x.ties_from == "drawn" and x.ties_to_names:
        how_en = f" with ties to {joined(x.ties_to_names, _EN)}"
        how_da = f" med forbindelser til {joined(x.ties_to_names, _DA)}"
    elif x.initiative_name:
        how_en, how_da = f" into {x.initiative_name}", f" til {x.initiative_name}"
    where = x.by_area[0][1] if len(x.by_area) == 1 else None
    n = x.members_reached
    if n:
        more_en = f"{number(n, _EN)} more {'member' if n == 1 else 'members'}" + (
            f" in {where}" if where else ""
        )
        more_da = "1 ung mere" if n == 1 else f"{number(n, _DA)} flere unge"
        gives_da = f"ville give {more_da} i målgruppen" + (f" i {where}" if where else "")
    else:
        more_en, gives_da = "no more members", "ville ikke give flere unge i målgruppen"
    en = f"recruiting {x.name}{how_en} would give {more_en} {arena_actor(x.arenas, _EN)} within two hops"
    da = f"at rekruttere {x.name}{how_da} {gives_da} {arena_actor(x.arenas, _DA)} inden for to led"
    if not x.arenas:  # an actor of no arena (a foundation) brings nobody an arena of its own
        en = f"recruiting {x.name}{how_en} would bring no member an arena of its own (it belongs to none)"
        da = (
            f"at rekruttere {x.name}{how_da} ville ikke give de unge i målgruppen en ny arena (den hører "
            "ikke til nogen)"
        )
    if x.sector_gap_closed and x.sector:
        en += f", and close the {sector_text(x.sector, _EN).removeprefix('the ')} gap"
        da += f", og {sector_text(x.sector, _DA)} ville ikke længere mangle omkring målgruppen"
    return statement(
        "recruit",
        en + ".",
        da + ".",
        actor=x.node,
        actor_name=x.name,
        via=x.via,
        via_name=x.via_name,
        members=n,
        arenas=list(x.arenas),
        sector_gap_closed=x.sector_gap_closed,
    )


def _removed(names: list[str], r: WhatIf) -> Statement:
    lost = r.effect.leisure_lost
    return statement(
        "actors_removed",
        f"without {joined(names, _EN)}, {members_text(lost, _EN)} would no longer have "
        f"{arena_actor([r.focus_arena], _EN)} within two hops.",
        f"uden {joined(names, _DA)} ville {members_text(lost, _DA)} ikke længere have "
        f"{arena_actor([r.focus_arena], _DA)} inden for to led.",
        actors=list(r.plan.actors_removed),
        members=lost,
    )


def _access(code: str, c: AccessCount, arena: str) -> Statement:
    same = c.before == c.after
    place_en = {"leisure_access_area": f"in {c.label}: ", "leisure_access_band": f"aged {c.label}: "}
    place_da = {"leisure_access_area": f"i {c.label}: ", "leisure_access_band": f"{c.label} år: "}
    share_en = f"{number(c.after, _EN)} of {number(c.members, _EN)} members"
    share_da = f"{number(c.after, _DA)} af {number(c.members, _DA)} unge i målgruppen"
    en = (
        f"{place_en.get(code, '')}{share_en} would {'still ' if same else ''}have "
        f"{arena_actor([arena], _EN)} within two hops, "
        + ("as now." if same else f"against {number(c.before, _EN)} now.")
    )
    da = (
        f"{place_da.get(code, '')}{share_da} ville {'stadig ' if same else ''}have "
        f"{arena_actor([arena], _DA)} inden for to led, "
        + ("som nu." if same else f"mod {number(c.before, _DA)} nu.")
    )
    return statement(
        code, en, da, group=c.group, label=c.label, members=c.members, before=c.before, after=c.after
    )


def _arena(arena: str, gained: int, lost: int) -> Statement:
    en, da = [], []
    actor_en, actor_da = arena_actor([arena], _EN), arena_actor([arena], _DA)
    if gained:
        en.append(
            f"{members_text(gained, _EN)} would reach {actor_en} within two hops that they do not reach now"
        )
        da.append(f"{members_text(gained, _DA)} ville nå {actor_da} inden for to led, som de ikke når nu")
    if lost:
        en.append(f"{members_text(lost, _EN)} would no longer reach {actor_en} within two hops")
        da.append(f"{members_text(lost, _DA)} ville ikke længere nå {actor_da} inden for to led")
    return statement(
        "arena_change", "; ".join(en) + ".", "; ".join(da) + ".", arena=arena, gained=gained, lost=lost
    )


_SECTOR_WORDS = {
    ("missing", "covered"): (
        "would no longer be missing around the target group",
        "ville ikke længere mangle omkring målgruppen",
    ),
    ("missing", "under_represented"): (
        "would no longer be missing around the target group, but would still be under-represented",
        "ville ikke længere mangle omkring målgruppen, men ville stadig være underrepræsenteret",
    ),
    ("under_represented", "covered"): (
        "would no longer be under-represented around the target group",
        "ville ikke længere være underrepræsenteret omkring målgruppen",
    ),
    ("covered", "under_represented"): (
        "would become under-represented around the target group",
        "ville blive underrepræsenteret omkring målgruppen",
    ),
}


def _sector(s: SectorChange, hops: int) -> Statement:
    words = _SECTOR_WORDS.get((s.before, s.after))
    if words is not None:
        n = s.actors_after
        count_en = f"{number(n, _EN)} {'actor' if n == 1 else 'actors'}"
        count_da = f"{number(n, _DA)} {'aktør' if n == 1 else 'aktører'}"
        en = f"{sector_text(s.sector, _EN)} {words[0]} ({count_en} in the support network)."
        da = f"{sector_text(s.sector, _DA)} {words[1]} ({count_da} i støttenetværket)."
    else:  # it would go missing
        en = (
            f"{sector_text(s.sector, _EN)} would be missing around the target group: none of its actors "
            f"would be within {hops} hops of the members or in an initiative for them."
        )
        da = (
            f"{sector_text(s.sector, _DA)} ville mangle omkring målgruppen: ingen af dens aktører ville "
            f"være inden for {hops} led af de unge eller med i en indsats for dem."
        )
    return statement("sector_change", en, da, sector=s.sector, before=s.before, after=s.after)


def _area_gap(g: AreaGap, *, closed: bool) -> Statement:
    if closed:
        en = (
            f"{g.name} would no longer be an area gap: a leisure actor would reach young people there, "
            f"where {members_text(g.members, _EN)} live."
        )
        da = (
            f"{g.name} ville ikke længere være et hul: en fritidsaktør ville nå unge dér, hvor "
            f"{members_text(g.members, _DA)} bor."
        )
    else:
        en = (
            f"in {g.name}, where {members_text(g.members, _EN)} live, no leisure actor would reach any "
            "young person."
        )
        da = f"i {g.name}, hvor {members_text(g.members, _DA)} bor, ville ingen fritidsaktør nå nogen unge."
    code = "area_gap_closed" if closed else "area_gap_opened"
    return statement(code, en, da, area=g.area, area_name=g.name, members=g.members)


def _school(s: SchoolGap, *, closed: bool) -> Statement:
    if closed:
        en, da = (
            f"{s.name} would have a leisure actor within two hops.",
            f"{s.name} ville få en fritidsaktør inden for to led.",
        )
    else:
        en = f"{s.name} would have no leisure actor within two hops."
        da = f"{s.name} ville ikke have nogen fritidsaktør inden for to led."
    code = "school_gap_closed" if closed else "school_gap_opened"
    return statement(code, en, da, school=s.school, school_name=s.name)


def _schools_still(n: int) -> Statement:
    return statement(
        "schools_still",
        f"{number(n, _EN)} {'school' if n == 1 else 'schools'} in the support network would still have no "
        "leisure actor within two hops.",
        f"{number(n, _DA)} {'skole' if n == 1 else 'skoler'} i støttenetværket ville stadig ikke have nogen "
        "fritidsaktør inden for to led.",
        schools=n,
    )


def _failure(name: str, node: str, before: int, after: int) -> Statement:
    route_en, route_da = "the only route to leisure", "den eneste vej til fritidslivet"
    if not before:
        en = f"{name} would become {route_en} for {members_text(after, _EN)}."
        da = f"{name} ville blive {route_da} for {members_text(after, _DA)}."
    elif not after:
        en = f"{name} would no longer be {route_en} for anyone (now it is for {number(before, _EN)})."
        da = f"{name} ville ikke længere være {route_da} for nogen (nu er den det for {number(before, _DA)})."
    else:
        en = f"{name} would be {route_en} for {members_text(after, _EN)} instead of {number(before, _EN)}."
        da = (
            f"{name} ville være {route_da} for {members_text(after, _DA)} i stedet for {number(before, _DA)}."
        )
    return statement(
        "single_point_of_failure", en, da, actor=node, actor_name=name, before=before, after=after
    )


def _changed(r: WhatIf) -> bool:
    b = r.brokerage
    brokerage_moved = b is not None and (
        (b.connected_before, b.pairs_before) != (b.connected_after, b.pairs_after)
        or any(x.share_before != x.share_after for x in b.brokers)
    )
    return bool(
        r.effect.members_reached
        or r.effect.members_cut_off
        or r.effect.gaps_closed
        or r.effect.gaps_opened
        or r.single_points_of_failure
        or any(s.before != s.after for s in r.sectors)
        or brokerage_moved
    )
