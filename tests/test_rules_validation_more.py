"""More validation rules both ways with the exact problem the user reads: each image type's own SKU
ID (the first one's when set, a later one's derived one), the gallery version against the SKU's,
and each image type's OS disk once the plan has two (not the one-image rule)."""

from __future__ import annotations

from test_image_types import gallery_plan
from test_rules_validation import demo, problems

from wizard.core.model import Disk, PlanImage


def test_the_first_image_types_own_sku_id_is_checked_and_a_later_ones_derived_id_too():
    project = demo("partner-center")
    sku = project.skus[0]
    sku.images = [PlanImage("x64Gen1", "web gen1")]
    assert problems(project) == [("skus[0].images[0].sku_id", "error",
                                  "SKU ID may only contain lowercase letters, digits, '-' and '_' (found ' ').")]
    sku.sku_id = "s" * 50  # the longest plan ID: "-gen2" makes the second image type's ID too long
    sku.images = [PlanImage("x64Gen1"), PlanImage("x64Gen2")]
    for disk in list(sku.disks):
        sku.disks.append(Disk(disk.role, disk.label, image_type="x64Gen2", blob_url=disk.blob_url))
    assert [p for p in problems(project) if p[0].startswith("skus[0].images")] == [
        ("skus[0].images[1].sku_id", "error", "SKU ID has 55 characters; at most 50 are allowed.")]


def test_a_gallery_version_other_than_the_skus_is_warned_only_when_the_sku_has_a_version():
    project = gallery_plan()
    source = [p for p in problems(project) if p[0] == "skus[0].images[0].gallery_resource_id"]
    assert source == [], "1.0.0 in the gallery, 1.0.0 on the SKU"
    project.skus[0].version = "1.0.1"
    assert [p for p in problems(project) if p[0] == "skus[0].images[0].gallery_resource_id"] == [
        ("skus[0].images[0].gallery_resource_id", "warning", "The gallery image version is 1.0.0 but the SKU's version is "
                                                              "1.0.1: the scripts create version 1.0.1; use the same number.")]


def test_with_two_image_types_each_needs_its_own_os_disk():
    """All disks on the first image type, two of them OS disks: the image types' rule, not the one-image one."""
    project = demo("partner-center")
    sku = project.skus[0]
    sku.images = [PlanImage("x64Gen1"), PlanImage("x64Gen2")]
    sku.disks = [Disk("os", "OS"), Disk("os", "second OS"), *[d for d in sku.disks if d.role == "data"]]
    disk_problems = [p for p in problems(project) if p[0] == "skus[0].disks"]
    assert disk_problems == [
        ("skus[0].disks", "error", "The x64Gen1 image needs exactly one OS disk, listed before its data disks."),
        ("skus[0].disks", "error", "The x64Gen2 image needs exactly one OS disk, listed before its data disks.")]


def test_a_disk_of_an_image_type_the_plan_lacks_is_named_by_its_number_from_one():
    project = demo("partner-center")
    project.skus[0].disks[1].image_type = "x64Gen2"
    assert ("skus[0].disks[1].image_type", "error", "Disk 2 belongs to image type 'x64Gen2', which the plan does not have.") \
        in problems(project)


def test_an_unknown_security_type_names_the_profiles_types_or_a_dash():
    project = demo("partner-center")
    project.skus[0].images = [PlanImage("x64Gen2", "", ["bogus"])]
    for disk in project.skus[0].disks:
        disk.image_type = "x64Gen2"
    found = [p for p in problems(project) if p[0] == "skus[0].images[0].security_types"]
    project.profile_id = "publishing-guide-2015"  # no security types at all
    found += [p for p in problems(project) if p[0] == "skus[0].images[0].security_types"]
    assert [p[2] for p in found] == [
        "Security type 'bogus' is not one this profile knows (trusted, confidential).",
        "Security type 'bogus' is not one this profile knows (—)."]


def test_a_second_os_disk_after_the_first_is_refused_with_one_image():
    project = demo("partner-center")
    sku = project.skus[0]
    sku.disks = [Disk("os", "OS"), Disk("os", "second OS"), Disk("data", "logs")]
    assert [p for p in problems(project) if p[0] == "skus[0].disks"] == [
        ("skus[0].disks", "error", "The first disk must be the OS disk, and there must be exactly one.")]
