"""Finding nodes by what a spreadsheet writes: an id, or a name.

Coordinators write "Hvalsø Skole", not ``mu-hvalsoe-skole``. A cell is first taken as an id;
failing that, as a name (case and spacing do not matter) among the nodes of the kinds allowed
there. A name shared by several nodes needs the id; an unknown one gets the closest names as a
suggestion.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from graphsvc.domain import ACTOR_KINDS, Kind
from graphsvc.io.tabular.values import CellError

__all__ = ["Known", "NameIndex", "describe", "name_key", "new_id"]

_DANISH = str.maketrans(
    {
        "æ": "ae",
        "ø": "oe",
        "å": "aa",
        "Æ": "ae",
        "Ø": "oe",
        "Å": "aa",
        "é": "e",
        "É": "e",
        "ü": "u",
        "ö": "oe",
    }
)
_WORDS = {
    Kind.AREA: "area",
    Kind.YOUNG_PERSON: "young person",
    Kind.PERSON: "contact person",
    Kind.TARGET_GROUP: "target group",
    Kind.INITIATIVE: "initiative",
    Kind.MUNICIPAL_UNIT: "municipal unit",
    Kind.ASSOCIATION: "association",
    Kind.BUSINESS: "business",
    Kind.ORGANISATION: "organisation",
}


@dataclass(frozen=True)
class Known:
    id: str
    kind: Kind
    name: str


def name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def describe(kinds: Collection[Kind]) -> str:
    """'an actor', 'a municipal unit', 'an actor or an initiative'."""
    words = ["actor"] if set(kinds) >= ACTOR_KINDS else []
    words += sorted(_WORDS[k] for k in kinds if not (words and k in ACTOR_KINDS))
    return " or ".join(f"{'an' if w[0] in 'aeiou' else 'a'} {w}" for w in words)


class NameIndex:
    """Nodes by id and by name: those stored in the tenant, plus those a file adds."""

    def __init__(self, nodes: Iterable[Known] = ()) -> None:
        self.by_id: dict[str, Known] = {}
        self._by_name: dict[str, list[Known]] = defaultdict(list)
        self.refused: dict[str, str] = {}  # name or id of a row of the file with errors -> where
        for node in nodes:
            self.add(node)

    def add(self, node: Known) -> None:
        old = self.by_id.get(node.id)
        if old is not None:
            self._by_name[name_key(old.name)].remove(old)
        self.by_id[node.id] = node
        self._by_name[name_key(node.name)].append(node)

    def named(self, name: str, kinds: Collection[Kind]) -> list[Known]:
        return [n for n in self._by_name.get(name_key(name), []) if n.kind in kinds]

    def resolve(self, text: str, kinds: Collection[Kind]) -> Known:
        """The node ``text`` names (id first, then name) among ``kinds``; raises
        :class:`CellError` naming the problem."""
        wanted = describe(kinds)
        node = self.by_id.get(text)
        if node is not None and node.kind in kinds:
            return node
        matches = self.named(text, kinds)
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            ids = ", ".join(sorted(m.id for m in matches))
            raise CellError(f"several nodes are called {text!r} ({ids})", "write the id instead of the name")
        if node is not None:
            raise CellError(f"{text!r} is {describe([node.kind])} ({node.name!r}), not {wanted}")
        where = self.refused.get(name_key(text)) or self.refused.get(text)
        if where is not None:
            raise CellError(f"{text!r} is not imported: {where} has errors", "fix that row first")
        names = sorted({n.name for n in self.by_id.values() if n.kind in kinds})
        close = difflib.get_close_matches(text, names, n=2, cutoff=0.6)
        hint = (
            f"did you mean {' or '.join(repr(c) for c in close)}?"
            if close
            else f"add it first (as {wanted}), or check the spelling"
        )
        raise CellError(
            f"there is no {wanted.split(' ', 1)[1]} called {text!r} or with that id in this tenant", hint
        )


def new_id(name: str, prefix: str, taken: Callable[[str], bool]) -> str:
    """An id made from a name ("Hvalsø Skole" -> ``hvalsoe-skole``), unique by ``taken``."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.translate(_DANISH).casefold()).strip("-")[:60].strip("-")
    base = f"{prefix}{slug or 'node'}"
    candidate, number = base, 1
    while taken(candidate):
        number += 1
        candidate = f"{base}-{number}"
    return candidate
