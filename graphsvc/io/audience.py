"""What of a network leaves graphsvc in a file, depending on who it is for.

Files travel: an export is mailed to a funder, put on a shared drive, opened in Gephi on a
partner's laptop. So what a file holds is decided when it is made, by the role of the person
who asks for it:

* with ``include_young_people=False`` (viewers: partners and funders) the file holds no young
  person, none of their ties (ATTENDS, MEMBER_OF, WORKS_AT, USES, INCLUDED_IN) and no
  ``challenges``, not even a target group's challenge criteria;
* with ``include_contact_persons=False`` it holds no contact person (name, e-mail, phone)
  and none of their WORKS_FOR / VOLUNTEERS_AT ties.

:func:`partnership` keeps only what a snapshot keeps: organisations, areas, target groups,
initiatives and the ties among them, no individual person of any kind.
"""

from __future__ import annotations

from collections.abc import Callable

from graphsvc.domain import Kind, Network, Node, TargetGroup

__all__ = ["PARTNERSHIP_KINDS", "for_audience", "partnership"]

PARTNERSHIP_KINDS = frozenset(
    {
        Kind.ASSOCIATION,
        Kind.BUSINESS,
        Kind.MUNICIPAL_UNIT,
        Kind.ORGANISATION,
        Kind.AREA,
        Kind.TARGET_GROUP,
        Kind.INITIATIVE,
    }
)


def for_audience(
    network: Network, *, include_young_people: bool, include_contact_persons: bool = True
) -> Network:
    """``network`` without what its audience may not see (module docstring)."""
    left_out = set()
    if not include_young_people:
        left_out.add(Kind.YOUNG_PERSON)
    if not include_contact_persons:
        left_out.add(Kind.PERSON)
    if not left_out:
        return network
    return _keep(network, lambda node: node.kind not in left_out, without_challenges=not include_young_people)


def partnership(network: Network) -> Network:
    """The organisations, areas, target groups and initiatives of ``network`` and the ties among
    them: no young person and no contact person."""
    return _keep(network, lambda node: node.kind in PARTNERSHIP_KINDS, without_challenges=False)


def _keep(network: Network, wanted: Callable[[Node], bool], *, without_challenges: bool) -> Network:
    nodes: list[Node] = []
    for node in network.nodes:
        if not wanted(node):
            continue
        if without_challenges and isinstance(node, TargetGroup) and node.criteria_challenges:
            node = node.model_copy(update={"criteria_challenges": frozenset()})
        nodes.append(node)
    kept = {node.id for node in nodes}
    ties = tuple(t for t in network.ties if t.source in kept and t.target in kept)
    return Network(tenant=network.tenant, nodes=tuple(nodes), ties=ties)
