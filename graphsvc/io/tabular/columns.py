"""What each kind of import file holds: its columns, their Danish and English headings, the
other headings recognised for them, and the help text the templates carry.

The first heading of a column is what the template writes; every heading (and every alias) is
matched loosely: case, spaces, ``_``, ``-``, ``.`` and a trailing ``*`` do not matter, and
``æ ø å`` match ``ae oe aa``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from graphsvc.io.tabular.values import loose

__all__ = ["COLUMNS", "Column", "ImportKind", "columns_of", "detect_kind", "parse_kind"]


class ImportKind(StrEnum):
    ACTORS = "actors"
    CONTACTS = "contacts"
    YOUNG_PEOPLE = "young_people"
    TIES = "ties"
    SURVEY = "survey"
    AREAS = "areas"
    TARGET_GROUPS = "target_groups"
    INITIATIVES = "initiatives"


@dataclass(frozen=True)
class Column:
    field: str  # the key the records use
    en: str  # heading in the English template
    da: str  # heading in the Danish template
    help_en: str
    help_da: str
    aliases: tuple[str, ...] = ()
    required: bool = False

    def heading(self, language: str) -> str:
        return self.da if language == "da" else self.en

    def names(self) -> tuple[str, ...]:
        return (self.field, self.en, self.da, *self.aliases)


_ID = Column(
    "id",
    "id",
    "id",
    "Your own stable key for the row (letters, digits, . _ : -). Importing the file "
    "again updates the same record. Empty: matched by name, or made from the name.",
    "Jeres egen faste nøgle for rækken (bogstaver, tal, . _ : -). Importeres filen "
    "igen, opdateres samme post. Tom: findes ud fra navnet, eller dannes af navnet.",
    aliases=("nøgle", "nr", "nummer", "løbenummer", "ekstern id", "external id", "key", "reference"),
)
_AREA = Column(
    "area",
    "area",
    "område",
    "The area (town, district, parish) by name or id; it must exist in graphsvc.",
    "Området (by, bydel, sogn) ved navn eller id; det skal findes i graphsvc.",
    aliases=("by", "bydel", "sogn", "lokalområde", "town", "district"),
)

ACTOR_COLUMNS = (
    _ID,
    Column(
        "name",
        "name",
        "navn",
        "The actor's name.",
        "Aktørens navn.",
        aliases=("aktør", "aktørnavn", "actor", "organisation name", "label"),
        required=True,
    ),
    Column(
        "kind",
        "kind",
        "type",
        "association, business, municipal_unit or organisation, or a type such as school, "
        "foundation, sports club, jobcentre (which also gives the sector and arenas). "
        "Empty: from the sector.",
        "forening, virksomhed, kommunal enhed eller organisation, eller en type som skole, fond, "
        "idrætsforening, jobcenter (som også giver sektor og arenaer). Tom: ud fra sektoren.",
        aliases=("art", "aktørtype", "actor type", "element type", "organisationstype"),
    ),
    Column(
        "sector",
        "sector",
        "sektor",
        "public, civil_society, business, philanthropy, knowledge or citizens. Empty: from the type.",
        "offentlig, civilsamfund, erhverv, fond, viden eller borgere. Tom: ud fra typen.",
    ),
    Column(
        "arenas",
        "arenas",
        "arenaer",
        "Parts of young people's lives, separated by | or ,: school, leisure, health, work, "
        "family, community.",
        "Dele af de unges liv, adskilt af | eller ,: skole, fritid, sundhed, arbejde, familie, lokalsamfund.",
        aliases=("arena",),
    ),
    Column(
        "category",
        "category",
        "kategori",
        'What it is in your words ("Fodboldklub").',
        'Hvad det er med jeres ord ("Fodboldklub").',
    ),
    Column("description", "description", "beskrivelse", "Free text.", "Fri tekst."),
    _AREA,
    Column(
        "tags",
        "tags",
        "tags",
        "Separated by |: tags that name an arena (skole, fritid ...) are read as arenas, the "
        "others are kept in the category.",
        "Adskilt af |: tags, der er en arena (skole, fritid ...), læses som arenaer; de øvrige "
        "gemmes i kategorien.",
        aliases=("mærker", "nøgleord", "keywords"),
    ),
    Column(
        "survey_status",
        "survey status",
        "svarstatus",
        "answered or not_answered: whether it answered the latest partner survey.",
        "besvaret eller ikke besvaret: om aktøren har svaret på den seneste partnerundersøgelse.",
    ),
)

CONTACT_COLUMNS = (
    _ID,
    Column(
        "name",
        "name",
        "navn",
        "The contact person's name.",
        "Kontaktpersonens navn.",
        aliases=("kontaktperson", "contact person", "fulde navn", "full name", "label"),
        required=True,
    ),
    Column(
        "role",
        "role",
        "rolle",
        'Role or title ("Formand").',
        'Rolle eller titel ("Formand").',
        aliases=("stilling", "titel", "title", "position"),
    ),
    Column(
        "email",
        "email",
        "e-mail",
        "E-mail address.",
        "E-mailadresse.",
        aliases=("mail", "e-mailadresse", "email address"),
    ),
    Column(
        "phone",
        "phone",
        "telefon",
        "Phone number.",
        "Telefonnummer.",
        aliases=("tlf", "mobil", "telefonnummer", "phone number", "mobile"),
    ),
    Column(
        "organisations",
        "organisation",
        "organisation",
        "The actor(s) the person works for or volunteers at, by name or id; several separated by |.",
        "Den eller de aktører, personen arbejder for eller er frivillig hos, ved navn eller "
        "id; flere adskilt af |.",
        aliases=("organisations", "organisationer", "aktør", "arbejdssted", "works for", "actor", "employer"),
    ),
    Column(
        "relation",
        "relation",
        "tilknytning",
        "works_for (the default) or volunteers_at.",
        "ansat (standard) eller frivillig.",
        aliases=("affiliation",),
    ),
)

YOUNG_PEOPLE_COLUMNS = (
    _ID,
    Column(
        "name",
        "pseudonym",
        "pseudonym",
        "A pseudonym: never a real name or CPR number.",
        "Et pseudonym: aldrig et rigtigt navn eller CPR-nummer.",
        aliases=("name", "navn", "alias", "kaldenavn", "label"),
        required=True,
    ),
    Column(
        "age_band",
        "age band",
        "aldersgruppe",
        "12-14, 15-17, 18-24 or 25-29 (an age in years is put in its band).",
        "12-14, 15-17, 18-24 eller 25-29 (en alder i år placeres i sin gruppe).",
        aliases=("alder", "age", "aldersinterval"),
    ),
    Column(
        "birth_year",
        "birth year",
        "fødselsår",
        "A year, e.g. 2011.",
        "Et årstal, fx 2011.",
        aliases=("årgang", "born"),
    ),
    Column(
        "challenges",
        "challenges",
        "udfordringer",
        "Separated by | or ,: loneliness, mental_health, substance_use, crime, "
        "no_education, overweight (health data: coordinators only).",
        "Adskilt af | eller ,: ensomhed, mistrivsel, rusmidler, kriminalitet, "
        "uden uddannelse, overvægt (helbredsdata: kun koordinatorer).",
        aliases=("udfordring", "challenge"),
    ),
    _AREA,
    Column(
        "school",
        "school",
        "skole",
        "The school or municipal unit attended (name or id).",
        "Skolen eller den kommunale enhed, den unge går i (navn eller id).",
        aliases=("uddannelsessted", "attends"),
    ),
    Column(
        "associations",
        "associations",
        "foreninger",
        "Associations the young person is a member of (names or ids, separated by |).",
        "Foreninger, den unge er medlem af (navne eller id'er, adskilt af |).",
        aliases=("forening", "klub", "klubber", "fritidsaktiviteter", "member of", "clubs"),
    ),
    Column(
        "workplace",
        "workplace",
        "arbejdsplads",
        "Business where the young person works (student job, internship).",
        "Virksomhed, hvor den unge arbejder (fritidsjob, praktik).",
        aliases=("fritidsjob", "job", "works at"),
    ),
)

TIE_COLUMNS = (
    Column(
        "source",
        "source",
        "fra",
        "Where the tie starts: a name or id.",
        "Hvor relationen starter: et navn eller id.",
        aliases=("from", "kilde", "source id"),
        required=True,
    ),
    Column(
        "type",
        "type",
        "type",
        "collaborates_with, refers_to, funds, attends, member_of, works_at, uses, "
        "works_for, volunteers_at, participates_in, targets, part_of, included_in.",
        "samarbejder med, henviser til, finansierer, går på, medlem af, arbejder hos, "
        "bruger, ansat hos, frivillig hos, deltager i, målrettet, del af, med i målgruppe.",
        aliases=("relation", "relationstype", "tie type", "tilknytning", "connection type", "kind"),
    ),
    Column(
        "target",
        "target",
        "til",
        "Where the tie points: a name or id.",
        "Hvor relationen peger hen: et navn eller id.",
        aliases=("to", "mål", "target id"),
        required=True,
    ),
    Column(
        "strength",
        "strength",
        "styrke",
        "1-5 (collaborations), or svag, middel, stærk.",
        "1-5 (samarbejder), eller svag, middel, stærk.",
        aliases=("weight", "vægt", "tie strength"),
    ),
    Column(
        "direction",
        "direction",
        "retning",
        "directed (the default), undirected or mutual: a mutual tie of a one-way type "
        "(refers to, funds) is stored both ways.",
        "rettet (standard), urettet eller gensidig: en gensidig relation af en envejstype "
        "(henviser til, finansierer) gemmes begge veje.",
    ),
    Column(
        "since",
        "since",
        "siden",
        "The year it began.",
        "Året, den begyndte.",
        aliases=("startår", "year", "år"),
    ),
    Column(
        "frequency",
        "frequency",
        "hyppighed",
        "daily, weekly, monthly, quarterly, yearly or rarely.",
        "dagligt, ugentligt, månedligt, kvartalsvis, årligt eller sjældent.",
        aliases=("frekvens", "how often", "hvor ofte"),
    ),
    Column(
        "role",
        "role",
        "rolle",
        "lead, partner or funder (in an initiative).",
        "tovholder, partner eller bidragyder (i en indsats).",
    ),
)

SURVEY_COLUMNS = (
    Column(
        "respondent",
        "respondent",
        "respondent",
        "The organisation that answers (an actor's name or id). A row with only the "
        "respondent lists an organisation that was invited.",
        "Organisationen, der svarer (aktørens navn eller id). En række med kun "
        "respondenten angiver en inviteret organisation.",
        aliases=("besvaret af", "answered by", "svarende organisation", "organisation"),
        required=True,
    ),
    Column(
        "partner",
        "partner",
        "samarbejdspartner",
        "An organisation the respondent works with (name or id).",
        "En organisation, respondenten samarbejder med (navn eller id).",
        aliases=("partnere", "named partner", "nævnt partner", "samarbejder med"),
    ),
    Column(
        "frequency",
        "frequency",
        "hyppighed",
        "How often they work together: daily, weekly, monthly, quarterly, yearly, rarely.",
        "Hvor ofte de samarbejder: dagligt, ugentligt, månedligt, kvartalsvis, årligt, sjældent.",
        aliases=("frekvens", "how often", "hvor ofte"),
    ),
    Column(
        "trust",
        "trust",
        "tillid",
        "How much the respondent trusts the partner: 1 (not at all) to 4 (a great deal).",
        "Hvor meget respondenten har tillid til partneren: 1 (slet ikke) til 4 (i høj grad).",
        aliases=("trust score",),
    ),
    Column(
        "value",
        "value",
        "værdi",
        "How valuable the partner is to the respondent's work: 1 (not at all) to 4 (a great deal).",
        "Hvor værdifuld partneren er for respondentens arbejde: 1 (slet ikke) til 4 (i høj grad).",
        aliases=("værdi for os", "value score"),
    ),
    Column(
        "status",
        "status",
        "status",
        "answered or not_answered. Empty: answered when a partner is named.",
        "besvaret eller ikke besvaret. Tom: besvaret, når der er nævnt en partner.",
        aliases=("svarstatus", "besvarelse", "response"),
    ),
)

AREA_COLUMNS = (
    _ID,
    Column(
        "name",
        "name",
        "navn",
        "The area's name.",
        "Områdets navn.",
        aliases=("område", "area", "by", "sogn", "bydel", "label"),
        required=True,
    ),
    Column(
        "area_type",
        "area type",
        "områdetype",
        "town, district, parish ... (free text).",
        "by, bydel, sogn ... (fri tekst).",
        aliases=("type", "kind of area"),
    ),
    Column(
        "part_of",
        "part of",
        "del af",
        "The larger area it lies in (name or id), e.g. the municipality.",
        "Det større område, det ligger i (navn eller id), fx kommunen.",
        aliases=("ligger i", "within"),
    ),
)

_DESCRIPTION = Column("description", "description", "beskrivelse", "Free text.", "Fri tekst.")


def _named(heading_en: str, heading_da: str, what_da: str) -> Column:
    # Headed by what it names, so that the headings tell the kind of file.
    return Column(
        "name",
        heading_en,
        heading_da,
        f"The {heading_en}'s name.",
        f"{what_da}s navn.",
        aliases=("name", "navn", "label"),
        required=True,
    )


TARGET_GROUP_COLUMNS = (
    _ID,
    _named("target group", "målgruppe", "Målgruppen"),
    _DESCRIPTION,
    Column(
        "criteria_age_bands",
        "criteria age bands",
        "aldersgrupper",
        "The age bands it is for, separated by |: 12-14, 15-17, 18-24, 25-29.",
        "De aldersgrupper, den er for, adskilt af |: 12-14, 15-17, 18-24, 25-29.",
    ),
    Column(
        "criteria_areas",
        "criteria areas",
        "områder",
        "The areas it is for (names or ids), separated by |.",
        "De områder, den er for (navne eller id'er), adskilt af |.",
    ),
    Column(
        "criteria_challenges",
        "criteria challenges",
        "udfordringer",
        "The challenges it is about, separated by |: loneliness, mental_health ...",
        "De udfordringer, den handler om, adskilt af |: ensomhed, mistrivsel ...",
    ),
)

INITIATIVE_COLUMNS = (_ID, _named("initiative", "indsats", "Indsatsen"), _DESCRIPTION)

COLUMNS: dict[ImportKind, tuple[Column, ...]] = {
    ImportKind.ACTORS: ACTOR_COLUMNS,
    ImportKind.CONTACTS: CONTACT_COLUMNS,
    ImportKind.YOUNG_PEOPLE: YOUNG_PEOPLE_COLUMNS,
    ImportKind.TIES: TIE_COLUMNS,
    ImportKind.SURVEY: SURVEY_COLUMNS,
    ImportKind.AREAS: AREA_COLUMNS,
    ImportKind.TARGET_GROUPS: TARGET_GROUP_COLUMNS,
    ImportKind.INITIATIVES: INITIATIVE_COLUMNS,
}

_KIND_NAMES = {
    ImportKind.ACTORS: ("actors", "actor", "aktører", "aktør", "organisationer"),
    ImportKind.CONTACTS: (
        "contacts",
        "contact persons",
        "persons",
        "kontaktpersoner",
        "kontakter",
        "personer",
    ),
    ImportKind.YOUNG_PEOPLE: ("young people", "young persons", "youth", "unge"),
    ImportKind.TIES: ("ties", "relations", "relationer", "forbindelser", "edges"),
    ImportKind.SURVEY: ("survey", "partner survey", "undersøgelse", "partnerundersøgelse", "spørgeskema"),
    ImportKind.AREAS: ("areas", "area", "områder", "område"),
    ImportKind.TARGET_GROUPS: ("target groups", "target group", "målgrupper", "målgruppe"),
    ImportKind.INITIATIVES: ("initiatives", "initiative", "indsatser", "indsats"),
}
_KINDS_BY_NAME = {loose(name): kind for kind, names in _KIND_NAMES.items() for name in names}


def columns_of(kind: ImportKind) -> tuple[Column, ...]:
    return COLUMNS[kind]


def parse_kind(text: str) -> ImportKind | None:
    """``actors``, ``aktører``, ``young-people``, ``partnerundersøgelse`` ... or ``None``."""
    return _KINDS_BY_NAME.get(loose(text))


# Headings that only one kind of file has: enough to tell the kinds apart.
_TELLING = {
    ImportKind.SURVEY: ("respondent", "trust", "tillid", "samarbejdspartner", "partner"),
    ImportKind.TIES: ("source", "target", "fra", "til", "kilde"),
    ImportKind.YOUNG_PEOPLE: (
        "pseudonym",
        "age band",
        "aldersgruppe",
        "fødselsår",
        "udfordringer",
        "challenges",
    ),
    ImportKind.CONTACTS: ("email", "e-mail", "telefon", "phone", "rolle", "role", "mail"),
    ImportKind.ACTORS: (
        "sector",
        "sektor",
        "arenaer",
        "arenas",
        "type",
        "label",
        "element type",
        "aktørtype",
    ),
    ImportKind.AREAS: ("områdetype", "area type", "del af", "part of"),
    ImportKind.TARGET_GROUPS: (
        "målgruppe",
        "target group",
        "aldersgrupper",
        "criteria age bands",
        "criteria areas",
        "criteria challenges",
    ),
    ImportKind.INITIATIVES: ("indsats", "initiative"),
}


def detect_kind(headings: list[str]) -> ImportKind | None:
    """The kind of file these headings belong to, when exactly one kind fits best."""
    given = {loose(h) for h in headings}
    scores = {kind: sum(1 for h in names if loose(h) in given) for kind, names in _TELLING.items()}
    best = max(scores.values())
    winners = [kind for kind, score in scores.items() if score == best]
    return winners[0] if best > 0 and len(winners) == 1 else None
