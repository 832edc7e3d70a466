"""schema.graphql is the reviewed contract: it must match the code."""

from __future__ import annotations

from graphsvc.config import REPO_ROOT
from graphsvc.schema import schema


def test_schema_file_matches_code() -> None:
    on_disk = (REPO_ROOT / "schema.graphql").read_text(encoding="utf-8")
    assert on_disk.strip() == schema.as_str().strip(), (
        "schema.graphql is out of date: run `make schema` and review the diff"
    )


def test_every_type_and_field_is_described() -> None:
    undocumented = []
    for name, gql_type in schema._schema.type_map.items():
        if name.startswith("__") or name in {"String", "Int", "Float", "Boolean", "ID"}:
            continue
        if not gql_type.description:
            undocumented.append(name)
        for field_name, field in getattr(gql_type, "fields", {}).items():
            if not field.description:
                undocumented.append(f"{name}.{field_name}")
    assert undocumented == []
