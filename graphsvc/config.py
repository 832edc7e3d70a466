"""Settings, read once from the environment (and a ``.env`` file, if present).

Neo4j is reached through ``NEO4J_URI``; when it is unset graphsvc runs its own local Neo4j
(see ``graphsvc.local_neo4j``) on ``NEO4J_LOCAL_PORT`` with data in ``GRAPHSVC_DATA_DIR``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["IMPORT_MAX_BYTES", "REPO_ROOT", "Settings", "get_settings"]

REPO_ROOT = Path(__file__).resolve().parent.parent
# The largest spreadsheet an import takes by default: 25 MB, as people count megabytes.
IMPORT_MAX_BYTES = 25_000_000


def _env(name: str) -> AliasChoices:
    return AliasChoices(name)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    # An external Neo4j (a server, a cluster, Aura). Unset: the local one is used.
    neo4j_uri: str | None = Field(default=None, validation_alias=_env("NEO4J_URI"))
    neo4j_user: str = Field(default="neo4j", validation_alias=_env("NEO4J_USER"))
    # No default worth having: an external server has its own; the local one needs none.
    neo4j_password: SecretStr | None = Field(default=None, validation_alias=_env("NEO4J_PASSWORD"))
    neo4j_database: str = Field(default="neo4j", validation_alias=_env("NEO4J_DATABASE"))

    local_port: int = Field(default=7687, ge=1, le=65535, validation_alias=_env("NEO4J_LOCAL_PORT"))
    data_dir: Path = Field(default=REPO_ROOT / "var" / "neo4j", validation_alias=_env("GRAPHSVC_DATA_DIR"))
    local_heap: str = Field(default="1g", validation_alias=_env("NEO4J_LOCAL_HEAP"))
    local_pagecache_mb: int = Field(default=256, ge=16, validation_alias=_env("NEO4J_LOCAL_PAGECACHE_MB"))

    host: str = Field(default="127.0.0.1", validation_alias=_env("GRAPHSVC_HOST"))
    port: int = Field(default=8000, ge=1, le=65535, validation_alias=_env("GRAPHSVC_PORT"))
    default_tenant: str = Field(default="demo", validation_alias=_env("GRAPHSVC_DEFAULT_TENANT"))
    demo_size: str = Field(default="small", validation_alias=_env("GRAPHSVC_DEMO_SIZE"))
    # API worker processes; 0: one per core this process may use (graphsvc.api.workers).
    workers: int = Field(default=0, ge=0, le=64, validation_alias=_env("GRAPHSVC_WORKERS"))
    # How long one request may take before it is answered with a refusal instead (seconds).
    request_time_budget: float = Field(
        default=60.0, gt=0, le=3600, validation_alias=_env("GRAPHSVC_REQUEST_TIME_BUDGET")
    )
    # Answers to repeated reads, kept per worker until the tenant's data change (megabytes).
    response_cache_mb: int = Field(default=64, ge=0, validation_alias=_env("GRAPHSVC_RESPONSE_CACHE_MB"))

    # Limits on what one GraphQL request may ask for.
    max_query_depth: int = Field(default=12, ge=2, validation_alias=_env("GRAPHSVC_MAX_QUERY_DEPTH"))
    max_aliases: int = Field(default=20, ge=1, validation_alias=_env("GRAPHSVC_MAX_ALIASES"))
    max_tokens: int = Field(default=3000, ge=100, validation_alias=_env("GRAPHSVC_MAX_TOKENS"))
    # Fields a request may resolve, estimated with fragments expanded (graphsvc.schema.cost).
    max_query_cost: int = Field(default=100_000, ge=1_000, validation_alias=_env("GRAPHSVC_MAX_QUERY_COST"))
    max_page_size: int = Field(default=100, ge=1, le=100, validation_alias=_env("GRAPHSVC_MAX_PAGE_SIZE"))
    max_neighbourhood_depth: int = Field(
        default=3, ge=1, le=3, validation_alias=_env("GRAPHSVC_MAX_NEIGHBOURHOOD_DEPTH")
    )
    max_neighbourhood_nodes: int = Field(
        default=2000, ge=1, le=10_000, validation_alias=_env("GRAPHSVC_MAX_NEIGHBOURHOOD_NODES")
    )
    # The largest spreadsheet (CSV or XLSX) an import takes; a municipality's lists are far
    # smaller. Larger files are refused with a message before they are parsed.
    import_max_bytes: int = Field(
        default=IMPORT_MAX_BYTES, ge=1024, validation_alias=_env("GRAPHSVC_IMPORT_MAX_BYTES")
    )

    # The largest request body other than a file upload (GraphQL requests are a few kilobytes).
    max_request_bytes: int = Field(
        default=256 * 1024, ge=1024, validation_alias=_env("GRAPHSVC_MAX_REQUEST_BYTES")
    )

    # Sign-in through the municipality's identity provider (OIDC): bearer JWTs signed by a key
    # from the JWKS address, with the tenant and role in claims. Unset: graphsvc tokens only.
    oidc_jwks_url: str | None = Field(default=None, validation_alias=_env("GRAPHSVC_OIDC_JWKS_URL"))
    oidc_issuer: str | None = Field(default=None, validation_alias=_env("GRAPHSVC_OIDC_ISSUER"))
    oidc_audience: str | None = Field(default=None, validation_alias=_env("GRAPHSVC_OIDC_AUDIENCE"))
    oidc_tenant_claim: str = Field(
        default="graphsvc_tenant", validation_alias=_env("GRAPHSVC_OIDC_TENANT_CLAIM")
    )
    oidc_role_claim: str = Field(default="graphsvc_role", validation_alias=_env("GRAPHSVC_OIDC_ROLE_CLAIM"))
    oidc_name_claim: str = Field(
        default="preferred_username", validation_alias=_env("GRAPHSVC_OIDC_NAME_CLAIM")
    )

    @property
    def uses_local_neo4j(self) -> bool:
        return not self.neo4j_uri

    @property
    def bolt_uri(self) -> str:
        return self.neo4j_uri or f"bolt://127.0.0.1:{self.local_port}"

    @property
    def auth(self) -> tuple[str, str] | None:
        if self.neo4j_password is None or not self.neo4j_password.get_secret_value():
            return None
        return (self.neo4j_user, self.neo4j_password.get_secret_value())


@lru_cache
def get_settings() -> Settings:
    return Settings()
