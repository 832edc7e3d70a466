"""The what-if and the weaving list as Markdown reports, in Danish or English: the sentences
first, then the numbers behind them in tables."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Literal

from graphsvc.analytics import Statement, WeavingList, WhatIf
from graphsvc.analytics.wording import ARENA_LABELS, SECTOR_LABELS, label

__all__ = ["weaving", "whatif"]

Language = Literal["da", "en"]

_WORDS = {
    "en": {
        "whatif": "What if — {name}",
        "change": "The change",
        "recruit": "recruit {name}",
        "via": " via {name}",
        "tie": "tie {a} – {b}",
        "untie": "remove every tie {a} – {b}",
        "remove": "remove {name}",
        "access": "Leisure access within two hops",
        "group": "Group",
        "members": "Members",
        "now": "Now",
        "after": "After",
        "sectors": "Sectors",
        "sector": "Sector",
        "weaving": "Introductions to make — {name}",
        "pair": "Pair",
        "introducers": "Who can introduce them",
        "effect": "Members reaching a new arena",
        "nothing": "nothing",
    },
    "da": {
        "whatif": "Hvad nu hvis — {name}",
        "change": "Ændringen",
        "recruit": "rekrutter {name}",
        "via": " via {name}",
        "tie": "forbind {a} – {b}",
        "untie": "fjern alle forbindelser {a} – {b}",
        "remove": "fjern {name}",
        "access": "Fritidsaktør inden for to led",
        "group": "Gruppe",
        "members": "Unge",
        "now": "Nu",
        "after": "Efter",
        "sectors": "Sektorer",
        "sector": "Sektor",
        "weaving": "Introduktioner at lave — {name}",
        "pair": "Par",
        "introducers": "Hvem kan introducere dem",
        "effect": "Unge der når en ny arena",
        "nothing": "intet",
    },
}
_STATUS = {
    "en": {"missing": "missing", "under_represented": "under-represented", "covered": "covered"},
    "da": {"missing": "mangler", "under_represented": "underrepræsenteret", "covered": "dækket"},
}


def _cell(value: Any) -> str:
    return "–" if value is None else str(value).replace("|", "\\|").replace("\n", " ")


def _table(headings: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[str]:
    lines = ["| " + " | ".join(headings) + " |", "|" + " --- |" * len(headings)]
    return lines + ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]


def _said(s: Statement, lang: Language) -> str:
    return s.sentence_da if lang == "da" else s.sentence


def whatif(r: WhatIf, lang: Language = "da") -> str:
    w = _WORDS[lang]
    names = r.names
    changes = [
        w["recruit"].format(name=x.name) + (w["via"].format(name=x.via_name) if x.via_name else "")
        for x in r.recruits
    ]
    changes += [
        w["tie"].format(a=names[a], b=names[b])
        for a, b in r.plan.ties_added
        if a not in {x.node for x in r.recruits}
    ]
    changes += [w["untie"].format(a=names[a], b=names[b]) for a, b in r.plan.ties_removed]
    changes += [w["remove"].format(name=names[a]) for a in r.plan.actors_removed]
    lines = [f"# {w['whatif'].format(name=r.name)}", "", f"{w['change']}: {'; '.join(changes)}.", ""]
    lines += [f"- {_said(s, lang)}" for s in r.statements]
    lines += ["", f"## {w['access']}", ""]
    rows = [r.leisure_access, *r.leisure_access_by_area, *r.leisure_access_by_age_band]
    lines += _table(
        [w["group"], w["members"], w["now"], w["after"]],
        ((c.label, c.members, c.before, c.after) for c in rows),
    )
    lines += ["", f"## {w['sectors']}", ""]
    status = _STATUS[lang]
    lines += _table(
        [w["sector"], w["now"], w["after"]],
        (
            (label(SECTOR_LABELS, s.sector, lang), f"{status.get(s.before, s.before)} ({s.actors_before})",
             f"{status.get(s.after, s.after)} ({s.actors_after})")
            for s in r.sectors
        ),
    )  # fmt: skip
    return "\n".join(lines).rstrip() + "\n"


def weaving(found: WeavingList, lang: Language = "da") -> str:
    w = _WORDS[lang]
    lines = [f"# {w['weaving'].format(name=found.name)}", "", _said(found.summary, lang), ""]
    for s in found.suggestions:
        arenas = ", ".join(label(ARENA_LABELS, a, lang) for a in s.effect.arenas) or w["nothing"]
        lines += [
            f"{s.rank}. **{s.first.name} – {s.second.name}**",
            f"   - {_said(s.why, lang)}",
            f"   - {_said(s.expected, lang)}",
            f"   - {w['introducers']}: {', '.join(i.name for i in s.introducers)} · {w['effect']}: "
            f"{s.effect.members_reached} ({arenas})",
        ]
    return "\n".join(lines).rstrip() + "\n"
