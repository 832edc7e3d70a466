"""The words and number formats of the charts, in Danish and English.

Danish numbers have a decimal comma and a thousands point (2.099; 0,41), a space before the
per cent sign (41 %) and dates as 15.01.2026; English ones 2,099, 0.41, 41% and 15 Jan 2026.
"""

from __future__ import annotations

import datetime
from typing import Literal

__all__ = ["WORDS", "date_text", "number_text", "percent_text"]

WORDS: dict[str, dict[str, str]] = {
    "da": {
        "title": "Netværkets udvikling",
        "partners_and_ties": "Partnere og samarbejdsrelationer",
        "partners": "Partnere (aktører)",
        "ties": "Relationer mellem aktører",
        "components_title": "Sammenhæng",
        "components": "Komponenter",
        "isolated": "Aktører uden relationer",
        "density": "Tæthed",
        "centralisation": "Centralisering (Freeman, grad)",
        "cross_sector": "Andel tværsektorielle relationer",
        "ei": "E-I-indeks (sektorer)",
        "reach": "Målgruppernes rækkevidde: andel af målgruppen inden for 2 led af en partner",
        "no_groups": "Ingen målgrupper endnu",
        "note": "Alle mål undtagen rækkevidde er målt på netværket af samarbejde, henvisning og "
        "finansiering mellem aktører (organisationer og enheder). Tæthed: andel af "
        "mulige par, der har en relation. Komponenter: dele af netværket uden "
        "forbindelse til hinanden. E-I-indeks: −1 når alle relationer er inden for én "
        "sektor, +1 når alle går på tværs. Rækkevidde: andel af målgruppens unge, der er "
        "højst 2 led fra en aktør i en indsats rettet mod målgruppen.",
    },
    "en": {
        "title": "How the network has grown",
        "partners_and_ties": "Partners and the ties between them",
        "partners": "Partners (actors)",
        "ties": "Ties between actors",
        "components_title": "Cohesion",
        "components": "Components",
        "isolated": "Actors without ties",
        "density": "Density",
        "centralisation": "Degree centralisation (Freeman)",
        "cross_sector": "Cross-sector tie share",
        "ei": "E-I index (sectors)",
        "reach": "Target-group reach: share of members within 2 ties of a partner",
        "no_groups": "No target groups yet",
        "note": "Every measure but reach is measured on the network of collaboration, referral "
        "and funding between actors (organisations and units). Density: the share of "
        "possible pairs that are tied. Components: parts of the network with no tie to "
        "each other. E-I index: −1 when every tie stays within a sector, +1 when every "
        "tie crosses. Reach: the share of a target group's young people who are at most "
        "2 ties from an actor in an initiative aimed at the group.",
    },
}

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def number_text(value: float, language: Literal["da", "en"], *, decimals: int = 0) -> str:
    """``value`` rounded to ``decimals`` with the language's separators."""
    if round(value, decimals) == 0:
        value = 0.0  # never "-0"
    text = f"{value:,.{decimals}f}"
    if language == "da":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text.replace("-", "−")  # the typographic minus, as matplotlib's own axes write it


def percent_text(share: float, language: Literal["da", "en"], *, decimals: int = 0) -> str:
    """A share (0.41) as a percentage: "41 %" in Danish, "41%" in English."""
    number = number_text(share * 100, language, decimals=decimals)
    return f"{number} %" if language == "da" else f"{number}%"


def date_text(day: datetime.date, language: Literal["da", "en"]) -> str:
    """15.01.2026 in Danish, 15 Jan 2026 in English."""
    if language == "da":
        return day.strftime("%d.%m.%Y")
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
