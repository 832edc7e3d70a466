"""Imports over HTTP: a GraphQL multipart upload (importFile), the REST upload, templates."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook

pytestmark = [pytest.mark.neo4j]

FILES = Path(__file__).parent.parent / "io" / "files"

IMPORT = """
mutation ($file: Upload!, $dryRun: Boolean!, $mapping: [ColumnMappingInput!]) {
  importFile(file: $file, dryRun: $dryRun, mapping: $mapping) {
    kind written dryRun summary encoding delimiter errorCount
    entries { severity row column problem suggestion }
    counts { records new changed unchanged }
  }
}"""


def _upload(
    client: httpx.Client, headers: dict[str, str], name: str, data: bytes, **variables: Any
) -> dict[str, Any]:
    operations = {"query": IMPORT, "variables": {"file": None, **variables}}
    response = client.post(
        "/graphql",
        headers=headers,
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
        files={"0": (name, data, "text/csv")},
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_import_file_dry_run_then_import(client: httpx.Client, auth: Any, tenant: str) -> None:
    data = "Forening;sektor\nHvalsø Klatreklub;civilsamfund\nLejre Bank;erhverv\n".encode("cp1252")
    mapping = [{"heading": "Forening", "field": "name"}]
    body = _upload(client, auth(tenant), "aktører.csv", data, dryRun=True, mapping=mapping)
    report = body["data"]["importFile"]
    assert report["kind"] == "actors" and report["dryRun"] and not report["written"]
    assert (report["encoding"], report["delimiter"]) == ("Windows-1252", ";")
    assert report["counts"][-1] == {"records": "total", "new": 2, "changed": 0, "unchanged": 0}

    report = _upload(client, auth(tenant), "aktører.csv", data, dryRun=False, mapping=mapping)["data"][
        "importFile"
    ]
    assert report["written"] and report["summary"] == ("Imported aktører.csv: 2 new, 0 changed, 0 unchanged.")


def test_import_file_reports_problems_and_writes_nothing(
    client: httpx.Client, auth: Any, tenant: str
) -> None:
    data = (FILES / "ikke_en_projektmappe.xlsx").read_bytes()
    report = _upload(client, auth(tenant), "ikke_en_projektmappe.xlsx", data, dryRun=False)["data"][
        "importFile"
    ]
    assert not report["written"] and report["errorCount"] == 1
    assert "is not an Excel workbook" in report["entries"][0]["problem"]


def test_a_viewer_cannot_import(client: httpx.Client, auth: Any, tenant: str) -> None:
    body = _upload(client, auth(tenant, "viewer"), "a.csv", b"navn;sektor\nA;offentlig\n", dryRun=True)
    assert body["data"] is None and "coordinator" in body["errors"][0]["message"]


def test_rest_upload_and_templates(client: httpx.Client, auth: Any, tenant: str) -> None:
    response = client.post(
        "/imports",
        params={"dry_run": "true", "tenant": tenant},
        headers=auth(tenant),
        files={"file": ("a.xlsx", (FILES / "aktoerer_libreoffice.xlsx").read_bytes())},
    )
    assert response.status_code == 200, response.json()
    counts = {c: n for c, n in response.json()["counts"].items()}
    assert counts["areas"]["new"] >= 1  # areas the tenant does not have yet come with the file
    assert not response.json()["written"]

    csv = client.get("/imports/templates/survey.csv", params={"lang": "da"})
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    assert csv.content.decode("utf-8-sig").startswith(
        "respondent;samarbejdspartner;hyppighed;tillid;værdi;status"
    )
    xlsx = client.get("/imports/templates/young_people.xlsx", params={"lang": "en"})
    assert 'filename="young-people-template.xlsx"' in xlsx.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(xlsx.content)).worksheets[0]
    assert [c.value for c in sheet[1]][:3] == ["id", "pseudonym", "age band"]
    assert client.get("/imports/templates/nonsense.csv").status_code == 422


def test_rest_upload_imports_with_the_tenant_in_the_header(
    client: httpx.Client, auth: Any, tenant: str
) -> None:
    data = "navn;sektor\nHvalsø Klatreklub;civilsamfund\n".encode("cp1252")
    response = client.post(
        "/imports",
        headers=auth(tenant) | {"X-Graphsvc-Tenant": tenant},
        files={"file": ("aktører.csv", data)},
    )
    assert response.status_code == 200, response.text
    assert response.json()["written"] is True
    other = client.post(
        "/imports",
        headers=auth(tenant) | {"X-Graphsvc-Tenant": tenant + "-b"},
        files={"file": ("aktører.csv", data)},
    )
    assert other.status_code == 403


def test_a_50_mb_upload_is_refused_in_words_and_writes_nothing(
    client: httpx.Client, auth: Any, tenant: str
) -> None:
    row = b"Forening med et langt navn;civilsamfund\n"
    big = b"navn;sektor\n" + row * (50_000_000 // len(row))
    count = "{ actorCounts { kind count } }"
    before = client.post("/graphql", headers=auth(tenant), json={"query": count}).json()
    words = "the file is larger than the 25.0 MB an import takes: split it into several files"
    rest = client.post("/imports", headers=auth(tenant), files={"file": ("stor.csv", big)})
    assert rest.status_code == 413 and rest.json()["detail"].startswith(words)
    operations = {"query": IMPORT, "variables": {"file": None, "dryRun": False}}
    graphql = client.post(
        "/graphql",
        headers=auth(tenant),
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
        files={"0": ("stor.csv", big, "text/csv")},
    )
    assert graphql.status_code == 413 and graphql.json()["detail"].startswith(words)
    assert client.post("/graphql", headers=auth(tenant), json={"query": count}).json() == before
