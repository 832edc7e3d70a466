"""The words on a map, in Danish (the default) and English.

Sector, kind and arena names come from :mod:`graphsvc.analytics.wording`; this module adds
the map's own: titles, legend, the details panel and the notes on highlighted nodes. Notes are
written here from the numbers of the analytics results, not taken from their (English)
sentences, so that a Danish map reads Danish throughout.
"""

from __future__ import annotations

from collections.abc import Iterable

from graphsvc.analytics.wording import ARENA_LABELS, KIND_LABELS, SECTOR_LABELS, Language, label

__all__ = [
    "GROUP_KIND",
    "WORDS",
    "arena_name",
    "default_title",
    "join",
    "kind_name",
    "note",
    "percent",
    "sector_name",
    "thousands",
    "young_group_label",
]

# The kind of a node that stands for a group of young people (not a domain kind).
GROUP_KIND = "YoungPeopleGroup"

WORDS: dict[str, dict[str, str]] = {
    "da": {
        "network": "Netværkskort",
        "network_in": "Netværket i {area}",
        "target-group": "Støttenetværket omkring {subject}",
        "ego": "{subject} og dens netværk",
        "ego2": "{subject} og dens netværk i to led",
        "brokers": "Brobyggere mellem {source} og {target}",
        "brokers_in": "Brobyggere mellem {source} og {target} i {area}",
        "gaps": "Huller omkring {subject}",
        "sector": "Sektor",
        "kind": "Type",
        "arenas": "Arenaer",
        "area": "Område",
        "size": "Størrelse",
        "highlights": "Fremhævet",
        "details": "Detaljer",
        "degree": "Antal forbindelser",
        "betweenness": "Brobygning i hele netværket",
        "broker": "Andel af korteste veje {source} → {target}",
        "count": "Antal unge",
        "age_band": "Alder",
        "size_degree": "Størrelse: antal forbindelser",
        "size_betweenness": "Størrelse: brobygning i hele netværket",
        "size_broker": "Størrelse: andel af de korteste veje {source} → {target}",
        "size_groups": "Grupper af unge: størrelse efter antal",
        "hl_broker": "Brobygger (top {top})",
        "hl_spof": "Eneste vej til fritid for nogle unge",
        "hl_school_gap": "Skole uden fritidsaktør inden for 2 led",
        "hl_gap_area": "Område uden fritidsaktører (hul)",
        "hl_centre": "Kortets midte",
        "hl_group_gap": "Unge i et område uden fritidsaktører",
        "missing": "Mangler helt: {sectors}",
        "under": "Underrepræsenteret: {sectors}",
        "no_gaps": "Ingen sektor mangler.",
        "young_groups": "Unge vises samlet pr. område og aldersgruppe.",
        "young_none": "Unge er ikke vist.",
        "young_individuals": "Unge vises enkeltvis (pseudonymer).",
        "group_label": "{count} unge, {band}, {area}",
        "unknown_area": "ukendt område",
        "unknown_band": "ukendt alder",
        "band": "{band} år",
        "isolated": "Uden forbindelser",
        "search": "Find på kortet",
        "search_none": "Ingen fundet",
        "nodes": "{nodes} punkter, {edges} forbindelser",
        "close": "Luk",
        "fit": "Vis hele kortet",
        "pick": "Vælg et punkt på kortet for at se detaljer.",
        "ties": "Forbindelser",
        "tie_collaboration": "Samarbejde",
        "tie_referral": "Henviser til",
        "tie_funding": "Finansierer",
        "tie_participation": "Deltager i indsats",
        "tie_youth": "Unges tilknytning",
        "tie_residence": "Unge, der bor i området",
        "legend_toggle": "Klik på en forklaring for at skjule eller vise den.",
        "show_all": "Vis alt",
        "only_area": "Vis kun ét område",
        "all_areas": "Alle områder",
        "focus": "Fokus på en aktør",
        "focus_pick": "Find aktøren",
        "focus_steps": "Led ud",
        "focus_go": "Fokusér",
        "focus_here": "Fokusér på denne",
        "focus_clear": "Hele kortet (Esc)",
        "focus_on": "Fokus: {name}, {steps} led ud",
        "shown": "Viser {nodes} af {total} punkter",
        "note_broker": "Nr. {rank} blandt brobyggerne: forbinder {sources} {source}aktører med "
        "{targets} {target}aktører; {share} af de korteste veje går gennem den.",
        "note_spof": "Uden den mister {cut} af målgruppens unge deres eneste vej til fritidslivet.",
        "note_school_gap": "Ingen fritidsaktør inden for 2 led; {members} af målgruppens unge går her.",
        "note_gap_area": "{members} af målgruppens unge bor her, og ingen fritidsaktør når dem.",
        "note_group_gap": "Bor i et område uden fritidsaktører.",
        "note_centre": "Kortet er tegnet omkring denne aktør.",
        "whatif": "Hvad nu hvis: støttenetværket omkring {subject}",
        "hl_recruited": "Ville blive rekrutteret",
        "hl_new_tie": "Ville få en ny forbindelse",
        "note_recruited": "Ville blive rekrutteret og samarbejde med {partners}.",
        "note_new_tie": "Ville få en ny forbindelse til {partners}.",
    },
    "en": {
        "network": "Network map",
        "network_in": "The network in {area}",
        "target-group": "Support network of {subject}",
        "ego": "{subject} and its network",
        "ego2": "{subject} and its network, two steps out",
        "brokers": "Brokers between {source} and {target}",
        "brokers_in": "Brokers between {source} and {target} in {area}",
        "gaps": "Gaps around {subject}",
        "sector": "Sector",
        "kind": "Kind",
        "arenas": "Arenas",
        "area": "Area",
        "size": "Size",
        "highlights": "Highlighted",
        "details": "Details",
        "degree": "Number of ties",
        "betweenness": "Betweenness (bridging in the network)",
        "broker": "Share of shortest paths {source} → {target}",
        "count": "Young people",
        "age_band": "Age",
        "size_degree": "Size: number of ties",
        "size_betweenness": "Size: betweenness",
        "size_broker": "Size: share of the shortest paths {source} → {target}",
        "size_groups": "Groups of young people: size by count",
        "hl_broker": "Broker (top {top})",
        "hl_spof": "Only route to leisure for some members",
        "hl_school_gap": "School with no leisure actor within 2 ties",
        "hl_gap_area": "Area with no leisure actor (gap)",
        "hl_centre": "Centre of the map",
        "hl_group_gap": "Young people in an area with no leisure actor",
        "missing": "Missing: {sectors}",
        "under": "Under-represented: {sectors}",
        "no_gaps": "No sector is missing.",
        "young_groups": "Young people are shown as groups per area and age band.",
        "young_none": "Young people are not shown.",
        "young_individuals": "Young people are shown one by one (pseudonyms).",
        "group_label": "{count} young people, {band}, {area}",
        "unknown_area": "unknown area",
        "unknown_band": "unknown age",
        "band": "aged {band}",
        "isolated": "Without ties",
        "search": "Find on the map",
        "search_none": "None found",
        "nodes": "{nodes} nodes, {edges} ties",
        "close": "Close",
        "fit": "Show the whole map",
        "pick": "Pick a node on the map to see its details.",
        "ties": "Ties",
        "tie_collaboration": "Collaboration",
        "tie_referral": "Refers to",
        "tie_funding": "Funds",
        "tie_participation": "Takes part in an initiative",
        "tie_youth": "Young people's ties",
        "tie_residence": "Young people living in the area",
        "legend_toggle": "Click an entry to hide or show it.",
        "show_all": "Show all",
        "only_area": "Show one area only",
        "all_areas": "All areas",
        "focus": "Focus on an actor",
        "focus_pick": "Find the actor",
        "focus_steps": "Steps out",
        "focus_go": "Focus",
        "focus_here": "Focus on this one",
        "focus_clear": "Whole map (Esc)",
        "focus_on": "Focus: {name}; steps out: {steps}",
        "shown": "Showing {nodes} of {total} nodes",
        "note_broker": "Broker no. {rank}: links {sources} {source} actors to {targets} "
        "{target} actors; {share} of the shortest paths run through it.",
        "note_spof": "Without it, {cut} members lose their only route to leisure.",
        "note_school_gap": "No leisure actor within 2 ties; {members} members attend it.",
        "note_gap_area": "{members} members live here and no leisure actor reaches them.",
        "note_group_gap": "Lives in an area with no leisure actor.",
        "note_centre": "The map is drawn around this actor.",
        "whatif": "What if: the support network of {subject}",
        "hl_recruited": "Would be recruited",
        "hl_new_tie": "Would get a new tie",
        "note_recruited": "Would be recruited and work with {partners}.",
        "note_new_tie": "Would get a new tie to {partners}.",
    },
}


