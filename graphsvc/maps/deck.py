"""A deck: maps shown one step at a time, each with a heading, a short text and (for the
growth story) its measures, as ONE self-contained HTML file for a projector.

Every step's map is a complete map page (:func:`graphsvc.maps.page.render_payload`) shown in
an ``<iframe srcdoc>``, so a step looks and behaves exactly as the map does on its own. The
file holds vis-network and its stylesheet once: each step keeps its page as the text before and
after them, and the deck's script joins the pieces when the step is first shown. Nothing is
loaded from anywhere, and the page's Content-Security-Policy allows only its own inline scripts
and styles (by their SHA-256, which the steps' pages inherit) and no connection.

Keys: → ↓ Page Down and Space go forward, ← ↑ Page Up back, Home and End to the first and last
step, F full screen, Escape leaves full screen (or, on a live page, goes back to ``leave``).

Safety: headings, texts and measures go into the page as JSON (:func:`safe_json`) and are
shown with ``textContent``; the title is HTML-escaped.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from graphsvc.maps import assets
from graphsvc.maps.page import render_payload, safe_json

__all__ = ["DeckStep", "deck_policy", "render_deck", "split_page"]

_STATIC = Path(__file__).with_name("static")

WORDS = {
    "da": {
        "next": "Næste",
        "previous": "Forrige",
        "fullscreen": "Fuld skærm",
        "step": "Trin {n} af {total}",
        "keys": "Piletasterne bladrer, F giver fuld skærm, Esc forlader den.",
        "no_map": "Kortet kan ikke vises",
        "steps": "Trin",
    },
    "en": {
        "next": "Next",
        "previous": "Previous",
        "fullscreen": "Full screen",
        "step": "Step {n} of {total}",
        "keys": "The arrow keys step through, F gives full screen, Esc leaves it.",
        "no_map": "The map cannot be shown",
        "steps": "Steps",
    },
}


@dataclass(frozen=True)
class DeckStep:
    """One step: its ``heading`` and ``text``, ``measures`` as (label, value) pairs, and the
    map page's data (a payload for :func:`render_payload`), or ``problem`` when it has none."""

    heading: str
    text: str = ""
    payload: dict[str, Any] | None = None
    measures: Sequence[tuple[str, str]] = field(default_factory=tuple)
    problem: str | None = None


def _digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


@cache
def _deck_js() -> str:
    return assets._checked_inline((_STATIC / "deck.js").read_text(encoding="utf-8"), "</script", "deck.js")


@cache
def _deck_css() -> str:
    return assets._checked_inline((_STATIC / "deck.css").read_text(encoding="utf-8"), "</style", "deck.css")


@cache
def deck_policy(*, frame_ancestors: str | None = None) -> str:
    """The deck's policy: its own script and style, and the scripts and styles of the map pages
    it shows in ``srcdoc`` frames (which inherit this policy), nothing else."""
    scripts = " ".join(_digest(s) for s in (_deck_js(), assets.vis_network_js(), assets.map_js()))
    styles = " ".join(_digest(s) for s in (_deck_css(), assets.vis_network_css(), assets.map_css()))
    policy = (
        f"default-src 'none'; script-src {scripts}; style-src {styles}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    return f"{policy}; frame-ancestors {frame_ancestors}" if frame_ancestors else policy


def split_page(page: str) -> list[str]:
    """A map page as the three pieces around its inlined vis-network stylesheet and script.

    The page's data sit in a JSON script element whose ``<`` are escaped, and its title is
    HTML-escaped, so the first ``<style>`` + stylesheet and ``<script>`` + script found are the
    inlined library itself."""
    css = f"<style>{assets.vis_network_css()}</style>"
    js = f"<script>{assets.vis_network_js()}</script>"
    head, rest = page.split(css, 1)
    middle, tail = rest.split(js, 1)
    return [head, middle, tail]


def render_deck(steps: Sequence[DeckStep], *, title: str, lang: str, leave: str | None = None) -> str:
    """The deck of ``steps`` as one HTML file (module docstring); ``leave`` is where Escape
    goes outside full screen (a live page's way back), None for a file."""
    words = WORDS[lang]
    data = {
        "title": title,
        "lang": lang,
        "leave": leave,
        "words": words,
        "steps": [
            {
                "heading": s.heading,
                "text": s.text,
                "measures": [list(m) for m in s.measures],
                "problem": s.problem,
                "page": split_page(render_payload(s.payload)) if s.payload is not None else None,
            }
            for s in steps
        ],
    }
    escaped = html.escape(title, quote=True)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(deck_policy(), quote=True)}">\n'
        '<meta name="referrer" content="no-referrer">\n<meta name="generator" content="graphsvc">\n'
        f"<title>{escaped}</title>\n<style>{_deck_css()}</style>\n</head>\n<body>\n"
        f'<main id="deck" aria-label="{escaped}"></main>\n'
        f'<script type="application/json" id="deck-data">{safe_json(data)}</script>\n'
        # Not run here: the text each step's page gets its vis-network from.
        f'<script type="text/plain" id="deck-vis-css">{_checked_text(assets.vis_network_css())}</script>\n'
        f'<script type="text/plain" id="deck-vis-js">{assets.vis_network_js()}</script>\n'
        f"<script>{_deck_js()}</script>\n</body>\n</html>\n"
    )


def _checked_text(text: str) -> str:
    return assets._checked_inline(text, "</script", "vis-network.css")
