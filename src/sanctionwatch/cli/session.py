"""Running a unit of work as the acting user, with refusals turned into clear errors."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from sanctionwatch.access.errors import AccessDenied
from sanctionwatch.access.policy import Principal
from sanctionwatch.access.users import principal_for
from sanctionwatch.cli.context import AppContext, UserError
from sanctionwatch.store.db import transaction


@contextmanager
def acting(app: AppContext) -> Iterator[tuple[Session, Principal]]:
    """A transaction plus the acting user's principal (refused if unknown)."""
    try:
        with transaction(app.engine) as session:
            principal = principal_for(session, app.settings.user)
            yield session, principal
    except AccessDenied as exc:
        raise UserError(f"access denied: {exc}", exit_code=3) from None
    except (LookupError, ValueError) as exc:
        raise UserError(str(exc)) from None


@contextmanager
def unit(app: AppContext) -> Iterator[Session]:
    try:
        with transaction(app.engine) as session:
            yield session
    except AccessDenied as exc:
        raise UserError(f"access denied: {exc}", exit_code=3) from None
    except (LookupError, ValueError) as exc:
        raise UserError(str(exc)) from None


def listing_context(kind: str) -> str:
    """A fresh pseudonym context: letters are consistent within one listing only."""
    return f"{kind}:{uuid.uuid4().hex}"
