"""Users of a tenant and their bearer tokens, kept in Neo4j (tokens as hashes only)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from neo4j import AsyncManagedTransaction

from graphsvc import audit
from graphsvc.auth.last_admin import keeping_an_admin
from graphsvc.auth.principal import Principal, Role
from graphsvc.auth.tokens import TOKEN_PREFIX, hash_token, new_secret, token_id
from graphsvc.db.driver import GraphStore, run
from graphsvc.errors import Duplicate, InvalidInput, NotFound

__all__ = [
    "InvitationInfo",
    "IssuedToken",
    "TokenInfo",
    "User",
    "add_user",
    "audit_user",
    "authenticate",
    "check_name",
    "checked_role",
    "issue_token",
    "list_users",
    "remove_user",
    "revoke_tokens",
    "set_role",
]

# A person's name may be given as it is spoken ("Mette Jensen"): words joined by single spaces.
_NAME = re.compile(r"^(?=.{1,80}$)[\w.@+-]+(?: [\w.@+-]+)*$")


@dataclass(frozen=True)
class TokenInfo:
    token_id: str
    label: str | None
    created_at: datetime | None
    expires_at: datetime | None
    last_used_at: datetime | None = None


@dataclass(frozen=True)
class InvitationInfo:
    """A user's latest one-time sign-in link (never its token)."""

    created_at: datetime | None
    expires_at: datetime | None
    used_at: datetime | None
    revoked_at: datetime | None


@dataclass(frozen=True)
class User:
    name: str
    role: Role
    tenant: str
    created_at: datetime | None
    tokens: tuple[TokenInfo, ...] = ()
    last_used_at: datetime | None = None  # noted at most once a minute
    invitation: InvitationInfo | None = None


@dataclass(frozen=True)
class IssuedToken:
    """A token as made: ``secret`` is shown to the person once and never stored."""

    user: str
    secret: str
    token_id: str
    expires_at: datetime | None


def check_name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise InvalidInput(
            f"{name[:80]!r} is not a user name: use 1-80 letters, digits, single spaces and . @ + - _"
        )
    return name


def checked_role(value: str | Role) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise InvalidInput(f"{str(value)[:30]!r} is not a role: use viewer, coordinator or admin") from None


def _native(value: Any) -> Any:
    return value.to_native() if hasattr(value, "to_native") else value


def _invitation(found: dict[str, Any] | None) -> InvitationInfo | None:
    if found is None:
        return None
    return InvitationInfo(
        created_at=_native(found["created_at"]),
        expires_at=_native(found["expires_at"]),
        used_at=_native(found["used_at"]),
        revoked_at=_native(found["revoked_at"]),
    )


def _check_days(expires_in_days: int | None) -> None:
    if expires_in_days is not None and not 1 <= expires_in_days <= 3650:
        raise InvalidInput("a token lasts 1 to 3650 days")


def _new_token(expires_in_days: int | None) -> tuple[str, str, datetime | None]:
    """A fresh secret, its hash and when it expires."""
    secret = new_secret(TOKEN_PREFIX)
    expires = (datetime.now(UTC) + timedelta(days=expires_in_days)) if expires_in_days else None
    return secret, hash_token(secret), expires


async def add_user(
    store: GraphStore,
    tenant: str,
    name: str,
    role: str | Role,
    *,
    label: str = "first token",
    expires_in_days: int | None = None,
) -> IssuedToken:
    """A new user with a first token, both in one transaction: every value is checked first,
    and a user is never left without the token that was to be shown."""
    new_role = checked_role(role)
    check_name(name)
    _check_days(expires_in_days)
    secret, hashed, expires = _new_token(expires_in_days)

    async def work(tx: AsyncManagedTransaction) -> None:
        await run(tx, "auth/create_user", tenant=tenant, user=name, role=new_role.value)
        await run(
            tx,
            "auth/add_token",
            tenant=tenant,
            user=name,
            hash=hashed,
            token_id=token_id(hashed),
            label=label[:80],
            expires_at=expires,
        )
        await audit_user(
            tx,
            tenant,
            "add user",
            name,
            after={"name": name, "role": new_role.value, **_token(hashed, label, expires)},
        )

    try:
        await store.write(work)
    except Duplicate:
        raise Duplicate(f"there is already a user called {name!r} in tenant {tenant!r}") from None
    return IssuedToken(user=name, secret=secret, token_id=token_id(hashed), expires_at=expires)


