"""A map downloads under its own title (HTML, PNG, SVG, from a saved view or a share link), as a
name no title can break: ASCII in ``filename``, the Danish letters kept in ``filename*``."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

import httpx
import pytest

from graphsvc.api.file_names import MAX_STEM, content_disposition, file_name
from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from tests.maps.towns import two_towns

GraphQL = Callable[..., dict[str, Any]]
Headers = Callable[..., dict[str, str]]

SAVE = """mutation($input: MapViewInput!) { saveMapView(input: $input) {
    __typename ... on MapView { id title downloads { html png svg } } ... on Error { message } } }"""
SHARE = """mutation($view: ID!) { createShareLink(viewId: $view, expiresInDays: 1) {
    __typename ... on NewShareLink { url } ... on Error { message } } }"""
_HEADER = re.compile(r"""attachment; filename="([A-Za-z0-9._-]+)"; filename\*=UTF-8''([A-Za-z0-9%._~-]+)""")

HOSTILE = [
    ("Huller omkring Hvalsø", "Huller-omkring-Hvalsoe", "Huller-omkring-Hvalsø"),
    ('Æblegrød "på" Ærø', "Aeblegroed-paa-Aeroe", "Æblegrød-på-Ærø"),
    ("../../etc/passwd", "etc-passwd", "etc-passwd"),
    ("C:\\Users\\x\\slide", "C-Users-x-slide", "C-Users-x-slide"),
    ("Kort\r\nSet-Cookie: a=b", "Kort-Set-Cookie-a-b", "Kort-Set-Cookie-a-b"),
    ("<script>alert(1)</script>", "script-alert-1-script", "script-alert-1-script"),
    ("Café Ωmega 日本", "Cafe-mega", "Café-Ωmega-日本"),
    ('"; filename="evil.exe', "filename-evil.exe", "filename-evil.exe"),
    ("?*|<>", "graphsvc-map", "graphsvc-map"),
]


def _names(header: str) -> tuple[str, str]:
    found = _HEADER.fullmatch(header)
    assert found is not None, header
    return found.group(1), unquote(found.group(2), encoding="utf-8", errors="strict")


@pytest.mark.parametrize(("title", "plain", "danish"), HOSTILE)
def test_a_title_becomes_a_safe_file_name(title: str, plain: str, danish: str) -> None:
    assert file_name(title, "png", fallback="graphsvc-map") == f"{plain}.png"
    assert _names(content_disposition(title, "png", fallback="graphsvc-map")) == (
        f"{plain}.png",
        f"{danish}.png",
    )


def test_a_long_title_gives_a_bounded_name() -> None:
    ascii_name, unicode_name = _names(content_disposition("Ø" * 150 + " slut", "svg"))
    assert ascii_name == "Oe" * (MAX_STEM // 2) + ".svg"
    assert unicode_name == "Ø" * MAX_STEM + ".svg"
    assert len(file_name("x-" * 500, "html")) <= MAX_STEM + len(".html")
    assert not file_name("-" * 99 + "a", "png").startswith(("-", "."))


@pytest.fixture
async def towns(store: GraphStore, tenant: str) -> str:
    await NetworkRepository(store).write(two_towns(tenant, hostile=True))
    return tenant


def _save(graphql: GraphQL, tenant: str, title: str | None) -> dict[str, Any]:
    body = graphql(SAVE, tenant, input={"kind": "NETWORK", "title": title})
    assert "errors" not in body, body
    view = body["data"]["saveMapView"]
    assert view["__typename"] == "MapView", view
    return view  # type: ignore[no-any-return]


@pytest.mark.neo4j
def test_each_download_of_a_view_is_named_after_its_title(
    client: httpx.Client, graphql: GraphQL, auth: Headers, towns: str
) -> None:
    titles = ["Huller omkring Hvalsø", 'Kort "nr. 1"\n/../ til slides', "Å" * 200]
    for title in titles:
        view = _save(graphql, towns, title)
        for fmt, url in view["downloads"].items():
            answer = client.get(url, headers=auth(towns, "viewer"))
            assert answer.status_code == 200, (fmt, answer.text[:200])
            plain, danish = _names(answer.headers["content-disposition"])
            assert plain == file_name(view["title"], fmt, fallback="graphsvc-network")
            assert plain.endswith(f".{fmt}") and len(plain) <= MAX_STEM + 5
            assert danish.endswith(f".{fmt}") and "/" not in danish and '"' not in danish
    assert plain == "Aa" * (MAX_STEM // 2) + ".svg" and danish == "Å" * MAX_STEM + ".svg"


@pytest.mark.neo4j
def test_a_view_without_a_title_and_a_share_link_use_the_title_the_map_shows(
    client: httpx.Client, graphql: GraphQL, auth: Headers, towns: str
) -> None:
    view = _save(graphql, towns, None)
    answer = client.get(view["downloads"]["png"], headers=auth(towns, "viewer"))
    assert _names(answer.headers["content-disposition"]) == ("Netvaerkskort.png", "Netværkskort.png")
    named = _save(graphql, towns, "Ørsted & co.")
    link = graphql(SHARE, towns, view=named["id"])["data"]["createShareLink"]
    assert link["__typename"] == "NewShareLink", link
    shared = client.get(f"{link['url']}/download.svg")
    assert shared.status_code == 200
    assert _names(shared.headers["content-disposition"]) == ("Oersted-co.svg", "Ørsted-co.svg")
