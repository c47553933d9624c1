"""Member states, users and API tokens; resolving the acting user."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from sanctionwatch.access.errors import AccessDenied, UnknownUser
from sanctionwatch.access.models import ApiToken, MemberState, User
from sanctionwatch.access.policy import ROLES, SECRETARIAT_ROLES, Principal
from sanctionwatch.ingest.originators import iso_country_codes
from sanctionwatch.ledger.append import append
from sanctionwatch.timeutil import now_utc, utc

_hasher = PasswordHasher()
TOKEN_PREFIX = "swt"


def add_state(session: Session, code: str, name: str | None = None) -> MemberState:
    code = code.strip().upper()
    if code not in iso_country_codes():
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 country code")
    if session.get(MemberState, code) is not None:
        raise ValueError(f"member state {code} already exists")
    state = MemberState(code=code, name=name or code, created_at=now_utc())
    session.add(state)
    append(session, "access.state_added", {"state": code}, subject=f"state:{code}")
    return state


def list_states(session: Session) -> list[MemberState]:
    return list(session.execute(select(MemberState).order_by(MemberState.code)).scalars())


def add_user(session: Session, name: str, role: str, state: str | None = None) -> User:
    name = name.strip()
    if not name or len(name) > 100:
        raise ValueError("a user name has 1–100 characters")
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; roles: {', '.join(ROLES)}")
    code = state.strip().upper() if state else None
    if role in SECRETARIAT_ROLES and code:
        raise ValueError(f"a {role} belongs to the secretariat, not to a member state")
    if role == "liaison" and not code:
        raise ValueError("a liaison needs --state (the member state it represents)")
    if code and session.get(MemberState, code) is None:
        raise ValueError(f"unknown member state {code}; add it with `states add {code}`")
    if session.get(User, name) is not None:
        raise ValueError(f"user {name!r} already exists")
    user = User(name=name, role=role, state=code, active=True, created_at=now_utc())
    session.add(user)
    append(session, "access.user_added", {"user": name, "role": role}, subject=f"user:{name}")
    return user


def list_users(session: Session) -> list[User]:
    return list(session.execute(select(User).order_by(User.name)).scalars())


def principal_for(session: Session, name: str | None) -> Principal:
    """The acting user's principal; refuses without leaking which users exist."""
    if not name:
        raise UnknownUser(
            "protected data needs an acting user: pass --as USER or set SANCTIONWATCH_USER"
        )
    user = session.get(User, name)
    if user is None or not user.active:
        raise UnknownUser("unknown or inactive user")
    return Principal(user.name, user.role, user.state)


def issue_token(session: Session, name: str, *, days: int = 90) -> str:
    """A new API token for ``name``; only its argon2 hash is stored."""
    if session.get(User, name) is None:
        raise ValueError(f"unknown user {name!r}")
    if days <= 0 or days > 3650:
        raise ValueError("token lifetime must be 1–3650 days")
    token_id = secrets.token_hex(8)
    secret = secrets.token_urlsafe(32)
    now = now_utc()
    session.add(ApiToken(id=token_id, user=name, secret_hash=_hasher.hash(secret),
                         created_at=now, expires_at=now + timedelta(days=days)))
    append(session, "access.token_issued", {"user": name, "token": token_id},
           subject=f"user:{name}")
    return f"{TOKEN_PREFIX}_{token_id}_{secret}"


def revoke_token(session: Session, token_id: str) -> None:
    row = session.get(ApiToken, token_id)
    if row is None:
        raise ValueError(f"unknown token {token_id!r}")
    row.revoked_at = now_utc()
    append(session, "access.token_revoked", {"token": token_id}, subject=f"user:{row.user}")


def principal_for_token(session: Session, token: str, *, at: datetime | None = None) -> Principal:
    """Check an API token; every failure gives the same refusal."""
    refusal = AccessDenied("invalid, expired or revoked token")
    parts = token.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX:
        raise refusal
    row = session.get(ApiToken, parts[1])
    if row is None or row.revoked_at is not None:
        raise refusal
    if utc(row.expires_at) <= (at or now_utc()):
        raise refusal
    try:
        _hasher.verify(row.secret_hash, parts[2])
    except (VerificationError, InvalidHashError):
        raise refusal from None
    user = session.get(User, row.user)
    if user is None or not user.active:
        raise refusal
    return Principal(user.name, user.role, user.state)
