"""The recruitment list downloads: CSV and XLSX, Danish and English, read back as a spreadsheet
program would read them."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import httpx
import pytest
from openpyxl import load_workbook

from graphsvc.demo import PLANTED_GAPS

Headers = Callable[..., dict[str, str]]

pytestmark = pytest.mark.neo4j

GROUP = PLANTED_GAPS.target_group_missing_sector[0]


def test_danish_csv(client: httpx.Client, small_demo: str, auth: Headers) -> None:
    response = client.get(
        f"/exports/recruitment/{GROUP}.csv",
        params={"tenant": small_demo, "top": 10},
        headers=auth(small_demo, "viewer"),
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == f'attachment; filename="rekrutteringsliste-{GROUP}.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Nr.", "Aktør", "Type"]
    assert len(rows) == 11
    column = dict(zip(rows[0], rows[1], strict=True))
    assert column["Nr."] == "1" and column["Sektor"] == "erhvervslivet"
    assert "tilføjer erhvervslivet" in column["Begrundelse"]
    assert "," in column["Point"] or column["Point"].isdigit()  # decimal comma in Danish


def test_english_xlsx_with_the_tenant_header(client: httpx.Client, small_demo: str, auth: Headers) -> None:
    response = client.get(
        f"/exports/recruitment/{GROUP}.xlsx",
        params={"lang": "en"},
        headers={"X-Graphsvc-Tenant": small_demo} | auth(small_demo),
    )
    assert response.status_code == 200, response.text
    assert (
        response.headers["content-type"]
        == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert 'filename="recruitment-list-' in response.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert sheet.title == "Recruitment"
    assert rows[0][:3] == ("Rank", "Actor", "Kind")
    assert len(rows) > 5 and rows[1][0] == 1 and rows[1][3] == "business"
    path = rows[1][rows[0].index("Introduction path")]
    assert path and rows[1][1] in path


def test_unknown_target_group_and_bad_options(client: httpx.Client, small_demo: str, auth: Headers) -> None:
    client.headers.update(auth(small_demo))
    missing = client.get("/exports/recruitment/tg-nobody.csv", params={"tenant": small_demo})
    assert missing.status_code == 404
    assert missing.json() == {
        "detail": f"there is no target group with id 'tg-nobody' in tenant '{small_demo}'"
    }
    bad_tenant = client.get(f"/exports/recruitment/{GROUP}.csv", params={"tenant": "Bad Name"})
    assert bad_tenant.status_code == 400 and "is not a tenant name" in bad_tenant.json()["detail"]
    assert (
        client.get(
            f"/exports/recruitment/{GROUP}.csv", params={"tenant": small_demo, "lang": "de"}
        ).status_code
        == 422
    )
    assert client.get(f"/exports/recruitment/{GROUP}.pdf", params={"tenant": small_demo}).status_code == 404


def test_sign_in_and_tenant_are_required(
    client: httpx.Client, small_demo: str, tenant: str, auth: Headers
) -> None:
    url = f"/exports/recruitment/{GROUP}.csv"
    assert client.get(url, params={"tenant": small_demo}).status_code == 401
    wrong = client.get(url, params={"tenant": small_demo}, headers={"Authorization": "Bearer gs_not-a-token"})
    assert wrong.status_code == 401 and "not valid" in wrong.json()["detail"]
    elsewhere = client.get(url, params={"tenant": small_demo}, headers=auth(tenant))
    assert elsewhere.status_code == 403
    assert elsewhere.json() == {
        "detail": f"this token is for tenant {tenant!r} and cannot reach another tenant"
    }
