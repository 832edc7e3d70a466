"""Authentication and roles: bearer tokens issued by the CLI, one-time sign-in links, optional
OIDC/JWT, share links."""

from graphsvc.auth.principal import Principal, Role

__all__ = ["Principal", "Role"]
