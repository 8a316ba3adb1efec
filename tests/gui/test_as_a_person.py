"""The wizard used the way a person uses it (tests/helpers/person.py): click where a field is, type into
whatever has the focus, turn the wheel over what is under the pointer, walk with the keyboard.

Before the fix in StepPage.refresh_complete, the first key typed into any field moved the focus
to the step list: "hello" became "h". Every test here types whole words and checks they arrived.
"""

from __future__ import annotations

import pytest
from person import NotReachable, Person, bring_into_view, settle
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QWidget,
)

from wizard.core.steps import Step


@pytest.fixture
def demo(new_window):
    from wizard.core.resources import resource_path

    window = new_window()
    window.show()
    window.resize(1180, 780)
    window.open_path(resource_path("examples/demo.mpwiz"), ask=False)
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 2000)
    settle(50)
    return window, Person(window)


def editable_fields(page: QWidget) -> list[QWidget]:
    """Every visible, enabled field a person can type into on the page, in no particular order."""
    fields: list[QWidget] = []
    for edit in page.findChildren(QLineEdit):
        parent = edit.parentWidget()
        if isinstance(parent, (QComboBox, QAbstractSpinBox)) and not (isinstance(parent, QComboBox) and parent.isEditable()):
            continue  # the inner line edit of a spin box or a plain combo box
        if edit.isVisible() and edit.isEnabled() and not edit.isReadOnly():
            fields.append(parent if isinstance(parent, QComboBox) else edit)
    for text in page.findChildren(QPlainTextEdit):
        if text.isVisible() and text.isEnabled() and not text.isReadOnly():
            fields.append(text)
    return fields


def field_text(widget: QWidget) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    return widget.text()


def test_typing_goes_where_the_person_clicked_on_every_step(demo):
    window, person = demo
    typed_into = {}
    for step in Step:
        window.wizard.jump_to(int(step))
        settle(30)
        page = window.pages[step]
        tabs = page.findChildren(QTabWidget)
        tab_indexes = range(tabs[0].count()) if tabs else [None]
        for tab_index in tab_indexes:
            if tab_index is not None:
                tabs[0].setCurrentIndex(tab_index)
                settle(30)
            for field in editable_fields(page):
                bring_into_view(field)
                person.click(field)
                if isinstance(field, QComboBox):
                    field.lineEdit().selectAll()
                    assert QApplication.focusWidget() is field.lineEdit() or QApplication.focusWidget() is field
                else:
                    assert QApplication.focusWidget() is field, f"{step.name}: a click did not give {field.accessibleName()!r} the focus"
                person.press(Qt.Key.Key_End)
                before = field_text(field)
                person.type("hello")
                after = field_text(field)
                assert after == before + "hello" or after.endswith("hello"), \
                    f"{step.name}: typed 'hello' into {field.accessibleName() or type(field).__name__!r}, it holds {after!r}"
                focus = QApplication.focusWidget()
                assert focus is field or field.isAncestorOf(focus), f"{step.name}: the focus left {field.accessibleName()!r}"
                typed_into.setdefault(step.name, 0)
                typed_into[step.name] += 1
    # The pages a person types on: each had fields and every one of them took the word.
    for name in ("OFFER", "CONNECTION", "QUESTIONNAIRE", "SAS"):
        assert typed_into.get(name, 0) >= 2, typed_into


def test_typed_offer_name_lands_in_the_project(demo):
    window, person = demo
    page = window.pages[Step.OFFER]
    person.click(page.offer_name)
    person.select_all_and_type("Contoso Appliance")
    assert window.document.project.offer.offer_name == "Contoso Appliance"
    person.click(page.sku_id)
    person.select_all_and_type("ubuntu-pro")  # a field whose value changes the SKU list and Next
    assert page.sku_id.text() == "ubuntu-pro"
    assert window.document.project.skus[0].sku_id == "ubuntu-pro"
    assert QApplication.focusWidget() is page.sku_id


def test_wheel_over_an_unfocused_combo_scrolls_the_page_and_keeps_the_value(demo):
    window, person = demo
    window.resize(1024, 700)
    settle(30)
    page = window.pages[Step.OFFER]
    scroll = page.sku_editor.parentWidget().parentWidget()
    assert isinstance(scroll, QScrollArea)
    before = page.os_family.currentIndex()
    bar = scroll.verticalScrollBar()
    bar.setValue(0)
    got = person.wheel(page.os_family, steps=-1)
    assert page.os_family.isAncestorOf(got) or got is page.os_family
    assert page.os_family.currentIndex() == before, "the wheel changed the OS family"
    assert window.document.project.skus[0].os_family == "linux"
    assert bar.maximum() == 0 or bar.value() > 0, "the page did not scroll"
    # Once the person clicked into it, the wheel is theirs to change the value with.
    bar.setValue(0)
    settle()
    page.os_family.setFocus()
    settle()
    person.wheel(page.os_family, steps=-1)
    assert page.os_family.currentIndex() != before


