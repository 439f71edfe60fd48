"""Worker processes for the NLP stage: batches of documents go to forked workers.

The workers are forked after the model and the lexicons are loaded, so they share that memory
and start at once. Only plain data crosses between processes: each batch's texts and small
contexts go out, each document's analysis and extraction come back (no spaCy ``Doc`` is
serialised either way, which spaCy's own ``n_process`` does twice). A batch goes to whichever
worker is free, so a long document does not hold the others back, and only a few batches are in
flight at once, so a large folder is read as the workers need it, not all ahead.

Stopping: the parent alone handles Ctrl-C (the workers ignore it); when the parent stops for any
reason the workers are stopped with it, and a worker whose parent has died exits by itself.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, TypeVar

from casefile.errors import CasefileError

T = TypeVar("T")

# batches in flight per worker: one running, one waiting, so a worker never idles between batches
IN_FLIGHT_PER_WORKER = 2
# how often a worker checks that its parent is still alive (seconds)
PARENT_CHECK_SECONDS = 0.5

# the work of the current pool: set in the parent before the workers fork, inherited by them
_JOB: Callable[[list[Any]], list[Any]] | None = None


class WorkerError(CasefileError):
    """A worker process died (killed, out of memory, crashed) before it returned its batch."""


def _run_job(batch: list[Any]) -> list[Any]:
    assert _JOB is not None, "the job is set before the workers fork"
    return _JOB(batch)


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        if os.getppid() != parent:  # the parent is gone (even SIGKILL): nobody waits for us
            os._exit(1)


def _start_worker(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent decides
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the workers now, mid-batch if need be."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public handle before 3.14
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()


def run_in_workers(job: Callable[[list[T]], list[Any]], items: Iterable[T], workers: int,
                   batch_size: int) -> Iterator[Any]:
    """``job``'s results for batches of ``items``, computed in ``workers`` forked processes and
    yielded in the order of the items.

    ``job`` takes a list of items and returns a list of plain, picklable results; it runs in the
    workers as the parent had it when the workers forked (one pool at a time per process).
    Raises WorkerError when a worker dies.
    """
    global _JOB
    if workers < 1 or batch_size < 1:
        raise ValueError("workers and batch_size must be positive")
    source = iter(items)
    batches = iter(lambda: list(islice(source, batch_size)), [])
    _JOB = job
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_start_worker, initargs=(os.getpid(),))
    window: deque[Future[list[Any]]] = deque()
    finished = False
    try:
        for batch in islice(batches, workers * IN_FLIGHT_PER_WORKER):
            window.append(pool.submit(_run_job, batch))
        while window:
            future = window.popleft()
            for batch in islice(batches, 1):
                window.append(pool.submit(_run_job, batch))
            yield from future.result()
        finished = True
    except BrokenProcessPool as exc:
        raise WorkerError("an NLP worker process died (killed or out of memory?); documents stored "
                          "so far are kept, run ingest again to go on") from exc
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:
            _stop(pool)
        _JOB = None
