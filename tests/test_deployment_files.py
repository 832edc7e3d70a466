"""docker-compose.yml cannot run here (no Docker engine); at least keep it well-formed and in
step with the settings graphsvc reads."""

from __future__ import annotations

import yaml

from graphsvc.config import REPO_ROOT, Settings


def test_compose_file_wires_graphsvc_to_the_official_neo4j() -> None:
    compose = yaml.safe_load((REPO_ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    neo4j, api = compose["services"]["neo4j"], compose["services"]["graphsvc"]
    assert neo4j["image"].startswith("neo4j:5.26") and "community" in neo4j["image"]
    assert "healthcheck" in neo4j and "neo4j-data" in compose["volumes"]
    assert api["build"] == "."
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    environment = api["environment"]
    assert environment["NEO4J_URI"] == "bolt://neo4j:7687"
    # Every variable the compose file sets must be one graphsvc reads.
    read = {
        alias
        for field in Settings.model_fields.values()
        for alias in getattr(field.validation_alias, "choices", [])
    }
    # ... or one uvicorn reads (which proxy may set the forwarded scheme and client).
    assert set(environment) <= read | {"FORWARDED_ALLOW_IPS"}


def test_compose_file_runs_two_api_replicas_behind_a_proxy() -> None:
    compose = yaml.safe_load((REPO_ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    api, proxy = compose["services"]["graphsvc"], compose["services"]["proxy"]
    assert api["deploy"]["replicas"] == 2
    assert "ports" not in api, "only the proxy is published"
    assert proxy["image"].startswith("caddy:")
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"]
    caddyfile = (REPO_ROOT / "deploy" / "Caddyfile").read_text(encoding="utf-8")
    assert "name graphsvc" in caddyfile and "port 8000" in caddyfile


def test_dockerfile_serves_the_api() -> None:
    dockerfile = (REPO_ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "COPY cypher ./cypher" in dockerfile  # the queries are read from files at run time
    assert 'CMD ["graphsvc", "serve"]' in dockerfile
