"""A map carries the glossary's words for what it shows: its size measure, its highlights and,
on a gap map, the missing and under-represented sectors."""

from __future__ import annotations

import networkx as nx

from graphsvc.glossary import entry
from graphsvc.maps.build import build_map
from graphsvc.maps.options import map_options
from graphsvc.maps.payload import page_payload


def test_a_network_map_explains_its_size_measure_in_its_language(towns: nx.DiGraph) -> None:
    m = build_map(
        towns,
        map_options("network", {"metric": "betweenness"}),
        individuals_allowed=False,
        reference_year=2026,
    )
    da, en = page_payload(m, "da")["terms"], page_payload(m, "en")["terms"]
    assert da["heading"] == "Hvad ordene betyder" and en["heading"] == "What the words mean"
    assert da["items"][0] == {
        "key": "betweenness",
        "term": "Brobygning i hele netværket",
        "text": entry("betweenness").text("da"),
    }
    assert en["items"][0]["term"] == "Betweenness"
    assert [i["key"] for i in da["items"]] == [i["key"] for i in en["items"]]
