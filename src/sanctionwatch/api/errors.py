"""Domain errors → HTTP status codes, for every router of the app.

Areas raise their own exceptions in the core; the app maps them here by class (the most
specific registered class wins), so no router needs try/except boilerplate.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

# (exception class, status). Checked in order; subclasses must come before their bases.
ERROR_STATUS: list[tuple[type[Exception], int]] = []


def register_error(exc_type: type[Exception], status: int) -> None:
    """Map a domain exception class to an HTTP status (routers call this at import)."""
    ERROR_STATUS.insert(0, (exc_type, status))


_DEFAULTS: list[bool] = []


def _defaults() -> None:
    """The general mappings, registered once, behind every area's specific ones."""
    if _DEFAULTS:
        return
    _DEFAULTS.append(True)
    from sanctionwatch.config import ConfigError
    from sanctionwatch.lists.errors import ListError, ListNotFound

    # most specific first: the first class an exception is an instance of wins
    for exc_type, status in ((ListNotFound, 404), (ListError, 400), (ConfigError, 500),
                             (PermissionError, 403), (LookupError, 404), (ValueError, 400)):
        ERROR_STATUS.append((exc_type, status))


def status_for(exc: BaseException) -> int | None:
    for exc_type, status in ERROR_STATUS:
        if isinstance(exc, exc_type):
            return status
    return None


def install(app: FastAPI) -> None:
    _defaults()

    async def handler(request: Request, exc: Exception) -> JSONResponse:
        status = status_for(exc)
        if status is None:
            raise exc
        return JSONResponse({"detail": str(exc)}, status_code=status)

    for exc_type, _ in list(ERROR_STATUS):
        app.add_exception_handler(exc_type, handler)
