"""Reading and writing networks as files, without a database.

:mod:`graphsvc.io.graphml` reads and writes the GraphML files coordinators exchange with Gephi,
yEd and NetworkX users.
"""
