"""Fixtures of the backup tests."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from graphsvc.db.driver import GraphStore
from tests.tenant_contents import Contents, read_contents


@pytest.fixture
def contents(store: GraphStore) -> Callable[[str], Awaitable[Contents]]:
    """``await contents(tenant)``: the tenant's nodes and relationships, comparable with ==."""
    return lambda tenant: read_contents(store, tenant)
