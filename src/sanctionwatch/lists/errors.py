"""Errors of the lists area: each names the problem in one line."""

from __future__ import annotations


class ListError(ValueError):
    """A list file or request cannot be used (malformed, too large, unknown dataset…)."""


class ListNotFound(ListError):
    """A dataset or list version does not exist."""