def sector_name(sector: str | None, lang: str) -> str:
    return _capital(label(SECTOR_LABELS, sector, _language(lang)))


def kind_name(kind: str, lang: str) -> str:
    if kind == GROUP_KIND:
        return "Gruppe af unge" if lang == "da" else "Group of young people"
    return _capital(label(KIND_LABELS, kind, _language(lang)))


def arena_name(arena: str, lang: str) -> str:
    return label(ARENA_LABELS, arena, _language(lang))


def percent(share: float, lang: str) -> str:
    """A share as a whole percentage, Danish with a space before the sign ("41 %")."""
    text = "<1" if 0 < share < 0.005 else str(round(share * 100))
    return f"{text} %" if lang == "da" else f"{text}%"


def thousands(n: int, lang: str) -> str:
    """ "2.864" in Danish, "2,864" in English."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "da" else text


def join(items: Iterable[str], lang: str) -> str:
    """ "a, b og c" / "a, b and c"."""
    words = list(items)
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {'og' if lang == 'da' else 'and'} {words[-1]}"


def note(code: str, lang: str, **values: object) -> str:
    return WORDS[lang][f"note_{code}"].format(**values)


def young_group_label(count: int, band: str | None, area: str | None, lang: str) -> str:
    w = WORDS[lang]
    band_text = w["band"].format(band=band) if band else w["unknown_band"]
    return w["group_label"].format(count=count, band=band_text, area=area or w["unknown_area"])


def default_title(
    kind: str,
    lang: str,
    *,
    subject: str | None = None,
    area: str | None = None,
    source: str = "school",
    target: str = "leisure",
    depth: int = 1,
) -> str:
    """The title a map gets when the caller gives none."""
    w = WORDS[lang]
    arenas = {"source": arena_name(source, lang), "target": arena_name(target, lang)}
    if kind == "network":
        return w["network_in"].format(area=area) if area else w["network"]
    if kind == "brokers":
        return w["brokers_in" if area else "brokers"].format(area=area, **arenas)
    if kind == "ego":
        return w["ego2" if depth == 2 else "ego"].format(subject=subject)
    return w[kind].format(subject=subject)


def _language(lang: str) -> Language:
    return "da" if lang == "da" else "en"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
