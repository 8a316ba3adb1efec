"""More of the export's rules, each with the exact words the user reads: the ones a mutation run
(`python bench/run.py mutation export`) found unpinned. A gallery source's readiness, a Skipped case
on a Linux and a Windows run, the latest run of one image type, Markdown code spans with a backtick
at one edge, the test VM's name at its length limit, the script's MISSING line per image type, the
provider a guide project's gallery source still registers, and the VM size that reaches a script."""

from __future__ import annotations

import copy
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_export import NOW, ready_project, uris_for
from test_image_types import GALLERY, TENANT, gallery_plan
from test_rules_export import texts

from wizard.core.export import ExportRefused, prepare, render, script_refusals
from wizard.core.export.renderers import _md_code
from wizard.core.model import OS_WINDOWS, CheckRecord, Disk, PlanImage

from factories import sample_run


def _render(fmt: str, project) -> str:
    return render(fmt, project, prepare(project, uris_for(project), now=NOW))


# -- readiness ---------------------------------------------------------------------------------------------
def test_a_gallery_source_is_ready_only_with_a_tenant_guid_and_a_whole_image_version_id():
    project = gallery_plan()
    bad = (False, "x64Gen2: the gallery source needs the tenant ID and the image version's resource ID (Offer & SKUs step)")
    assert texts(project)["gallery:x64Gen2"] == (True, "x64Gen2: the image comes from the gallery image version 1.0.0")
    image = project.skus[0].images[0]
    image.gallery_tenant_id = "not-a-guid"  # the resource id is still whole
    assert texts(project)["gallery:x64Gen2"] == bad
    image.gallery_tenant_id, image.gallery_resource_id = TENANT, GALLERY.replace("/versions/1.0.0", "")
    assert texts(project)["gallery:x64Gen2"] == bad


def test_a_skipped_case_blocks_a_windows_run_but_not_a_linux_one():
    """Every Windows case can be judged (issue #24): Skipped there blocks; a Linux case may be skipped."""
    project = ready_project()
    run = sample_run()
    run.results = [r for r in run.results if r.result not in ("Failed", "Error")]
    run.results.append(CheckRecord("rdp-port", "", "RDP port", "", "Skipped", "", "", "", ""))
    project.test_runs = [run]
    assert texts(project)["test-run"] == (True, f"The latest test run ({run.finished_at}) has no Failed or Error result")
    run.platform = OS_WINDOWS
    assert texts(project)["test-run"] == (
        False, "The latest Windows test run has cases that were not judged (Skipped) or Failed/Error results, without an "
               "exception explanation: rdp-port")


def test_an_image_types_item_names_its_latest_run():
    project = gallery_plan()
    later = copy.deepcopy(project.test_runs[0])  # x64Gen2's run, again an hour later
    later.started_at, later.finished_at = "2026-11-25T11:00:00Z", "2026-11-25T11:00:04Z"
    project.test_runs.insert(1, later)
    found = texts(project)
    assert found["test-run:x64Gen2"] == (True, "The x64Gen2 image was tested (2026-11-25T11:00:04Z)")
    assert found["test-run:arm64Gen2"] == (True, "The arm64Gen2 image was tested (2026-11-25T10:00:04Z)")


# -- Markdown ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("summary, cell", [
    ("`make` builds it", "`` `make` builds it ``"),  # a backtick at the start only: padded, or it joins the fence
    ("built by `make`", "`` built by `make` ``"),  # at the end only
    ("`make`", "`` `make` ``"),
    ("uses make", "`uses make`"),  # none: no padding
    (" spaced ", "`  spaced  `"),  # a space at both ends: a reader drops one each side, so one more is written
    (" lead", "` lead`"), ("   ", "`   `"),  # at one end only, or nothing but spaces: a reader keeps them
])
def test_a_form_value_with_a_backtick_at_an_edge_stays_one_code_span(summary, cell):
    project = ready_project()
    project.skus[0].summary = summary
    assert f"| SKU summary | {cell} |" in _render("portal-md", project).splitlines()


