"""How a respondent's answers become collaboration ties: by the spreadsheet survey import's own
rules, so that answers given in the browser and answers imported from a spreadsheet are one data
set (a test imports the same answers from a spreadsheet and finds the same ties).

Each answer is a ``COLLABORATES_WITH`` tie from the respondent to the partner carrying
``frequency``, ``trust``, ``value`` and the survey's name; its ``reciprocated`` is settled by
:func:`graphsvc.io.tabular.survey.settle_reciprocity`, and it is merged into the stored tie by
:func:`graphsvc.io.tabular.changes.compare` (a tie's other properties, such as ``strength``,
are kept). What the spreadsheet import cannot do, a respondent can: take an answer back. Its
survey properties are then removed from the tie, and the tie goes when nothing else is left.

The planners here are pure: the store calls them inside the transaction that holds the locks
(:func:`graphsvc.db.survey_answers.store_answers`).
"""

from __future__ import annotations

from collections.abc import Sequence

from graphsvc.db.survey_records import Answer, Planner, RespondentState, TieChanges
from graphsvc.domain import Tie, TieType
from graphsvc.io.tabular.changes import Change, compare
from graphsvc.io.tabular.records import Plan, TieRecord
from graphsvc.io.tabular.report import ImportReport
from graphsvc.io.tabular.survey import settle_reciprocity

__all__ = ["SURVEY_FIELDS", "answers_planner"]

COLLABORATES = TieType.COLLABORATES_WITH
# The properties a survey answer sets on a tie (the spreadsheet survey's given fields).
SURVEY_FIELDS = frozenset({"survey", "reciprocated", "frequency", "trust", "value"})
_RECIPROCATED = frozenset({"reciprocated"})


def answers_planner(survey: str, answers: Sequence[Answer], *, replace: bool = True) -> Planner:
    """The planner of a respondent's ``answers`` in ``survey``.

    With ``replace`` (the respondent sent its answers), they replace its earlier answers in the
    survey: a partner no longer named loses the answer. Without (a suggested organisation was
    approved or merged), the answers are added to those it has, and a partner it has named
    already keeps that answer.
    """

    def plan(state: RespondentState) -> TieChanges:
        respondent = state.respondent
        current = {t.target: t for t in state.outgoing.values() if t.survey == survey}
        records = Plan("respondents")
        records.answered = set(state.answered) | {respondent}
        for answer in answers:
            if not replace and answer.partner in current:
                continue
            tie = Tie(
                type=COLLABORATES,
                source=respondent,
                target=answer.partner,
                frequency=answer.frequency,
                trust=answer.trust,
                value=answer.value,
                survey=survey,
            )
            records.ties.append(TieRecord(0, tie, SURVEY_FIELDS))
        if not replace:  # its other answers stay, and count for reciprocity as they are
            records.ties += [TieRecord(0, t, _RECIPROCATED) for t in current.values()]
        # Others' answers naming the respondent: whether they are reciprocated follows from
        # the respondent's answers, now that it has answered.
        records.ties += [
            TieRecord(0, t, _RECIPROCATED)
            for source, t in state.incoming.items()
            if t.survey == survey and source in state.answered
        ]
        stored = {
            (COLLABORATES, t.source, t.target): t
            for t in (*state.outgoing.values(), *state.incoming.values())
        }
        settle_reciprocity(records, stored)
        report = ImportReport(kind="survey", file_name="", file_format="", dry_run=False)
        outcomes = compare(records, "", {}, stored, report)
        upserts = [
            o.record for o in outcomes if o.change is not Change.UNCHANGED and isinstance(o.record, Tie)
        ]
        deleted: list[str] = []
        if replace:
            named = {a.partner for a in answers}
            for target, tie in current.items():
                if target in named:
                    continue
                kept = tie.model_copy(update=dict.fromkeys(SURVEY_FIELDS))
                if kept.properties():
                    upserts.append(kept)
                else:
                    deleted.append(target)
        return TieChanges(upserts=upserts, deleted=deleted)

    return plan
