"""The plain values the window uses before its first paint are Qt's own."""

from PySide6.QtCore import Qt

from wizard import qt_values


def test_values_match_qt_enums():
    assert qt_values.CHECK_STATE_ROLE == Qt.ItemDataRole.CheckStateRole.value
    assert qt_values.ACCESSIBLE_DESCRIPTION_ROLE == Qt.ItemDataRole.AccessibleDescriptionRole.value
    assert qt_values.USER_ROLE == Qt.ItemDataRole.UserRole.value
    assert qt_values.UNCHECKED == Qt.CheckState.Unchecked.value
    assert qt_values.CHECKED == Qt.CheckState.Checked.value


def test_a_check_state_stored_as_a_value_reads_back_as_qt_enum(qapp):
    from PySide6.QtWidgets import QListWidgetItem

    item = QListWidgetItem("size")
    item.setData(qt_values.CHECK_STATE_ROLE, qt_values.CHECKED)
    assert item.checkState() == Qt.CheckState.Checked
    assert item.flags() & Qt.ItemFlag.ItemIsUserCheckable  # the user can toggle it without setFlags
