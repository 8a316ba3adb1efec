"""Drive the real window the way a person does: the mouse goes to where a widget is on screen,
keys go to whatever has the keyboard focus, the wheel turns over whatever is under the pointer.

Why this layer exists: `qtbot.keyClicks(widget, ...)` delivers keys to the widget it is handed, so
a test passes even when a person's keys would land somewhere else (the focus once jumped to the
step list after the first key of every field, and 264 tests passed). Nothing here accepts a widget
to type into: `click()` finds the widget actually under the point, and `type()`/`press()` send to
`QApplication.focusWidget()`.

The layout checks at the bottom answer "can a person see and reach this": every button inside
the window and not clipped, no sideways scroll bar, no elided table header.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QRegion, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from wizard.qt_tree import nearest


class NotReachable(AssertionError):
    """The widget a test wanted to use is not where a person could use it."""


def settle(ms: int = 0) -> None:
    QApplication.processEvents()
    if ms:
        QTest.qWait(ms)
    QApplication.processEvents()


@dataclass
class Person:
    """One person in front of one window."""

    window: QWidget

    # -- mouse ---------------------------------------------------------
    def widget_at(self, widget: QWidget, point: QPoint | None = None) -> tuple[QWidget, QPoint]:
        """The widget a person's pointer hits when aiming at `point` of `widget` (its centre)."""
        if not widget.isVisible():
            raise NotReachable(f"{describe(widget)} is not visible")
        local = point if point is not None else widget.rect().center()
        in_window = widget.mapTo(self.window, local)
        if not self.window.rect().contains(in_window):
            raise NotReachable(f"{describe(widget)} lies outside the window at {in_window.toTuple()}")
        hit = self.window.childAt(in_window)
        if hit is None:
            raise NotReachable(f"nothing under the pointer at {in_window.toTuple()} (aiming at {describe(widget)})")
        if hit is not widget and not widget.isAncestorOf(hit):
            raise NotReachable(f"{describe(widget)} is covered by {describe(hit)}")
        return hit, hit.mapFrom(self.window, in_window)

    def click(self, widget: QWidget, point: QPoint | None = None) -> None:
        hit, local = self.widget_at(widget, point)
        QTest.mouseClick(hit, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, local)
        settle()

    def wheel(self, widget: QWidget, steps: int = -1) -> QWidget:
        """Turn the wheel `steps` notches (negative: towards the user, i.e. scroll down) with the
        pointer over `widget`; returns the widget that got the event."""
        hit, local = self.widget_at(widget)
        global_pos = hit.mapToGlobal(local)
        event = QWheelEvent(QPointF(local), QPointF(global_pos), QPoint(0, 0), QPoint(0, 120 * steps),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(hit, event)
        settle()
        return hit

    # -- keyboard ------------------------------------------------------
    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        if widget is None:
            raise NotReachable("no widget has the keyboard focus")
        return widget

    def _keyboard(self):
        """Where a key from the keyboard arrives: the window that holds the focus (Qt then hands it
        to the focus widget, after trying shortcuts and mnemonics, as for a real key)."""
        return self.focus().window().windowHandle()

    def type(self, text: str) -> None:
        """Each character goes to the widget that has the focus *at that moment*."""
        for char in text:
            QTest.keyClick(self._keyboard(), char)
            settle()

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(self._keyboard(), key, modifier)
        settle()
        if modifier & Qt.KeyboardModifier.AltModifier:
            settle(200)  # a mnemonic "animates" its click: the button is released 100 ms later

    def select_all_and_type(self, text: str) -> None:
        self.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        if text:
            self.type(text)
        else:
            self.press(Qt.Key.Key_Delete)

    def tab_until(self, predicate, limit: int = 80, backwards: bool = False) -> QWidget:
        """Press Tab (or Shift+Tab) until the focused widget satisfies `predicate`."""
        for _ in range(limit):
            if backwards:
                self.press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
            else:
                self.press(Qt.Key.Key_Tab)
            widget = QApplication.focusWidget()
            if widget is not None and predicate(widget):
                return widget
        raise NotReachable(f"Tab never reached the widget (last: {describe(QApplication.focusWidget())})")


def bring_into_view(widget: QWidget) -> None:
    """Open the tabs that hold `widget` (a click on each tab) and scroll every scroll area around it so that it
    shows, as a person drags the scroll bar to it."""
    from PySide6.QtWidgets import QTabWidget

    chain = []
    parent = widget.parentWidget()
    while parent is not None:
        chain.append(parent)
        parent = parent.parentWidget()
    for outer in reversed(chain):  # outermost first: an inner tab shows only once its outer one is open
        if isinstance(outer, QTabWidget):
            index = next((i for i in range(outer.count()) if outer.widget(i).isAncestorOf(widget)), -1)
            if index >= 0 and outer.currentIndex() != index:
                bar = outer.tabBar()
                Person(outer.window()).click(bar, bar.tabRect(index).center())
    for outer in chain:
        if isinstance(outer, QScrollArea):
            outer.ensureWidgetVisible(widget)
    settle()


def type_into(widget: QWidget, text: str, replace: bool = True) -> None:
    """A person brings the field into view, clicks into it where it is and types -- over what it holds when
    `replace` -- the keys going to the widget that has the focus, as from a keyboard."""
    person = Person(widget.window())
    bring_into_view(widget)
    person.click(widget)
    if replace:
        person.select_all_and_type(text)
    else:
        person.type(text)


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    name = widget.accessibleName() or widget.objectName()
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return f"{type(widget).__name__}({name or text!r})"


# -- layout checks ------------------------------------------------------------
def fully_visible(widget: QWidget) -> bool:
    """True when no part of the widget is clipped by a parent (a scroll area's viewport, a splitter
    pane, the window's edge)."""
    return QRegion(widget.rect()).subtracted(widget.visibleRegion()).isEmpty()


def layout_problems(window: QWidget, area: QWidget) -> list[str]:
    """What a person would find wrong with `area` (a page) inside `window`."""
    problems = []
    if window.minimumSizeHint().width() > window.width() or window.minimumSizeHint().height() > window.height():
        problems.append(f"the window needs {window.minimumSizeHint().toTuple()}, has {window.size().toTuple()}")
    min_hint = area.minimumSizeHint()
    if min_hint.width() > area.width() or min_hint.height() > area.height():
        problems.append(f"{describe(area)} is squeezed: needs {min_hint.toTuple()}, has {area.size().toTuple()}")
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible() or not (area.isAncestorOf(button) or not _inside_any_page(button)):
            continue
        if button.width() <= 0 or button.height() <= 0:
            continue
        if _in_scrolled_view(button):
            continue  # a header's corner button or a check box inside a list scrolls with its list
        top_left = button.mapTo(window, QPoint(0, 0))
        inside = window.rect().contains(top_left) and window.rect().contains(top_left + QPoint(button.width() - 1, button.height() - 1))
        if not inside or not fully_visible(button):
            problems.append(f"{describe(button)} is cut off (at {top_left.toTuple()}, size {button.size().toTuple()})")
    problems += clipped_text(area)
    for scroll in area.findChildren(QScrollArea):
        if scroll.isVisible() and scroll.horizontalScrollBar().isVisible():
            problems.append(f"{describe(scroll)} scrolls sideways")
    for view in area.findChildren(QAbstractItemView):  # a table or a list too (issue #32: the blob browser)
        if view.isVisible() and view.horizontalScrollBar().isVisible():
            problems.append(f"{describe(view)} scrolls sideways")
    for header in area.findChildren(QHeaderView):
        if not header.isVisible() or header.orientation() != Qt.Orientation.Horizontal:
            continue
        model = header.model()
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            text = model.headerData(section, Qt.Orientation.Horizontal) if model else ""
            if not text:
                continue
            need = header.fontMetrics().horizontalAdvance(str(text)) + 4  # the label and its margins (Qt elides below that)
            if header.sectionSize(section) < need:
                problems.append(f"header {text!r} of {describe(header.parentWidget())} is cut "
                                f"({header.sectionSize(section)} px for {need} px)")
    return problems


def clipped_text(area: QWidget) -> list[str]:
    """Fields whose own text a person cannot read whole: a non-editable combo box whose chosen item is cut
    ("ubuntu-s"), a field whose text is wider than the field ("Contoso Web Appl") unless the text is longer
    than most of the page (a resource ID scrolls inside its field). Text in a scrolled
    view scrolls with it and is left out, as is a field in a scroll area's viewport."""
    found = []
    for combo in area.findChildren(QComboBox):
        if not combo.isVisible() or combo.isEditable() or not combo.currentText() or _in_scrolled_view(combo):
            continue
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        text_rect = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                                 QStyle.SubControl.SC_ComboBoxEditField, combo)
        need = combo.fontMetrics().horizontalAdvance(combo.currentText())
        if not combo.itemIcon(combo.currentIndex()).isNull():
            need += combo.iconSize().width() + 4
        if text_rect.width() < need:
            found.append(f"{describe(combo)} shows {combo.currentText()!r} cut ({text_rect.width()} px for {need} px)")
    for edit in area.findChildren(QLineEdit):
        if not edit.isVisible() or not edit.text() or edit.parent() is not None and isinstance(edit.parent(), QComboBox):
            continue
        if _in_scrolled_view(edit):
            continue
        need = edit.fontMetrics().horizontalAdvance(edit.text()) + 8  # the text and the frame's margins
        if need > area.width() * 0.6:
            continue  # a resource ID or a URL longer than most of the page scrolls inside its field
        if edit.width() < need:
            found.append(f"{describe(edit)} shows {edit.text()!r} cut ({edit.width()} px for {need} px)")
    return found


