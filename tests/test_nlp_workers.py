"""The NLP worker pool: order, spread over processes, errors, and stopping."""
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from casefile.nlp.workers import WorkerError, run_in_workers

ROOT = Path(__file__).resolve().parents[1]


def _square_with_pid(batch):
    time.sleep(0.05)  # long enough that the second worker, started a moment later, takes batches too
    return [(n * n, os.getpid()) for n in batch]


def test_results_come_in_the_order_of_the_items_from_several_processes():
    out = list(run_in_workers(_square_with_pid, range(23), workers=2, batch_size=3))
    assert [square for square, _pid in out] == [n * n for n in range(23)]
    pids = {pid for _square, pid in out}
    assert os.getpid() not in pids and len(pids) == 2


def test_a_job_that_fails_raises_its_error_here():
    def job(batch):
        if 5 in batch:
            raise ValueError("five is not welcome")
        return batch

    with pytest.raises(ValueError, match="five is not welcome"):
        list(run_in_workers(job, range(10), workers=2, batch_size=2))


def test_a_dead_worker_is_a_clear_error_not_a_hang():
    def job(batch):
        if 3 in batch:
            os._exit(9)  # as if killed
        return batch

    with pytest.raises(WorkerError, match="worker process died"):
        list(run_in_workers(job, range(8), workers=2, batch_size=1))


def test_workers_leave_ctrl_c_to_the_parent():
    out = list(run_in_workers(lambda batch: [signal.getsignal(signal.SIGINT) for _ in batch], range(4),
                              workers=2, batch_size=1))
    assert out == [signal.SIG_IGN] * 4
    assert signal.getsignal(signal.SIGINT) is not signal.SIG_IGN  # the parent keeps its handler


def test_stopping_early_ends_the_workers():
    import multiprocessing

    results = run_in_workers(lambda batch: [time.sleep(0.05) or n for n in batch], range(100), workers=2,
                             batch_size=1)
    assert next(results) == 0
    results.close()
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert multiprocessing.active_children() == []


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status  # a zombie has ended; only its parent's wait is missing


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_workers_exit_when_their_parent_is_killed(tmp_path):
    pids = tmp_path / "pids"
    script = textwrap.dedent(f"""
        import os, time
        from casefile.nlp.workers import run_in_workers
        def job(batch):
            with open({str(pids)!r}, "a") as fh:
                fh.write(f"{{os.getpid()}}\\n")
            time.sleep(60)
            return batch
        list(run_in_workers(job, range(4), workers=2, batch_size=1))
    """)
    parent = subprocess.Popen([sys.executable, "-c", script], env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        deadline = time.monotonic() + 60
        while (not pids.exists() or len(pids.read_text().split()) < 2) and time.monotonic() < deadline:
            time.sleep(0.05)
        workers = [int(p) for p in pids.read_text().split()]
        assert len(workers) == 2
    finally:
        parent.kill()  # SIGKILL: no clean-up code runs in the parent
        parent.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)