async def issue_token(
    store: GraphStore,
    tenant: str,
    name: str,
    *,
    label: str = "token",
    expires_in_days: int | None = None,
    replace_label: bool = False,
) -> IssuedToken:
    """Another token for an existing user. ``replace_label`` revokes the user's earlier tokens
    with the same label in the same transaction (a sign-in link made afresh at every start)."""
    _check_days(expires_in_days)
    secret, hashed, expires = _new_token(expires_in_days)

    async def work(tx: AsyncManagedTransaction) -> bool:
        if replace_label:
            await run(tx, "auth/revoke_tokens", tenant=tenant, user=name, token_id=None, label=label)
        if not await run(
            tx,
            "auth/add_token",
            tenant=tenant,
            user=name,
            hash=hashed,
            token_id=token_id(hashed),
            label=label[:80],
            expires_at=expires,
        ):
            return False
        await audit_user(tx, tenant, "issue token", name, after=_token(hashed, label, expires))
        return True

    if not await store.write(work):
        raise NotFound(f"there is no user called {name!r} in tenant {tenant!r}")
    return IssuedToken(user=name, secret=secret, token_id=token_id(hashed), expires_at=expires)


async def authenticate(store: GraphStore, secret: str) -> Principal | None:
    """The user a bearer token belongs to, if it is live (not revoked, not expired)."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        return None
    # A write: the token's last use is noted at most once a minute (see the query).
    records = await store.query("auth/find_token", write=True, hash=hash_token(secret))
    if not records:
        return None
    r = records[0]
    return Principal(name=r["name"], role=Role(r["role"]), tenant=r["tenant"])


async def list_users(store: GraphStore, tenant: str) -> list[User]:
    records = await store.query("auth/list_users", tenant=tenant)
    return [
        User(
            name=r["name"],
            role=Role(r["role"]),
            tenant=tenant,
            created_at=_native(r["created_at"]),
            tokens=tuple(
                TokenInfo(
                    t["token_id"],
                    t["label"],
                    _native(t["created_at"]),
                    _native(t["expires_at"]),
                    _native(t["last_used_at"]),
                )
                for t in r["tokens"]
            ),
            last_used_at=_native(r["last_used_at"]),
            invitation=_invitation(r["invitation"]),
        )
        for r in records
    ]


async def revoke_tokens(
    store: GraphStore, tenant: str, *, name: str | None = None, token: str | None = None
) -> int:
    """Revoke every token of a user, or one token by its id; returns how many."""
    if name is None and token is None:
        raise InvalidInput("say whose tokens to revoke, or which token")

    async def revoke(tx: AsyncManagedTransaction) -> int:
        records = await run(tx, "auth/revoke_tokens", tenant=tenant, user=name, token_id=token, label=None)
        return int(records[0]["revoked"])

    async def work(tx: AsyncManagedTransaction) -> int:
        what = f"revoking the tokens of {name}" if name else f"revoking token {token}"
        revoked = await keeping_an_admin(tx, tenant, what, lambda: revoke(tx))
        if revoked:
            await audit_user(
                tx,
                tenant,
                "revoke tokens",
                name or f"token {token}",
                after={"revoked": revoked, "token_id": token},
            )
        return revoked

    revoked = await store.write(work)
    if revoked == 0:
        what = f"token {token!r}" if token else f"user {name!r}"
        raise NotFound(f"{what} has no live token in tenant {tenant!r}")
    return revoked


async def set_role(store: GraphStore, tenant: str, name: str, role: str | Role) -> None:
    checked = checked_role(role).value

    async def work(tx: AsyncManagedTransaction) -> bool:
        records = await keeping_an_admin(
            tx,
            tenant,
            f"making {name} a {checked}",
            lambda: run(tx, "auth/set_role", tenant=tenant, user=name, role=checked),
        )
        if records:
            await audit_user(
                tx,
                tenant,
                "set user role",
                name,
                before={"role": records[0]["before"]},
                after={"role": checked},
            )
        return bool(records)

    if not await store.write(work):
        raise NotFound(f"there is no user called {name!r} in tenant {tenant!r}")


async def remove_user(store: GraphStore, tenant: str, name: str) -> None:
    """Remove a user with their tokens and sign-in links."""

    async def work(tx: AsyncManagedTransaction) -> bool:
        records = await keeping_an_admin(
            tx, tenant, f"removing {name}", lambda: run(tx, "auth/remove_user", tenant=tenant, user=name)
        )
        if records:
            await audit_user(tx, tenant, "remove user", name, before={"name": name})
        return bool(records)

    if not await store.write(work):
        raise NotFound(f"there is no user called {name!r} in tenant {tenant!r}")


def _token(hashed: str, label: str, expires: datetime | None) -> dict[str, Any]:
    """What the audit log keeps of a token: never the secret, nor its hash."""
    return {
        "token_id": token_id(hashed),
        "label": label[:80],
        "expires_at": expires.isoformat() if expires else None,
    }


async def audit_user(
    tx: AsyncManagedTransaction,
    tenant: str,
    action: str,
    user: str,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    # "user:" keeps a user's name apart from node ids, which an erasure looks for.
    await audit.record(
        tx, tenant, action, f"user {user}", subjects=[f"user:{user}"], before=before, after=after
    )
