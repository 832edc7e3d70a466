"""``importFile``: a spreadsheet or partner survey uploaded as a GraphQL multipart request,
answered by the import report (also for a dry run, and when the file is refused)."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.file_uploads import Upload
from strawberry.types import Info

from graphsvc.io import tabular
from graphsvc.schema.context import Context
from graphsvc.services.imports import ImportOptions, import_file

__all__ = ["ImportMutation"]

# Registered in place: the domain enums are the GraphQL enums.
strawberry.enum(tabular.ImportKind, description="What an import file holds.")
strawberry.enum(
    tabular.Severity,
    name="ImportSeverity",
    description="error: stops the import (unless its row is skipped); warning: imported, but "
    "check it; info: how the file was read.",
)


@strawberry.type(description="One finding about the file, a row or a cell.")
class ImportEntry:
    severity: tabular.Severity = strawberry.field(description="How much it matters.")
    row: int | None = strawberry.field(
        description="The spreadsheet row (headings are row 1); null: the whole file."
    )
    column: str | None = strawberry.field(description="The heading, as written in the file.")
    problem: str = strawberry.field(description="What is wrong, or what was done.")
    suggestion: str | None = strawberry.field(
        description="How to fix it, e.g. \"did you mean 'civil_society'?\""
    )
    sheet: str | None = strawberry.field(
        description="The table it is about in a file of several: Kumu's Elements or Connections, "
        "a GraphML or GEXF file's nodes or edges; null: the file's only table."
    )


@strawberry.type(description="How many records of one sort the import adds, changes or leaves.")
class ImportCounts:
    records: str = strawberry.field(
        description="actors, contacts, young_people, areas, target_groups, initiatives, "
        "respondents, ties, or total."
    )
    new: int = strawberry.field(description="Records the tenant does not hold yet.")
    changed: int = strawberry.field(description="Stored records the file changes.")
    unchanged: int = strawberry.field(description="Stored records the file has as they are.")


@strawberry.type(description="A heading of the file and the field it was read as.")
class ImportColumn:
    heading: str = strawberry.field(description="As written in the file.")
    field: str = strawberry.field(description="The field it was read as (name, sector, ...).")


@strawberry.type(description="What an import found and did. Nothing was written unless `written` is true.")
class ImportReport:
    kind: str = strawberry.field(
        description="What the file holds: a kind of spreadsheet (told from the headings when not "
        "given), or network for a file of nodes and ties (Kumu, GraphML, GEXF, JSON)."
    )
    file_name: str = strawberry.field(description="The uploaded file's name.")
    file_format: str = strawberry.field(
        description="By the file's content: csv, xlsx, kumu_xlsx, kumu_json, graphml, gexf or json "
        "(graphsvc's export)."
    )
    dry_run: bool = strawberry.field(description="Only checked and counted.")
    written: bool = strawberry.field(description="The new and changed records are stored.")
    summary: str = strawberry.field(description="One sentence for the coordinator.")
    encoding: str | None = strawberry.field(description="How a CSV's bytes were read.")
    delimiter: str | None = strawberry.field(description="A CSV's column separator.")
    sheet: str | None = strawberry.field(description="The workbook sheet read.")
    rows: int = strawberry.field(description="Data rows in the file.")
    columns: list[ImportColumn] = strawberry.field(description="The columns read, and as what.")
    error_count: int = strawberry.field(
        description="Errors found (nothing is written with errors, unless their rows are skipped)."
    )
    entries: list[ImportEntry] = strawberry.field(description="Every finding, in file order.")
    skipped_rows: list[int] = strawberry.field(description="Rows left out (skipInvalidRows).")
    counts: list[ImportCounts] = strawberry.field(description="Per sort of record, then total.")
    respondents_answered: list[strawberry.ID] = strawberry.field(
        description="Survey: the actors that answered."
    )
    respondents_not_answered: list[strawberry.ID] = strawberry.field(
        description="Survey: the actors invited that did not answer."
    )

    @classmethod
    def from_domain(cls, r: tabular.ImportReport) -> ImportReport:
        total = r.total()
        counts = [
            ImportCounts(records=name, new=c.new, changed=c.changed, unchanged=c.unchanged)
            for name, c in r.counts.items()
        ]
        counts.append(
            ImportCounts(records="total", new=total.new, changed=total.changed, unchanged=total.unchanged)
        )
        return cls(
            kind=r.kind,
            file_name=r.file_name,
            file_format=r.file_format,
            dry_run=r.dry_run,
            written=r.written,
            summary=r.summary(),
            encoding=r.encoding,
            delimiter=r.delimiter,
            sheet=r.sheet,
            rows=r.rows,
            error_count=len(r.errors),
            columns=[ImportColumn(heading=h, field=f) for h, f in r.columns.items()],
            entries=[
                ImportEntry(
                    severity=e.severity,
                    row=e.row,
                    column=e.column,
                    problem=e.problem,
                    suggestion=e.suggestion,
                    sheet=e.sheet,
                )
                for e in r.entries
            ],
            skipped_rows=r.skipped_rows,
            counts=counts,
            respondents_answered=[strawberry.ID(i) for i in r.respondents_answered],
            respondents_not_answered=[strawberry.ID(i) for i in r.respondents_not_answered],
        )


@strawberry.input(
    description="Read the column with this heading as this field (an empty field leaves the column out)."
)
class ColumnMappingInput:
    heading: str = strawberry.field(description='A heading of the file ("Forening").')
    field: str = strawberry.field(description='The field it holds ("name"); empty: leave the column out.')


@strawberry.input(description="A value for every row (or node, or edge) of the file that gives none.")
class ImportDefaultInput:
    field: str = strawberry.field(description='A field ("sector", "type" of a tie, "kind").')
    value: str = strawberry.field(
        description='Its value, in English or Danish ("civil_society", "civilsamfund").'
    )


@strawberry.input(
    description="A word of your own for a type of actor, and what it is: a kind, a sector and "
    "arenas. Remembered for the tenant's next files."
)
class ActorTypeInput:
    word: str = strawberry.field(description='As the file writes it ("Bibliotek").')
    type: str = strawberry.field(
        description='Kind, sector and arenas, e.g. "municipal_unit, public, community" or '
        '"kommunal enhed, offentlig, lokalsamfund".'
    )


@strawberry.type
class ImportMutation:
    @strawberry.mutation(
        description="Coordinators: import a file - a spreadsheet (CSV, XLSX) of actors, contact "
        "persons, young people, areas, target groups, initiatives, ties or a partner survey "
        "(Danish or English headings), a Kumu project (XLSX or JSON), GraphML, GEXF or "
        "graphsvc's JSON export. The format is told from the content. All or nothing; with "
        "dryRun only the report."
    )
    async def import_file(
        self,
        info: Info[Context, None],
        file: Annotated[Upload, strawberry.argument(description="The file, in any format listed above.")],
        kind: Annotated[
            tabular.ImportKind | None,
            strawberry.argument(description="What the file holds; told from the headings when left out."),
        ] = None,
        dry_run: Annotated[
            bool, strawberry.argument(description="Only check and count; write nothing.")
        ] = False,
        mapping: Annotated[
            list[ColumnMappingInput] | None,
            strawberry.argument(description="Other headings and the fields they hold."),
        ] = None,
        defaults: Annotated[
            list[ImportDefaultInput] | None,
            strawberry.argument(description="Values for the rows that give none (a sector, a tie type)."),
        ] = None,
        types: Annotated[
            list[ActorTypeInput] | None,
            strawberry.argument(description="Your own words for types of actor."),
        ] = None,
        skip_invalid_rows: Annotated[
            bool, strawberry.argument(description="Import the valid rows and leave out those with errors.")
        ] = False,
        survey: Annotated[
            str | None,
            strawberry.argument(
                description="Survey: its name, kept on each answer (default: the file name)."
            ),
        ] = None,
        tenant: Annotated[str | None, strawberry.argument(description="The tenant.")] = None,
    ) -> ImportReport:
        ctx = info.context
        scope = ctx.scope(tenant)
        limit = ctx.settings.import_max_bytes
        upload: Any = file  # Starlette's UploadFile
        data = await upload.read(limit + 1)  # never more than the limit into memory
        size = getattr(upload, "size", None) or len(data)
        options = ImportOptions(
            kind=kind,
            dry_run=dry_run,
            skip_invalid_rows=skip_invalid_rows,
            mapping={m.heading: m.field for m in mapping or []},
            defaults={d.field: d.value for d in defaults or []},
            types={t.word: t.type for t in types or []},
            survey=survey,
            max_bytes=limit,
        )
        report = await import_file(
            scope, data, file_name=getattr(upload, "filename", "") or "", options=options, size=size
        )
        return ImportReport.from_domain(report)
