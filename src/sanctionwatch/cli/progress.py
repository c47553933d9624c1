"""Rich progress bars for work that can take more than a second."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


@contextmanager
def progress_over(enabled: bool, total: int, label: str) -> Iterator[Callable[[Any], None]]:
    """Yields a callback to call once per finished unit. Draws on stderr when enabled."""
    if not enabled or total <= 1:
        yield lambda _result: None
        return
    console = Console(stderr=True)
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda _result: bar.advance(task)


@contextmanager
def progress_status(enabled: bool, label: str) -> Iterator[None]:
    """A spinner on stderr for one step that can take more than a second."""
    if not enabled:
        yield
        return
    with Console(stderr=True).status(label):
        yield
