"""Search state on disk: a versioned JSON snapshot plus an append-only journal. Never pickle.

``<dir>/<name>_agingevosearch_state.json`` is the snapshot: header (version, algorithm, bounds,
config summary, search space), the search algorithm's state (rng, next id, population ids,
candidates in flight) and ``points``, one per evaluated candidate in evaluation order. It is
rewritten atomically (temp file, flush, fsync, rename) every ``save_every`` points and at the end.

``<dir>/<name>_agingevosearch_state.journal.jsonl`` gets one fsynced line per proposal and per
result between snapshots, so a SIGKILL at any moment loses nothing that was recorded: reading the
state replays the journal over the snapshot (lines with ``seq`` <= the snapshot's ``journal_seq``
are already in it; a torn last line is the write the kill interrupted and is dropped).
"""
from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple

STATE_VERSION = 1
STATE_SUFFIX = "_agingevosearch_state.json"
BO_STATE_SUFFIX = "_bo_search_state.json"   # Bayesian optimisation's state, same format
STATE_SUFFIXES = (STATE_SUFFIX, BO_STATE_SUFFIX)
JOURNAL_SUFFIX = ".journal.jsonl"
HEADER_KEYS = ("version", "algorithm", "bounds", "points")


class StateFileError(Exception):
    """A state file is missing, truncated, corrupt or of another kind; the message names it."""


def state_path(checkpoint_dir, name: str, suffix: str = STATE_SUFFIX) -> Path:
    return Path(checkpoint_dir) / f"{name}{suffix}"


def journal_path(path) -> Path:
    path = Path(path)
    stem = path.name[:-len(".json")] if path.name.endswith(".json") else path.name
    return path.with_name(stem + JOURNAL_SUFFIX)


def weights_dir(path) -> Path:
    """Where the trained weights of kept points live: ``<dir>/<name>_weights/``."""
    path = Path(path)
    suffix = next((s for s in STATE_SUFFIXES if path.name.endswith(s)), None)
    stem = path.name[:-len(suffix)] if suffix else path.stem
    return path.with_name(stem + "_weights")


def _file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write_bytes(path, data: bytes) -> None:
    """Write ``data`` so that ``path`` holds either the old or the new content, whole: a temp file
    in the same directory, flushed and fsynced, then renamed over ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _file_mode())  # mkstemp creates 0600; give the usual permissions
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(path.parent)


def atomic_write_json(path, data: Any) -> None:
    """Write ``data`` as JSON (NaN/inf refused) atomically, as ``atomic_write_bytes``."""
    text = json.dumps(data, indent=1, allow_nan=False) + "\n"
    atomic_write_bytes(path, text.encode())


def jsonable(value: Any) -> Any:
    """A JSON-safe copy of a config value: containers recursed, paths and other objects as text."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else str(value)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if hasattr(value, "item") and callable(value.item):  # numpy scalars
        try:
            return jsonable(value.item())
        except (TypeError, ValueError):
            pass
    return str(value)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read_state(path, algorithm: Optional[str] = None) -> Tuple[dict, List[dict]]:
    """The snapshot at ``path`` and the journal events recorded after it.

    Raises ``StateFileError`` (one line, naming the file) when a file is unreadable or not a
    search state, or when it is the state of another ``algorithm``.
    """
    path = Path(path)
    if not path.exists():
        raise StateFileError(f"{path}: search state file not found")
    try:
        with open(path) as f:
            snapshot = json.load(f)
    except json.JSONDecodeError as e:
        raise StateFileError(f"{path}: not a valid search state file (corrupt or truncated JSON: "
                             f"{e})") from None
    except (OSError, UnicodeDecodeError) as e:
        raise StateFileError(f"{path}: cannot read search state file ({e})") from None
    problem = _header_problem(snapshot, algorithm)
    if problem:
        raise StateFileError(f"{path}: not a valid search state file ({problem})")
    return snapshot, _read_journal(journal_path(path), snapshot.get("journal_seq", 0))


def _header_problem(snapshot, algorithm) -> Optional[str]:
    if not isinstance(snapshot, dict):
        return f"top level is a {type(snapshot).__name__}, expected an object"
    missing = [k for k in HEADER_KEYS if k not in snapshot]
    if missing:
        return f"missing {', '.join(missing)}"
    if snapshot["version"] != STATE_VERSION:
        return f"version {snapshot['version']!r}, this program reads version {STATE_VERSION}"
    if algorithm is not None and snapshot["algorithm"] != algorithm:
        return f"it is a {snapshot['algorithm']!r} search, expected {algorithm!r}"
    if not isinstance(snapshot["points"], list):
        return "'points' is not a list"
    return None


def _read_journal(path: Path, after_seq: int) -> List[dict]:
    if not path.exists():
        return []
    with open(path, "rb") as f:
        lines = f.read().split(b"\n")
    events = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            event = json.loads(line)
            ok = isinstance(event, dict) and "seq" in event and "event" in event
        except (json.JSONDecodeError, UnicodeDecodeError):
            ok = False
        if not ok:
            if n == len(lines):  # torn last write: the kill interrupted it (nothing after it)
                break
            raise StateFileError(f"{path}: corrupt search journal at line {n}")
        if event["seq"] > after_seq:
            events.append(event)
    return events


class StateStore:
    """Writes one search's snapshot and journal. ``header`` is the static part of the snapshot."""

    def __init__(self, path, header: Mapping[str, Any], seq: int = 0):
        self.path = Path(path)
        self.journal = journal_path(self.path)
        self.header = dict(header)
        self.seq = seq
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._journal_file = None

    def append(self, event: str, **payload) -> None:
        """Record one event durably (one fsynced JSON line)."""
        if self._journal_file is None:
            self._journal_file = open(self.journal, "a")
        self.seq += 1
        line = json.dumps({"seq": self.seq, "event": event, "time": time.time(), **payload},
                          allow_nan=False)
        self._journal_file.write(line + "\n")
        self._journal_file.flush()
        os.fsync(self._journal_file.fileno())

    def snapshot(self, algorithm_state: Mapping[str, Any]) -> None:
        """Atomically write the whole state, then start an empty journal."""
        data = {**self.header, **algorithm_state, "journal_seq": self.seq,
                "saved_at": time.time()}
        atomic_write_json(self.path, data)
        self.close()
        with open(self.journal, "w") as f:  # everything up to seq is in the snapshot now
            f.flush()
            os.fsync(f.fileno())

    def close(self) -> None:
        if self._journal_file is not None:
            self._journal_file.close()
            self._journal_file = None


def merged_points(snapshot: Mapping, events: List[Mapping]) -> Tuple[List[dict], List[dict]]:
    """(evaluated points, candidates in flight) as plain dicts, journal applied over the snapshot."""
    points: Dict[int, dict] = {p["id"]: p for p in snapshot["points"]}
    in_flight: Dict[int, dict] = {p["id"]: p for p in snapshot.get("in_flight", [])}
    for e in events:
        p = e.get("point")
        if p is None:
            continue
        if e["event"] == "propose" and p["id"] not in points:
            in_flight[p["id"]] = p
        elif e["event"] == "result":
            points[p["id"]] = p
            in_flight.pop(p["id"], None)
    return list(points.values()), list(in_flight.values())
