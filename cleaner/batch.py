"""Clean a stream of tasks, keeping input order; a failing document becomes an error outcome."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Iterable, Iterator

from .config import Config
from .io import ReadError, Task
from .model import Result
from .pipeline import InputError

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Outcome:
    task: Task
    result: Result | None
    error: str | None

    @property
    def ok(self) -> bool:
        return self.error is None


def clean_task(task: Task, config: Config) -> Outcome:
    """Clean one task; every exception becomes an error for this document only."""
    if task.error is not None:
        return Outcome(task, None, task.error)
    try:
        if task.html is not None:
            from .html import clean_html

            result = clean_html(task.html, config)
        else:
            from .pipeline import clean

            result = clean(task.text or "", config)
    except RecursionError:
        return Outcome(task, None, "too deeply nested to process")
    except (InputError, ReadError) as exc:
        return Outcome(task, None, str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        log.debug("%s failed", task.id, exc_info=True)
        return Outcome(task, None, f"internal error ({type(exc).__name__}): {exc}")
    return Outcome(task, result, None)


def run(tasks: Iterable[Task], config: Config) -> Iterator[Outcome]:
    for task in tasks:
        yield clean_task(task, config)
