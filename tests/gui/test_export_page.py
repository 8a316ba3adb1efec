"""The Export page: its checklist and form are kept widgets that follow the project (the rows' buttons
are reused from one refresh to the next, so each must act on what its row says now)."""

from __future__ import annotations

from pathlib import Path

from person import Person

from wizard.core.steps import Step

DEMO = Path(__file__).resolve().parents[2] / "resources/examples/demo.mpwiz"


def test_a_kept_go_to_step_button_opens_the_step_its_row_names_now(new_window, qtbot):
    window = new_window()
    window.resize(1180, 780)
    window.show()
    window.open_path(DEMO, ask=False)
    window.steps.setCurrentRow(Step.EXPORT)
    page = window.pages[Step.EXPORT]
    qtbot.waitUntil(lambda: page.task is None and page.checklist.rowCount() > 0)
    first = [page.checklist.item(r, 1).text() for r in range(page.checklist.rowCount())]
    # The data disk goes: its VHD and SAS rows with it, so the rows below move up under the kept buttons.
    del page.project.skus[0].disks[1]
    window.document.mark_changed()
    window.steps.setCurrentRow(Step.SAS)
    window.steps.setCurrentRow(Step.EXPORT)
    qtbot.waitUntil(lambda: page.task is None)
    qtbot.waitUntil(lambda: [page.checklist.item(r, 1).text() for r in range(page.checklist.rowCount())] != first)
    rows = [r for r in range(page.checklist.rowCount()) if page.checklist.cellWidget(r, 2) is not None]
    assert rows, "the demo has unmet items"
    for row in rows:
        named = page._checklist_steps[row]
        window.steps.setCurrentRow(Step.EXPORT)
        qtbot.waitUntil(lambda: page.task is None)
        button = page.checklist.cellWidget(row, 2)
        page.checklist.scrollToItem(page.checklist.item(row, 1))
        Person(window).click(button)
        assert window.wizard.currentId() == named


def test_a_full_disk_is_said_with_the_path_and_what_to_do_and_the_old_file_stays(new_window, tmp_path, monkeypatch):
    """As a person: Export…, the file name typed in the save dialog over last week's file, Yes to replace it; the
    disk is full (ENOSPC from the write call alone). The page says which file, why and what to do -- in Japanese
    too -- and last week's file is whole."""
    import errno

    from PySide6.QtWidgets import QFileDialog, QMessageBox
    from test_export_write_errors import BEFORE, failing_open
    from test_first_submission_by_a_person import Answer, type_into_focus, wait_for

    from wizard.core import projectio
    from wizard.i18n import install_translators

    def yes(box, him: Person) -> None:  # Qt's own question: "Yes" in whatever words Qt's catalogue gives it
        him.click(box.button(QMessageBox.StandardButton.Yes))

    out = tmp_path / "offer.html"
    out.write_text(BEFORE, encoding="utf-8")
    monkeypatch.setattr(projectio, "open", failing_open(errno.ENOSPC), raising=False)
    said = {}
    for lang in ("en", "ja"):
        install_translators(lang)
        try:
            window = new_window()
            window.show()
            window.wizard.jump_to(int(Step.EXPORT))
            export = window.pages[Step.EXPORT]
            wait_for(lambda: export.task is None and export.btn_export.isEnabled(), "the SAS URIs were read")  # noqa: B023
            person = Person(window)
            saving = Answer(QFileDialog, type_into_focus(str(out)))
            replace = Answer(QMessageBox, yes, seconds=10)
            person.click(export.btn_export)
            saving.check()
            # the replace question belongs to the save dialog, gone by now: its answer is all there is to check
            wait_for(lambda: replace.outcome == ["answered"], f"Yes replaced the file ({replace.outcome})")  # noqa: B023
            wait_for(lambda: bool(export.status.text()), "the page said something")  # noqa: B023
            said[lang] = export.status.text()
        finally:
            install_translators("en")
    assert said["en"] == (f"{out} cannot be written: the disk that holds {tmp_path} is full. Free some space or choose a "
                          "folder on another disk, then export again; the previous file is unchanged."), said["en"]
    assert str(out) in said["ja"] and "ディスクがいっぱい" in said["ja"], said["ja"]
    assert out.read_text(encoding="utf-8") == BEFORE


def test_export_of_a_complete_sku_says_another_sku_holds_the_offer_step_back(new_window, qtbot, tmp_path, translated):
    """Issue #32 review: Export said "✓ Offer and SKU details are complete" for the selected SKU while the step
    list showed the Offer step ⚠ for another SKU's errors. In English and Japanese."""
    import json

    demo = json.loads(DEMO.read_text(encoding="utf-8"))
    demo["profile_id"] = "partner-center"  # the Windows 2012 R2 SKU's base is not approved there
    path = tmp_path / "demo-pc.mpwiz"
    path.write_text(json.dumps(demo), encoding="utf-8")
    for lang, this_sku, another in (("en", "The offer and this SKU's details are complete", "Another SKU (windows-2012r2)"),
                                    ("ja", "オファーとこの SKU の情報はそろっています", "別の SKU (windows-2012r2)")):
        translated(lang)
        window = new_window()
        window.show()
        window.open_path(path, ask=False)
        window.steps.setCurrentRow(Step.EXPORT)
        page = window.pages[Step.EXPORT]
        qtbot.waitUntil(lambda page=page: page.task is None and page.checklist.rowCount() > 0)
        assert page.sku_combo.currentData() == "ubuntu-standard"
        rows = {page.checklist.item(r, 1).text(): page.checklist.item(r, 0).text()
                for r in range(page.checklist.rowCount())}
        assert rows.get(this_sku, "").startswith("✓"), rows
        (other,) = [words for words in rows if words.startswith(another)]
        assert rows[other].startswith("⚠")
        from wizard.core.steps import StepState
        from wizard.qt_values import USER_ROLE

        # The step list says the same: ⚠ needs attention.
        assert window.steps.item(int(Step.OFFER)).data(USER_ROLE) == StepState.ATTENTION.value
        window.close()
