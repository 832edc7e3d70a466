"""One-time sign-in links: how an admin lets a new person in without handing over a token.

* An admin invites a person (a name and a role) or makes a new link for an existing user. The
  link carries a random token (256 bits, ``gsi_…``) that is stored only as its SHA-256 and
  shown once. It expires after a few days (7 unless told), and a newer link for the same user
  replaces an unused older one.
* The first use of a link signs the person in: the link is marked used and the user gets a
  personal key (a bearer token) in the same transaction. Any later use, an expired link and a
  revoked one are refused and write nothing. The link is locked before it is read, so two uses
  at the same moment cannot both succeed.
* Taking a user's access away revokes their tokens and their unused links together.

The e-mail that carries the link is a plain-text channel kept in mailboxes for years; what it
holds is worthless once used or after a week, unlike a token.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from neo4j import AsyncManagedTransaction

from graphsvc import audit
from graphsvc.auth.last_admin import keeping_an_admin
from graphsvc.auth.principal import Principal, Role
from graphsvc.auth.tokens import INVITATION_PREFIX, TOKEN_PREFIX, hash_token, new_secret, token_id
from graphsvc.auth.users import audit_user, check_name, checked_role
from graphsvc.db.driver import GraphStore, run
from graphsvc.errors import Duplicate, InvalidInput, NotFound

__all__ = [
    "DEFAULT_DAYS",
    "MAX_DAYS",
    "AccessRevoked",
    "InvitationRefused",
    "NewInvitation",
    "Welcome",
    "invite_user",
    "new_link",
    "revoke_access",
    "use_invitation",
]

DEFAULT_DAYS = 7
MAX_DAYS = 30
PERSONAL_KEY = "personal key (from a sign-in link)"


@dataclass(frozen=True)
class NewInvitation:
    """A link as made: ``token`` goes into the link, is shown once and never stored."""

    user: str
    role: Role
    token: str
    expires_at: datetime


@dataclass(frozen=True)
class Welcome:
    """A link's first use: who was signed in, and their personal key (shown once)."""

    principal: Principal
    key: str


@dataclass(frozen=True)
class AccessRevoked:
    user: str
    tokens: int
    links: int


