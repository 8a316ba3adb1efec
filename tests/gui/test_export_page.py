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
