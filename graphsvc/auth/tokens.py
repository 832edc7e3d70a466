"""Secrets handed to people: bearer tokens and share-link tokens.

A token carries 256 random bits, so a plain SHA-256 of it is enough to store (no salt or slow
hash needed: there is no dictionary to guess from); only the hash is kept, and a token is shown
once, when it is made. The prefix tells a reader what a leaked string is.
"""

from __future__ import annotations

import hashlib
import secrets

__all__ = ["INVITATION_PREFIX", "SHARE_PREFIX", "TOKEN_PREFIX", "hash_token", "new_secret", "token_id"]

TOKEN_PREFIX = "gs_"
SHARE_PREFIX = "gsv_"
INVITATION_PREFIX = "gsi_"  # a one-time sign-in link: never accepted as a bearer token


def new_secret(prefix: str = TOKEN_PREFIX) -> str:
    return prefix + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_id(token_hash: str) -> str:
    """A short public name for a token (to list and revoke it) that does not reveal it."""
    return token_hash[:12]
