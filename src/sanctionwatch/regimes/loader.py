"""Load and validate the packaged regime files (``regimes/data/*.yaml``)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from sanctionwatch.regimes.schema import Regime


class RegimeError(ValueError):
    """A regime file is missing or does not match the schema."""


def parse_regime(text: str, origin: str = "<string>") -> Regime:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RegimeError(f"{origin}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise RegimeError(f"{origin}: expected a mapping with id, name, target, measures")
    try:
        return Regime.model_validate(raw)
    except ValueError as exc:
        raise RegimeError(f"{origin}: {exc}") from exc


@lru_cache(maxsize=1)
def load_regimes() -> dict[str, Regime]:
    """Every packaged regime by id, validated once and cached."""
    folder = resources.files("sanctionwatch.regimes").joinpath("data")
    out: dict[str, Regime] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith((".yaml", ".yml")):
            continue
        regime = parse_regime(entry.read_text(encoding="utf-8"), f"regimes/data/{entry.name}")
        if regime.id in out:
            raise RegimeError(f"two regime files define id {regime.id!r}")
        out[regime.id] = regime
    return out


def get_regime(regime_id: str) -> Regime:
    regimes = load_regimes()
    try:
        return regimes[regime_id]
    except KeyError:
        raise RegimeError(
            f"unknown regime {regime_id!r}; known: {', '.join(sorted(regimes))}"
        ) from None
