"""Enforcement at the point of reading: protected tables are read only inside the
access layer.

A session-level hook inspects every ORM SELECT. If it touches a protected table and
the code is not inside :func:`access_scope` (used by this package's read functions)
or :func:`system_scope` (integrity and write paths that never show content, each with
a stated reason), it raises :class:`ProtectedReadError`. So a new code path that reads
evidence around the access layer fails loudly — in tests first.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session

PROTECTED_TABLES: set[str] = {"evidence_item", "intake_record", "incident"}

_scope: ContextVar[str | None] = ContextVar("sanctionwatch_access_scope", default=None)


class ProtectedReadError(PermissionError):
    """Protected data was read outside the access layer."""


def protect_table(name: str) -> None:
    """Areas with protected tables (findings, report content) register them here."""
    PROTECTED_TABLES.add(name)


@contextmanager
def access_scope(label: str) -> Iterator[None]:
    token = _scope.set(f"access:{label}")
    try:
        yield
    finally:
        _scope.reset(token)


@contextmanager
def system_scope(reason: str) -> Iterator[None]:
    """For code that must read protected rows without showing them to anyone
    (duplicate check at intake, integrity verification, derived-record writers)."""
    if not reason:
        raise ValueError("system_scope needs a reason")
    token = _scope.set(f"system:{reason}")
    try:
        yield
    finally:
        _scope.reset(token)


def current_scope() -> str | None:
    return _scope.get()


def _tables_of(state: ORMExecuteState) -> set[str]:
    names: set[str] = set()
    for mapper in state.all_mappers:
        for table in mapper.tables:
            names.add(str(getattr(table, "name", "")))
    if not names:  # a select over plain tables/columns: inspect its FROM list
        stmt: Any = state.statement
        for from_ in getattr(stmt, "get_final_froms", lambda: [])():
            for t in getattr(from_, "_from_objects", [from_]):
                if getattr(t, "name", None):
                    names.add(t.name)
    return names


@event.listens_for(Session, "do_orm_execute")
def _check_read(state: ORMExecuteState) -> None:
    if not state.is_select or _scope.get() is not None:
        return
    touched = _tables_of(state) & PROTECTED_TABLES
    if touched:
        raise ProtectedReadError(
            f"read of protected table(s) {', '.join(sorted(touched))} outside the access "
            "layer; use sanctionwatch.access"
        )
