"""Validated reference data shipped with the package (gazetteers, item catalogue, ports)."""
