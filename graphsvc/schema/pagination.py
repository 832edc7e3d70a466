"""Cursor pagination (first/after) in the Relay connection shape, with a total count."""

from __future__ import annotations

import base64
import binascii
from typing import Any, Generic, TypeVar

import strawberry

from graphsvc.errors import InvalidInput

__all__ = [
    "Connection",
    "Edge",
    "PageInfo",
    "check_first",
    "decode_cursor",
    "encode_cursor",
    "to_connection",
]

N = TypeVar("N")
_PREFIX = "node:"


def encode_cursor(node_id: str) -> str:
    return base64.urlsafe_b64encode(f"{_PREFIX}{node_id}".encode()).decode()


def decode_cursor(cursor: str | None) -> str | None:
    if cursor is None:
        return None
    try:
        text = base64.urlsafe_b64decode(cursor.encode("ascii")).decode("utf-8")
    except (binascii.Error, UnicodeError, ValueError):
        text = ""
    if not text.startswith(_PREFIX):
        raise InvalidInput("after: this is not a cursor given out by this API")
    return text.removeprefix(_PREFIX)


def check_first(first: int, limit: int) -> int:
    if not 1 <= first <= limit:
        raise InvalidInput(f"first: a page holds 1 to {limit} items (the page size limit), not {first}")
    return first


@strawberry.type(description="Where a page is in the whole list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="Whether more items follow.")
    end_cursor: str | None = strawberry.field(description="Pass as `after` to get the next page.")


@strawberry.type(description="One item of a page, with its cursor.")
class Edge(Generic[N]):
    cursor: str = strawberry.field(description="The position of this item.")
    node: N = strawberry.field(description="The item.")


@strawberry.type(description="A page of a list.")
class Connection(Generic[N]):
    edges: list[Edge[N]] = strawberry.field(description="The items of this page.")
    page_info: PageInfo = strawberry.field(description="Where the page is in the whole list.")
    total_count: int = strawberry.field(description="How many items match, on all pages.")


def to_connection(nodes: list[Any], total: int, has_next: bool) -> Connection[Any]:
    edges = [Edge(cursor=encode_cursor(n.id), node=n) for n in nodes]
    return Connection(
        edges=edges,
        page_info=PageInfo(has_next_page=has_next, end_cursor=edges[-1].cursor if edges else None),
        total_count=total,
    )
