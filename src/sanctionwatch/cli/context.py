"""What every command shares: settings, the database engine, the acting user, output."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import click
from sqlalchemy import Engine

from sanctionwatch.config import ConfigError, Settings, load_settings


class UserError(click.ClickException):
    """An error the user can fix; printed as one clear line, exit status 2 by default."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code  # type: ignore[misc]


@dataclass
class AppContext:
    home: str | None = None
    database_url: str | None = None
    user: str | None = None
    _settings: Settings | None = field(default=None, init=False)
    _engine: Engine | None = field(default=None, init=False)

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            try:
                self._settings = load_settings(
                    home=self.home, database_url=self.database_url, user=self.user
                )
            except ConfigError as exc:
                raise UserError(str(exc)) from exc
        return self._settings

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from sanctionwatch.store.db import get_engine

            try:
                self._engine = get_engine(self.settings)
            except Exception as exc:  # connection refused, bad URL, …
                raise UserError(f"cannot open the database: {exc}") from exc
        return self._engine


pass_app = click.make_pass_decorator(AppContext)


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def emit_jsonl(rows: Iterable[Any]) -> None:
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False, default=str))
