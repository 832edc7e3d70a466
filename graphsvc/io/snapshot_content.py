"""What a snapshot stores, as bytes and text for Neo4j properties.

* ``content``: the partnership (:func:`graphsvc.io.audience.partnership`: organisations,
  areas, target groups, initiatives and the ties among them; no young person and no contact
  person) as the JSON of :mod:`graphsvc.io.network_json`, gzip-compressed (a municipality's
  partnership is a few hundred kilobytes).
* ``measures``: the :class:`~graphsvc.analytics.health.HealthMeasures` taken at the time, as
  JSON. A measure added to graphsvc later reads as undefined (``None``) in older snapshots.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
from typing import Any

from graphsvc.analytics.health import HealthMeasures, TargetGroupReach
from graphsvc.analytics.results import as_dict
from graphsvc.domain import Network
from graphsvc.io.audience import partnership
from graphsvc.io.network_json import network_from_json, network_to_json

__all__ = ["decode_content", "decode_measures", "encode_content", "encode_measures"]


def encode_content(network: Network) -> bytes:
    """The partnership of ``network`` as gzip-compressed JSON."""
    # mtime=0: the same partnership always gives the same bytes.
    return gzip.compress(network_to_json(partnership(network), indent=None), mtime=0)


def decode_content(content: bytes, *, tenant: str) -> Network:
    return network_from_json(gzip.decompress(content), tenant=tenant)


def encode_measures(measures: HealthMeasures) -> str:
    return json.dumps(as_dict(measures), ensure_ascii=False, sort_keys=True)


def decode_measures(text: str) -> HealthMeasures:
    data: dict[str, Any] = json.loads(text)
    values = {f.name: data.get(f.name, _missing(f.type)) for f in dataclasses.fields(HealthMeasures)}
    values["reach"] = tuple(
        TargetGroupReach(**{f.name: r.get(f.name) for f in dataclasses.fields(TargetGroupReach)})
        for r in data.get("reach", [])
    )
    return HealthMeasures(**values)


def _missing(annotation: Any) -> Any:
    # A measure an older snapshot lacks was not measured: undefined, never a made-up 0.
    return {} if str(annotation).startswith("dict") else None