def _inside_any_page(widget: QWidget) -> bool:
    from PySide6.QtWidgets import QWizardPage

    return nearest(widget, QWizardPage) is not None


def _in_scrolled_view(widget: QWidget) -> bool:
    """Inside a list, table or scroll area's viewport: it is meant to scroll out of sight (the
    page's own buttons are never inside one -- pages do not scroll as a whole)."""
    return nearest(widget, QAbstractScrollArea) is not None


def mnemonics(window: QWidget, page: QWidget) -> dict[str, list[str]]:
    """Alt+letter keys on screen with `page`: the page's labels with buddies, buttons, check boxes,
    group boxes and tabs, the wizard's Back/Next and the menu bar. Two owners of one letter make
    Alt+letter cycle between them instead of acting (Qt's "ambiguous shortcut")."""
    import re

    from PySide6.QtWidgets import QGroupBox, QLabel, QMenuBar, QTabBar

    found: dict[str, list[str]] = {}

    def add(text: str, owner: str) -> None:
        match = re.search(r"&([^&\s])", text.replace("&&", ""))
        if match:
            found.setdefault(match.group(1).lower(), []).append(owner)

    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and (page.isAncestorOf(button) or not _inside_any_page(button)):
            add(button.text(), describe(button))
    for label in page.findChildren(QLabel):
        if label.isVisible() and label.buddy() is not None:
            add(label.text(), f"label {label.text()!r}")
    for box in page.findChildren(QGroupBox):
        if box.isVisible():
            add(box.title(), f"group {box.title()!r}")
    for bar in page.findChildren(QTabBar):
        if bar.isVisible():
            for i in range(bar.count()):
                add(bar.tabText(i), f"tab {bar.tabText(i)!r}")
    for menubar in window.findChildren(QMenuBar):
        for action in menubar.actions():
            add(action.text(), f"menu {action.text()!r}")
    return found