@pytest.mark.parametrize("step,names", [
    (Step.SAS, ("mode", "suffix", "extra_days", "scheme")),
    (Step.EXPORT, ("format_combo",)),
])
def test_wheel_never_changes_an_unfocused_value(demo, step, names):
    window, person = demo
    window.wizard.jump_to(int(step))
    settle(30)
    page = window.pages[step]
    window.steps.setFocus()
    for name in names:
        widget = getattr(page, name)
        value = widget.value() if isinstance(widget, QAbstractSpinBox) else widget.currentIndex()
        for turn in (-1, 1, -1):
            person.wheel(widget, steps=turn)
        now = widget.value() if isinstance(widget, QAbstractSpinBox) else widget.currentIndex()
        assert now == value, f"the wheel changed {name}"


def place(widget: QWidget, page: QWidget) -> tuple[QWidget | None, QRect, QRect]:
    """(its scroll area, its rectangle in that area's content -- unscrolled --, the rectangle that
    stands for it on the page: the area's own where it has one). A scroll area follows the focus, so
    positions taken at different moments are compared in the content, not on the screen."""
    from wizard.qt_tree import ancestors

    areas = [a for a in ancestors(widget, page)
             if isinstance(a, QScrollArea) and a.widget() is not None and a.widget().isAncestorOf(widget)]
    area = areas[-1] if areas else None  # the outermost
    on_page = QRect(widget.mapTo(page, QPoint(0, 0)), widget.size())
    if area is None:
        return None, on_page, on_page
    inner = QRect(widget.mapTo(area.widget(), QPoint(0, 0)), widget.size())
    return area, inner, QRect(area.mapTo(page, QPoint(0, 0)), area.size())


def reading_order_problems(chain) -> list[str]:
    """Tab goes down within a column: within widgets that share a column (their horizontal extents
    overlap), the next one may not sit higher up than the one before. Widgets in one scroll area are
    compared inside it; a widget in a scroll area and one outside it, by the area's place on the page."""
    problems = []
    for (a, (area_a, inner_a, outer_a)), (b, (area_b, inner_b, outer_b)) in zip(chain, chain[1:], strict=False):
        ra, rb = (inner_a, inner_b) if area_a is area_b else (outer_a, outer_b)
        if area_a is not area_b and (area_a is None) != (area_b is None) and ra.intersects(rb):
            continue  # into or out of a scroll area that the other widget sits in
        same_column = ra.left() < rb.right() and rb.left() < ra.right()
        if same_column and rb.bottom() < ra.top() - 2:
            problems.append(f"{a.accessibleName() or type(a).__name__} -> {b.accessibleName() or type(b).__name__} goes up")
    return problems


