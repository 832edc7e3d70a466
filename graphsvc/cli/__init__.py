"""The ``graphsvc`` command line."""

from __future__ import annotations

import typer

from graphsvc.cli import analyze, data, db, run

app = typer.Typer(
    help="graphsvc: stakeholder network mapping and partner recruitment.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(db.app, name="db")
app.add_typer(data.demo_app, name="demo")
app.add_typer(analyze.app, name="analyze")
app.command("import")(data.import_command)
app.command("export")(data.export_command)
run.register(app)

__all__ = ["app"]
