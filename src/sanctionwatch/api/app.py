"""The FastAPI application factory. Routers are listed per area in ``ROUTERS``."""

from __future__ import annotations

import importlib

from fastapi import FastAPI

from sanctionwatch import __version__
from sanctionwatch.api import errors
from sanctionwatch.config import Settings

# Each area exposes ``router`` (an APIRouter) in its module; add one line per area.
ROUTERS: tuple[str, ...] = (
    "sanctionwatch.api.screening",
    "sanctionwatch.api.protected",
)


def create_app(settings: Settings) -> FastAPI:
    """Build the app for one workspace. State lives on ``app.state`` (settings, engine)."""
    from sanctionwatch.store.db import get_engine

    app = FastAPI(title="sanctionwatch", version=__version__)
    app.state.settings = settings
    app.state.engine = get_engine(settings)
    for name in ROUTERS:
        app.include_router(importlib.import_module(name).router)
    errors.install(app)

    @app.get("/healthz", tags=["system"])
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app
