"""Everything that talks to Neo4j: the driver, named Cypher, and repositories per area."""
