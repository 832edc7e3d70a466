"""Turning raw GraphML records into domain nodes and ties, one record at a time.

Values are converted here (lists split, enum values matched loosely, whole numbers parsed) so
that a problem can quote the value that was given; everything else is left to the domain
models, whose messages are passed on through :func:`problems_from_validation`.
"""

from __future__ import annotations

import difflib
import functools
import types
import typing
from collections import Counter
from collections.abc import Collection, Mapping
from enum import Enum
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from graphsvc.domain import TIE_RULES, Kind, Node, Tie, TieType, node_model
from graphsvc.errors import Problem
from graphsvc.io.graphml_format import (
    EDGE_ATTRIBUTES,
    IGNORED_ATTRIBUTES,
    LIST_SEPARATOR,
    NODE_ATTRIBUTES,
    normalise,
)
from graphsvc.io.graphml_parse import KeyDecl, RawRecord
from graphsvc.network_check import problems_from_validation

__all__ = ["Attributes", "convert_node", "convert_tie", "edge_record", "node_record"]

_E = TypeVar("_E", bound=Enum)
_IGNORED = frozenset(normalise(name) for name in IGNORED_ATTRIBUTES)
_KINDS = {normalise(kind.value): kind for kind in Kind}
_NOT_ATTRIBUTES = frozenset({"kind", "id", "tenant", "type", "source", "target"})


class Attributes:
    """Reads the attributes of one element type (node or edge) from a file's keys.

    Attribute names are matched like values (case, spaces, ``_`` and ``-`` do not matter);
    unknown names are kept as given so that the converters can report them.
    """

    def __init__(
        self,
        keys: Mapping[str, KeyDecl],
        element: str,
        problems: list[Problem],
        unknown: Counter[str] | None = None,
    ):
        self._keys = keys
        self._known = {normalise(n): n for n in (NODE_ATTRIBUTES if element == "node" else EDGE_ATTRIBUTES)}
        self._names: dict[str, str | None] = {}
        known = set(self._known.values())
        self.defaults: dict[str, str] = {}
        for key in keys.values():
            default = (key.default or "").strip()
            if key.domain not in (element, "all") or key.graphics or not default:
                continue
            name = self._name(key.id)
            if name in known:
                self.defaults[name] = default
            elif name is not None and unknown is not None:
                unknown[name] += 0  # left out, and named once with the others
            elif name is not None:
                # Reported once here rather than on every node the default would reach.
                problems.append(
                    Problem(f"key {key.id}", f"{key.name}: unknown {element} attribute with a default value")
                )

    def of(self, record: RawRecord) -> tuple[dict[str, str], list[str]]:
        """The set attributes of ``record`` (name → stripped text) and what is wrong with them
        (the caller names the record, which may depend on them). Defaults are applied later,
        by the converters, to the attributes the record's kind or type has."""
        attrs: dict[str, str] = {}
        wrong: list[str] = []
        for key_id, raw in record.data:
            name = self._name(key_id)
            text = raw.strip()
            if name is None or not text:  # visual attribute, or empty = not set
                continue
            if attrs.get(name, text) != text:
                wrong.append(f"{name}: given twice, as {attrs[name]!r} and {text!r}")
            attrs[name] = text
        return attrs, wrong

    def _name(self, key_id: str) -> str | None:
        if key_id not in self._names:
            key = self._keys.get(key_id)
            # An undeclared key is read as the attribute's name, for hand-written files.
            name = key_id if key is None else key.name
            loose = normalise(name)
            if (key is not None and key.graphics) or loose in _IGNORED:
                self._names[key_id] = None
            else:
                self._names[key_id] = self._known.get(loose, name)
        return self._names[key_id]


def node_record(record: RawRecord) -> str:
    return f"node {record.id}"


