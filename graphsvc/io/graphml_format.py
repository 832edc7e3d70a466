"""The names and limits of the graphsvc GraphML format, shared by the reader and the writer.

The format itself is described in :mod:`graphsvc.io.graphml`.
"""

from __future__ import annotations

import functools
import re

__all__ = [
    "BOOLEAN_ATTRIBUTES",
    "DEFAULT_MAX_BYTES",
    "EDGE_ATTRIBUTES",
    "GRAPHML_NS",
    "IGNORED_ATTRIBUTES",
    "INTEGER_ATTRIBUTES",
    "LIST_SEPARATOR",
    "NODE_ATTRIBUTES",
    "normalise",
]

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"

NODE_ATTRIBUTES: tuple[str, ...] = (
    "kind",
    "name",
    "sector",
    "arenas",
    "category",
    "description",
    "area",
    "age_band",
    "birth_year",
    "challenges",
    "role",
    "email",
    "phone",
    "area_type",
    "criteria_age_bands",
    "criteria_areas",
    "criteria_challenges",
    "survey_status",
    "created_at",
    "updated_at",
    "version",
)
EDGE_ATTRIBUTES: tuple[str, ...] = (
    "type",
    "strength",
    "since",
    "frequency",
    "role",
    "trust",
    "value",
    "reciprocated",
    "survey",
)

# Declared as attr.type="int" (or "boolean") when written, so Gephi and NetworkX get numbers.
INTEGER_ATTRIBUTES = frozenset({"birth_year", "strength", "since", "trust", "value", "version"})
BOOLEAN_ATTRIBUTES = frozenset({"reciprocated"})

# Layout and colour that Gephi and yEd add to a file they save. They carry no meaning for the
# network, so they are skipped; every other unknown attribute is an error, so typos are caught.
# ``weight`` is here because Gephi writes it on every edge (1.0); strength is read only from
# ``strength``.
IGNORED_ATTRIBUTES = frozenset(
    {
        "x",
        "y",
        "z",
        "xpos",
        "ypos",
        "size",
        "r",
        "g",
        "b",
        "color",
        "label",
        "edgelabel",
        "weight",
        "viz",
        "edge kind",  # GEXF: the tie type again, as Gephi's parallel-edge kind
        "direction",  # GEXF: an edge's own directedness; graphsvc ties are directed
    }
)

LIST_SEPARATOR = "|"

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
# A whole network imported from the command line: the large demo (157,000 nodes, 850,000 ties)
# is about 225 MB as GraphML.
NETWORK_IMPORT_MAX_BYTES = 400 * 1024 * 1024

_LOOSE = re.compile(r"[\s_-]+")


@functools.lru_cache(maxsize=4096)  # the same few kinds and values come back on every record
def normalise(text: str) -> str:
    """The form names and values are matched in: ``municipal_unit``, ``Municipal unit`` and
    ``MunicipalUnit`` are one kind; ``12-14`` and ``12 - 14`` one age band."""
    return _LOOSE.sub("", text).casefold()
