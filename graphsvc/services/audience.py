"""Who may see what: the one place where graphsvc's privacy policy is decided.

The policy (README, "Access and privacy"; ``../shared/product.md``, "Privacy and security"):

- a **viewer** — partners, funders, a share link, a survey respondent — receives actors, areas,
  target groups, initiatives, the ties among them, counts and aggregates; never an individual
  young person (id, pseudonym, birth year, challenges, ties) and never a contact person (name,
  e-mail, phone). To a viewer such a node is simply not there: asked for by id it is "not
  found", exactly like an id that does not exist, so no answer tells the two apart.
- a **coordinator** also receives pseudonymous young people with their challenges, and contact
  persons; and changes the network.
- an **admin** also manages users and tokens, reads the audit log, and erases or exports a
  person's data.

Counts follow what the caller may see: an actor's ``tieCount`` counts the ties the caller
receives in ``ties``. Aggregates that never name anyone (a target group's member count, young
people per area and age band on a map, the gap report's figures) are shown to every role.

The services apply these rules to what they return, so a resolver, route, map or command
cannot skip them; change the policy here, never at a call site.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from graphsvc.auth import Principal, Role
from graphsvc.domain import Kind, Node
from graphsvc.errors import Forbidden

__all__ = ["PERSON_KINDS", "Audience"]

PERSON_KINDS = frozenset({Kind.YOUNG_PERSON, Kind.PERSON})
_NEEDS = {Kind.YOUNG_PERSON: "young people", Kind.PERSON: "contact persons"}

N = TypeVar("N", bound=Node)


@dataclass(frozen=True)
class Audience:
    """What one caller may receive. (What one may *do* — change the network, manage users —
    is checked by role, ``Scope.require``, in the services that do it.)"""

    young_people: bool
    contact_persons: bool

    @classmethod
    def of(cls, caller: Principal) -> Audience:
        # A share link shows one saved map, whatever its creator's role: a viewer's audience.
        share_link = caller.view_id is not None
        coordinator = not share_link and caller.role.allows(Role.COORDINATOR)
        return cls(young_people=coordinator, contact_persons=coordinator)

    @property
    def hidden_kinds(self) -> frozenset[Kind]:
        """Kinds of node this audience never receives."""
        hidden = set()
        if not self.young_people:
            hidden.add(Kind.YOUNG_PERSON)
        if not self.contact_persons:
            hidden.add(Kind.PERSON)
        return frozenset(hidden)

    def visible_kinds(self, kinds: Iterable[Kind] | None) -> frozenset[Kind]:
        """``kinds`` (None: every kind) less those this audience never receives."""
        return frozenset(Kind if kinds is None else kinds) - self.hidden_kinds

    def require_kinds(self, kinds: Iterable[Kind]) -> frozenset[Kind]:
        """The visible part of ``kinds``; Forbidden when the caller asks only for kinds it may
        not see (``youngPeople``, ``contactPerson(id)``), so that it is told why."""
        wanted = frozenset(kinds)
        visible = wanted - self.hidden_kinds
        if wanted and not visible:
            what = " and ".join(_NEEDS[k] for k in sorted(wanted, key=lambda k: k.value))
            raise Forbidden(
                f"this needs a coordinator or admin; {what} are not shown to viewers and share links"
            )
        return visible

    def shows(self, node: Node) -> bool:
        return node.kind not in self.hidden_kinds

    def shows_all(self, kinds: Iterable[Kind]) -> bool:
        """Whether something that names nodes of ``kinds`` may be shown whole: a weaving task
        naming a contact person is hidden from a viewer exactly like the person."""
        return self.hidden_kinds.isdisjoint(kinds)

    def visible(self, nodes: Iterable[N]) -> list[N]:
        return [n for n in nodes if self.shows(n)]
