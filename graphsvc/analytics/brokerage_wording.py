"""The sentences of a what-if about the brokerage between two arenas (school → leisure), in
English and Danish: connected pairs before and after, and the brokers whose share moves by a
percentage point or more (five at most, the largest move first)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .statements import Statement, arena_pair_actors, number, percent_text, statement
from .wording import ARENA_LABELS, Language, label

if TYPE_CHECKING:
    from .whatif_difference import BrokerageChange, BrokerShare

__all__ = ["brokerage_statements"]

SHOWN = 5
_EN: Language = "en"
_DA: Language = "da"


def brokerage_statements(b: BrokerageChange) -> list[Statement]:
    found = []
    if (b.connected_before, b.pairs_before) != (b.connected_after, b.pairs_after):
        before = {lang: f"{number(b.connected_before, lang)}" for lang in (_EN, _DA)}
        pairs_en = arena_pair_actors(b.source_arena, b.target_arena, _EN)
        pairs_da = arena_pair_actors(b.source_arena, b.target_arena, _DA)
        found.append(
            statement(
                "brokerage_pairs",
                f"{number(b.connected_after, _EN)} of {number(b.pairs_after, _EN)} pairs of {pairs_en} would "
                f"be connected, against {before[_EN]} of {number(b.pairs_before, _EN)} now.",
                f"{number(b.connected_after, _DA)} af {number(b.pairs_after, _DA)} par af {pairs_da} "
                f"ville være forbundet mod {before[_DA]} af {number(b.pairs_before, _DA)} nu.",
                connected_before=b.connected_before,
                connected_after=b.connected_after,
                pairs_before=b.pairs_before,
                pairs_after=b.pairs_after,
            )
        )
    moved = sorted((x for x in b.brokers if _moved(x) >= 0.005), key=lambda x: -_moved(x))
    found += [_broker(x, b.source_arena, b.target_arena) for x in moved[:SHOWN]]
    return found


def _moved(x: BrokerShare) -> float:
    return abs((x.share_after or 0.0) - (x.share_before or 0.0))


def _broker(x: BrokerShare, source: str, target: str) -> Statement:
    en_path = f"{label(ARENA_LABELS, source)}→{label(ARENA_LABELS, target)} paths"
    da_path = f"de korteste veje {label(ARENA_LABELS, source, _DA)} → {label(ARENA_LABELS, target, _DA)}"
    if x.share_after is None:
        before = x.share_before or 0.0
        en = (
            f"{x.name} would no longer be among the ranked brokers (now {_pct(before, _EN)} of {en_path} "
            "run through it)."
        )
        da = (
            f"{x.name} ville ikke længere være blandt de rangerede brobyggere (nu går {_pct(before, _DA)} af "
            f"{da_path} gennem den)."
        )
    elif x.share_before is None:
        en = f"{x.name} would join the ranked brokers with {_pct(x.share_after, _EN)} of {en_path}."
        da = f"{x.name} ville komme med blandt brobyggerne med {_pct(x.share_after, _DA)} af {da_path}."
    else:
        en = (
            f"{x.name}'s share of {en_path} would go from {_pct(x.share_before, _EN)} to "
            f"{_pct(x.share_after, _EN)}."
        )
        da = (
            f"andelen af {da_path}, der går gennem {x.name}, ville gå fra {_pct(x.share_before, _DA)} til "
            f"{_pct(x.share_after, _DA)}."
        )
    return statement(
        "broker_share",
        en,
        da,
        actor=x.node,
        actor_name=x.name,
        share_before=x.share_before,
        share_after=x.share_after,
    )


def _pct(share: float, lang: Language) -> str:
    return percent_text(share, lang)
