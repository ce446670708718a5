"""What scripts and schedulers see: one set of exit codes and one JSON log line format.

Every command (`extract`, `show`, `report`, `ingest`, `status`, ...) exits with these codes and
writes its machine-readable log lines to stderr in this one shape, so cron, Airflow and friends
parse one format whichever command they run.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime

EXIT_OK = 0        # everything done
EXIT_FATAL = 1     # the run stopped (an unexpected error); the next run picks up from the last commit
EXIT_USAGE = 2     # bad arguments or input: nothing was done
EXIT_PARTIAL = 3   # done, but some articles or files failed (their error rows say why)
EXIT_LOCKED = 75   # another run holds the dataset's lock (EX_TEMPFAIL: try again later)


def log_line(event: str, level: str = "info", **fields) -> str:
    """One JSON object: ISO-8601 UTC time, level, event, then the event's own fields."""
    line = {"ts": datetime.now(UTC).isoformat(timespec="milliseconds"), "level": level, "event": event,
            **fields}
    return json.dumps(line, ensure_ascii=False, default=str)


def log(event: str, level: str = "info", **fields) -> None:
    """Write one log line to stderr and flush (a killed run keeps what it logged)."""
    sys.stderr.write(log_line(event, level, **fields) + "\n")
    sys.stderr.flush()
