"""Saving under ``kill -9``: the map on disk is always the old or the new one, and what the
killed saves leave behind is cleaned up by later saves once it is stale (issue 18, item 1).

A helper process imports argmap once, then for each round forks a child that saves two
maps in turn to the same file, forever, on a slow disk (each fsync takes a few
milliseconds more, so most kills land inside a save). The test kills the child with
SIGKILL at a random moment after its first save of the round and checks the folder: the
file is byte for byte one of the two maps, at most one temporary file is new, every
temporary older than the stale age is gone, and nothing else was touched. Before the next
round the leftovers are aged past the stale age, as if time had passed.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from argmap.map.mapfile import encode, save
from argmap.map.synthetic import synthetic_map
from argmap.util.fileio import STALE_TEMP_SECONDS
from tests.conftest import REPO
from tests.core.helpers import small_map

ROUNDS = 30

SAVER = textwrap.dedent(
    """
    import os, stat, sys, time
    from argmap.map.mapfile import load, save
    from argmap.util import fileio

    target, first, second = sys.argv[1:4]
    maps = [load(first), load(second)]
    real_fsync = os.fsync

    def slow_fsync(fd):  # a slow disk: the window between write and rename is wide
        if stat.S_ISREG(os.fstat(fd).st_mode):  # the file's, not the folder's after the rename
            time.sleep(0.02)
        real_fsync(fd)

    for line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            fileio.os.fsync = slow_fsync
            n = 0
            while True:
                save(maps[n % 2], target)
                n += 1
        print(pid, flush=True)
        os.waitpid(pid, 0)
        print("reaped", flush=True)
    """
)


def _temporaries(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.name.startswith(".m.argmap.json.")}


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_kill_9_during_saves_leaves_the_old_or_new_map_and_stale_temporaries_go(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    target = folder / "m.argmap.json"
    small, large = small_map(), synthetic_map(150, seed=3)
    versions = {encode(small), encode(large)}
    save(small, tmp_path / "a.argmap.json")
    save(large, tmp_path / "b.argmap.json")
    save(small, target)
    long_ago = time.time() - STALE_TEMP_SECONDS - 60
    foreign = {
        "notes.tmp": b"mine",
        ".other.argmap.json.abcd1234.tmp": b"another map's",
        "m.argmap.json.abcd1234.tmp": b"no leading dot",
    }
    for name, data in foreign.items():
        (folder / name).write_bytes(data)
        os.utime(folder / name, (long_ago, long_ago))

    maps = [str(tmp_path / name) for name in ("a.argmap.json", "b.argmap.json")]
    saver = subprocess.Popen(
        [sys.executable, "-c", SAVER, str(target), *maps],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert saver.stdin is not None and saver.stdout is not None
    rng = random.Random(18)
    left_behind = 0
    try:
        for _ in range(ROUNDS):
            aged = _temporaries(folder)
            before = target.stat().st_mtime_ns
            saver.stdin.write("go\n")
            saver.stdin.flush()
            child = int(saver.stdout.readline())
            deadline = time.monotonic() + 10
            while target.stat().st_mtime_ns == before:  # its first save is done
                assert time.monotonic() < deadline, "the child never saved"
                time.sleep(0.001)
            time.sleep(rng.uniform(0, 0.05))
            os.kill(child, signal.SIGKILL)
            assert saver.stdout.readline().strip() == "reaped"

            assert target.read_bytes() in versions  # whole: the old map or the new one
            now = _temporaries(folder)
            assert not (now & aged), "a stale temporary survived a save"
            assert len(now) <= 1, now  # only the save the kill interrupted
            left_behind += len(now)
            for name in now:  # time passes: they become stale
                os.utime(folder / name, (long_ago, long_ago))
            for name, data in foreign.items():
                assert (folder / name).read_bytes() == data
    finally:
        saver.kill()
        saver.wait()
    # Most kills land inside a save (its fsync is slow): the clean-up was really exercised.
    assert left_behind >= ROUNDS // 5
    save(small, target)  # a last save sweeps the last leftover
    assert _temporaries(folder) == set()
    assert set(os.listdir(folder)) == {"m.argmap.json", *foreign}
