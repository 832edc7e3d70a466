"""Sign-in with the municipality's identity provider: a bearer JWT (from OIDC) checked against
the provider's published keys (JWKS), its issuer, audience and expiry, with the tenant and the
graphsvc role taken from claims named in the settings."""

from __future__ import annotations

import asyncio
from functools import lru_cache

import jwt

from graphsvc.auth.principal import Principal, Role
from graphsvc.config import Settings
from graphsvc.errors import InvalidInput
from graphsvc.tenants import resolve_tenant

__all__ = ["authenticate_jwt", "looks_like_jwt"]

_ALGORITHMS = ["RS256", "RS384", "RS512", "ES256", "ES384", "PS256"]


def looks_like_jwt(token: str) -> bool:
    return token.count(".") == 2 and token.startswith("eyJ")


@lru_cache(maxsize=4)
def _keys(jwks_url: str) -> jwt.PyJWKClient:
    # The client caches the provider's keys and fetches again only for an unknown key id.
    return jwt.PyJWKClient(jwks_url, cache_keys=True, lifespan=3600, timeout=5)


def _verify(settings: Settings, token: str) -> Principal | None:
    assert settings.oidc_jwks_url is not None
    try:
        key = _keys(settings.oidc_jwks_url).get_signing_key_from_jwt(token)
        claims = jwt.decode(
            token,
            key.key,
            algorithms=_ALGORITHMS,
            audience=settings.oidc_audience,
            issuer=settings.oidc_issuer,
            options={"require": ["exp"], "verify_aud": settings.oidc_audience is not None},
        )
    except jwt.PyJWTError:
        return None
    tenant = claims.get(settings.oidc_tenant_claim)
    name = claims.get(settings.oidc_name_claim) or claims.get("sub")
    try:
        role = Role(str(claims.get(settings.oidc_role_claim)))
    except ValueError:
        return None
    if not isinstance(tenant, str) or not isinstance(name, str):
        return None
    try:
        resolve_tenant(tenant)
    except InvalidInput:
        return None
    return Principal(name=name, role=role, tenant=tenant)


async def authenticate_jwt(settings: Settings, token: str) -> Principal | None:
    """The caller a JWT names, or None when it is not valid (or OIDC is not configured)."""
    if settings.oidc_jwks_url is None or not looks_like_jwt(token):
        return None
    # Fetching the keys is blocking I/O, done rarely; keep it off the event loop.
    return await asyncio.to_thread(_verify, settings, token)