def edge_record(record: RawRecord, type_text: str | None) -> str:
    tie_type = _loose_enum(TieType, type_text) if type_text else None
    shown = tie_type.value if tie_type else (type_text or "?")
    return f"edge {record.source} -{shown}-> {record.target}"


def convert_node(
    record: RawRecord,
    attrs: dict[str, str],
    *,
    defaults: Mapping[str, str],
    tenant: str,
    unknown: Counter[str] | None = None,
) -> tuple[Node | None, Kind | None, list[Problem]]:
    """The node ``record`` describes, its kind (when readable), and what is wrong with it.

    When there are problems the node, if any, is built from the acceptable attributes only: it
    is good enough to judge the edges and references around it, never to be stored.
    """
    name = node_record(record)
    problems: list[Problem] = []
    attrs = dict(attrs)
    kind_text = attrs.pop("kind", None) or defaults.get("kind")
    kind = _KINDS.get(normalise(kind_text)) if kind_text else None
    if kind_text is None:
        problems.append(Problem(name, f"kind: missing; give one of {_values(Kind)}"))
    elif kind is None:
        problems.append(Problem(name, f"kind: {kind_text!r} is not a kind; use one of {_values(Kind)}"))
    model = node_model(kind) if kind else None
    allowed = _fields(model) if model else {n: (False, str) for n in NODE_ATTRIBUTES[1:]}
    owner = _article(kind.value) if kind else "a node"
    if model is not None:
        _default(attrs, defaults, allowed)
    values, bad = _convert(name, attrs, allowed, owner, "kind", problems, unknown)
    if model is None:
        return None, None, problems
    fixed = {"kind": kind, "id": record.id, "tenant": tenant}
    node = _build(model, name, fixed, values, bad, problems)
    return node, kind, problems  # type: ignore[return-value]


def convert_tie(
    record: RawRecord,
    attrs: dict[str, str],
    *,
    defaults: Mapping[str, str],
    unknown: Counter[str] | None = None,
) -> tuple[Tie | None, list[Problem]]:
    """The tie ``record`` describes and what is wrong with it (as for nodes, with problems the
    tie is built from the acceptable attributes, to be judged but not stored)."""
    attrs = dict(attrs)
    type_text = attrs.pop("type", None) or defaults.get("type")
    name = edge_record(record, type_text)
    problems: list[Problem] = []
    tie_type = _loose_enum(TieType, type_text) if type_text else None
    if type_text is None:
        problems.append(Problem(name, f"type: missing; give one of {_values(TieType)}"))
    elif tie_type is None:
        problems.append(
            Problem(name, f"type: {type_text!r} is not a tie type; use one of {_values(TieType)}")
        )
    if tie_type is not None:
        _default(attrs, defaults, TIE_RULES[tie_type].properties)
    values, bad = _convert(name, attrs, _fields(Tie), "an edge", "type", problems, unknown)
    if tie_type is None:
        return None, problems
    fixed = {"type": tie_type, "source": record.source, "target": record.target}
    return _build(Tie, name, fixed, values, bad, problems), problems  # type: ignore[return-value]


def _default(attrs: dict[str, str], defaults: Mapping[str, str], has: Collection[str]) -> None:
    # A key's default fills in what a record leaves out, but only where the record's kind or
    # tie type has that attribute: a default area_type is not meant for a club.
    for name, text in defaults.items():
        if name in has:
            attrs.setdefault(name, text)


def _build(
    model: type[BaseModel],
    record: str,
    fixed: dict[str, Any],
    values: dict[str, Any],
    bad: set[str],
    problems: list[Problem],
) -> BaseModel | None:
    """``model`` from ``fixed`` and ``values``; fields the model rejects are reported, dropped
    and the model built again, so that one wrong value does not hide the record's other
    problems. ``None`` when a fixed or required field is wrong."""
    bad = set(bad)
    for _ in range(2):
        try:
            return model(**fixed, **values)
        except ValidationError as e:
            problems.extend(p for p in problems_from_validation(record, e) if _field(p) not in bad)
            failing = {str(error["loc"][0]) for error in e.errors() if error["loc"]}
            bad |= failing
            if failing - values.keys():
                return None
            values = {k: v for k, v in values.items() if k not in failing}
    return None


