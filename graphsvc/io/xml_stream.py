"""Feeding XML to expat a chunk at a time, safely: what the GraphML and GEXF parsers share.

Any ``<!DOCTYPE`` is refused as soon as expat reports it, before an internal subset is read:
neither format needs a DTD, and without one a file can declare no entities, so entity expansion
("billion laughs", external entities) cannot happen whatever the expat version.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, TypeVar
from xml.parsers import expat

from graphsvc.errors import InvalidInput

__all__ = ["new_parser", "parse_chunks"]

T = TypeVar("T")


class _Collecting(Protocol[T]):
    out: list[T]


def new_parser(format_name: str) -> expat.XMLParserType:
    """An expat parser with namespaces split by a space, text buffered and DOCTYPEs refused."""

    def refuse(*_: object) -> None:
        raise InvalidInput(
            f"the file has a <!DOCTYPE> declaration; {format_name} needs none, and it is refused "
            "so that no entities can be declared"
        )

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse  # unreachable without a DOCTYPE; kept as a backstop
    return parser


def parse_chunks(
    parser: expat.XMLParserType, handler: _Collecting[T], chunks: Iterable[bytes | memoryview]
) -> Iterator[T]:
    """Feed ``chunks`` to ``parser``, yielding what ``handler`` collects in ``out`` as it goes."""
    empty = True
    try:
        for chunk in chunks:
            empty = empty and not chunk
            parser.Parse(chunk, False)
            yield from handler.out
            handler.out.clear()
        if empty:
            raise InvalidInput("the file is empty")
        parser.Parse(b"", True)
    except expat.ExpatError as e:
        # expat counts columns from 0; editors count from 1.
        raise InvalidInput(
            f"the file is not valid XML: line {e.lineno}, column {e.offset + 1}: {expat.ErrorString(e.code)}"
        ) from None
    yield from handler.out
