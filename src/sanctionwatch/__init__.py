"""sanctionwatch: a workbench for monitoring UN sanctions."""

__version__ = "0.1.0"
