"""``graphsvc analyze``: the analytics jobs from the command line, as JSON, Markdown or CSV.

JSON holds every field of the result under the names documented in the README (the analytics
result types' own field names); Markdown is the report a coordinator reads; CSV is the main
table of the result. ``recommendations --format csv|xlsx`` writes the recruitment list.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer

from graphsvc.cli.common import console, in_scope, plain_errors
from graphsvc.domain import Arena, Kind, Sector
from graphsvc.errors import InvalidInput

if TYPE_CHECKING:
    from types import ModuleType

__all__ = ["app"]

app = typer.Typer(
    help="Analyse a tenant's network: metrics, brokers, gaps, recommendations, communities, what-ifs "
    "and introductions to make.",
    no_args_is_help=True,
)
T = TypeVar("T")


class Format(StrEnum):
    JSON = "json"
    MD = "md"
    CSV = "csv"


class ListFormat(StrEnum):
    JSON = "json"
    MD = "md"
    CSV = "csv"
    XLSX = "xlsx"


class Language(StrEnum):
    DA = "da"
    EN = "en"


class GroupBy(StrEnum):
    SECTOR = "sector"
    ARENA = "arena"


class Order(StrEnum):
    SCORE = "score"
    EFFECT = "effect"


TENANT = typer.Option(None, "--tenant", "-t", help="Tenant (default: GRAPHSVC_DEFAULT_TENANT).")
FORMAT = typer.Option(Format.MD, "--format", "-f", help="json, md (a report) or csv (a table).")
OUTPUT = typer.Option(None, "--output", "-o", help="Write to this file instead of the screen.")
TARGET_GROUP = typer.Option(..., "--target-group", "-g", help="The target group's id.")
HOPS = typer.Option(2, help="Radius of the support network around the members (1-4 ties).")
EXPECTED = typer.Option(
    None,
    "--expected-sector",
    help="A sector the partnership should have (repeat it; default: all but citizens).",
)
YOUNG = typer.Option(True, "--young-people/--actors-only", help="Whether young people are part of the graph.")


def _jobs() -> tuple[ModuleType, ModuleType, ModuleType]:
    """The analytics jobs and their report writers, imported when a job runs: they bring
    NetworkX and igraph, which ``graphsvc --help`` and every other command need not wait for."""
    from graphsvc.cli import reports, tables
    from graphsvc.services import analytics

    return analytics, reports, tables


def _emit(content: str | bytes, output: Path | None) -> None:
    if output is None:
        text = content if isinstance(content, str) else content.decode("utf-8-sig")
        # Plain stdout, not the rich console: no markup, no wrapping, pipes stay clean.
        typer.echo(text, nl=not text.endswith("\n"))
        return
    data = content.encode("utf-8") if isinstance(content, str) else content
    output.write_bytes(data)
    console.print(f"Wrote {output} ({len(data):,} bytes).", highlight=False)


def _render(
    result: Any,
    fmt: Format | ListFormat,
    markdown: Callable[[Any], str],
    table: Callable[[Any], str] | None = None,
) -> str:
    if fmt == Format.JSON:
        from graphsvc.analytics import as_dict

        return json.dumps(as_dict(result), ensure_ascii=False, indent=2) + "\n"
    if fmt == Format.MD or table is None:
        return markdown(result)
    return table(result)


@app.command()
@plain_errors
def metrics(
    tenant: str | None = TENANT,
    kind: Kind | None = typer.Option(
        None, case_sensitive=False, help="Only nodes of this kind (an actor kind or YoungPerson)."
    ),
    sector: Sector | None = typer.Option(None, case_sensitive=False, help="Only this sector."),
    young_people: bool = YOUNG,
    top: int = typer.Option(50, help="How many nodes to show, highest betweenness first (0: all)."),
    fmt: Format = FORMAT,
    output: Path | None = OUTPUT,
) -> None:
    """Degree, betweenness, closeness, eigenvector, constraint and effective size per node."""
    service, reports, tables = _jobs()
    if top < 0:
        raise InvalidInput(f"--top: 0 (all) or more, not {top}")
    result = in_scope(
        tenant,
        lambda scope: service.metrics(scope, kind=kind, sector=sector, include_young_people=young_people),
    )
    if top:
        result = reports.first_nodes(result, top)
    _emit(_render(result, fmt, reports.metrics, tables.metrics), output)


@app.command()
@plain_errors
def brokers(
    tenant: str | None = TENANT,
    source: Arena = typer.Option(
        Arena.SCHOOL, "--from", case_sensitive=False, help="Paths start at actors of this arena."
    ),
    target: Arena = typer.Option(
        Arena.LEISURE, "--to", case_sensitive=False, help="Paths end at actors of this arena."
    ),
    area: str | None = typer.Option(None, help="Only actors in this area (id) as ends."),
    group_by: GroupBy = typer.Option(GroupBy.SECTOR, help="Brokerage roles between sectors or arenas."),
    young_people: bool = typer.Option(
        False, "--young-people/--actors-only", help="Let paths run through young people too."
    ),
    top: int = typer.Option(20, help="How many brokers (1-500)."),
    fmt: Format = FORMAT,
    output: Path | None = OUTPUT,
) -> None:
    """Who connects the actors of one arena to those of another (default school → leisure)."""
    service, reports, tables = _jobs()
    result = in_scope(
        tenant,
        lambda scope: service.brokers(
            scope,
            source_arena=source,
            target_arena=target,
            area=area,
            group_by=group_by.value,
            include_young_people=young_people,
            top=top,
        ),
    )  # type: ignore[arg-type]
    _emit(_render(result, fmt, reports.brokers, tables.brokers), output)


@app.command()
@plain_errors
def gaps(
    tenant: str | None = TENANT,
    target_group: str = TARGET_GROUP,
    hops: int = HOPS,
    expected_sector: list[Sector] | None = EXPECTED,
    fmt: Format = FORMAT,
    output: Path | None = OUTPUT,
) -> None:
    """What is missing around the young people of a target group, finding by finding."""
    service, reports, tables = _jobs()
    result = in_scope(
        tenant,
        lambda scope: service.gaps(scope, target_group, hops=hops, expected_sectors=expected_sector or None),
    )
    _emit(_render(result, fmt, reports.gaps, tables.findings), output)


@app.command()
@plain_errors
def recommendations(
    tenant: str | None = TENANT,
    target_group: str = TARGET_GROUP,
    top: int = typer.Option(20, help="How many partners (1-500)."),
    hops: int = HOPS,
    expected_sector: list[Sector] | None = EXPECTED,
    fmt: ListFormat = typer.Option(
        ListFormat.MD,
        "--format",
        "-f",
        help="json, md (a report), or the recruitment list as csv or xlsx (xlsx needs --output).",
    ),
    lang: Language = typer.Option(Language.DA, help="Headings of the recruitment list."),
    order: Order = typer.Option(
        Order.SCORE,
        help="score (today's transparent score) or effect (the measured effect of recruiting each).",
    ),
    output: Path | None = OUTPUT,
) -> None:
    """Whom to recruit for a target group, why, whom to call and who can introduce us."""
    service, reports, _ = _jobs()
    if fmt == ListFormat.XLSX and output is None:
        raise InvalidInput("--format xlsx writes a workbook: name the file with --output")
    expected = expected_sector or None
    if order == Order.EFFECT and fmt in (ListFormat.CSV, ListFormat.XLSX):
        raise InvalidInput("--order effect is for the report (md or json); the recruitment list is by score")
    if fmt in (ListFormat.CSV, ListFormat.XLSX):
        content = in_scope(
            tenant,
            lambda scope: service.recruitment_list(
                scope,
                target_group,
                file_format=fmt.value,  # type: ignore[arg-type]
                language=lang.value,
                top=top,
                hops=hops,
                expected_sectors=expected,
            ),
        )
        _emit(content, output)
        return
    if order == Order.SCORE:
        result = in_scope(
            tenant,
            lambda scope: service.recommendations(
                scope, target_group, top=top, hops=hops, expected_sectors=expected
            ),
        )
        _emit(_render(result, fmt, reports.recommendations), output)
        return
    from graphsvc.services import whatif

    ordered = in_scope(
        tenant,
        lambda scope: whatif.ordered_recommendations(
            scope, target_group, top=top, hops=hops, expected_sectors=expected, order="effect"
        ),
    )
    if fmt == ListFormat.JSON:
        # The recommendations' own fields, as in today's order, plus what was measured.
        content = {
            "order": ordered.order,
            "order_statement": ordered.statement,
            "recommendations": ordered.found,
            "measured": list(ordered.measured.values()),
        }
        _emit(_render(content, fmt, reports.recommendations), output)
        return
    said = ordered.statement.sentence_da if lang == Language.DA else ordered.statement.sentence
    _emit(f"_{said}_\n\n" + reports.recommendations(ordered.found), output)


@app.command()
@plain_errors
def communities(
    tenant: str | None = TENANT,
    seed: int = typer.Option(0, help="The same seed gives the same communities."),
    resolution: float = typer.Option(1.0, help="Above 1: smaller communities; below 1: larger."),
    young_people: bool = YOUNG,
    fmt: Format = FORMAT,
    output: Path | None = OUTPUT,
) -> None:
    """Louvain communities with their sector and arena mix and their bridges."""
    service, reports, tables = _jobs()
    result = in_scope(
        tenant,
        lambda scope: service.communities(
            scope, seed=seed, resolution=resolution, include_young_people=young_people
        ),
    )
    _emit(_render(result, fmt, reports.communities, tables.communities), output)


@app.command()
@plain_errors
def whatif(
    tenant: str | None = TENANT,
    target_group: str = TARGET_GROUP,
    recruit: list[str] | None = typer.Option(
        None,
        "--recruit",
        help="Recruit ACTOR (introduced as its introduction path says) or ACTOR@VIA; repeat it.",
    ),
    add_tie: list[str] | None = typer.Option(None, "--add-tie", help="A new collaboration A,B; repeat it."),
    remove_tie: list[str] | None = typer.Option(
        None, "--remove-tie", help="Every tie between A,B goes; repeat it."
    ),
    remove_actor: list[str] | None = typer.Option(
        None, "--remove-actor", help="An actor that would leave (a broker, a club that closes); repeat it."
    ),
    initiative: bool = typer.Option(
        True, "--join-initiative/--no-initiative", help="Whether recruits join the group's first initiative."
    ),
    hops: int = HOPS,
    expected_sector: list[Sector] | None = EXPECTED,
    fmt: Format = typer.Option(Format.MD, "--format", "-f", help="json or md (a report)."),
    lang: Language = typer.Option(Language.DA, help="The report's language."),
    output: Path | None = OUTPUT,
) -> None:
    """What a change would do for a target group before anyone is asked: the gap report and the
    school→leisure brokers as they would be, and the difference. Nothing is written."""
    from graphsvc.cli import whatif_reports
    from graphsvc.services import whatif as service
    from graphsvc.services.scenario_text import scenario_from_text

    if fmt == Format.CSV:
        raise InvalidInput("--format: json or md for a what-if")
    scenario = scenario_from_text(
        recruit=recruit or (),
        add_ties=add_tie or (),
        remove_ties=remove_tie or (),
        remove_actors=remove_actor or (),
        join_initiative=initiative,
        names=("--recruit", "--add-tie", "--remove-tie", "--remove-actor"),
    )
    result = in_scope(
        tenant,
        lambda scope: service.what_if(
            scope, target_group, scenario, hops=hops, expected_sectors=expected_sector or None
        ),
    )
    _emit(_render(result, fmt, lambda r: whatif_reports.whatif(r, lang.value)), output)


@app.command()
@plain_errors
def weaving(
    tenant: str | None = TENANT,
    target_group: str = TARGET_GROUP,
    top: int = typer.Option(20, help="How many introductions (1-200)."),
    hops: int = HOPS,
    fmt: Format = typer.Option(Format.MD, "--format", "-f", help="json or md (a report)."),
    lang: Language = typer.Option(Language.DA, help="The report's language."),
    output: Path | None = OUTPUT,
) -> None:
    """Introductions to make around a target group: actors who share a partner but have no tie,
    school ↔ leisure first, with who can introduce them and what it would do."""
    from graphsvc.cli import whatif_reports
    from graphsvc.services import whatif as service

    if fmt == Format.CSV:
        raise InvalidInput("--format: json or md for the weaving list")
    found = in_scope(
        tenant, lambda scope: service.weaving_suggestions(scope, target_group, top=top, hops=hops)
    )
    _emit(_render(found.found, fmt, lambda r: whatif_reports.weaving(r, lang.value)), output)
