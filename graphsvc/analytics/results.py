"""Results as plain JSON-ready values, for the command line and for tests.

Field names are the dataclasses' own, so the JSON is as stable as the result types.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from enum import Enum
from typing import Any

__all__ = ["as_dict"]


def as_dict(value: Any) -> Any:
    """``value`` with every result dataclass turned into a dict, sets into sorted lists,
    tuples into lists, enums into their values and NaN into ``None``.

    Examples
    --------
    >>> from graphsvc.analytics.support import EIIndex
    >>> as_dict(EIIndex(external=2, internal=4, index=-1 / 3))["internal"]
    4
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_dict(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): as_dict(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((as_dict(v) for v in value), key=str)
    if isinstance(value, (list, tuple)):
        return [as_dict(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return None
    return value
