"""The Danish words of the Kumu workbook (:mod:`graphsvc.io.kumu_workbook`), for the writer and
for anything that reads such a workbook back.

Words are capitalised as a Danish user writes them. Where graphsvc's spreadsheet import has a
word for a value (:mod:`graphsvc.io.tabular.values`), the workbook uses one it reads — a test
checks each:

* actor kinds: Forening, Virksomhed, Kommunal enhed, Organisation;
* sectors: Offentlig sektor, Civilsamfundet, Erhvervslivet, Fonde, Videninstitutioner, Borgere
  (the words of the pages and maps; the older Offentlig, Civilsamfund, Erhverv, Fond and Viden
  are still read);
* arenas: Skole, Fritid, Sundhed, Arbejde, Familie, Lokalsamfund;
* tie types: Samarbejder med, Henviser til, Finansierer, Går på, Medlem af, Arbejder hos,
  Bruger, Ansat hos, Frivillig hos, Deltager i, Målrettet, Del af, Med i målgruppe
  (LOCATED_IN has none: it is an element's Area column, not a connection);
* frequencies: Dagligt, Ugentligt, Månedligt, Kvartalsvis, Årligt, Sjældent;
* roles in an initiative: Tovholder, Samarbejdspartner, Bidragyder;
* challenges: Ensomhed, Mistrivsel, Rusmidler, Kriminalitet, Uden uddannelse, Overvægt;
* partner-survey status: Besvaret, Ikke besvaret.

The kinds that are no actors have words of their own, which the spreadsheet import does not read
as kinds (it takes young people and contact persons from files of their own): Område (an area),
Målgruppe (a target group), Indsats (an initiative), Ung (a young person) and Kontaktperson (a
contact person). Age bands are written as they are (``12-14``); a surveyed tie's
``Reciprocated`` is ``Ja`` or ``Nej``.
"""

from __future__ import annotations

from graphsvc.domain import (
    Arena,
    Challenge,
    Frequency,
    Kind,
    ParticipationRole,
    Sector,
    SurveyStatus,
    TieType,
)

__all__ = [
    "ARENA_WORDS",
    "CHALLENGE_WORDS",
    "FREQUENCY_WORDS",
    "KIND_WORDS",
    "ROLE_WORDS",
    "SECTOR_WORDS",
    "SURVEY_STATUS_WORDS",
    "TIE_WORDS",
    "YES_NO",
]

KIND_WORDS: dict[Kind, str] = {
    Kind.ASSOCIATION: "Forening",
    Kind.BUSINESS: "Virksomhed",
    Kind.MUNICIPAL_UNIT: "Kommunal enhed",
    Kind.ORGANISATION: "Organisation",
    Kind.YOUNG_PERSON: "Ung",
    Kind.PERSON: "Kontaktperson",
    Kind.AREA: "Område",
    Kind.TARGET_GROUP: "Målgruppe",
    Kind.INITIATIVE: "Indsats",
}
SECTOR_WORDS: dict[Sector, str] = {
    Sector.PUBLIC: "Offentlig sektor",
    Sector.CIVIL_SOCIETY: "Civilsamfundet",
    Sector.BUSINESS: "Erhvervslivet",
    Sector.PHILANTHROPY: "Fonde",
    Sector.KNOWLEDGE: "Videninstitutioner",
    Sector.CITIZENS: "Borgere",
}
ARENA_WORDS: dict[Arena, str] = {
    Arena.SCHOOL: "Skole",
    Arena.LEISURE: "Fritid",
    Arena.HEALTH: "Sundhed",
    Arena.WORK: "Arbejde",
    Arena.FAMILY: "Familie",
    Arena.COMMUNITY: "Lokalsamfund",
}
# LOCATED_IN has no word: it is the element's Area column.
TIE_WORDS: dict[TieType, str] = {
    TieType.COLLABORATES_WITH: "Samarbejder med",
    TieType.REFERS_TO: "Henviser til",
    TieType.FUNDS: "Finansierer",
    TieType.ATTENDS: "Går på",
    TieType.MEMBER_OF: "Medlem af",
    TieType.WORKS_AT: "Arbejder hos",
    TieType.USES: "Bruger",
    TieType.WORKS_FOR: "Ansat hos",
    TieType.VOLUNTEERS_AT: "Frivillig hos",
    TieType.PARTICIPATES_IN: "Deltager i",
    TieType.TARGETS: "Målrettet",
    TieType.PART_OF: "Del af",
    TieType.INCLUDED_IN: "Med i målgruppe",
}
FREQUENCY_WORDS: dict[Frequency, str] = {
    Frequency.DAILY: "Dagligt",
    Frequency.WEEKLY: "Ugentligt",
    Frequency.MONTHLY: "Månedligt",
    Frequency.QUARTERLY: "Kvartalsvis",
    Frequency.YEARLY: "Årligt",
    Frequency.RARELY: "Sjældent",
}
ROLE_WORDS: dict[ParticipationRole, str] = {
    ParticipationRole.LEAD: "Tovholder",
    ParticipationRole.PARTNER: "Samarbejdspartner",
    ParticipationRole.FUNDER: "Bidragyder",
}
CHALLENGE_WORDS: dict[Challenge, str] = {
    Challenge.LONELINESS: "Ensomhed",
    Challenge.MENTAL_HEALTH: "Mistrivsel",
    Challenge.SUBSTANCE_USE: "Rusmidler",
    Challenge.CRIME: "Kriminalitet",
    Challenge.NO_EDUCATION: "Uden uddannelse",
    Challenge.OVERWEIGHT: "Overvægt",
}
SURVEY_STATUS_WORDS: dict[SurveyStatus, str] = {
    SurveyStatus.ANSWERED: "Besvaret",
    SurveyStatus.NOT_ANSWERED: "Ikke besvaret",
}
YES_NO: dict[bool, str] = {True: "Ja", False: "Nej"}
