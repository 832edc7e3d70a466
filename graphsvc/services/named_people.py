"""Whether a free text — a weaving task's note — names a person of the tenant.

A task must never hold a young person, and one that names a contact person is hidden from
viewers like the person (:mod:`graphsvc.services.audience`). The names come from the tenant's
projection: young people's pseudonyms and ids; contact persons' names, ids, e-mail addresses
and phone numbers. A term counts only as a whole word (``yp-1`` is not in ``yp-10``), case
aside; terms shorter than three characters are ignored (they would match anything).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graphsvc.domain import Kind
from graphsvc.services.projection import memoised, projection
from graphsvc.services.scope import Scope

__all__ = ["PeopleTerms", "people_terms"]

_SHORTEST = 3


@dataclass(frozen=True)
class PeopleTerms:
    """The words that name the tenant's young people and contact persons, lower-cased."""

    young: frozenset[str]
    contacts: frozenset[str]

    def names(self, text: str, kind: Kind) -> bool:
        """Whether ``text`` names someone of ``kind`` (young person or contact person)."""
        terms = self.young if kind is Kind.YOUNG_PERSON else self.contacts
        folded = text.casefold()
        return any(
            term in folded and re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", folded) for term in terms
        )


async def people_terms(scope: Scope) -> PeopleTerms:
    """The terms of the scope's tenant, kept with its projection."""
    p = await projection(scope)
    return await memoised(p, ("people_terms",), _terms)


def _terms(G: nx.DiGraph) -> PeopleTerms:
    young: set[str] = set()
    contacts: set[str] = set()
    for node, data in G.nodes(data=True):
        if data["kind"] == Kind.YOUNG_PERSON.value:
            young.update(_words(node, data.get("name")))
        elif data["kind"] == Kind.PERSON.value:
            contacts.update(_words(node, data.get("name"), data.get("email"), data.get("phone")))
    return PeopleTerms(frozenset(young), frozenset(contacts))


def _words(*values: Any) -> list[str]:
    return [str(v).casefold().strip() for v in values if v and len(str(v).strip()) >= _SHORTEST]
