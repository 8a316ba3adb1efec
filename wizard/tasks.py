"""Run work off the GUI thread: progress, cancel, and exactly one of result or error.

`run_task(work, on_result=…, on_error=…)` runs `work(progress, cancel)` on the
global QThreadPool. Callbacks run on the GUI thread (queued signals), never on
the worker. A `Cancelled` exception arrives as an error, so callers always
learn how the work ended.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from .core.progress import CancelToken, ProgressUpdate

log = logging.getLogger(__name__)

Work = Callable[[Callable[[ProgressUpdate], None], CancelToken], Any]


class _Signals(QObject):
    progress = Signal(object)
    finished = Signal(object, object)  # result, error


class _Runnable(QRunnable):
    def __init__(self, work: Work, signals: _Signals, token: CancelToken, ended: threading.Event):
        super().__init__()
        self.setAutoDelete(True)
        self._work, self._signals, self._token, self._ended = work, signals, token, ended

    def run(self) -> None:  # worker thread
        try:
            result, error = self._work(self._progress, self._token), None
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI
            result, error = None, exc
        self._ended.set()  # the work is over (its callbacks follow on the GUI thread)
        try:
            self._signals.finished.emit(result, error)
        except RuntimeError:
            log.debug("task finished after the application shut down")

    def _progress(self, update: ProgressUpdate) -> None:
        try:
            self._signals.progress.emit(update)
        except RuntimeError:
            pass


class TaskHandle(QObject):
    """A running task; `cancel()` asks the work to stop at its next check."""

    done = Signal()

    def __init__(self, token: CancelToken):
        super().__init__()
        self.token = token
        self.running = True
        self.signals: _Signals | None = None  # kept with the handle until the work has ended
        self.ended = threading.Event()  # set on the worker thread once `work` has returned or raised

    def cancel(self) -> None:
        self.token.cancel()

    def wait_ended(self, timeout: float) -> bool:
        """Block (without running the event loop) until the work has returned, at most `timeout` seconds;
        True when it has. Its callbacks still come later, through the event loop."""
        return self.ended.wait(timeout)


_live: set[TaskHandle] = set()


def run_task(
    work: Work,
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[ProgressUpdate], None] | None = None,
    pool: QThreadPool | None = None,
    owner: QObject | None = None,
) -> TaskHandle:
    """`owner`: the widget the callbacks show the result in; once Qt has deleted it (its window closed
    while the work ran) the callbacks are skipped instead of touching dead widgets."""
    token = CancelToken()
    handle = TaskHandle(token)
    # Created on the GUI thread and kept alive by _live until `finished` ran there,
    # so emits from the worker are queued to the GUI thread.
    signals = _Signals()
    handle.signals = signals

    def finished(result: Any, error: BaseException | None) -> None:
        handle.running = False
        _live.discard(handle)
        if owner is not None and not shiboken6.isValid(owner):
            handle.done.emit()
            return
        try:
            if error is not None:
                if on_error:
                    on_error(error)
                else:
                    log.error("unhandled error in background task", exc_info=error)
            elif on_result:
                on_result(result)
        finally:
            handle.done.emit()

    signals.finished.connect(finished)
    if on_progress:
        signals.progress.connect(on_progress)
    _live.add(handle)
    (pool or QThreadPool.globalInstance()).start(_Runnable(work, signals, token, handle.ended))
    return handle
