"""The demo municipality: valid, deterministic, the documented size, and realistic."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from functools import cache

import pytest

from graphsvc.demo import PLANTED_GAPS, SIZES, count_ties, generate_demo, planted_gaps
from graphsvc.domain import (
    Actor,
    AgeBand,
    Arena,
    Challenge,
    Kind,
    Network,
    Person,
    Sector,
    Tie,
    TieType,
    YoungPerson,
)
from graphsvc.network_check import check_network


@cache
def demo(size: str = "small", seed: int = 2635) -> Network:
    return generate_demo(size=size, seed=seed)


def by_id(network: Network) -> dict[str, object]:
    return {n.id: n for n in network.nodes}


def young(network: Network) -> list[YoungPerson]:
    return [n for n in network.nodes if isinstance(n, YoungPerson)]


def actor_list(network: Network) -> list[Actor]:
    return [n for n in network.nodes if isinstance(n, Actor)]


# --- valid and deterministic -------------------------------------------------------------------


@pytest.mark.parametrize("size", ["small", "medium"])
def test_the_network_passes_the_whole_network_check(size: str) -> None:
    assert check_network(demo(size)) == []


@pytest.mark.parametrize("size", ["small", "medium"])
def test_every_tie_survives_full_validation(size: str) -> None:
    # Ties are built without re-validation (see builder.py): prove they are valid anyway.
    for tie in demo(size).ties:
        assert Tie.model_validate(tie.model_dump()) == tie


def test_the_same_seed_gives_the_same_network() -> None:
    assert generate_demo(size="small", seed=7) == generate_demo(size="small", seed=7)
    assert generate_demo(size="small") == demo("small")


_DIGEST = """
import hashlib, json
from graphsvc.demo import generate_demo

def canonical(value):  # sets serialise in hash order: sort them
    if isinstance(value, (set, frozenset)):
        return sorted(canonical(v) for v in value)
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [canonical(v) for v in value]
    return value

