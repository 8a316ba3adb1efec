"""An overall deadline, and Cancel, for one blocking network call (issue #29).

Why: a socket's read timeout starts again with every byte, so a server that sends one byte every
2 s keeps a "60 s timeout" read waiting for as long as it likes. `within` runs the call on a
daemon thread and waits for it with the deadline and the CancelToken; past the deadline the caller
gets `DeadlineExceeded` at once (the abandoned call ends with its socket, by its read timeout or
when the server stops). The SDKs' own per-read timeouts stay as the second bound.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from .progress import Cancelled, CancelToken

T = TypeVar("T")
POLL_SECONDS = 0.05  # how often the waiting caller looks at Cancel


class DeadlineExceeded(Exception):
    """The call did not finish within its deadline; `what` names it, `seconds` the deadline."""

    def __init__(self, what: str, seconds: float):
        super().__init__(f"{what}: no answer within {seconds:g} s")
        self.what = what
        self.seconds = seconds


def within(fn: Callable[[], T], seconds: float, what: str, cancel: CancelToken | None = None) -> T:
    """fn(), or DeadlineExceeded after `seconds`, or Cancelled as soon as `cancel` is set.

    fn's own exception is raised here as it was raised there."""
    done = threading.Event()
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            box["error"] = exc
        finally:
            done.set()

    worker = threading.Thread(target=run, name=f"deadline: {what}", daemon=True)
    worker.start()
    end = time.monotonic() + seconds
    while not done.wait(min(POLL_SECONDS, max(0.0, end - time.monotonic()))):
        if cancel is not None and cancel.cancelled:
            raise Cancelled()
        if time.monotonic() >= end:
            raise DeadlineExceeded(what, seconds)
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]
