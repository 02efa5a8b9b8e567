"""Clean a stream of tasks, in input order, in one process or a pool of them.

Each task becomes exactly one `Outcome`: the rendered output of its document, or an error. A
document that fails (bad input, a time limit, a bug) fails alone: the batch goes on.

With several jobs, tasks go to a process pool in chunks of `CHUNK_SIZE` (one document per task
would spend the time on inter-process traffic: it halves the speed-up on 2 cores). At most
`IN_FLIGHT_PER_JOB` chunks per worker are in flight, so memory stays bounded whatever the input
size, and results are yielded in input order. Each worker is set up by `_init_worker`, which
loads the rules and seeds langdetect in that process; nothing relies on state inherited by fork.

A worker that dies (killed for its memory, or a crash in C code) does not hang the batch: the pool
is restarted, the chunk it was cleaning is cleaned again one document at a time to find the
document that kills it, and that document alone gets an error.
"""
from __future__ import annotations

import dataclasses
import itertools
import logging
import os
import signal
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from . import logs, render
from .config import Config
from .io import Fields, ReadError, Task
from .model import Result
from .pipeline import InputError

log = logging.getLogger(__name__)

#: Documents per pool task: 64-512 amortise the inter-process cost; 128 keeps latency low.
CHUNK_SIZE = 128
#: Chunks queued per worker ahead of the writer: enough to keep workers busy, bounded memory.
IN_FLIGHT_PER_JOB = 3
#: Longer time limits count as none: setitimer overflows time_t near 1e10 s on Linux.
MAX_TIMEOUT = 1e8


class DocumentTimeout(BaseException):
    """A document took longer than the per-document time limit. A BaseException, like
    KeyboardInterrupt, so that a library's `except Exception` cannot swallow it and run on."""


@dataclass(frozen=True, slots=True)
class Job:
    """What to do with each document: the cleaning configuration and the output to render."""

    config: Config = Config()
    format: str = "text"  # text | json | jsonl: documents of text and HTML inputs
    explain: bool = False
    fields: Fields = Fields()
    stream_format: str | None = None  # records of JSONL inputs (None: `format`)
    explain_width: int | None = None  # characters of each block --explain shows (None: all)

    def format_for(self, task: Task) -> str:
        return self.stream_format if task.stream is not None and self.stream_format else self.format


@dataclass(slots=True)
class Outcome:
    """One document's result, already rendered in the job's format (or its error)."""

    id: str
    name: Path | None
    source: Path | None
    stream: Path | None
    output: str  # the rendered document, or for JSONL the error record
    error: str | None = None
    kept: int = 0  # blocks kept / total, for logging
    blocks: int = 0
    language: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def clean_document(task: Task, config: Config) -> Result:
    """Clean one task's HTML, or its text (raises on bad input). A JSONL record may hold both:
    an empty html field, or one whose page has no text, falls back to the text field, and the
    result's notes say so."""
    from .pipeline import EmptyDocument, clean

    has_text = task.text is not None and bool(task.text.strip())
    note = None
    if task.html is not None:
        fields = task.fields or Fields()
        if task.html.strip() or not has_text:
            from .html import clean_html

            try:
                return _noted(clean_html(task.html, config), task.notes)
            except EmptyDocument:
                if not has_text:
                    raise
            note = f"the '{fields.html}' field has no text: cleaned the '{fields.text}' field"
        else:
            note = f"the '{fields.html}' field is empty: cleaned the '{fields.text}' field"
    result = clean(task.text if task.text is not None else "", config)
    return _noted(result, (*task.notes, note) if note else task.notes)


def _noted(result: Result, notes: tuple[str, ...]) -> Result:
    return dataclasses.replace(result, notes=(*notes, *result.notes)) if notes else result


def _render(task: Task, result: Result, job: Job) -> str:
    fmt = job.format_for(task)
    if fmt == "jsonl":
        return render.as_jsonl(render.record(task.id, result, task.extra, explain=job.explain,
                                             text_field=job.fields.text, id_field=job.fields.id))
    if fmt in ("text", "markdown"):
        if job.explain:
            return render.explain(task.id, result, job.explain_width)
        return render.as_text(result) if fmt == "text" else render.as_markdown(result)
    rec = render.record(task.id, result, task.extra, explain=job.explain,
                        text_field=job.fields.text, id_field=job.fields.id)
    return render.as_json(rec)


def _error(task: Task, error: str, job: Job) -> Outcome:
    output = ""
    if job.format_for(task) == "jsonl":
        output = render.as_jsonl(render.error_record(task.id, error, task.extra, id_field=job.fields.id))
    return Outcome(task.id, task.name, task.source, task.stream, output, error)


class _Alarm:
    """A per-document time limit (SIGALRM; where it is missing, no limit is enforced)."""

    def __init__(self, seconds: float):
        self.seconds = seconds if hasattr(signal, "setitimer") and 0 < seconds <= MAX_TIMEOUT else 0

    def __enter__(self):
        if self.seconds:
            self._old = signal.signal(signal.SIGALRM, self._fire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def _fire(self, signum, frame):
        raise DocumentTimeout

    def __exit__(self, *exc):
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._old)
        return False


