"""The shape of a glossary entry and of the sections that group them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Entry", "Language", "Section"]

Language = Literal["da", "en"]


@dataclass(frozen=True)
class Section:
    key: str
    title_da: str
    title_en: str

    def title(self, lang: Language) -> str:
        return self.title_da if lang == "da" else self.title_en


@dataclass(frozen=True)
class Entry:
    """One concept: the word every page, map and export uses for it, and what it means.

    Attributes
    ----------
    key : str
        Stable, lower-case: the anchor on the glossary page (``/ordliste#betweenness``).
    section : str
        The :class:`Section` it stands under.
    term_da, term_en : str
        The one word for the concept in each language.
    text_da, text_en : str
        What it means, in plain words.
    why_da, why_en : str
        Why this word was chosen, where that needs saying (empty otherwise).
    retired_da : tuple[str, ...]
        Danish words no longer used for the concept; a test keeps them off the Danish texts.
    """

    key: str
    section: str
    term_da: str
    term_en: str
    text_da: str
    text_en: str
    why_da: str = ""
    why_en: str = ""
    retired_da: tuple[str, ...] = ()

    def term(self, lang: Language) -> str:
        return self.term_da if lang == "da" else self.term_en

    def text(self, lang: Language) -> str:
        return self.text_da if lang == "da" else self.text_en

    def why(self, lang: Language) -> str:
        return self.why_da if lang == "da" else self.why_en
