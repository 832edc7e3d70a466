"""GraphML in and out: the file coordinators, Gephi, yEd and NetworkX users exchange.

Format
------
Standard, directed GraphML (``http://graphml.graphdrawing.org/xmlns``) with one ``<graph>``.
Every attribute is declared by a ``<key>`` and given by ``<data>``; an attribute that is
missing or empty is not set. Several edges between the same two nodes are fine as long as their
types differ (read the file into a ``networkx.MultiDiGraph``).

A node's ``id`` is the domain node id (letters, digits, ``_ . : -``; at most 128). Its
attributes, all ``attr.type="string"`` unless noted:

==================== ===========================================================================
``kind``             required: ``Association``, ``Business``, ``MunicipalUnit``, ``Organisation``,
                     ``YoungPerson``, ``Person``, ``Area``, ``TargetGroup``, ``Initiative``
``name``             required; 1-200 characters (a young person's pseudonym)
``sector``           actors, required: public, civil_society, business, philanthropy,
                     knowledge, citizens
``arenas``           actors: ``|``-separated school, leisure, health, work, family, community
``category``         actors: free text ("Skole", "Fodboldklub")
``description``      actors, target groups, initiatives: free text
``area``             actors, young people: id of an ``Area`` node (the LOCATED_IN tie)
``age_band``         young people: 12-14, 15-17, 18-24, 25-29
``birth_year``       young people: ``attr.type="int"``
``challenges``       young people: ``|``-separated loneliness, mental_health, substance_use,
                     crime, no_education, overweight
``role``             persons: free text ("club leader")
``email``, ``phone`` persons
``area_type``        areas: free text (town, district, parish)
``criteria_age_bands``, ``criteria_areas``, ``criteria_challenges``
                     target groups: ``|``-separated age bands, area ids, challenges
``survey_status``    actors: answered or not_answered (set by a partner survey import)
``created_at``,      ISO 8601, e.g. ``2024-05-01T09:30:00+00:00``
``updated_at``
==================== ===========================================================================

An edge's ``source`` and ``target`` are node ids; its attributes are ``type`` (required: a tie
type such as ``COLLABORATES_WITH``, ``ATTENDS``, ``MEMBER_OF``, see
:class:`graphsvc.domain.TieType`), ``strength`` (int, 1-5), ``since`` (int, a year),
``frequency`` (daily, weekly, monthly, quarterly, yearly, rarely), ``role`` (lead, partner,
funder), and a partner survey's ``trust`` and ``value`` (int, 1-4), ``reciprocated``
(``attr.type="boolean"``) and ``survey`` (its name); which type may join which kinds, and
carry which attributes, is :data:`graphsvc.domain.TIE_RULES`. Edge ids are not read.

Reading is forgiving about spelling and strict about meaning:

* Kinds, tie types and values are matched ignoring case, spaces, ``_`` and ``-``
  (``municipal_unit``, ``young person``, ``collaborates_with``, ``Civil society`` are fine),
  and so are attribute names (``Birth year``). Whole numbers may be written ``3.0``.
* ``IGNORED_ATTRIBUTES`` - ``x y z xpos ypos size r g b color label edgelabel weight viz`` - are
  the layout and colour attributes Gephi and yEd add; they are skipped, as are yEd's graphics
  keys (those with ``yfiles.type``). Any other unknown attribute is an error naming the allowed
  ones, so that a typo such as ``sektor`` does not silently drop a value.
* A ``LOCATED_IN`` edge from an actor or young person to an area is read as that node's
  ``area``; two different areas for one node are an error.
* A ``<data>`` whose key is not declared is read as the attribute of that name, which makes
  hand-written files shorter; key ``<default>`` values apply as GraphML specifies.
* ``edgedefault="undirected"`` is accepted: edges are read from source to target.
* Files with a ``<!DOCTYPE`` are refused (no DTD, so no entity expansion), as are nested graphs,
  hyperedges and files over ``max_bytes`` (200 MB by default).

Everything is validated before anything is returned, and every problem is reported at once,
each naming its record: ``node assoc-3: sector: 'sport' is not one of public, ...``,
``edge school-1 -ATTENDS-> club-2: a MunicipalUnit cannot have an ATTENDS tie to ...``.

Writing produces the same format in UTF-8, every key declared, nodes ordered by id and edges by
(source, type, target) with ids ``e0, e1, ...``, so equal networks give equal files. Each node
also gets a ``label`` (its name), which Gephi shows and the reader ignores. An area is written
as the node's ``area`` attribute, not as an edge. Gephi may merge parallel edges of different
types on import, depending on its import settings; NetworkX and yEd keep them.

At region scale (about 150,000 nodes and a million ties) a written file is close to 200 MB;
pass a larger ``max_bytes`` to read one back.
"""

from __future__ import annotations

from graphsvc.io.graphml_format import (
    DEFAULT_MAX_BYTES,
    EDGE_ATTRIBUTES,
    IGNORED_ATTRIBUTES,
    NODE_ATTRIBUTES,
)
from graphsvc.io.graphml_read import read_graphml
from graphsvc.io.graphml_write import network_to_graphml_bytes, write_graphml

__all__ = [
    "DEFAULT_MAX_BYTES",
    "EDGE_ATTRIBUTES",
    "IGNORED_ATTRIBUTES",
    "NODE_ATTRIBUTES",
    "network_to_graphml_bytes",
    "read_graphml",
    "write_graphml",
]
