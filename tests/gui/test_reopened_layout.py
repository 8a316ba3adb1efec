"""Every step's own fields after a project reopens on a later step, at 1024x700 and at the default size, in
English and Japanese: each chooser and field shows its whole text (Export's SKU chooser showed "ubuntu-s":
it was first shown empty, before the reopened project filled it)."""

from __future__ import annotations

import pytest
from person import clipped_text, settle

from wizard.core.steps import Step


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("size", [(1024, 700), (1180, 780)])
def test_every_field_is_whole_after_reopening_on_a_later_step(new_window, translated, lang, size):
    from wizard.core.resources import resource_path

    translated(lang)
    first = new_window()
    first.show()
    first.open_path(resource_path("examples/demo.mpwiz"), ask=False)
    first.wizard.jump_to(int(Step.NEXT))  # the project is left on What's next
    settle(50)
    first.close()
    window = new_window()
    window.resize(1280, 800)
    window.show()
    window.open_path(resource_path("examples/demo.mpwiz"), ask=False)  # and reopens there
    assert window.wizard.currentId() == int(Step.NEXT)
    window.resize(*size)
    found = {}
    for step in Step:
        window.wizard.jump_to(int(step))
        settle(50)
        problems = clipped_text(window.pages[step])
        if problems:
            found[step.name] = problems
    assert window.pages[Step.EXPORT].sku_combo.currentText().startswith("ubuntu-standard")
    assert not found, "\n".join(f"{k}: {p}" for k, v in found.items() for p in v)
