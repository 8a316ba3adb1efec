"""What's next (issue #29): nothing from a project file reaches the OS shell or the rich-text engine.

The OS is asked to open URLs through QDesktopServices; Qt's own URL handler hook for the "file"
scheme records what would have been opened, so no file manager starts (and nothing is run) here.
"""

from __future__ import annotations

import pytest
from person import Person, settle
from PySide6 import QtGui
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from wizard.core.model import ExportRecord
from wizard.core.places import forget_written, remember_written
from wizard.core.steps import Step


class Opened(QObject):
    """Qt's handler for file: URLs while a test runs: what openUrl was asked to open."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url.toLocalFile())


@pytest.fixture
def opened():
    catcher = Opened()
    QDesktopServices.setUrlHandler("file", catcher, "handle")
    forget_written()
    yield catcher
    QDesktopServices.unsetUrlHandler("file")
    forget_written()


def next_page_with(demo_window, path: str):
    window = demo_window(Step.EXPORT)
    window.document.project.last_export = ExportRecord("csv", path, "2026-01-01T00:00:00Z", 0)
    window.wizard.jump_to(int(Step.NEXT))
    settle(20)
    page = window.pages[Step.NEXT]
    page.load_from_project()
    return window, page


def answer_box(button: QMessageBox.StandardButton | None, seen: list[str]) -> None:
    """When the next modal box shows, note its text and format, then press `button` (or close it)."""

    def act() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, act)
            return
        seen.append(box.text())
        seen.append(str(box.textFormat()))
        target = box.button(button) if button is not None else box.buttons()[0]
        Person(box).click(target)

    QTimer.singleShot(50, act)


def test_a_file_named_as_the_export_folder_is_never_opened(demo_window, opened, tmp_path):
    """Before: openUrl(run-me.desktop) — on Windows an .exe there runs."""
    runme = tmp_path / "run-me.desktop"
    runme.write_text("[Desktop Entry]\nExec=touch /tmp/pwned\n")
    window, page = next_page_with(demo_window, str(runme / "form.csv"))
    seen: list[str] = []
    answer_box(None, seen)
    Person(window).click(page.btn_folder)
    settle(50)
    assert opened.urls == []
    assert "is not a folder on this computer" in seen[0]


@pytest.mark.parametrize("share", ["\\\\evil.example\\share\\form.csv", "//evil.example/share/form.csv"])
def test_a_network_share_from_the_project_is_not_opened(demo_window, opened, share):
    window, page = next_page_with(demo_window, share)
    seen: list[str] = []
    answer_box(None, seen)
    Person(window).click(page.btn_folder)
    settle(50)
    assert opened.urls == []
    assert seen and "not a folder on this computer" in seen[0]


def test_a_folder_not_written_this_session_is_opened_only_when_the_person_says_so(demo_window, opened, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    window, page = next_page_with(demo_window, str(folder / "form.csv"))
    seen: list[str] = []
    answer_box(QMessageBox.StandardButton.Cancel, seen)
    Person(window).click(page.btn_folder)
    settle(50)
    assert opened.urls == [] and "was not exported there in this session" in seen[0]
    assert seen[1] == str(Qt.TextFormat.PlainText)
    answer_box(QMessageBox.StandardButton.Open, seen)
    Person(window).click(page.btn_folder)
    settle(50)
    assert opened.urls == [str(folder)]


def test_the_folder_the_app_wrote_to_opens_without_a_question(demo_window, opened, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    remember_written(folder / "form.csv")
    window, page = next_page_with(demo_window, str(folder / "form.csv"))
    Person(window).click(page.btn_folder)
    settle(50)
    assert opened.urls == [str(folder)]


def test_the_export_label_shows_markup_as_text(demo_window, opened, tmp_path):
    """Before: an <img src=…> in the project's path made Qt load that file just by showing the step."""
    hostile = str(tmp_path / '<img src="pwned.png"><b>x</b>' / "form.csv")
    window, page = next_page_with(demo_window, hostile)
    assert page.files.textFormat() == Qt.TextFormat.PlainText
    assert '<img src="pwned.png"><b>x</b>' in page.files.text()
    for label in window.findChildren(QLabel):
        if "<img" in label.text() and label.isVisible():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