def _convert(
    record: str,
    attrs: Mapping[str, str],
    allowed: Mapping[str, tuple[bool, Any]],
    owner: str,
    first: str,
    problems: list[Problem],
    unknown: Counter[str] | None,
) -> tuple[dict[str, Any], set[str]]:
    """The attributes' values by name. An attribute graphsvc does not know at all is counted in
    ``unknown`` when one is given (to be reported once, as left out), else reported."""
    values: dict[str, Any] = {}
    bad: set[str] = set()
    for name, text in attrs.items():
        if unknown is not None and name not in NODE_ATTRIBUTES and name not in EDGE_ATTRIBUTES:
            unknown[name] += 1
            continue
        if name not in allowed:
            problems.append(Problem(record, _unknown(name, owner, [first, *allowed])))
            continue
        is_list, item_type = allowed[name]
        try:
            if is_list:
                items = [t.strip() for t in text.split(LIST_SEPARATOR)]
                values[name] = [_value(t, item_type) for t in items if t]
            else:
                values[name] = _value(text, item_type)
        except ValueError as e:
            problems.append(Problem(record, f"{name}: {e}"))
            bad.add(name)
    return values, bad


def _value(text: str, item_type: Any) -> Any:
    if isinstance(item_type, type) and issubclass(item_type, Enum):
        value = _loose_enum(item_type, text)
        if value is None:
            raise ValueError(f"{text!r} is not one of {_values(item_type)}")
        return value
    if item_type is int:
        # Spreadsheets and Gephi turn whole numbers into 3.0; that is still a whole number.
        try:
            number = float(text)
        except ValueError:
            raise ValueError(f"{text!r} is not a whole number") from None
        if not number.is_integer():
            raise ValueError(f"{text!r} is not a whole number")
        return int(number)
    return text


def _article(word: str) -> str:
    return f"{'an' if word[0] in 'AEIOU' else 'a'} {word}"


def _unknown(name: str, owner: str, allowed: list[str]) -> str:
    if name in NODE_ATTRIBUTES or name in EDGE_ATTRIBUTES:
        return f"{name}: {owner} has no {name}; its attributes are {', '.join(allowed)}"
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return f"{name}: unknown attribute{hint}; {owner} has {', '.join(allowed)}"


@functools.cache
def _loose_index(enum: type[Enum]) -> dict[str, Enum]:
    return {normalise(str(member.value)): member for member in enum}


def _loose_enum(enum: type[_E], text: str) -> _E | None:
    return _loose_index(enum).get(normalise(text))  # type: ignore[return-value]


def _values(enum: type[Enum]) -> str:
    return ", ".join(str(member.value) for member in enum)


def _field(problem: Problem) -> str:
    return problem.problem.split(":", 1)[0].split(".", 1)[0]


@functools.cache
def _fields(model: type[BaseModel]) -> dict[str, tuple[bool, Any]]:
    """The file attributes ``model`` has: name → (is a ``|`` list, type of one value)."""
    names = NODE_ATTRIBUTES if model is not Tie else EDGE_ATTRIBUTES
    fields = {}
    for name in names:
        info = model.model_fields.get(name)
        if info is not None and name not in _NOT_ATTRIBUTES:
            fields[name] = _shape(info.annotation)
    return fields


def _shape(annotation: Any) -> tuple[bool, Any]:
    origin = typing.get_origin(annotation)
    if origin is frozenset:
        return True, _strip(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        return False, _strip(inner[0])
    return False, _strip(annotation)


def _strip(annotation: Any) -> Any:
    if typing.get_origin(annotation) is typing.Annotated:
        return typing.get_args(annotation)[0]
    return annotation
