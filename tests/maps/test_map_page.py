"""The map page: self-contained (nothing to fetch), names as data never markup, a policy that
allows exactly its own scripts, and the words in Danish or English."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import networkx as nx
import pytest

from graphsvc.analytics import gap_report
from graphsvc.errors import InvalidInput
from graphsvc.maps import (
    MapInputs,
    assets,
    build_map,
    content_security_policy,
    map_options,
    page_payload,
    render_page,
    safe_json,
)

IMG = "<img src=x onerror=alert(1)>"  # the hostile names of the two towns (conftest)
SCRIPT = "</script><script>alert(1)</script>"

_ELEMENT = re.compile(r"<(script|style)([^>]*)>(.*?)</\1>", re.S)
_DATA = re.compile(r'<script type="application/json" id="graphsvc-map-data">(.*?)</script>', re.S)
# URLs the inlined vis-network holds in strings but never loads: the SVG namespace it
# creates elements in, and links quoted in its error messages and licence notes.
_NOT_LOADED = (
    "http://www.w3.org/2000/svg",
    "https://github.com/uuidjs/uuid#getrandomvalues-not-supported",
    "https://github.com/zloirock/core-js",
    "https://github.com/zloirock/core-js/blob/v3.21.1/LICENSE",
)


def _page(G: nx.DiGraph, kind: str = "network", **params: str) -> str:
    inputs = MapInputs(report=gap_report(G, "tg-lonely")) if kind in ("gaps", "target-group") else None
    return render_page(build_map(G, map_options(kind, params), individuals_allowed=True, inputs=inputs))


def _without_comments(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"<!--.*?-->", "", text, flags=re.S)


def test_safe_json_cannot_end_a_script_element() -> None:
    text = safe_json({"name": f"{SCRIPT} & <!-- \u2028\u2029"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"name": f"{SCRIPT} & <!-- \u2028\u2029"}


def test_hostile_names_are_data_in_the_page(hostile_towns: nx.DiGraph) -> None:
    page = _page(
        hostile_towns, "gaps", target_group="tg-lonely", young="individuals", title=f"{IMG} {SCRIPT}"
    )
    # No markup from a name anywhere: the only elements are the template's own.
    assert "<img" not in page.lower()
    assert [tag for tag, _, _ in _ELEMENT.findall(page)] == ["style", "style", "script", "script", "script"]
    assert page.count("</script>") == 3
    # The title is escaped where the page writes it; the names travel as JSON strings.
    assert "<title>&lt;img src=x onerror=alert(1)&gt; &lt;/script&gt;" in page
    payload = json.loads(_DATA.search(page).group(1))  # type: ignore[union-attr]
    assert IMG in payload["nodes"]["label"]
    assert SCRIPT in payload["nodes"]["label"]
    assert payload["title"] == f"{IMG} {SCRIPT}"


def test_nothing_is_fetched_from_anywhere(towns: nx.DiGraph) -> None:
    page = _page(towns)
    markup = _ELEMENT.sub("", page)  # the page without its inline scripts and styles
    assert not re.search(r"<(link|iframe|img|object|embed|base)\b|\b(src|href)\s*=", markup, re.I)
    for tag, _, body in _ELEMENT.findall(page):
        if tag == "style":
            assert "@import" not in body
            assert not re.search(r"url\(\s*(?!['\"]?data:)", body)
    urls = set(re.findall(r"https?://[^\s\"'()<>\\]+", _without_comments(page)))
    assert urls <= set(_NOT_LOADED), urls - set(_NOT_LOADED)


def test_policy_allows_exactly_the_inline_scripts_and_styles(towns: nx.DiGraph) -> None:
    page = _page(towns)
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert policy is not None
    meta = policy.group(1).replace("&#x27;", "'")
    assert meta == content_security_policy()
    assert "frame-ancestors" not in meta  # ignored with a warning in a meta element
    assert content_security_policy(frame_ancestors="*").endswith("; frame-ancestors *")
    directives = dict(d.strip().split(" ", 1) for d in meta.split(";"))
    assert directives["default-src"] == "'none'"
    for tag, attributes, body in _ELEMENT.findall(page):
        if "application/json" in attributes:
            continue  # data, never run
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in directives[f"{tag}-src"].split()
    assert "unsafe" not in meta


def test_words_follow_the_language(towns: nx.DiGraph) -> None:
    m = build_map(towns, map_options("network", {}), individuals_allowed=False, reference_year=2026)
    da, en = page_payload(m, "da"), page_payload(m, "en")
    assert da["title"] == "Netværkskort" and en["title"] == "Network map"
    assert "Civilsamfundet" in [s["label"] for s in da["sectors"]]
    assert "Civil society" in [s["label"] for s in en["sectors"]]
    group = da["nodes"]["id"].index("young-group/by/12-14")
    assert da["nodes"]["label"][group] == "2 unge, 12-14 år, Byen"
    assert en["nodes"]["label"][group] == "2 young people, aged 12-14, Byen"
    assert '<html lang="en">' in render_page(m, lang="en")


@pytest.mark.parametrize(
    ("kind", "params", "title"),
    [
        ("ego", {"actor": "school-by", "depth": "2"}, "Byens Skole og dens netværk i to led"),
        ("gaps", {"target_group": "tg-lonely"}, "Huller omkring Ensomme unge"),
        ("network", {"area": "by", "lang": "en"}, "The network in Byen"),
    ],
)
def test_default_titles(towns: nx.DiGraph, kind: str, params: dict[str, str], title: str) -> None:
    inputs = MapInputs(report=gap_report(towns, "tg-lonely")) if kind == "gaps" else None
    m = build_map(towns, map_options(kind, params), individuals_allowed=False, inputs=inputs)
    assert page_payload(m, m.options.lang)["title"] == title


def test_the_inlined_vis_network_shows_string_tooltips_as_text() -> None:
    js = assets.vis_network_js()
    assert f"@version {assets.VIS_NETWORK_VERSION}" in js
    # Popup.setText: an Element is appended, a string becomes innerText (never innerHTML).
    assert 'setText",value:function(t){if(t instanceof Element)' in js
    assert "this.frame.innerText=t" in js


def _ties(payload: dict[str, object]) -> dict[tuple[str, str], str]:
    ids, edges, kinds = payload["nodes"]["id"], payload["edges"], payload["edgeTies"]  # type: ignore[index]
    codes = [t["code"] for t in payload["ties"]]  # type: ignore[attr-defined]
    return {(ids[edges[3 * e]], ids[edges[3 * e + 1]]): codes[k] for e, k in enumerate(kinds)}  # type: ignore[index]


def test_every_tie_carries_its_type_for_the_legend(towns: nx.DiGraph) -> None:
    inputs = MapInputs(report=gap_report(towns, "tg-lonely"))
    m = build_map(
        towns,
        map_options("target-group", {"target_group": "tg-lonely"}),
        individuals_allowed=False,
        inputs=inputs,
    )
    payload = page_payload(m, "en")
    ties = _ties(payload)
    assert ties[("club-by", "school-by")] == "collaboration"
    assert ties[("club-by", "init")] == "participation"
    assert ties[("fond", "init")] == "funding"
    assert {t for (a, _), t in ties.items() if a.startswith("young-group/")} == {"youth"}
    assert [t["label"] for t in payload["ties"]] == [  # type: ignore[attr-defined]
        "Collaboration",
        "Funds",
        "Takes part in an initiative",
        "Young people's ties",
    ]


def test_the_page_opens_with_the_saved_state(towns: nx.DiGraph) -> None:
    params = {
        "hide_sectors": "business",
        "hide_ties": "youth",
        "only_area": "by",
        "focus": "club-by",
        "focus_steps": "2",
    }
    m = build_map(towns, map_options("network", params), individuals_allowed=False)
    payload = page_payload(m, "da")
    assert payload["view"] == {
        "hide_sectors": ["business"],
        "hide_kinds": [],
        "hide_ties": ["youth"],
        "only_area": "by",
        "focus": "club-by",
        "focus_steps": 2,
    }
    assert payload["areas"][payload["areaIds"].index("by")] == "Byen"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("params", "record"),
    [
        ({"focus": "no-such-actor"}, "focus"),
        ({"focus": "young-group"}, "focus"),  # not an id on this map either
        ({"only_area": "kommune"}, "only_area"),  # no node of the map lies in it directly
    ],
)
def test_a_state_that_points_at_nothing_on_the_map_is_refused(
    towns: nx.DiGraph, params: dict[str, str], record: str
) -> None:
    m = build_map(towns, map_options("network", params), individuals_allowed=False)
    with pytest.raises(InvalidInput) as caught:
        page_payload(m, "da")
    assert [p.record for p in caught.value.problems] == [record]


def test_focus_on_a_young_person_is_refused(towns: nx.DiGraph) -> None:
    m = build_map(
        towns, map_options("network", {"young": "individuals", "focus": "yp-1"}), individuals_allowed=True
    )
    with pytest.raises(InvalidInput, match="there is no actor 'yp-1' on this map"):
        page_payload(m, "da")