def _hostile(node, key=None):
    """The demo project with markup appended to every free-text value (names, titles, descriptions…)."""
    if isinstance(node, dict):
        return {k: _hostile(v, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_hostile(x, key) for x in node]
    if isinstance(node, str) and key != "format" and (" " in node or key in (
            "name", "title", "publisher", "offer_id", "plan_id", "summary", "description")):
        return node + MARK
    return node


MARK = '<img src="pwned.png">'


def test_no_label_on_any_step_renders_project_text_as_rich_text(new_window, tmp_path):
    """Every label that shows the project's text shows it as plain text (an <img> would make Qt load
    the file just by showing the step). Labels that are rich text by design escape what they show."""
    import json

    from wizard.core.resources import resource_path

    data = json.loads(resource_path("examples/demo.mpwiz").read_text(encoding="utf-8"))
    path = tmp_path / "hostile.mpwiz"
    path.write_text(json.dumps(_hostile(data)), encoding="utf-8")
    window = new_window()
    window.show()
    window.open_path(path, ask=False)
    offenders = []
    for step in Step:
        window.wizard.jump_to(int(step))
        settle(30)
        for label in window.findChildren(QLabel):
            text = label.text()
            rich = label.textFormat() == Qt.TextFormat.RichText or (
                label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text))
            if MARK in text and rich:
                offenders.append(f"{step.name}: {label.objectName()} in {type(label.parent()).__name__} {type(label.window()).__name__}: {text[:60]!r}")
    assert offenders == [], "\n".join(offenders)


# -- every other openUrl of the app: what it opens is fixed, the app's own, or checked -----------------------
class OpenedWeb(Opened):
    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def opened_web():
    catcher = OpenedWeb()
    for scheme in ("https", "http", "file", "smb"):
        QDesktopServices.setUrlHandler(scheme, catcher, "handle")
    yield catcher
    for scheme in ("https", "http", "file", "smb"):
        QDesktopServices.unsetUrlHandler(scheme)


def test_open_partner_center_opens_only_the_portal_whatever_the_project_says(demo_window, opened_web, tmp_path):
    from wizard.pages.next_page import PORTAL_URL

    window, page = next_page_with(demo_window, str(tmp_path / "https:" / "evil.example" / "form.csv"))
    window.document.project.profile_id = "partner-center"  # the button is there only under Partner Center
    page.load_from_project()
    settle(20)
    Person(window).click(page.btn_portal)
    settle(30)
    assert opened_web.urls == [PORTAL_URL]


def test_open_log_folder_opens_the_apps_own_log_folder(new_window, opened_web):
    from wizard.core import logs

    window = new_window()
    window.show()
    window.open_log_folder()
    settle(30)
    assert opened_web.urls == [QUrl.fromLocalFile(str(logs.log_dir())).toString()]


@pytest.mark.parametrize("url, opened_as", [
    ("https://learn.microsoft.com/en-us/partner-center/marketplace/azure-vm-offer-setup", "browser"),
    ("file:///etc/passwd", "refused"),
    ("smb://evil.example/share", "refused"),
    ("javascript:alert(1)", "refused"),
])
def test_a_guidance_link_opens_only_when_it_passes_the_link_check(qtbot, opened_web, url, opened_as):
    from PySide6.QtWidgets import QWidget

    from wizard.guidance_panel import follow_link

    widget = QWidget()
    qtbot.addWidget(widget)
    assert follow_link(QUrl(url), widget, lambda step: None) == opened_as
    assert opened_web.urls == ([url] if opened_as == "browser" else [])