class InvitationRefused(NotFound):
    """A link that does not sign anyone in. ``reason`` is ``unknown``, ``used``, ``expired``
    or ``revoked``; ``used_at`` says when a used one was used."""

    def __init__(self, message: str, reason: str, used_at: datetime | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.used_at = used_at


def _native(value: Any) -> Any:
    return value.to_native() if hasattr(value, "to_native") else value


def _check_days(days: int) -> int:
    if not 1 <= days <= MAX_DAYS:
        raise InvalidInput(f"expiresInDays: a sign-in link lasts 1 to {MAX_DAYS} days, not {days}")
    return days


async def _create_link(
    tx: AsyncManagedTransaction, tenant: str, name: str, created_by: str, days: int
) -> tuple[str, str, list[Any]]:
    """A new link for ``name`` inside ``tx``: its token, its id and the query's row (empty: no
    such user)."""
    token = new_secret(INVITATION_PREFIX)
    hashed = hash_token(token)
    link_id = token_id(hashed)
    records = await run(
        tx,
        "auth/create_invitation",
        tenant=tenant,
        user=name,
        id=link_id,
        hash=hashed,
        created_by=created_by,
        expires_at=datetime.now(UTC) + timedelta(days=days),
    )
    return token, link_id, records


async def invite_user(
    store: GraphStore, tenant: str, name: str, role: str | Role, *, created_by: str, days: int = DEFAULT_DAYS
) -> NewInvitation:
    """A new user with ``role`` and a one-time sign-in link for them, in one transaction."""
    new_role = checked_role(role)
    check_name(name)
    _check_days(days)

    async def work(tx: AsyncManagedTransaction) -> NewInvitation:
        await run(tx, "auth/create_user", tenant=tenant, user=name, role=new_role.value)
        token, link_id, records = await _create_link(tx, tenant, name, created_by, days)
        expires = _native(records[0]["expires_at"])
        after = {"name": name, "role": new_role.value, "link": link_id, "expires_at": expires.isoformat()}
        await audit_user(tx, tenant, "invite user", name, after=after)
        return NewInvitation(user=name, role=new_role, token=token, expires_at=expires)

    try:
        return await store.write(work)
    except Duplicate:
        raise Duplicate(f"there is already a user called {name!r} in tenant {tenant!r}") from None


async def new_link(
    store: GraphStore, tenant: str, name: str, *, created_by: str, days: int = DEFAULT_DAYS
) -> NewInvitation:
    """Another sign-in link for an existing user (theirs expired, or they lost their key); an
    unused earlier link stops working."""
    _check_days(days)

    async def work(tx: AsyncManagedTransaction) -> NewInvitation:
        token, link_id, records = await _create_link(tx, tenant, name, created_by, days)
        if not records:
            raise NotFound(f"there is no user called {name!r} in tenant {tenant!r}")
        found = records[0]
        expires = _native(found["expires_at"])
        after = {"link": link_id, "expires_at": expires.isoformat(), "replaced": int(found["replaced"])}
        await audit_user(tx, tenant, "new sign-in link", name, after=after)
        return NewInvitation(user=name, role=Role(found["role"]), token=token, expires_at=expires)

    return await store.write(work)


def _refusal(found: Any) -> InvitationRefused | None:
    """Why a locked link cannot be used, or None when it can."""
    if found["used_at"] is not None:
        return InvitationRefused("this sign-in link has been used already", "used", _native(found["used_at"]))
    if found["revoked_at"] is not None or found["role"] is None:
        return InvitationRefused("this sign-in link has been revoked", "revoked")
    if _native(found["expires_at"]) <= _native(found["now"]):
        return InvitationRefused("this sign-in link has expired", "expired")
    return None


async def use_invitation(store: GraphStore, token: str) -> Welcome:
    """Sign in with a link, once. :class:`InvitationRefused` says why not; then nothing was
    written."""
    if not token.startswith(INVITATION_PREFIX) or len(token) > 100:
        raise InvitationRefused("there is no such sign-in link", "unknown")

    async def work(tx: AsyncManagedTransaction) -> Welcome:
        records = await run(tx, "auth/lock_invitation", hash=hash_token(token))
        if not records:
            raise InvitationRefused("there is no such sign-in link", "unknown")
        found = records[0]
        refused = _refusal(found)
        if refused is not None:
            raise refused
        tenant, user, role = found["tenant"], found["user"], Role(found["role"])
        await run(tx, "auth/use_invitation", tenant=tenant, id=found["id"])
        key = new_secret(TOKEN_PREFIX)
        hashed = hash_token(key)
        await run(
            tx,
            "auth/add_token",
            tenant=tenant,
            user=user,
            hash=hashed,
            token_id=token_id(hashed),
            label=PERSONAL_KEY,
            expires_at=None,
        )
        with audit.acting_as(f"{user} ({role.value})"):
            after = {"link": found["id"], "token_id": token_id(hashed)}
            await audit_user(tx, tenant, "use sign-in link", user, after=after)
        return Welcome(principal=Principal(name=user, role=role, tenant=tenant), key=key)

    return await store.write(work)


async def revoke_access(store: GraphStore, tenant: str, name: str) -> AccessRevoked:
    """Every token and unused sign-in link of a user stops working at once; the user stays
    listed (with their role) and can be given a new link."""

    async def revoke(tx: AsyncManagedTransaction) -> AccessRevoked:
        tokens = await run(tx, "auth/revoke_tokens", tenant=tenant, user=name, token_id=None, label=None)
        links = await run(tx, "auth/revoke_invitations", tenant=tenant, user=name)
        return AccessRevoked(user=name, tokens=int(tokens[0]["revoked"]), links=int(links[0]["revoked"]))

    async def work(tx: AsyncManagedTransaction) -> AccessRevoked:
        if not await run(tx, "auth/user_role", tenant=tenant, user=name):
            raise NotFound(f"there is no user called {name!r} in tenant {tenant!r}")
        done = await keeping_an_admin(tx, tenant, f"taking away the access of {name}", lambda: revoke(tx))
        await audit_user(
            tx, tenant, "revoke access", name, after={"tokens": done.tokens, "links": done.links}
        )
        return done

    return await store.write(work)
