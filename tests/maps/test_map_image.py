"""Slide images: 1920×1080 PNG and SVG, names drawn as text (never markup, never formulas),
nothing linked, and the same map gives the same SVG."""

from __future__ import annotations

import io
import struct
import xml.etree.ElementTree as ET

import networkx as nx

from graphsvc.analytics import gap_report
from graphsvc.maps import MapInputs, build_map, map_options
from graphsvc.maps.image import render_image

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<img src=x onerror=alert(1)>"


def _map(G: nx.DiGraph, **params: str):  # type: ignore[no-untyped-def]
    return build_map(
        G,
        map_options("gaps", {"target_group": "tg-lonely", **params}),
        individuals_allowed=False,
        inputs=MapInputs(report=gap_report(G, "tg-lonely")),
    )


def test_png_is_a_full_hd_slide(towns: nx.DiGraph) -> None:
    png = render_image(_map(towns), "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (1920, 1080)


def test_svg_holds_names_as_text_and_links_nothing(hostile_towns: nx.DiGraph) -> None:
    svg = render_image(_map(hostile_towns, title="Kort med $x^2$ & <b>"), "svg")
    root = ET.parse(io.BytesIO(svg)).getroot()
    assert root.tag == f"{SVG}svg"
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert "Kort med $x^2$ & <b>" in texts  # not typeset as a formula, not markup
    assert any(HOSTILE in t for t in texts)
    assert not list(root.iter(f"{SVG}script"))
    assert not list(root.iter(f"{SVG}foreignObject"))
    for element in root.iter():
        for name, value in element.attrib.items():
            if name.endswith("href"):
                assert value.startswith(("#", "data:")), (name, value)


def test_same_map_same_svg(towns: nx.DiGraph) -> None:
    assert render_image(_map(towns), "svg") == render_image(_map(towns), "svg")
    english = render_image(_map(towns), "svg", lang="en")
    assert b"Gaps around Ensomme unge" in english


def _svg_names(G: nx.DiGraph, **params: str) -> set[str]:
    svg = render_image(_map(G, **params), "svg")
    return {"".join(t.itertext()) for t in ET.parse(io.BytesIO(svg)).getroot().iter(f"{SVG}text")}


def test_a_slide_draws_what_the_views_legend_area_and_focus_leave(towns: nx.DiGraph) -> None:
    """The same rules as the live page: a download of a saved view shows what the view shows."""
    everything = _svg_names(towns)
    assert {"Byens Skole", "Landsbyskolen", "SSP"} <= everything
    no_public = _svg_names(towns, hide_sectors="public")
    assert not {"Byens Skole", "Landsbyskolen", "SSP"} & no_public
    assert "Byens Klatreklub" in no_public
    one_area = _svg_names(towns, only_area="landsby")
    assert "Landsbyskolen" in one_area and "Byens Skole" not in one_area
    focused = _svg_names(towns, focus="school-landsby", focus_steps="1")
    assert {"Landsbyskolen", "SSP"} <= focused and "Byens Klatreklub" not in focused
    two_steps = _svg_names(towns, focus="school-landsby", focus_steps="2")
    assert "Byens Skole" in two_steps
