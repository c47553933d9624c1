"""Errors raised for input that cannot be taken in."""

from __future__ import annotations


class IngestError(ValueError):
    """A file that cannot be ingested; the message names the file and the problem."""
