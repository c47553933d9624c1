"""Protected reads over HTTP: evidence, incidents and findings for the token's user.

Every route resolves the bearer token to a principal (argon2-checked, expiring,
revocable) and reads through the access layer, exactly as the CLI does with ``--as``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from sanctionwatch.access.errors import AccessDenied, UnknownUser
from sanctionwatch.access.evidence import list_evidence, show_evidence
from sanctionwatch.access.findings import finding_listing, visible_finding
from sanctionwatch.access.incidents import visible_incidents
from sanctionwatch.access.policy import Principal
from sanctionwatch.access.users import principal_for_token
from sanctionwatch.api.deps import get_engine
from sanctionwatch.api.errors import register_error
from sanctionwatch.store.db import transaction

router = APIRouter(tags=["evidence"])


class Unauthenticated(AccessDenied):
    """No or an unusable bearer token (HTTP 401)."""


register_error(UnknownUser, 401)
register_error(Unauthenticated, 401)


def _session(engine: Annotated[Engine, Depends(get_engine)]) -> Iterator[Session]:
    with transaction(engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(_session)]


def _principal(session: SessionDep,
               authorization: Annotated[str | None, Header()] = None) -> Principal:
    if not authorization or not authorization.lower().startswith("bearer "):
        raise Unauthenticated("send an API token: 'Authorization: Bearer swt_…'")
    try:
        return principal_for_token(session, authorization[7:])
    except AccessDenied as exc:
        raise Unauthenticated(str(exc)) from None


Who = Annotated[Principal, Depends(_principal)]


def _ctx(kind: str) -> str:
    return f"api:{kind}:{uuid.uuid4().hex}"


@router.get("/evidence")
def get_evidence(session: SessionDep, who: Who, limit: int | None = None) -> list[dict[str, Any]]:
    return [v.as_dict() for v in list_evidence(session, who, context=_ctx("evidence"),
                                               limit=limit)]


@router.get("/evidence/{item_id}")
def get_evidence_item(item_id: str, session: SessionDep, who: Who) -> dict[str, Any]:
    return show_evidence(session, who, item_id, context=_ctx("evidence")).as_dict()


@router.get("/incidents")
def get_incidents(session: SessionDep, who: Who, type: str | None = None,
                  country: str | None = None) -> dict[str, Any]:
    listing = visible_incidents(session, who, context=_ctx("incidents"), type_=type,
                                country=country)
    return {"incidents": [{"id": v.id, "evidence": v.evidence_id, "originator": v.originator,
                           **v.incident.wire()} for v in listing.incidents],
            "withheld": listing.withheld}


@router.get("/findings")
def get_findings(session: SessionDep, who: Who) -> dict[str, Any]:
    listing = finding_listing(session, who, context=_ctx("findings"))
    return {"findings": [v.model_dump(mode="json") for v in listing.views],
            "withheld": listing.withheld}


@router.get("/findings/{finding_id}")
def get_finding(finding_id: str, session: SessionDep, who: Who) -> dict[str, Any]:
    return visible_finding(session, who, finding_id, context=_ctx("finding")).model_dump(
        mode="json")