def process(task: Task, job: Job) -> Outcome:
    """Clean and render one task; every failure becomes an error outcome for this task only."""
    if task.error is not None:
        return _error(task, task.error, job)
    try:
        with logs.document(task.id), _Alarm(job.config.timeout):
            result = clean_document(task, job.config)
            output = _render(task, result, job)
    except DocumentTimeout:
        return _error(task, f"timed out after {job.config.timeout:g} s (see --timeout)", job)
    except RecursionError:
        return _error(task, "too deeply nested to process", job)
    except (InputError, ReadError) as exc:
        return _error(task, str(exc), job)
    except MemoryError:
        return _error(task, "out of memory while cleaning this document", job)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        log.debug("%s failed", task.id, exc_info=True)
        return _error(task, f"internal error ({type(exc).__name__}): {exc}", job)
    return Outcome(task.id, task.name, task.source, task.stream, output, None,
                   kept=sum(1 for d in result.decisions if d.kept), blocks=len(result.decisions),
                   language=result.language)


# --- worker processes ---------------------------------------------------------------------------

_WORKER_JOB: Job | None = None  # set in each worker process by _init_worker, never in the parent


def _init_worker(job: Job) -> None:
    """Set up one worker: its job, langdetect's profiles and seed, the rules and phrase lists."""
    global _WORKER_JOB
    _WORKER_JOB = job
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    if hasattr(signal, "SIGTERM"):  # and SIGTERM: a worker just ends (not the parent's handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    warm_up(job.config)


def warm_up(config: Config) -> None:
    """Load what every document needs (profiles, rules, phrase lists) before the first one."""
    from . import language, pipeline
    from .lexicon import matcher_for

    if not config.lang:  # a given language is never detected: its profiles are not needed
        language._model()
    pipeline.rules()
    matcher_for(pipeline.languages_for(language.given(config.lang or "en")), config.phrase_files)


def _process_chunk(tasks: list[Task]) -> list[Outcome]:
    assert _WORKER_JOB is not None, "worker not initialised"
    return [process(t, _WORKER_JOB) for t in tasks]


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


WORKER_DIED = "the worker process died while cleaning this document (out of memory, or a crash)"


class _Pool:
    """A process pool that is replaced when one of its workers dies."""

    def __init__(self, jobs: int, job: Job):
        import multiprocessing

        self.jobs, self.job = jobs, job
        self._ctx = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")
        self._executor = self._start()

    def _start(self):
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(self.jobs, mp_context=self._ctx, initializer=_init_worker,
                                   initargs=(self.job,))

    def submit(self, chunk: list[Task]) -> Any:
        return self._executor.submit(_process_chunk, chunk)

    def restart(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._start()

    def isolate(self, task: Task) -> Outcome:
        """Clean one document on its own, after a worker died on its chunk."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.submit([task]).result()[0]
        except BrokenProcessPool:
            self.restart()
            return _error(task, WORKER_DIED, self.job)

    def close(self, wait: bool) -> None:
        if not wait:  # interrupted: stop the workers now, not after the chunks they are cleaning
            # (`_processes` is private; Python 3.14 adds ProcessPoolExecutor.terminate_workers)
            for process in list((getattr(self._executor, "_processes", None) or {}).values()):
                process.terminate()
        self._executor.shutdown(wait=wait, cancel_futures=True)


def run(tasks: Iterable[Task], job: Job, jobs: int = 1, chunk_size: int = CHUNK_SIZE) -> Iterator[Outcome]:
    """Outcomes in input order, one per task."""
    if jobs <= 1:
        warm_up(job.config)
        for task in tasks:
            yield process(task, job)
        return
    from concurrent.futures.process import BrokenProcessPool

    chunks = iter(lambda it=iter(tasks): list(itertools.islice(it, chunk_size)), [])
    pool = _Pool(jobs, job)
    finished = False
    try:
        pending: deque[tuple[list[Task], Any]] = deque()
        for chunk in itertools.islice(chunks, jobs * IN_FLIGHT_PER_JOB):
            pending.append((chunk, pool.submit(chunk)))
        while pending:
            chunk, future = pending.popleft()
            try:
                done = future.result()
            except BrokenProcessPool:  # a worker died: every chunk in flight is lost with it
                log.warning("a worker process died; cleaning its %d documents one by one", len(chunk))
                pool.restart()
                done = [pool.isolate(task) for task in chunk]
                pending = deque((c, pool.submit(c)) for c, _ in pending)
            nxt = next(chunks, None)
            if nxt is not None:
                pending.append((nxt, pool.submit(nxt)))
            yield from done
        finished = True
    finally:
        pool.close(wait=finished)  # interrupted: cancel what is queued, do not wait for it
