"""The ``graphsvc`` command line."""

from __future__ import annotations

import typer

from graphsvc.cli import analyze, backup, data, db, privacy, run, snapshot, users
from graphsvc.cli import export as export_cli

app = typer.Typer(
    help="graphsvc: stakeholder network mapping and partner recruitment.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(db.app, name="db")
app.add_typer(data.demo_app, name="demo")
app.add_typer(analyze.app, name="analyze")
app.add_typer(users.app, name="users")
app.add_typer(privacy.person_app, name="person")
app.command("audit")(privacy.audit)
app.command("import")(data.import_command)
app.command("export")(export_cli.export_command)
app.add_typer(snapshot.app, name="snapshot")
app.command("backup")(backup.backup_command)
app.command("restore")(backup.restore_command)
run.register(app)

__all__ = ["app"]
