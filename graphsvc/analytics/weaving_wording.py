"""The sentences of the weaving list, in English and Danish: what each suggested pair brings,
what introducing them would do, and how many open pairs there are around the group."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .statements import Statement, arena_actor, joined, members_text, number, statement
from .wording import ARENA_LABELS, SECTOR_LABELS, Language, label

if TYPE_CHECKING:
    from .weaving import Introducer, PairEffect, PairEnd

__all__ = ["suggestion_statements", "summary_statement"]

NAMED = 3  # introducers named in a sentence; the rest are counted
_EN: Language = "en"
_DA: Language = "da"


def summary_statement(pairs: int, school_leisure: int, cross: int, school: str, leisure: str) -> Statement:
    """ "412 pairs of actors around the target group share a partner but have no tie; ..." """
    arenas = {
        lang: joined((label(ARENA_LABELS, a, lang) for a in (school, leisure)), lang) for lang in (_EN, _DA)
    }
    if not pairs:
        return statement(
            "weaving_summary",
            "every two actors around the target group that share a partner have a tie to each other already.",
            "alle aktører omkring målgruppen, der har en fælles partner, har allerede forbindelse til "
            "hinanden.",
            pairs=0,
            school_leisure=0,
            cross_sector=0,
        )
    return statement(
        "weaving_summary",
        f"{number(pairs, _EN)} {'pair' if pairs == 1 else 'pairs'} of actors around the target group share a "
        f"partner but have no tie to each other; {number(school_leisure, _EN)} of them would join "
        f"{arenas[_EN]}, {number(cross, _EN)} would cross sectors.",
        f"{number(pairs, _DA)} par af aktører omkring målgruppen har en fælles partner, men ingen "
        f"forbindelse til hinanden; {number(school_leisure, _DA)} af dem ville forbinde {arenas[_DA]}, "
        f"{number(cross, _DA)} ville gå på tværs af sektorer.",
        pairs=pairs,
        school_leisure=school_leisure,
        cross_sector=cross,
    )


def suggestion_statements(
    first: PairEnd,
    second: PairEnd,
    introducers: tuple[Introducer, ...],
    school_leisure: bool,
    cross: bool,
    touched: int,
    effect: PairEffect,
    arena: str,
) -> tuple[Statement, Statement]:
    """Why to introduce the pair (what each brings, who knows both), and what it would do."""
    names = [i.name for i in introducers]

    def who(lang: Language) -> str:
        shown = names[:NAMED]
        rest = len(names) - len(shown)
        if rest:
            shown.append(f"{rest} {'anden' if rest == 1 else 'andre'}" if lang == "da" else f"{rest} more")
        return joined(shown, lang)

    joins_en = "school and leisure life" if school_leisure else ""
    why_en = (
        f"{_brings(first, _EN)} and {_brings(second, _EN)} both work with {who(_EN)} but not with each other"
    )
    why_da = (
        f"{_brings(first, _DA)} og {_brings(second, _DA)} samarbejder begge med {who(_DA)}, men ikke med "
        "hinanden"
    )
    if school_leisure or cross:
        across_en = " across sectors" if cross else ""
        across_da = " på tværs af sektorer" if cross else ""
        what_en = f"join {joins_en}{across_en}" if school_leisure else "join two sectors"
        what_da = f"forbinde skole- og fritidslivet{across_da}" if school_leisure else "forbinde to sektorer"
        why_en += f"; an introduction would {what_en}"
        why_da += f"; en introduktion ville {what_da}"
    why_en += (
        f". {_capital(members_text(touched, _EN))} {'is' if touched == 1 else 'are'} tied to one of them."
    )
    why_da += f". {_capital(members_text(touched, _DA))} har forbindelse til en af dem."
    why = statement(
        "weaving_why",
        why_en,
        why_da,
        introducers=[i.node for i in introducers],
        school_leisure=school_leisure,
        cross_sector=cross,
        members=touched,
    )
    n, leisure = effect.members_reached, effect.leisure_gained
    if n:
        also_en = f" ({number(leisure, _EN)} of them {arena_actor([arena], _EN)})" if leisure else ""
        also_da = f" ({number(leisure, _DA)} af dem {arena_actor([arena], _DA)})" if leisure else ""
        expected = statement(
            "weaving_effect",
            f"introducing them would give {members_text(n, _EN)} an actor of an arena they do not reach "
            f"now within two hops{also_en}.",
            f"en introduktion ville give {members_text(n, _DA)} en aktør fra en arena, de ikke når nu, "
            f"inden for to led{also_da}.",
            members=n,
            leisure=leisure,
            arenas=list(effect.arenas),
        )
    else:
        expected = statement(
            "weaving_effect",
            "introducing them would not give any member a new arena within two hops.",
            "en introduktion ville ikke give nogen unge i målgruppen en ny arena inden for to led.",
            members=0,
            leisure=0,
            arenas=[],
        )
    return why, expected


def _brings(end: PairEnd, lang: Language) -> str:
    """ "Hvalsø Skole (school; public sector)"."""
    arenas = ", ".join(label(ARENA_LABELS, a, lang) for a in end.arenas)
    sector = label(SECTOR_LABELS, end.sector, lang) if end.sector else ""
    detail = "; ".join(part for part in (arenas, sector) if part)
    return f"{end.name} ({detail})" if detail else end.name


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
