"""How a disk is named in messages: templates that other templates take as an argument value.

Kept apart from the export package so that the GUI's template translation (wizard/i18n.py) knows
them without importing readiness and the renderers -- the step list uses it before the first paint.
"""

from __future__ import annotations

from .i18n_marks import QT_TRANSLATE_NOOP

# Shown translated by the GUI (context "Core"); lupdate finds them by this name.
DISK_OS = QT_TRANSLATE_NOOP("Core", "OS disk")
DISK_DATA = QT_TRANSLATE_NOOP("Core", "data disk LUN {lun}")
DISK_OS_OF = QT_TRANSLATE_NOOP("Core", "{type} OS disk")
DISK_DATA_OF = QT_TRANSLATE_NOOP("Core", "{type} data disk LUN {lun}")

# The argument values that are templates themselves. Only these are filled: any other value is data
# (a check's name from the VM, an id from a project file) and a "{x}" in it is just text.
NESTED_TEMPLATES = frozenset({DISK_OS, DISK_DATA, DISK_OS_OF, DISK_DATA_OF})
