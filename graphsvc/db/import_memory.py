"""What a tenant's coordinators chose for earlier import files, so that the next file of the
same shape needs no choices: their own type words ("Bibliotek" -> a municipal unit in the
community arena) and, per shape of file, the column mapping and defaults.

The memory is a JSON text on the tenant's bookkeeping node (``TenantState``): it is small, read
once per import, and never part of the network.
"""

from __future__ import annotations

import json
from typing import Any

from graphsvc.db.driver import GraphStore

__all__ = ["ImportMemory", "read_memory", "write_memory"]

ImportMemory = dict[str, Any]  # {"types": {word: profile text}, "shapes": {shape: {...}}}


async def read_memory(store: GraphStore, tenant: str) -> ImportMemory:
    records = await store.query("imports/memory", tenant=tenant)
    text = records[0]["memory"] if records else None
    try:
        memory = json.loads(text) if text else {}
    except ValueError:  # written by graphsvc only; an unreadable one is forgotten, not fatal
        memory = {}
    return memory if isinstance(memory, dict) else {}


async def write_memory(store: GraphStore, tenant: str, memory: ImportMemory) -> None:
    await store.query(
        "imports/remember", write=True, tenant=tenant, memory=json.dumps(memory, sort_keys=True)
    )
