"""Dependencies shared by routers: the workspace engine and settings."""

from __future__ import annotations

from fastapi import Request
from sqlalchemy import Engine

from sanctionwatch.config import Settings


def get_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings
