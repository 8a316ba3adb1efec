"""Every dialog's buttons carry one Alt+letter (issue #32, item 7), in English and Japanese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from person import Person, settle
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QMessageBox, QWidget

from wizard.core.model import new_project

DEMO = Path(__file__).resolve().parents[2] / "resources/examples/demo.mpwiz"
ONE_MNEMONIC = re.compile(r"^[^&]*&[A-Za-z][^&]*$")


def _dialogs(parent: QWidget, tmp_path) -> dict[str, QWidget]:
    from wizard.gallery_dialog import GalleryCheckDialog
    from wizard.guidance_panel import HelpDialog
    from wizard.image_dialog import ImageDialog
    from wizard.pages.storage_dialog import StorageConnectDialog
    from wizard.pages.testvm_dialog import TestVmDialog
    from wizard.plan_dialog import PlanDialog
    from wizard.start_dialog import StartDialog

    project = new_project()
    sku = project.skus[0]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return {
        "gallery": GalleryCheckDialog(project, sku, sku.images[0], parent),
        "help": HelpDialog(parent, "Help", "<p>help</p>"),
        "image": ImageDialog(project, sku, parent),
        "testvm": TestVmDialog(parent, project),
        "plan": PlanDialog(project, sku, parent),
        "start": StartDialog(parent, project, settings),
        "storage": StorageConnectDialog(parent, "devstoreaccount1", "", refused="The storage account refused this key."),
    }


def _buttons(dialog: QWidget) -> list[QAbstractButton]:
    return [b for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_dialog_button_has_one_alt_letter(qtbot, tmp_path, lang):
    from wizard.i18n import install_translators

    install_translators(lang)
    try:
        parent = QWidget()
        qtbot.addWidget(parent)
        for name, dialog in _dialogs(parent, tmp_path).items():
            buttons = _buttons(dialog)
            assert buttons, name
            for button in buttons:
                assert ONE_MNEMONIC.match(button.text()), (lang, name, button.text())
        box = QMessageBox(QMessageBox.Icon.Question, "t", "x", QMessageBox.StandardButton.Yes
                          | QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Open
                          | QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.No, parent)
        from wizard.mnemonics import give_mnemonics

        give_mnemonics(box)
        for button in box.buttons():
            assert ONE_MNEMONIC.match(button.text()), (lang, button.text())
        if lang == "ja":
            assert box.button(QMessageBox.StandardButton.Cancel).text() == "キャンセル(&C)"
    finally:
        install_translators("en")


def test_alt_letter_closes_the_test_vm_dialog(qtbot):
    from wizard.pages.testvm_dialog import TestVmDialog

    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = TestVmDialog(parent, new_project())
    dialog.show()
    QTest.qWaitForWindowExposed(dialog)
    dialog.activateWindow()
    settle(50)
    close = _buttons(dialog)[0]
    letter = close.text()[close.text().index("&") + 1]
    person = Person(dialog)
    person.press(Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)


# -- message boxes: every one is built by wizard/mnemonics (ask, warn, critical, about, message_box) ---------
def _letter(text: str) -> str:
    return text[text.index("&") + 1].upper()


def _alt(person: Person, button: QAbstractButton) -> None:
    person.press(Qt.Key(ord(_letter(button.text()))), Qt.KeyboardModifier.AltModifier)


def _box_checked(box: QMessageBox, lang: str) -> list[QAbstractButton]:
    """The box's buttons, each with one Alt letter of its own (a Japanese one written after the word)."""
    buttons = [b for b in box.buttons() if b.isVisible()]
    assert buttons, box.text()
    for button in buttons:
        assert ONE_MNEMONIC.match(button.text()), (lang, box.windowTitle(), button.text())
        if lang == "ja" and box.standardButton(button) != QMessageBox.StandardButton.NoButton:
            assert re.search(r"\(&[A-Z]\)", button.text()), button.text()  # 「はい(&Y)」
    letters = [_letter(b.text()) for b in buttons]
    assert len(set(letters)) == len(letters), (box.windowTitle(), [b.text() for b in buttons])
    return buttons


class Chooser:
    """Answers the next modal message box as a person: checks its buttons' letters, presses Alt + the letter
    of the button `pick` names, and keeps which button the box says was clicked."""

    def __init__(self, lang: str, pick, before=None, after=None):
        from test_first_submission_by_a_person import Answer

        self.lang, self.pick, self.before, self.after = lang, pick, before, after
        self.clicked: QAbstractButton | None = None
        self.wanted: QAbstractButton | None = None
        self.texts: list[str] = []
        self.answer = Answer(QMessageBox, self.act, seconds=10)

    def act(self, box, person: Person) -> None:
        for _ in range(100):  # the box is on screen before its buttons are laid out
            if any(b.isVisible() for b in box.buttons()):
                break
            settle(20)
        settle(30)
        buttons = _box_checked(box, self.lang)
        self.texts = [b.text() for b in buttons]
        self.wanted = self.pick(box)
        assert self.wanted in buttons, self.texts
        if self.before is not None:
            self.before(box)
        _alt(person, self.wanted)
        self.clicked = box.clickedButton()
        if self.after is not None:
            self.after()  # e.g. wait for the box this answer brings

    def check(self) -> None:
        self.answer.check()
        assert self.clicked is not None and self.clicked is self.wanted, (self.texts, self.clicked)


def standard(which: QMessageBox.StandardButton):
    return lambda box: box.button(which)


def role(wanted: QMessageBox.ButtonRole):
    return lambda box: next(b for b in box.buttons() if box.buttonRole(b) == wanted)


@pytest.fixture
def shown(new_window, request):
    from wizard.i18n import install_translators

    lang = request.param
    install_translators(lang)
    window = new_window()
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 2000)
    settle(30)
    yield window, lang
    install_translators("en")


B = QMessageBox.StandardButton
BOTH = pytest.mark.parametrize("shown", ["en", "ja"], indirect=True)


@BOTH
def test_the_unsaved_changes_and_recovery_questions_answer_to_alt_letters(shown, tmp_path):
    from wizard.mainwindow import unsaved_changes_question

    window, lang = shown
    for which in (B.Save, B.Discard, B.Cancel):
        chooser = Chooser(lang, standard(which))
        got = unsaved_changes_question(window)
        chooser.check()
        assert got == which
        if lang == "ja":
            assert sorted(chooser.texts) == sorted(["保存(&S)", "保存しない(&D)", "キャンセル(&C)"]), chooser.texts

    window.document.project.name = "Unsaved edit"
    window.document.mark_changed()
    window.write_recovery()
    for which in (B.Ignore, B.Discard):  # later: the copy stays; discard: it goes
        assert len(window.recovery.entries()) == 1
        chooser = Chooser(lang, standard(which))
        window.offer_recovery()
        chooser.check()
    assert window.recovery.entries() == []
    window.document.project.name = "Unsaved edit"
    window.document.mark_changed()
    window.write_recovery()
    chooser = Chooser(lang, standard(B.Yes))
    window.offer_recovery()
    chooser.check()
    assert window.document.project.name == "Unsaved edit" and window.document.dirty

    # The copy is damaged after the question: "Restore failed" is a box of its own, with its own &OK.
    window.document.mark_changed()
    window.write_recovery()
    entry = window.recovery.entries()[0]
    failed: list[Chooser] = []
    restore = Chooser(lang, standard(B.Yes), before=lambda box: entry.file.write_text("{ damaged"),
                      after=lambda: failed.append(Chooser(lang, standard(B.Ok))))
    window.offer_recovery()
    restore.check()
    failed[0].check()


@BOTH
def test_open_and_save_failures_and_the_about_box_close_with_alt_o(shown, tmp_path):
    import os

    from wizard.core.model import Project, Sku
    from wizard.core.projectio import save_project

    window, lang = shown
    bad = tmp_path / "bad.mpwiz"
    bad.write_text("{ not json")
    chooser = Chooser(lang, standard(B.Ok))
    got = window.open_path(bad, ask=False)
    chooser.check()
    assert not got

    target = tmp_path / "p.mpwiz"
    save_project(Project(name="original", skus=[Sku()]), target)
    (tmp_path / f".p.mpwiz.{os.getpid()}.tmp").mkdir()  # the temporary file cannot be written
    chooser = Chooser(lang, standard(B.Ok))
    got = window._save_to(target)
    chooser.check()
    assert not got

    chooser = Chooser(lang, standard(B.Ok))
    window.show_about()
    chooser.check()


