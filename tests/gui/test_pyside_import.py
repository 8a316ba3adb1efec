"""wizard/pyside_import.py: PySide6's import hook no longer reads each later module's source.

If a PySide6 release renames the helper replaced, `import_pyside` returns False and the first test
fails: start-up reads the sources again (re-measure with bench/bench_startup.py and adapt).
"""

from __future__ import annotations

import inspect
import sys

from wizard.pyside_import import import_pyside


def test_the_source_scan_is_spared(tmp_path, monkeypatch):
    assert import_pyside() is True
    from shibokensupport import feature

    (tmp_path / "freshly_written_module.py").write_text("from PySide6.QtCore import QObject\nVALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    read: list[object] = []
    real_getsource = inspect.getsource

    def recording_getsource(obj):
        read.append(obj)
        return real_getsource(obj)

    monkeypatch.setattr(inspect, "getsource", recording_getsource)
    module = __import__("freshly_written_module")  # an import statement: PySide hooks builtins.__import__
    try:
        assert module.VALUE == 1
        assert [m for m in read if getattr(m, "__name__", "") == "freshly_written_module"] == []
        # The module is known to PySide with the default feature set (0), as a module importing PySide6 is.
        assert feature.pyside_feature_dict.get("freshly_written_module") == 0
    finally:
        sys.modules.pop("freshly_written_module", None)


def test_qt_attribute_lookups_still_work_in_a_module_imported_after(tmp_path, monkeypatch):
    import_pyside()
    (tmp_path / "uses_qt_after.py").write_text(
        "from PySide6.QtCore import QObject, Qt\n"
        "def name(): o = QObject(); o.setObjectName('x'); return o.objectName(), Qt.AlignmentFlag.AlignLeft.name\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        assert __import__("uses_qt_after").name() == ("x", "AlignLeft")
    finally:
        sys.modules.pop("uses_qt_after", None)
