"""Sanctions regimes as data (``data/*.yaml``) plus the rule engine and caps accounting."""
