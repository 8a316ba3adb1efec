"""Every step at 1024x700 and at the default window size, in English and Japanese: every button
inside the window and unclipped, no page scrolling sideways, no table header cut short.

A picture of each step at each size and language lands in artifacts/layout/ for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from person import layout_problems, settle

from wizard.core.steps import Step

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "artifacts" / "layout"
SIZES = {"small": (1024, 700), "default": (1180, 780)}


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("size", sorted(SIZES))
def test_every_step_fits(new_window, translated, lang, size):
    from wizard.core.resources import resource_path

    translated(lang)
    window = new_window()
    window.show()
    window.open_path(resource_path("examples/demo.mpwiz"), ask=False)
    window.resize(*SIZES[size])
    OUT.mkdir(parents=True, exist_ok=True)
    found = {}
    for step in Step:
        window.wizard.jump_to(int(step))
        settle(50)
        page = window.pages[step]
        window.grab().save(str(OUT / f"{lang}-{size}-{int(step) + 1}-{step.name.lower()}.png"))
        problems = layout_problems(window, page)
        if problems:
            found[step.name] = problems
    assert window.size().toTuple() == SIZES[size]
    assert not found, "\n".join(f"{k}: {p}" for k, v in found.items() for p in v)


def demo_under(tmp_path, profile: str) -> Path:
    """The demo project under `profile` (the Offer page's problems differ per profile)."""
    import json

    from wizard.core.resources import resource_path

    demo = json.loads(resource_path("examples/demo.mpwiz").read_text(encoding="utf-8"))
    demo["profile_id"] = profile
    path = tmp_path / f"demo-{profile}.mpwiz"
    path.write_text(json.dumps(demo), encoding="utf-8")
    return path


def offer_at(new_window, path: Path, size: tuple[int, int]):
    """The Offer page of `path` in a window of `size`, as a person opens it (the window shown first, then sized)."""
    window = new_window()
    window.show()
    window.resize(1280, 800)
    window.open_path(path, ask=False)
    window.resize(*size)
    window.wizard.jump_to(int(Step.OFFER))
    settle(100)
    return window, window.pages[Step.OFFER]


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("profile", ["partner-center", "publishing-guide-2015"])
def test_vm_size_rows_are_whole_at_1024(new_window, translated, tmp_path, lang, profile):
    """The recommended VM sizes at 1024x700: every shown row on the list's width (no sideways scroll, no
    row cut at its edge) and the list as tall as a whole number of rows (none cut at its bottom)."""
    from person import elided_rows

    translated(lang)
    window, page = offer_at(new_window, demo_under(tmp_path, profile), SIZES["small"])
    sizes = page.size_list
    shown = [r for r in range(sizes.count()) if not sizes.isRowHidden(r)]
    assert len(shown) > 8
    assert sizes.horizontalScrollBar().maximum() == 0
    assert not elided_rows(sizes)
    heights = {sizes.visualRect(sizes.model().index(r, 0)).height() for r in shown}
    assert len(heights) == 1, heights
    row = heights.pop()
    viewport = sizes.viewport().height()
    assert viewport % row == 0 and viewport // row >= 2, (viewport, row)
    first = sizes.visualRect(sizes.model().index(shown[0], 0))
    assert first.top() == 0  # scrolled by whole rows from the first
    # Narrower than its longest row (the SKU editor's splitter dragged to the right): rows wrap, still whole.
    from PySide6.QtWidgets import QSplitter

    page.size_filter.setText("v5")
    splitter = page.findChild(QSplitter)
    splitter.setSizes([sum(splitter.sizes()) - 250, 250])
    settle(100)
    shown = [r for r in range(sizes.count()) if not sizes.isRowHidden(r)]
    assert shown and not elided_rows(sizes)
    heights = {sizes.visualRect(sizes.model().index(r, 0)).height() for r in shown}
    assert len(heights) == 1, heights
    wrapped = heights.pop()
    assert wrapped > row, "the narrow list did not wrap its rows"
    assert sizes.viewport().height() % wrapped == 0 and sizes.viewport().height() // wrapped >= 2
    assert sizes.horizontalScrollBar().maximum() == 0


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("profile", ["partner-center", "publishing-guide-2015"])
def test_no_offer_problem_row_ends_in_an_ellipsis(new_window, translated, tmp_path, lang, size, profile):
    """Every row of "What is still missing or wrong" reads whole (in Japanese one used to end in "…"), also
    with a second SKU full of errors."""
    from person import elided_rows

    translated(lang)
    window, page = offer_at(new_window, demo_under(tmp_path, profile), SIZES[size])
    rows = page.problem_list
    assert rows.count() >= 1
    assert not elided_rows(rows), elided_rows(rows)
    page.btn_add.click()
    page.sku_id.setText("Bad SKU")
    page.sku_title.setText("Broken example")
    settle(50)
    assert rows.count() >= 4
    assert not elided_rows(rows), elided_rows(rows)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_gallery_checks_read_whole(new_window, translated, lang):
    """The gallery image version's judgement in its dialog: each line wraps at the list's edge, none cut."""
    from person import elided_rows

    from wizard.gallery_dialog import GalleryCheckDialog

    translated(lang)
    window = new_window()
    window.show()
    project = window.document.project
    dialog = GalleryCheckDialog(project, project.skus[0], project.skus[0].images[0], window)
    dialog.show()
    settle(50)
    results = dialog.results
    assert results.count() >= 2
    assert results.horizontalScrollBar().maximum() == 0
    assert not elided_rows(results), elided_rows(results)
    dialog.reject()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_vm_size_list_holds_still_at_the_first_paint(qtbot, translated, lang):
    """The list is as tall before the first paint as once its whole-row fitting is installed after it: the
    fields below it do not jump when the window appears."""
    from wizard.document import ProjectDocument
    from wizard.mainwindow import MainWindow

    translated(lang)
    window = MainWindow(ProjectDocument(), defer_until_painted=True)
    try:
        page = window.pages[Step.OFFER]
        before = page.size_list.height()
        assert page.size_rows is None
        window.resize(*SIZES["small"])
        window.show()
        qtbot.waitUntil(lambda: page.size_rows is not None, timeout=5000)
        settle(50)
        assert page.size_list.height() == before
    finally:
        window.document.dirty = False
        window.close()
        window.deleteLater()