data = canonical(generate_demo().model_dump())
print(hashlib.sha256(json.dumps(data, default=str).encode()).hexdigest())
"""


def test_the_network_does_not_depend_on_string_hashing() -> None:
    # Iterating over a set of strings would give another network for another PYTHONHASHSEED.
    digests = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        out = subprocess.run(
            [sys.executable, "-c", _DIGEST], env=env, capture_output=True, text=True, check=True
        )
        digests.add(out.stdout.strip())
    assert len(digests) == 1


def test_another_seed_gives_other_young_people_in_the_same_skeleton() -> None:
    one, other = demo("small", 2635), demo("small", 1)
    assert [(y.age_band, y.area, y.challenges) for y in young(one)] != [
        (y.age_band, y.area, y.challenges) for y in young(other)
    ]
    # Towns, schools, clubs and services keep their ids whatever the seed.
    skeleton = {Kind.AREA, Kind.TARGET_GROUP, Kind.INITIATIVE}
    named = re.compile(r"^(school|club|library|kulturhus|org|ssp|uu|ppr)")
    for net in (one, other):
        assert {n.id for n in net.nodes if n.kind in skeleton or named.match(n.id)} == {
            n.id for n in one.nodes if n.kind in skeleton or named.match(n.id)
        }


def test_tenant_and_size_are_checked() -> None:
    network = generate_demo(tenant="kalundborg")
    assert network.tenant == "kalundborg"
    assert {n.tenant for n in network.nodes} == {"kalundborg"}
    with pytest.raises(ValueError, match="small, medium, large"):
        generate_demo(size="huge")


# --- sizes -------------------------------------------------------------------------------------


def test_count_ties_adds_one_located_in_per_node_with_an_area() -> None:
    network = demo()
    located = sum(1 for n in network.nodes if getattr(n, "area", None))
    assert count_ties(network) == len(network.ties) + located
    assert not [t for t in network.ties if t.type is TieType.LOCATED_IN]


@pytest.mark.parametrize(
    ("size", "nodes", "ties"),
    [
        ("small", (1_800, 2_400), (7_000, 9_000)),
        ("medium", (12_000, 14_000), (55_000, 66_000)),
    ],
)
def test_sizes_follow_the_product_proportions(
    size: str, nodes: tuple[int, int], ties: tuple[int, int]
) -> None:
    network = demo(size)
    spec = SIZES[size]
    assert nodes[0] <= len(network.nodes) <= nodes[1]
    assert ties[0] <= count_ties(network) <= ties[1]
    kinds = Counter(n.kind for n in network.nodes)
    assert kinds[Kind.YOUNG_PERSON] == spec.young_people
    assert abs(kinds[Kind.BUSINESS] - spec.businesses) <= spec.businesses * 0.02
    assert abs(kinds[Kind.ASSOCIATION] - spec.associations) <= spec.associations * 0.05
    assert abs(kinds[Kind.MUNICIPAL_UNIT] - spec.municipal_units) <= spec.municipal_units * 0.1
    share = kinds[Kind.YOUNG_PERSON] / len(network.nodes)
    assert 0.65 <= share <= 0.8


@pytest.mark.slow
def test_the_large_network_is_region_sized_and_valid() -> None:
    network = generate_demo(size="large")
    assert 145_000 <= len(network.nodes) <= 165_000
    assert 950_000 <= count_ties(network) <= 1_100_000
    assert planted_gaps(network) == PLANTED_GAPS
    assert check_network(network) == []


# --- content -----------------------------------------------------------------------------------


def test_ids_are_readable_and_names_danish() -> None:
    network = demo()
    prefixes = Counter(re.sub(r"[-.].*$", "", n.id) for n in network.nodes)
    assert {"area", "school", "club", "assoc", "biz", "yp", "person", "tg", "init", "org"} <= set(prefixes)
    assert all(n.id.isascii() for n in network.nodes)
    names = " ".join(n.name for n in network.nodes)
    assert {"æ", "ø", "å"} <= set(names)
    nodes = by_id(network)
    for id_, name in [
        ("area-oestermose", "Østermose"),
        ("ssp", "SSP Fjordlev"),
        ("uu", "UU Vejledning Fjordlev"),
        ("sundhedspleje", "Sundhedsplejen"),
        ("school-egelunde", "Egelunde Skole"),
        ("club-egelunde", "Ungdomsklubben Egelunde"),
        ("org-sus", "SUS – Center for Socialt Udviklingsarbejde"),
    ]:
        assert nodes[id_].name == name  # type: ignore[attr-defined]


def test_actors_have_kind_sector_arenas_and_area() -> None:
    network = demo()
    nodes = by_id(network)
    areas = {n.id for n in network.nodes if n.kind is Kind.AREA}
    expected = {
        "school-egelunde": (Kind.MUNICIPAL_UNIT, Sector.PUBLIC, {Arena.SCHOOL}),
        "club-egelunde": (Kind.MUNICIPAL_UNIT, Sector.PUBLIC, {Arena.LEISURE}),
        "ssp": (Kind.MUNICIPAL_UNIT, Sector.PUBLIC, {Arena.SCHOOL, Arena.LEISURE, Arena.COMMUNITY}),
        "uu": (Kind.MUNICIPAL_UNIT, Sector.PUBLIC, {Arena.SCHOOL, Arena.WORK}),
        "jobcenter": (Kind.MUNICIPAL_UNIT, Sector.PUBLIC, {Arena.WORK}),
        "sundhedspleje": (Kind.MUNICIPAL_UNIT, Sector.PUBLIC, {Arena.HEALTH, Arena.SCHOOL}),
        "library-egelunde": (Kind.MUNICIPAL_UNIT, Sector.PUBLIC, {Arena.LEISURE, Arena.COMMUNITY}),
        "org-helsefonden": (Kind.ORGANISATION, Sector.PHILANTHROPY, set()),
        "org-sus": (Kind.ORGANISATION, Sector.KNOWLEDGE, set()),
        "org-kraeftens-bekaempelse": (Kind.ORGANISATION, Sector.CIVIL_SOCIETY, {Arena.HEALTH}),
        "org-region": (Kind.ORGANISATION, Sector.PUBLIC, {Arena.HEALTH}),
    }
    for id_, (kind, sector, arenas) in expected.items():
        actor = nodes[id_]
        assert isinstance(actor, Actor)
        assert (actor.kind, actor.sector, set(actor.arenas)) == (kind, sector, arenas), id_
    for actor in actor_list(network):
        assert actor.area in areas and actor.category, actor.id
        if actor.kind is Kind.ASSOCIATION:
            assert actor.sector is Sector.CIVIL_SOCIETY and actor.arenas
        if actor.kind is Kind.BUSINESS:
            assert actor.sector is Sector.BUSINESS and Arena.WORK in actor.arenas
    sponsors = [a for a in actor_list(network) if a.kind is Kind.BUSINESS and Arena.LEISURE in a.arenas]
    assert 0 < len(sponsors) < 0.1 * sum(a.kind is Kind.BUSINESS for a in actor_list(network))


def test_towns_are_part_of_the_municipality() -> None:
    network = demo()
    towns = [n for n in network.nodes if n.kind is Kind.AREA and n.area_type == "town"]
    municipality = next(n for n in network.nodes if n.kind is Kind.AREA and n.area_type == "municipality")
    part_of = {(t.source, t.target) for t in network.ties if t.type is TieType.PART_OF}
    assert part_of == {(t.id, municipality.id) for t in towns}
    assert len(towns) == SIZES["small"].towns


def test_young_people_are_pseudonymous_and_plausible() -> None:
    people = young(demo("medium"))
    pseudonym = re.compile(r"^[A-ZÆØÅ][a-zæøå]+ [A-ZÆØÅ][a-zæøå]+ \d+$")
    assert all(pseudonym.match(y.name) for y in people)
    first_age = {AgeBand.B12_14: 12, AgeBand.B15_17: 15, AgeBand.B18_24: 18, AgeBand.B25_29: 25}
    last_age = {AgeBand.B12_14: 14, AgeBand.B15_17: 17, AgeBand.B18_24: 24, AgeBand.B25_29: 29}
    for y in people:
        assert y.age_band and y.birth_year and y.area
        assert first_age[y.age_band] <= 2026 - y.birth_year <= last_age[y.age_band]
    bands = Counter(y.age_band for y in people)
    assert all(0.15 < bands[b] / len(people) < 0.4 for b in AgeBand)

    def share(band: AgeBand, test: Callable[[YoungPerson], bool]) -> float:
        group = [y for y in people if y.age_band is band]
        return sum(1 for y in group if test(y)) / len(group)

    def lonely(y: YoungPerson) -> bool:
        return Challenge.LONELINESS in y.challenges

    def several(y: YoungPerson) -> bool:
        return len(y.challenges) >= 2

    assert share(AgeBand.B12_14, lonely) > share(AgeBand.B25_29, lonely)
    assert 0.05 < share(AgeBand.B18_24, several) < 0.2
    assert share(AgeBand.B12_14, several) < share(AgeBand.B15_17, several)
    assert 0.5 < sum(1 for y in people if not y.challenges) / len(people) < 0.85


def test_young_people_have_school_associations_jobs_and_services() -> None:
    network = demo("medium")
    nodes = by_id(network)
    ties: dict[str, list[Tie]] = {}
    for tie in network.ties:
        ties.setdefault(tie.source, []).append(tie)
    people = young(network)
    teens = [y for y in people if y.age_band is AgeBand.B12_14]
    in_school = [
        y
        for y in teens
        if any(
            t.type is TieType.ATTENDS
            and getattr(nodes[t.target], "category", "") in ("Folkeskole", "Dagbehandlingsskole")
            for t in ties.get(y.id, [])
        )
    ]
    assert len(in_school) / len(teens) > 0.9
    memberships = Counter(sum(t.type is TieType.MEMBER_OF for t in ties.get(y.id, [])) for y in people)
    assert memberships[0] / len(people) > 0.3  # many have none
    assert max(memberships) <= SIZES["medium"].max_memberships
    workers = [y for y in people if any(t.type is TieType.WORKS_AT for t in ties.get(y.id, []))]
    assert all(y.age_band is not AgeBand.B12_14 for y in workers) and workers
    users = {t.target for y in people for t in ties.get(y.id, []) if t.type is TieType.USES}
    assert {"ssp", "uu", "sundhedspleje", "jobcenter", "library-fjordlev"} <= users
    # Mostly in their own town.
    local = total = 0
    for y in people:
        for t in ties.get(y.id, []):
            if t.type in (TieType.MEMBER_OF, TieType.WORKS_AT):
                total += 1
                local += getattr(nodes[t.target], "area", None) == y.area
    assert local / total > 0.6


def test_contact_persons_are_fictional_and_everywhere_needed() -> None:
    network = demo()
    persons = [n for n in network.nodes if isinstance(n, Person)]
    assert all(p.role and p.email and p.email.endswith("@example.dk") for p in persons)
    assert all(p.phone and p.phone.startswith("+45 0") for p in persons)
    served = {t.target for t in network.ties if t.type in (TieType.WORKS_FOR, TieType.VOLUNTEERS_AT)}
    for actor in actor_list(network):
        if actor.kind is Kind.ASSOCIATION or actor.category == "Folkeskole":
            assert actor.id in served, actor.id
    roles = Counter(p.role for p in persons)
    assert {"Skoleleder", "Formand", "Klubleder", "SSP-koordinator"} <= set(roles)


def test_actor_ties_are_mostly_local_and_within_sector() -> None:
    network = demo("medium")
    actors = {a.id: a for a in actor_list(network)}
    collaborations = [t for t in network.ties if t.type is TieType.COLLABORATES_WITH]
    assert all(t.strength and t.since and t.frequency for t in collaborations)
    same_area = sum(actors[t.source].area == actors[t.target].area for t in collaborations)
    same_sector = sum(actors[t.source].sector is actors[t.target].sector for t in collaborations)
    assert 0.5 < same_area / len(collaborations) < 0.95
    assert 0.4 < same_sector / len(collaborations) < 0.9
    referrals = [t for t in network.ties if t.type is TieType.REFERS_TO]
    assert {"ssp", "school-fjordlev"} <= {t.source for t in referrals}
    funders = {
        actors[t.source].sector for t in network.ties if t.type is TieType.FUNDS and t.source in actors
    }
    assert Sector.PHILANTHROPY in funders
