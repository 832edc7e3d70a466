"""The files a map page inlines: vis-network (as shipped inside the pyvis package) and the
page's own template, script and style (``graphsvc/maps/static``).

pyvis 0.3.2 ships vis-network 9.1.2 under ``pyvis/templates/lib/vis-9.1.2``. That version
shows a node's ``title`` given as a string with ``innerText`` (its ``Popup.setText``), so a
name in a tooltip is text, never HTML; :func:`vis_network_js` checks the file still does
before a page is built with it.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

__all__ = ["VIS_NETWORK_VERSION", "map_css", "map_js", "page_template", "vis_network_css", "vis_network_js"]

VIS_NETWORK_VERSION = "9.1.2"
_STATIC = Path(__file__).with_name("static")
# The tooltip code of vis-network 9.1.2: an Element is appended, anything else is innerText.
_TEXT_TOOLTIP = "this.frame.innerText=t"


def _vis_file(name: str) -> str:
    lib = resources.files("pyvis") / "templates" / "lib" / f"vis-{VIS_NETWORK_VERSION}" / name
    return lib.read_text(encoding="utf-8")


def _checked_inline(text: str, closing: str, what: str) -> str:
    """``text`` if it can sit inside an inline element without ending it early."""
    if closing in text.lower() or "<!--" in text:
        raise RuntimeError(f"{what} contains {closing!r} or '<!--' and cannot be inlined")
    return text


@cache
def vis_network_js() -> str:
    js = _vis_file("vis-network.min.js")
    if f"@version {VIS_NETWORK_VERSION}" not in js or _TEXT_TOOLTIP not in js:
        raise RuntimeError(
            f"expected vis-network {VIS_NETWORK_VERSION} with text tooltips in the pyvis package"
        )
    return _checked_inline(js, "</script", "vis-network.min.js")


@cache
def vis_network_css() -> str:
    return _checked_inline(_vis_file("vis-network.css"), "</style", "vis-network.css")


@cache
def map_js() -> str:
    return _checked_inline((_STATIC / "map.js").read_text(encoding="utf-8"), "</script", "map.js")


@cache
def map_css() -> str:
    return _checked_inline((_STATIC / "map.css").read_text(encoding="utf-8"), "</style", "map.css")


@cache
def page_template() -> str:
    return (_STATIC / "page.html").read_text(encoding="utf-8")
