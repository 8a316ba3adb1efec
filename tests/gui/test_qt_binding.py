"""The Qt binding the app ships with keeps Python's reference counts right.

PySide6 6.12.0 on Python 3.11 drops one reference to None on every call of a method that returns
nothing (QLabel.setText, QWidget.update, QCoreApplication.processEvents, ...). None is not immortal
before Python 3.12, so a long session -- an upload's progress updates, a busy test run -- reaches
zero and the process aborts with "Fatal Python error: none_dealloc". pyproject.toml keeps that
release out; this test fails on any binding that has the fault (on 3.12+ it passes trivially, as
there the fault is harmless).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel


def test_void_methods_do_not_drop_references_to_none(qapp):
    label = QLabel()
    calls = 2000
    before = sys.getrefcount(None)
    for _ in range(calls):
        label.setText("x")
        label.update()
        QCoreApplication.processEvents()
    lost = before - sys.getrefcount(None)
    # A few references may come and go with the event loop's own work; the fault loses 3 per round.
    assert lost < calls, f"{lost} references to None lost in {calls} rounds of void calls (PySide6 6.12.0's fault)"