@BOTH
def test_a_project_changed_on_disk_offers_four_letters(shown, tmp_path):
    window, lang = shown
    path = tmp_path / "theirs.mpwiz"
    chooser = Chooser(lang, standard(B.Cancel))
    got = window._changed_on_disk(path)
    chooser.check()
    assert got is False
    assert len(chooser.texts) == 4


@BOTH
def test_the_trust_and_incomplete_report_questions_answer_yes_and_no(shown):
    from wizard.core.operations import UnknownHostKey
    from wizard.core.questionnaire import QuestionnaireProgress
    from wizard.core.steps import Step

    window, lang = shown
    connection = window.pages[Step.CONNECTION]
    questionnaire = window.pages[Step.QUESTIONNAIRE]
    error = UnknownHostKey("vm.example", "ssh-ed25519", "SHA256:abcdef", None)
    state = QuestionnaireProgress(3, 9, (), (), (), False)
    for which, said in ((B.Yes, True), (B.No, False)):
        chooser = Chooser(lang, standard(which))
        got = connection.ask_trust(error)
        chooser.check()
        assert got is said
        chooser = Chooser(lang, standard(which))
        got = questionnaire.confirm_incomplete_report(state)
        chooser.check()
        assert got is said


@BOTH
def test_the_export_folder_and_partner_center_questions(shown):
    from wizard.core.steps import Step

    window, lang = shown
    page = window.pages[Step.NEXT]
    for which, said in ((B.Open, True), (B.Cancel, False)):
        chooser = Chooser(lang, standard(which))
        got = page._ask("Open /tmp/x?")
        chooser.check()
        assert got is said
    chooser = Chooser(lang, standard(B.Ok))
    page._tell("/tmp/x is not a folder on this computer")
    chooser.check()
    for which, said in ((B.Yes, True), (B.Cancel, False)):
        chooser = Chooser(lang, standard(which))
        got = page.pc_panel._confirm("Send?", ["plan a"])
        chooser.check()
        assert got is said


@BOTH
def test_the_crash_dialog_shows_its_details_and_closes_with_alt_letters(shown, monkeypatch):
    import sys

    from wizard.app import install_excepthook

    _window, lang = shown
    monkeypatch.delenv("MPWIZARD_NO_CRASH_DIALOG", raising=False)
    seen: dict[str, object] = {}

    def details_then_ok(box, person: Person) -> None:
        details = role(QMessageBox.ButtonRole.ActionRole)(box)
        _alt(person, details)  # Show Details: the text appears, the button keeps its letter
        seen["details"] = box.detailedText()
        seen["after"] = details.text()
        _alt(person, box.button(B.Ok))

    chooser = Chooser(lang, role(QMessageBox.ButtonRole.ActionRole))
    chooser.answer.act = lambda box, person: (_box_checked(box, lang), details_then_ok(box, person))
    old = sys.excepthook
    install_excepthook()
    try:
        try:
            raise RuntimeError("boom")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = old
    chooser.answer.check()
    assert "RuntimeError" in str(seen["details"])
    assert ONE_MNEMONIC.match(str(seen["after"])), seen["after"]


@BOTH
def test_window_modal_notes_close_with_alt_o(shown, tmp_path):
    import json

    window, lang = shown
    window.import_partner_center(tmp_path / "missing.json")  # "Nothing was imported"
    _close_note(window, "importMessage", lang)

    damaged = json.loads(DEMO.read_text(encoding="utf-8"))
    damaged["connection"]["port"] = "not a port"
    path = tmp_path / "damaged.mpwiz"
    path.write_text(json.dumps(damaged), encoding="utf-8")
    assert window.open_path(path, ask=False)
    _close_note(window, "openedWithProblems", lang)


