"""Reading and writing networks as files, without a database.

:mod:`graphsvc.io.graphml` reads and writes the GraphML files coordinators exchange with Gephi,
yEd and NetworkX users. :mod:`graphsvc.io.network_export` writes every export format (GraphML,
GEXF, JSON, CSV, the Kumu workbook); :mod:`graphsvc.io.audience` decides what a file may hold
for whom, and :mod:`graphsvc.io.snapshot_content` what a snapshot stores.
"""
