# The two commands of the README, and a few more for developers.
#   make run   set everything up and run graphsvc (local Neo4j, demo data, API)
#   make test  run the whole test suite (starts and stops its own Neo4j)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.graphsvc-installed

.PHONY: run test setup check lint schema clean-data

$(STAMP): pyproject.toml
	@command -v java >/dev/null || { echo "Java 17 is needed: apt-get install openjdk-17-jdk-headless"; exit 1; }
	@command -v mvn  >/dev/null || { echo "Maven is needed: apt-get install maven"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP)
	$(BIN)/graphsvc db build

run: setup
	$(BIN)/graphsvc run

test: setup
	$(BIN)/python -m pytest

# The static checks CI runs besides the tests: lint, format, types, the doctests.
DOCTESTS := graphsvc/analytics graphsvc/domain.py graphsvc/schema/cost.py graphsvc/db/nodes.py \
            graphsvc/services/survey_reciprocity.py graphsvc/io/formats.py graphsvc/io/tabular/actor_types.py \
            graphsvc/api/file_names.py graphsvc/glossary

check: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy graphsvc
	$(BIN)/python -m pytest -q -p no:cacheprovider --doctest-modules $(DOCTESTS)

lint: check

# Write the GraphQL schema file after an API change (a test fails while it is out of date).
schema: setup
	$(BIN)/python -m graphsvc.schema.export > schema.graphql

# Delete the local Neo4j's data (the demo is loaded again by the next `make run`).
clean-data:
	$(BIN)/graphsvc db stop || true
	rm -rf var/neo4j
