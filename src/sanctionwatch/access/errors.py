"""Refusals of the access layer. Messages never name an originator."""

from __future__ import annotations


class AccessDenied(PermissionError):
    """The acting user may not do or see this (message safe to show to that user)."""


class UnknownUser(AccessDenied):
    """No such (active) user, or no user given for protected data."""