def _close_note(window, name: str, lang: str) -> None:
    box = window.findChild(QMessageBox, name)
    assert box is not None and box.isVisible(), name
    box.activateWindow()
    QTest.qWaitForWindowActive(box, 2000)
    settle(30)
    buttons = _box_checked(box, lang)
    ok = box.button(B.Ok)
    if box.detailedText():
        details = next(b for b in buttons if b is not ok)
        _alt(Person(box), details)
        assert ONE_MNEMONIC.match(details.text()), details.text()
    _alt(Person(box), ok)
    assert box.clickedButton() is ok and not box.isVisible()
    box.deleteLater()


@BOTH
def test_the_one_line_questions_take_alt_letters(shown):
    """The VHD step's "Blob URL" question (a QInputDialog through mnemonics.ask_text): &OK and &Cancel."""
    from PySide6.QtWidgets import QInputDialog
    from test_first_submission_by_a_person import Answer

    from wizard.core.steps import Step
    from wizard.mnemonics import ask_text

    window, lang = shown
    window.wizard.jump_to(int(Step.VHD))
    page = window.pages[Step.VHD]
    page.disks.selectRow(0)
    disk = window.document.project.skus[0].disks[0]
    seen: dict[str, list[str]] = {}

    def press(role: QDialogButtonBox.ButtonRole, typed: str = ""):
        def act(dialog, person: Person) -> None:
            settle(30)
            box = dialog.findChild(QDialogButtonBox)
            buttons = [b for b in box.buttons() if b.isVisible()]
            seen["texts"] = [b.text() for b in buttons]
            letters = [_letter(b.text()) for b in buttons]
            assert all(ONE_MNEMONIC.match(t) for t in seen["texts"]) and len(set(letters)) == 2, seen["texts"]
            if lang == "ja":
                assert all(re.search(r"\(&[A-Z]\)", t) for t in seen["texts"]), seen["texts"]
            if typed:
                person.select_all_and_type(typed)
            _alt(person, next(b for b in buttons if box.buttonRole(b) == role))

        return Answer(QInputDialog, act, seconds=10)

    answer = press(QDialogButtonBox.ButtonRole.RejectRole)
    page.ask_blob_url()
    answer.check()
    assert disk.blob_url == ""  # Cancel took nothing
    answer = press(QDialogButtonBox.ButtonRole.AcceptRole, "vhds2")
    got = ask_text(window, "Upload", "Container to upload into:", "vhds")
    answer.check()
    assert got == ("vhds2", True)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_no_alt_letter_is_taken_twice_in_a_dialog(qtbot, tmp_path, lang):
    """One letter on two widgets only moves between them (Qt's ambiguous mnemonic): each is used once."""
    from person import mnemonics

    from wizard.i18n import install_translators

    install_translators(lang)
    try:
        parent = QWidget()
        qtbot.addWidget(parent)
        for name, dialog in _dialogs(parent, tmp_path).items():
            dialog.show()
            QTest.qWaitForWindowExposed(dialog)
            twice = {letter: owners for letter, owners in mnemonics(dialog, dialog).items() if len(owners) > 1}
            assert not twice, (lang, name, twice)
            dialog.close()
    finally:
        install_translators("en")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_storage_dialogs_endpoint_example_is_whole(qtbot, lang):
    """Qt elides a placeholder that does not fit its field: the emulator's example was cut in Japanese."""
    from PySide6.QtWidgets import QStyle, QStyleOptionFrame

    from wizard.i18n import install_translators
    from wizard.pages.storage_dialog import StorageConnectDialog

    install_translators(lang)
    try:
        dialog = StorageConnectDialog(None, "devstoreaccount1", "", refused="The storage account refused this key.")
        qtbot.addWidget(dialog)
        dialog.show()
        QTest.qWaitForWindowExposed(dialog)
        field = dialog.endpoint
        option = QStyleOptionFrame()
        field.initStyleOption(option)
        inside = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
        margins = field.textMargins()
        room = inside.width() - margins.left() - margins.right() - 4  # QLineEdit keeps 2 px either side
        assert field.fontMetrics().horizontalAdvance(field.placeholderText()) <= room, (lang, field.placeholderText())
    finally:
        install_translators("en")
