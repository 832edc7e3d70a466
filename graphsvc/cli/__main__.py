from graphsvc.cli import app

app(prog_name="graphsvc")
