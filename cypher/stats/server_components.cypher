// Which Neo4j answers. Columns: name, versions, edition
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions, edition
