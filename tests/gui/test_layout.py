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


@pytest.fixture
def translated():
    from wizard.i18n import install_translators

    def use(lang: str) -> None:
        install_translators(lang)

    yield use
    install_translators("en")


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


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_sas_disk_table_fits_at_1024_without_sideways_scroll(new_window, translated, lang):
    """The SAS step's disk table at 1024x700 shows every column (its expiry too) with no sideways
    scroll: the long blob URL is elided in the middle, the other columns fit their content."""
    from wizard.core.resources import resource_path

    translated(lang)
    window = new_window()
    window.show()
    window.open_path(resource_path("examples/demo.mpwiz"), ask=False)
    window.resize(*SIZES["small"])
    for sku in window.document.project.skus:  # a long blob URL, as Azure storage gives them
        for disk in sku.disks:
            disk.blob_url = "https://averylongstorageaccountname.blob.core.windows.net/vhds/" + "x" * 120 + ".vhd"
    window.wizard.jump_to(int(Step.SAS))
    window.pages[Step.SAS].refresh()
    settle(50)
    table = window.pages[Step.SAS].disks
    assert table.rowCount() > 0 and table.item(0, 3).text().endswith(".vhd")
    assert table.horizontalScrollBar().maximum() == 0, [table.columnWidth(c) for c in range(table.columnCount())]
    assert not layout_problems(window, window.pages[Step.SAS])
