"""Plain values of the few Qt enums the code before the first paint needs.

Touching `PySide6.QtCore.Qt` makes PySide create all of that namespace's ~100 Python enums at
once (~15 ms, close to a tenth of the app's start-up). The window and the first page use these
values where the Qt API takes an `int` (item data roles, and check states stored under
`CHECK_STATE_ROLE`), and import `QtCore` as a module, reaching `QtCore.Qt` only in code that
runs after the first paint. tests/gui/test_qt_values.py checks each value against its Qt enum.
"""

from __future__ import annotations

CHECK_STATE_ROLE = 10  # Qt.ItemDataRole.CheckStateRole
ACCESSIBLE_DESCRIPTION_ROLE = 12  # Qt.ItemDataRole.AccessibleDescriptionRole
USER_ROLE = 256  # Qt.ItemDataRole.UserRole
UNCHECKED = 0  # Qt.CheckState.Unchecked
CHECKED = 2  # Qt.CheckState.Checked
