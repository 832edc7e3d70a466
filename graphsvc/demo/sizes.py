"""How big each demo municipality is.

The proportions follow the product's reference municipality (Kalundborg: 9,200 young people
aged 12-29, ~500 associations, ~2,000 businesses, ~300 municipal units): about 77 % young
people, 4 % associations, 17 % businesses and 2.5 % municipal units, plus areas, contact
persons and organisations. The intensity knobs decide how many ties each node gets, so that
``medium`` lands near the product's ~60,000 ties and ``large`` near its region-scale ~1M.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SIZES", "SizeSpec"]


@dataclass(frozen=True)
class SizeSpec:
    young_people: int
    associations: int  # including the two municipality-wide ones
    businesses: int
    municipal_units: int  # schools, clubs, services and the other municipal institutions
    towns: int  # at least 4: the planted gaps need their towns
    collaborations: float  # scales the random COLLABORATES_WITH ties each actor starts
    service_use: float  # scales the chance a young person uses each optional service
    max_memberships: int  # associations a young person can be a member of
    description: str


SIZES: dict[str, SizeSpec] = {
    "small": SizeSpec(
        young_people=1_400,
        associations=75,
        businesses=320,
        municipal_units=50,
        towns=5,
        collaborations=2.0,
        service_use=1.0,
        max_memberships=2,
        description="a small municipality, for tests and quick demos (~2,000 nodes)",
    ),
    "medium": SizeSpec(
        young_people=9_200,
        associations=500,
        businesses=2_000,
        municipal_units=300,
        towns=12,
        collaborations=4.6,
        service_use=1.0,
        max_memberships=2,
        description="a Kalundborg-sized municipality (~13,000 nodes, ~60,000 ties)",
    ),
    "large": SizeSpec(
        young_people=114_000,
        associations=5_600,
        businesses=23_000,
        municipal_units=3_500,
        towns=90,
        collaborations=7.5,
        service_use=2.0,
        max_memberships=3,
        description="region scale, for load tests (~150,000 nodes, ~1M ties): one very "
        "large municipality with many towns, and denser ties than medium",
    ),
}
