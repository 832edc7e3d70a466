"""The map page: one self-contained HTML file with everything inlined.

The page holds vis-network, its own script and style, and the map's data; it loads nothing,
so it works from a USB stick with no network, and a Content-Security-Policy that allows only
those exact inline scripts and styles (by their SHA-256) and no connection of any kind is set
in the page itself and, by the API, as a header.

Safety: the map's data go in as JSON in a ``<script type="application/json">`` element, with
``<``, ``>``, ``&`` and U+2028/U+2029 escaped, so no name can end the element or be read as
markup; the page's script reads it with ``JSON.parse`` and shows names as text. The title is
HTML-escaped where it is written into the page. The template is filled in one pass, so text
that looks like a placeholder is never expanded.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import cache
from typing import Any

from graphsvc.maps import assets
from graphsvc.maps.model import MapData
from graphsvc.maps.payload import page_payload

__all__ = ["content_security_policy", "render_page", "render_payload", "safe_json"]

_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")


def safe_json(value: Any) -> str:
    """``value`` as JSON that can stand inside an HTML ``<script>`` element. The escaped
    characters only occur inside JSON strings, where an escape such as ``\\u003c`` means
    the same character."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


def _digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


@cache
def _base_policy() -> str:
    scripts = " ".join(_digest(s) for s in (assets.vis_network_js(), assets.map_js()))
    styles = " ".join(_digest(s) for s in (assets.vis_network_css(), assets.map_css()))
    # img-src data: vis-network's stylesheet draws its buttons from data: URLs.
    return (
        f"default-src 'none'; script-src {scripts}; style-src {styles}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def content_security_policy(*, frame_ancestors: str | None = None) -> str:
    """The policy of every map page; ``frame_ancestors`` (``"'self'"``, ``"*"``) is added for
    the header (browsers ignore it, with a warning, in a page's own meta element)."""
    policy = _base_policy()
    return f"{policy}; frame-ancestors {frame_ancestors}" if frame_ancestors else policy


def render_page(m: MapData, *, lang: str | None = None) -> str:
    """The complete HTML page of the map ``m`` in ``lang`` (default: the map's own)."""
    language = lang or m.options.lang
    return render_payload(page_payload(m, language))


def render_payload(payload: dict[str, Any]) -> str:
    """The complete HTML page of a map already turned into its page's data (its ``lang`` and
    ``title`` among them): the way in for maps that are not built from a :class:`MapData`,
    such as the difference map of two snapshots."""
    title = html.escape(payload["title"], quote=True)
    values = {
        "lang": payload["lang"],
        "csp": html.escape(content_security_policy(), quote=True),
        "title": title,
        "vis_css": assets.vis_network_css(),
        "map_css": assets.map_css(),
        "data": safe_json(payload),
        "vis_js": assets.vis_network_js(),
        "map_js": assets.map_js(),
    }
    return _PLACEHOLDER.sub(lambda found: values[found.group(1)], assets.page_template())
