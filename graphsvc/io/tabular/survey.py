"""A partner survey (in the manner of PARTNER CPRM) -> collaboration ties and respondents'
answer status.

The file has one row per answer: a respondent organisation, a partner it names, how often they
work together, and how much it trusts and values that partner (1-4). A row with only the
respondent lists an organisation that was invited; unless its status says otherwise, it did
not answer. Respondents and partners must be actors of the tenant.

Each answer becomes a ``COLLABORATES_WITH`` tie from respondent to partner carrying the answers
and the survey's name, so both directions' answers are kept when both named each other. A tie
is ``reciprocated`` when the partner named the respondent too (in this survey, or in an earlier
one if the partner did not answer this one); ``False`` when the partner answered this survey
without naming the respondent; unknown (unset) when the partner has never answered. Every
respondent's actor gets ``survey_status`` ``answered`` or ``not_answered``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graphsvc.domain import ACTOR_KINDS, Frequency, SurveyStatus, Tie, TieType
from graphsvc.io.tabular.headings import ColumnMap
from graphsvc.io.tabular.reading import Table
from graphsvc.io.tabular.records import NodeRecord, Plan, RowReader, TieRecord, data_rows
from graphsvc.io.tabular.references import NameIndex
from graphsvc.io.tabular.report import ImportReport
from graphsvc.io.tabular.values import read_enum, read_scale

__all__ = ["TieKey", "settle_reciprocity", "survey_plan"]

TieKey = tuple[TieType, str, str]
_ANSWERS = ("frequency", "trust", "value")
_PARSERS = {
    "frequency": lambda t: read_enum(t, Frequency, "a frequency"),
    "trust": lambda t: read_scale(t, "trust"),
    "value": lambda t: read_scale(t, "value"),
}


def survey_plan(
    table: Table, columns: ColumnMap, index: NameIndex, report: ImportReport, *, survey: str
) -> Plan:
    plan = Plan("respondents")
    first_row: dict[str, int] = {}
    names: dict[str, str] = {}
    said: dict[str, dict[SurveyStatus, int]] = {}  # respondent -> status -> a row saying it
    named: dict[tuple[str, str], int] = {}
    for row in data_rows(table, report):
        cells = RowReader(row, columns, report)
        _, respondent = cells.read("respondent", lambda t: index.resolve(t, ACTOR_KINDS))
        if respondent is None:
            if cells.text("respondent") == "":
                cells.error("the respondent is empty", "respondent")
            continue
        _, partner = cells.read("partner", lambda t: index.resolve(t, ACTOR_KINDS))
        _, status = cells.read("status", lambda t: read_enum(t, SurveyStatus, "an answer status"))
        answers: dict[str, Any] = {}
        for name in _ANSWERS:
            _, value = cells.read(name, _PARSERS[name])
            if value is not None:
                answers[name] = value
        if cells.failed:
            continue
        first_row.setdefault(respondent.id, row.number)
        names[respondent.id] = respondent.name
        if partner is None:
            if answers:
                cells.error("the row gives answers but names no partner", "partner")
                continue
            status = status or SurveyStatus.NOT_ANSWERED
            said.setdefault(respondent.id, {}).setdefault(status, row.number)
            continue
        if status is SurveyStatus.NOT_ANSWERED:
            cells.error(
                "the row names a partner but says the respondent did not answer",
                "status",
                "clear the status, or remove the partner",
            )
            continue
        if partner.id == respondent.id:
            cells.error(f"{respondent.name!r} names itself as a partner", "partner")
            continue
        pair = (respondent.id, partner.id)
        if pair in named:
            cells.error(
                f"{respondent.name!r} names {partner.name!r} also on row {named[pair]}",
                "partner",
                "keep one answer per partner",
            )
            continue
        named[pair] = row.number
        said.setdefault(respondent.id, {}).setdefault(SurveyStatus.ANSWERED, row.number)
        tie = Tie(
            type=TieType.COLLABORATES_WITH, source=respondent.id, target=partner.id, survey=survey, **answers
        )
        given = frozenset({"survey", "reciprocated", *(n for n in _ANSWERS if cells.has(n))})
        plan.ties.append(TieRecord(row.number, tie, given, cells.headings()))
    for respondent, statuses in said.items():
        if len(statuses) > 1:
            report.error(
                f"{names[respondent]!r} is said to have answered (row "
                f"{statuses[SurveyStatus.ANSWERED]}) and not to have answered",
                row=statuses[SurveyStatus.NOT_ANSWERED],
                column=columns.heading("status") if "status" in columns else None,
                suggestion="remove the row that says it did not answer",
            )
            continue
        status = next(iter(statuses))
        (plan.answered if status is SurveyStatus.ANSWERED else plan.not_answered).add(respondent)
        plan.nodes.append(NodeRecord(first_row[respondent], respondent, None, {"survey_status": status}))
    answered, missing = len(plan.answered), sorted(names[r] for r in plan.not_answered)
    invited = answered + len(missing)
    if invited:
        report.info(
            f"{answered} of {invited} invited organisations answered"
            + (f"; no answer from {', '.join(missing)}" if missing else "")
        )
    return plan


def settle_reciprocity(plan: Plan, stored: Mapping[TieKey, Tie]) -> None:
    """Set ``reciprocated`` on the survey's ties, and on stored survey ties the file answers
    (they are added to the plan as changes of that one property)."""
    collaborates = TieType.COLLABORATES_WITH
    in_file = {(r.tie.source, r.tie.target): r for r in plan.ties}
    for (source, target), record in list(in_file.items()):
        back = stored.get((collaborates, target, source))
        if target in plan.answered:
            reciprocated: bool | None = (target, source) in in_file
        elif back is not None and back.survey is not None:
            reciprocated = True
            if back.reciprocated is not True:
                plan.ties.append(
                    TieRecord(
                        record.row,
                        back.model_copy(update={"reciprocated": True}),
                        frozenset({"reciprocated"}),
                    )
                )
        else:
            reciprocated = None
        record.tie = record.tie.model_copy(update={"reciprocated": reciprocated})