def _read_code_span(cell: str) -> str:
    """What a reader shows of one GFM table cell holding one code span: `\\|` is the cell's pipe (GFM
    takes it before inline parsing); the span opens with a backtick string and closes at the next one of
    the same length, and one space is dropped at each end when both ends have one (CommonMark 0.31, 6.1)."""
    cell = cell.replace("\\|", "|")
    n = len(cell) - len(cell.lstrip("`"))
    assert n and len(cell) - len(cell.rstrip("`")) == n, cell
    inner = cell[n:-n]
    assert all(len(run) != n for run in re.findall(r"`+", inner)), f"the span closes early: {cell}"
    if len(inner) >= 2 and inner[0] == inner[-1] == " " and inner.strip(" "):
        inner = inner[1:-1]
    return inner


@given(st.one_of(st.text(st.sampled_from(" `|\\a"), min_size=1, max_size=12),  # what the rules are about
                 st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40))
       .filter(lambda t: t.splitlines() == [t]))
def test_any_one_line_value_reads_back_whole_from_its_code_span(value):
    """A project's values are the publisher's text: whatever backticks, pipes and spaces they hold."""
    assert _read_code_span(_md_code(value)) == value


# -- the test VM scripts -------------------------------------------------------------------------------------
def test_the_test_vm_name_is_cut_at_64_characters():
    project = ready_project()
    project.skus[0].sku_id = "s" * 62  # the longest SKU ID is 64: "-test" does not fit
    lines = _render("az-script", project).splitlines()
    assert f"  --name '{'s' * 62}-t' \\" in lines
    project.skus[0].sku_id = "s" * 59
    assert f"  --name '{'s' * 59}-test' \\" in _render("az-script", project).splitlines()


def test_the_missing_os_disk_line_names_the_image_type_once_the_plan_has_two():
    project = ready_project()
    sku = project.skus[0]
    sku.images = [PlanImage("x64Gen1"), PlanImage("x64Gen2", "", ["trusted"])]
    sku.disks.append(Disk("os", "Gen2 OS", image_type="x64Gen2"))  # not uploaded yet
    lines = _render("az-script", project).splitlines()
    assert [line for line in lines if line.startswith("# MISSING")] == [
        "# MISSING: the x64Gen2 OS disk has no blob URL yet (upload it in the VHD check step)"]


def test_a_guide_projects_gallery_source_still_registers_partner_centers_provider():
    """The 2015 profile names no provider (it had no gallery source); the script needs one all the same."""
    project = gallery_plan()
    project.profile_id = "publishing-guide-2015"
    for fmt, line in (("az-script", "  --namespace 'Microsoft.PartnerCenterIngestion'"),
                      ("az-ps1", "  --namespace 'Microsoft.PartnerCenterIngestion'")):
        assert line in _render(fmt, project).splitlines(), fmt


def test_the_vm_size_that_reaches_the_script_is_the_one_judged():
    """The script takes the first size that runs the image type: that one must be a VM size, even when it is
    not the first of the SKU (before, only the first was judged and 'Standard.D2s_v5' reached the script)."""
    project = ready_project()
    sku = project.skus[0]
    sku.vm_sizes = ["Basic_A1", "Standard.D2s_v5"]  # Basic_A1 runs Generation 1 only
    assert script_refusals(prepare(project, {}), "", project) == []
    assert "  --size 'Basic_A1' \\" in _render("az-script", project).splitlines()
    sku.images = [PlanImage("x64Gen2")]
    for disk in sku.disks:
        disk.image_type = "x64Gen2"
    reason = ("SKU 'ubuntu-standard': the VM size 'Standard.D2s_v5' is not a valid VM size; fix it on the Offer or VHD "
              "step before exporting a script")
    assert script_refusals(prepare(project, {}), "", project) == [reason]
    with pytest.raises(ExportRefused) as refused:
        _render("az-ps1", project)
    assert str(refused.value) == reason