def elided_rows(view, column: int = 0) -> list[str]:
    """The rows of a list (QListView), or the cells of a table's `column`, a person cannot read whole where they
    are drawn: wider than the list, a line wider than the row (drawn with "…"), or a wrapped row cut short. Qt paints a wrapped row's lines
    only while the next line, taken as tall as the current one, still fits, and elides the last one it
    paints otherwise (QCommonStyle's viewItemTextLayout / viewItemDrawText): that rule is applied here."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from wizard.pages.parts.whole_rows import line_heights

    found = []
    style = view.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    delegate = view.itemDelegateForColumn(column) or view.itemDelegate()
    model = view.model()
    for row in range(model.rowCount()):
        if view.isRowHidden(row):
            continue
        index = model.index(row, column)
        rect = view.visualRect(index)
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        option.rect = rect
        delegate.initStyleOption(option, index)
        text = option.text
        if not text:
            continue
        if rect.left() < 0 or rect.right() >= view.viewport().width():
            found.append(f"{text!r} is wider than the list ({rect.width()} px in {view.viewport().width()} px)")
            continue
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
        width = text_rect.width() - 2 * margin
        if not view.wordWrap() or not option.features & QStyleOptionViewItem.ViewItemFeature.WrapText:
            need = view.fontMetrics().horizontalAdvance(text)
            if need > width:
                found.append(f"{text!r} is cut ({width} px for {need} px)")
            continue
        heights = line_heights(text, option.font, width)
        used = 0.0
        for i, height in enumerate(heights):
            used += height
            last = i == len(heights) - 1
            if (not last and used + height > text_rect.height()) or (last and used > text_rect.height() + 0.5):
                found.append(f"{text!r} ends in '…' after line {i + 1} of {len(heights)} "
                             f"({text_rect.height()} px for {sum(heights):.0f} px)")
                break
    return found