def test_the_import_message_shows_the_files_words_as_plain_text(new_window, tmp_path):
    """Before: "Nothing was imported: no SKU with the ID '<img src=…>'" made Qt load that file (AutoText)."""
    import json

    from test_partner_center import pc_resource

    from wizard.core.resources import resource_path

    path = tmp_path / "tc.json"
    path.write_text(json.dumps(pc_resource(plan={"externalId": '<img src="pwned.png">'})), encoding="utf-8")
    window = new_window()
    window.show()
    window.open_path(resource_path("examples/demo.mpwiz"), ask=False)
    window.import_partner_center(path)
    settle(30)
    box = window.findChild(QMessageBox, "importMessage")
    assert box is not None and '<img src="pwned.png">' in box.text()
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.close()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_partner_center_takes_no_room_under_the_2015_profile(new_window, translated, tmp_path, lang):
    """Under the 2015 guide the What's next step shows its portal steps and nothing of Partner Center (its live
    panel and its button took two thirds of the page at 1024x700); under Partner Center both are there."""
    from test_layout import demo_under

    translated(lang)
    heights = {}
    for profile in ("publishing-guide-2015", "partner-center"):
        window = new_window()
        window.show()
        window.resize(1280, 800)
        window.open_path(demo_under(tmp_path, profile), ask=False)
        window.resize(1024, 700)
        window.wizard.jump_to(int(Step.NEXT))
        settle(50)
        page = window.pages[Step.NEXT]
        shown = page.pc_panel.isVisible() or page.btn_portal.isVisible()
        assert shown == (profile == "partner-center"), profile
        words = " ".join(w.text() for w in page.findChildren(QLabel) if w.isVisible()) + page.remaining.toPlainText()
        if profile != "partner-center":
            assert "Partner Center" not in words and "パートナー センター" not in words, words
        heights[profile] = page.remaining.height()
        window.document.dirty = False
        window.close()
    assert heights["publishing-guide-2015"] > heights["partner-center"]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_under_partner_center_the_portal_steps_read_whole_at_1024x700(new_window, translated, tmp_path, lang):
    """Under Partner Center at 1024x700 the portal steps and their links scrolled a little, under the live panel's
    empty Difference tab: the tabs take room only once there is a difference or an error to show."""
    from person import layout_problems
    from test_layout import demo_under

    translated(lang)
    window = new_window()
    window.show()
    window.resize(1280, 800)
    window.open_path(demo_under(tmp_path, "partner-center"), ask=False)
    window.resize(1024, 700)
    window.wizard.jump_to(int(Step.NEXT))
    settle(50)
    page = window.pages[Step.NEXT]
    assert page.pc_panel.isVisible() and page.btn_portal.isVisible()
    assert not page.pc_panel.tabs.isVisible()  # nothing compared, no job: no empty tabs
    steps = page.remaining
    assert steps.verticalScrollBar().maximum() == 0, f"the portal steps scroll ({steps.height()} px)"
    assert not steps.horizontalScrollBar().isVisible()
    links = [a for a in steps.toHtml().split("<a ")[1:]]
    assert len(links) >= 2  # the links are there, and (no scroll) on screen
    assert not layout_problems(window, page)
    for edit in (page.pc_panel.tenant_edit, page.pc_panel.client_edit, page.pc_panel.secret_edit):
        assert edit.isVisible()
    window.document.dirty = False


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_jobs_state_is_said_in_the_ui_language(new_window, translated, tmp_path, lang):
    """The last job's status and result were Partner Center's own words ("failed") inside a Japanese sentence."""
    from dataclasses import replace

    from test_layout import demo_under

    translated(lang)
    window = new_window()
    window.open_path(demo_under(tmp_path, "partner-center"), ask=False)
    record = window.document.project.partner_center
    window.document.project.partner_center = replace(record, last_job_id="0f1e2d3c", last_job_status="completed",
                                                     last_job_result="failed")
    window.wizard.jump_to(int(Step.NEXT))
    panel = window.pages[Step.NEXT].pc_panel
    panel.load_from_project()
    said = panel.state.text()
    assert "0f1e2d3c" in said
    if lang == "ja":
        assert "failed" not in said and "completed" not in said and "失敗" in said and "完了" in said, said
    else:
        assert "completed (failed)" in said, said
    window.document.dirty = False


def test_a_projects_job_words_are_shown_as_plain_text(new_window, tmp_path):
    """The last job's id, status and result come from the project file: an <img> there is shown, not loaded."""
    from dataclasses import replace

    from test_layout import demo_under

    window = new_window()
    window.open_path(demo_under(tmp_path, "partner-center"), ask=False)
    record = window.document.project.partner_center
    window.document.project.partner_center = replace(record, last_job_id="job" + MARK, last_job_status="odd" + MARK,
                                                     last_job_result="completed")
    window.wizard.jump_to(int(Step.NEXT))
    panel = window.pages[Step.NEXT].pc_panel
    panel.load_from_project()
    assert MARK in panel.state.text()  # said as it is...
    assert panel.state.textFormat() == Qt.TextFormat.PlainText  # ...and drawn as text
    window.document.dirty = False
