"""The web pages as files: who gets which page, the headers that keep them safe, and the
dictionaries that hold their words."""

from __future__ import annotations

import re
from collections.abc import Callable

import httpx
import pytest

from graphsvc.api.pages import PAGES, WEB_DIR

STATIC = WEB_DIR / "static"


def _keys(language: str) -> set[str]:
    text = (STATIC / "i18n" / f"{language}.js").read_text(encoding="utf-8")
    return set(re.findall(r'^\s*"([^"]+)":', text, flags=re.MULTILINE))


def test_a_browser_that_is_not_signed_in_is_sent_to_sign_in_and_back(client: httpx.Client) -> None:
    home = client.get("/", follow_redirects=False)
    assert home.status_code == 303 and home.headers["location"] == "/sign-in"
    for path in PAGES:
        answer = client.get(f"{path}?x=1", follow_redirects=False)
        assert answer.status_code == 303
        assert answer.headers["location"] == f"/sign-in?next={path.replace('/', '%2F')}%3Fx%3D1"
    sign_in = client.get("/sign-in")
    assert sign_in.status_code == 200 and "text/html" in sign_in.headers["content-type"]


def test_a_signed_in_browser_gets_the_pages_with_strict_headers(
    api_url: str,
    token_for: Callable[..., str],
    small_demo: str,
) -> None:
    with httpx.Client(base_url=api_url) as browser:
        assert browser.post("/auth/session", json={"token": token_for(small_demo, "viewer")}).is_success
        assert browser.get("/", follow_redirects=False).headers["location"] == "/explorer"
        for path in PAGES:
            page = browser.get(path)
            assert page.status_code == 200, path
            policy = page.headers["content-security-policy"]
            assert "script-src 'self'" in policy and "frame-ancestors 'self'" in policy
            assert page.headers["cache-control"] == "no-store"
            assert page.headers["x-content-type-options"] == "nosniff"


def test_a_share_link_token_or_a_bad_cookie_opens_no_page(api_url: str) -> None:
    with httpx.Client(base_url=api_url, cookies={"graphsvc_session": "gs_unknown"}) as browser:
        answer = browser.get("/explorer", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/sign-in")


@pytest.mark.parametrize("name", [*PAGES.values(), "sign-in.html"])
def test_pages_load_only_their_own_files_and_no_inline_script(name: str, client: httpx.Client) -> None:
    html = (WEB_DIR / name).read_text(encoding="utf-8")
    assert "<script>" not in html and "style=" not in html
    assert not re.search(r"\son[a-z]+=", html), f"{name} has an inline event handler"
    for url in re.findall(r'(?:src|href)="([^"#]+)"', html):
        assert url.startswith("/"), f"{name} reaches off graphsvc: {url}"
        if url.startswith("/static/"):
            assert client.get(url).status_code == 200, url


def test_the_docker_image_ships_the_pages() -> None:
    assert "COPY web ./web" in (WEB_DIR.parent / "Dockerfile").read_text(encoding="utf-8")


def test_the_scripts_never_write_html_from_strings() -> None:
    for script in (STATIC / "js").glob("*.js"):
        text = script.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in text, f"{script.name} uses {sink}"


def test_every_word_the_pages_use_is_in_both_dictionaries() -> None:
    danish, english = _keys("da"), _keys("en")
    # Sentences of the analytics are written from their numbers in Danish only: in English
    # the server's own sentences are shown.
    danish_only = {
        k
        for k in danish
        if k.startswith(("finding.", "reason.", "broker.", "brokers.summary", "arena_actor."))
    }
    assert english == danish - danish_only
    used: set[str] = set()
    for page in WEB_DIR.glob("*.html"):
        used |= set(
            re.findall(
                r'data-i18n(?:-title|-label|-placeholder)?="([^"]+)"', page.read_text(encoding="utf-8")
            )
        )
    for script in (STATIC / "js").glob("*.js"):
        used |= set(re.findall(r'\bt\("([a-z_.-]+)"', script.read_text(encoding="utf-8")))
        used |= {
            f"{key}.one" for key in re.findall(r'\btn\("([a-z_.-]+)"', script.read_text(encoding="utf-8"))
        }
    assert used, "no words found: the patterns above are out of date"
    assert used - danish == set()
    assert used - danish_only - english == set()


def test_the_glossary_is_served_to_every_page_in_both_languages(client: httpx.Client) -> None:
    answer = client.get("/glossary.json")
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    entries = {e["key"]: e for e in answer.json()["entries"]}
    assert entries["role_coordinator"]["term"] == {"da": "mellemmand i egen gruppe", "en": "coordinator"}
    assert all(
        e["term"]["da"] and e["term"]["en"] and e["text"]["da"] and e["text"]["en"] for e in entries.values()
    )
