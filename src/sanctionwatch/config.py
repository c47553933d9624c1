"""Settings: one frozen object built from defaults, environment variables and flags.

Every setting has an environment variable ``SANCTIONWATCH_<NAME>``; command-line flags
override the environment. Nothing deep inside the core reads the environment: the
settings object is passed explicitly.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from platformdirs import user_data_dir

ENV_PREFIX = "SANCTIONWATCH_"


class ConfigError(ValueError):
    """A setting has a value that cannot be used."""


@dataclass(frozen=True)
class Settings:
    """All runtime settings of sanctionwatch."""

    home: Path
    database_url: str
    user: str | None = None
    max_file_bytes: int = 50 * 1024 * 1024
    max_text_chars: int = 20_000_000
    max_nesting: int = 64
    max_xml_bytes: int = 200 * 1024 * 1024
    progress: bool = True
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def blob_dir(self) -> Path:
        return self.home / "blobs"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def with_overrides(self, **kwargs: object) -> Settings:
        clean = {k: v for k, v in kwargs.items() if v is not None}
        return replace(self, **clean)  # type: ignore[arg-type]


def default_home() -> Path:
    return Path(user_data_dir("sanctionwatch", appauthor=False))


def _int_env(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(ENV_PREFIX + name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ConfigError(f"{ENV_PREFIX}{name} must be an integer, got {raw!r}") from exc
    if value <= 0:
        raise ConfigError(f"{ENV_PREFIX}{name} must be positive, got {value}")
    return value


def load_settings(
    env: Mapping[str, str] | None = None,
    *,
    home: str | Path | None = None,
    database_url: str | None = None,
    user: str | None = None,
) -> Settings:
    """Build settings from ``env`` (default: the process environment) and explicit flags."""
    env = os.environ if env is None else env
    home_path = Path(home or env.get(ENV_PREFIX + "HOME") or default_home()).expanduser()
    db_url = database_url or env.get(ENV_PREFIX + "DATABASE_URL") or ""
    if not db_url:
        db_url = f"sqlite:///{(home_path / 'sanctionwatch.db').resolve()}"
    if not (db_url.startswith("sqlite") or db_url.startswith("postgresql")):
        raise ConfigError(
            f"{ENV_PREFIX}DATABASE_URL must be a sqlite:/// or postgresql:// URL, got {db_url!r}"
        )
    return Settings(
        home=home_path.resolve(),
        database_url=db_url,
        user=user or env.get(ENV_PREFIX + "USER") or None,
        max_file_bytes=_int_env(env, "MAX_FILE_BYTES", 50 * 1024 * 1024),
        max_text_chars=_int_env(env, "MAX_TEXT_CHARS", 20_000_000),
        max_nesting=_int_env(env, "MAX_NESTING", 64),
        max_xml_bytes=_int_env(env, "MAX_XML_BYTES", 200 * 1024 * 1024),
        progress=env.get(ENV_PREFIX + "PROGRESS", "1") not in ("0", "false", "no"),
    )
