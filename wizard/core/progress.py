"""Progress reporting and cancellation for long work, shared by the CLI and the GUI."""

from __future__ import annotations

import threading
from collections.abc import Callable

from .records import record


class Cancelled(Exception):
    """Raised inside work that noticed its CancelToken was set."""


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def wait(self, seconds: float) -> bool:
        """Sleep up to `seconds`, waking early on cancel; True when cancelled."""
        return self._event.wait(seconds)


@record(frozen=True)
class ProgressUpdate:
    done: int
    total: int  # 0 when unknown
    message: str = ""


Progress = Callable[[ProgressUpdate], None]  # what long operations report to (a page's bar, the CLI's line)


def no_progress(update: ProgressUpdate) -> None:
    pass