@pytest.mark.parametrize("step", list(Step))
def test_tab_order_follows_the_reading_order(demo, step):
    window, person = demo
    if step is Step.NEXT:  # under the demo's 2015 profile it holds only the portal steps: Partner Center's panel too
        window.document.project.profile_id = "partner-center"
    window.wizard.jump_to(int(step))
    settle(30)
    page = window.pages[step]
    window.steps.setFocus()
    chain: list = []
    for _ in range(120):
        person.press(Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        if focus is None:
            break
        if page.isAncestorOf(focus):
            if any(focus is seen for seen, _ in chain):
                break
            chain.append((focus, place(focus, page)))
        elif chain:
            break  # left the page (to Back/Next): one pass is enough
    assert len(chain) >= 2, f"Tab reaches {len(chain)} widget(s) on {step.name}"
    assert reading_order_problems(chain) == []


def alt(person: Person, key: Qt.Key) -> None:
    """Alt+key as a person presses it: once the button it names is enabled (a page may be busy
    reading the keyring for a moment -- a person waits for the button too), then wait for the step
    to change: a mnemonic "animates" its click. Generous limits: CI has two loaded cores."""
    import time

    from PySide6.QtWidgets import QWizard

    window = person.window
    which = QWizard.WizardButton.NextButton if key == Qt.Key.Key_N else QWizard.WizardButton.BackButton
    button = window.wizard.button(which)
    end = time.monotonic() + 30
    while not button.isEnabled() and time.monotonic() < end:
        settle(20)
    before = window.wizard.currentId()
    person.press(key, Qt.KeyboardModifier.AltModifier)
    end = time.monotonic() + 10
    while window.wizard.currentId() == before and time.monotonic() < end:
        settle(20)


def test_keyboard_only_walk_through_the_demo(demo):
    """Alt+N / Alt+B move between steps; Tab, Space and typing do the rest -- no mouse."""
    window, person = demo
    page = window.pages[Step.OFFER]
    page.publisher.setFocus()  # where the focus is when the window opens on the first page
    settle()
    # Step 1: Tab to the offer name, retype it.
    person.tab_until(lambda w: w is page.offer_name)
    person.select_all_and_type("Contoso Web Appliance 2")
    assert window.document.project.offer.offer_name == "Contoso Web Appliance 2"
    seen = [window.wizard.currentId()]
    for _ in range(len(Step) - 1):
        alt(person, Qt.Key.Key_N)
        seen.append(window.wizard.currentId())
        if window.wizard.currentId() == Step.QUESTIONNAIRE:
            qpage = window.pages[Step.QUESTIONNAIRE]
            # Space on a focused check box toggles it: the "SSH blocked" box on the additional-info tab.
            qpage.tabs.setCurrentIndex(qpage.tabs.count() - 2)
            settle(30)
            blocked = qpage.ssh_blocked
            person.tab_until(lambda w, target=blocked: w is target)
            before = qpage.ssh_blocked.isChecked()
            person.press(Qt.Key.Key_Space)
            assert qpage.ssh_blocked.isChecked() != before
            person.press(Qt.Key.Key_Space)
            assert qpage.ssh_blocked.isChecked() == before
    assert seen == list(range(len(Step))), f"Alt+N went {seen}"
    alt(person, Qt.Key.Key_B)
    assert window.wizard.currentId() == Step.EXPORT
    # The step list answers arrow keys when it has the focus, and only then.
    window.steps.setFocus()
    person.press(Qt.Key.Key_Up)
    assert window.wizard.currentId() == Step.SAS
    with pytest.raises(NotReachable):
        person.click(window.pages[Step.OFFER].publisher)  # not on screen now: a person could not click it


def test_step_list_items_take_no_keys_from_fields(demo):
    """The regression itself: typing a SKU id on a fresh project never moves the step list."""
    window, person = demo
    window.new_project()
    settle(30)
    page = window.pages[Step.OFFER]
    person.click(page.sku_id)
    person.type("abc-1")
    assert page.sku_id.text() == "abc-1"
    assert window.wizard.currentId() == Step.OFFER
    assert not isinstance(QApplication.focusWidget(), QListWidget)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_no_alt_key_has_two_owners_on_any_step(new_window, lang):
    """Alt+N must mean Next and Alt+B Back on every step; no two fields share a letter."""
    from person import mnemonics

    from wizard.core.resources import resource_path
    from wizard.i18n import install_translators

    install_translators(lang)
    try:
        window = new_window()
        window.show()
        window.open_path(resource_path("examples/demo.mpwiz"), ask=False)
        clashes = {}
        for step in Step:
            window.wizard.jump_to(int(step))
            settle(20)
            page = window.pages[step]
            tabs = page.findChildren(QTabWidget)
            for index in range(tabs[0].count()) if tabs else [None]:
                if index is not None:
                    tabs[0].setCurrentIndex(index)
                    settle(10)
                for letter, owners in mnemonics(window, page).items():
                    if len(owners) > 1:
                        clashes.setdefault(f"{step.name} Alt+{letter}", sorted(set(owners)))
        assert clashes == {}
    finally:
        install_translators("en")


def test_a_slow_keyring_holds_the_export_button_but_not_next(demo, monkeypatch):
    """The Export page reads every SAS URI from the keyring when it opens. A keyring that answers
    slowly (or waits for an unlock prompt) keeps Export disabled -- it needs the URIs -- but not
    Next: the What's-next step needs nothing from the keyring (CI once saw the walk stop there)."""
    import threading

    from wizard.core import operations

    window, person = demo
    gate = threading.Event()
    real = operations.read_sas_uris

    def slow_read(project):
        gate.wait(20)
        return real(project)

    monkeypatch.setattr(operations, "read_sas_uris", slow_read)
    page = window.pages[Step.EXPORT]
    window.wizard.jump_to(int(Step.EXPORT))
    settle(50)
    try:
        assert page.task is not None, "the keyring read is still running"
        assert not page.btn_export.isEnabled()
        assert window.wizard.button(window.wizard.WizardButton.NextButton).isEnabled()
        alt(person, Qt.Key.Key_N)
        assert window.wizard.currentId() == Step.NEXT
    finally:
        gate.set()
    for _ in range(200):
        if page.task is None:
            break
        settle(20)
    assert page.task is None
