"""Reciprocity of a partner survey: when A names B, does B name A?

For every answer (A names B) of the round: *mutual* when B answered and named A, *one-sided*
when B answered without naming A, *unanswered* when B has not answered this survey (so no one
can tell yet). The rate is the share of answers whose partner answered that are returned:
mutual answers / (mutual + one-sided answers); undefined until some partner has answered.
In the manner of the PARTNER tool's reciprocity measure, counted in ties rather than pairs, so
that a pair naming each other counts twice, as two answers returned.

>>> from graphsvc.db.survey_rounds import SurveyTie
>>> ties = [SurveyTie("a", "A", "b", "B", None), SurveyTie("b", "B", "a", "A", None),
...         SurveyTie("a", "A", "c", "C", None), SurveyTie("c", "C", "d", "D", None)]
>>> r = reciprocity(ties, answered={"a", "b", "c"})
>>> r.mutual_pairs, r.one_sided, r.unanswered, round(r.rate, 2)
(1, 1, 1, 0.67)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from graphsvc.db.survey_rounds import SurveyTie

__all__ = ["Pair", "Reciprocity", "reciprocity"]


@dataclass(frozen=True)
class Pair:
    """One answer, or one pair that named each other (``mutual``, listed once)."""

    source: str
    source_name: str
    target: str
    target_name: str
    status: str  # mutual, one_sided or unanswered


@dataclass(frozen=True)
class Reciprocity:
    pairs: list[Pair]
    mutual_pairs: int
    one_sided: int  # answers whose partner answered without naming back
    unanswered: int  # answers whose partner has not answered
    rate: float | None  # returned answers / answers whose partner answered
    sentence: str


def reciprocity(ties: Sequence[SurveyTie], *, answered: Iterable[str]) -> Reciprocity:
    done = set(answered) | {t.source for t in ties}
    named = {(t.source, t.target) for t in ties}
    pairs: list[Pair] = []
    mutual_answers = one_sided = unanswered = 0
    for t in ties:
        if t.target not in done:
            status = "unanswered"
            unanswered += 1
        elif (t.target, t.source) in named:
            status = "mutual"
            mutual_answers += 1
            if (t.source_name.casefold(), t.source) > (t.target_name.casefold(), t.target):
                continue  # the pair is listed once, from the end first by name
        else:
            status = "one_sided"
            one_sided += 1
        pairs.append(Pair(t.source, t.source_name, t.target, t.target_name, status))
    order = {"mutual": 0, "one_sided": 1, "unanswered": 2}
    pairs.sort(key=lambda p: (order[p.status], p.source_name.casefold(), p.target_name.casefold()))
    returned_or_not = mutual_answers + one_sided
    rate = mutual_answers / returned_or_not if returned_or_not else None
    mutual_pairs = mutual_answers // 2
    sentence = (
        f"{mutual_pairs} pairs of organisations name each other; {one_sided} answers were not "
        f"returned by a partner that answered; {unanswered} name a partner that has not answered"
        + (
            f"; {round(rate * 100)}% of answers whose partner answered are returned"
            if rate is not None
            else ""
        )
        + "."
    )
    return Reciprocity(pairs, mutual_pairs, one_sided, unanswered, rate, sentence)
