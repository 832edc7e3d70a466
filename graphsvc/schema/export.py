"""Print the GraphQL schema as SDL: ``python -m graphsvc.schema.export > schema.graphql``."""

from graphsvc.schema import schema

if __name__ == "__main__":
    print(schema.as_str())
