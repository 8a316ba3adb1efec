"""Every offer/SKU rule both ways with the message the user reads, word for word (the numbers at their
edges are in tests/core/test_edges_profiles.py)."""

from __future__ import annotations

import pytest
from test_image_types import gallery_plan

from wizard.core.model import BASE_IMAGE_OTHER, OS_WINDOWS, ROLE_DATA, ROLE_OS, Disk, OpenPort, PlanImage, Sku
from wizard.core.profiles import DEFAULT_PROFILE_ID, load_profile
from wizard.core.projectio import load_project
from wizard.core.resources import resource_path
from wizard.core.validation import (
    check_identifier,
    check_version,
    marketplace_urls,
    parse_version,
    port_range_ok,
    project_profile,
    validate_offer,
)

GUIDE = load_profile("publishing-guide-2015")
PC = load_profile("partner-center")


def demo(profile_id: str = "publishing-guide-2015"):
    project = load_project(resource_path("examples/demo.mpwiz")).project
    project.profile_id = profile_id
    if profile_id == "partner-center":
        project.skus = project.skus[:1]
    assert validate_offer(project) == []
    return project


def problems(project) -> list[tuple[str, str, str]]:
    return [(p.path, p.severity, p.message) for p in validate_offer(project)]


# -- identifiers ------------------------------------------------------------------------------------
def test_identifier_messages():
    assert [p.message for p in check_identifier("", "Offer ID", "o", PC)] == ["Offer ID is required."]
    assert [p.message for p in check_identifier("ab", "Offer ID", "o", PC, 3)] == \
        ["Offer ID has 2 character(s); Partner Center needs at least 3."]
    assert [p.message for p in check_identifier("a" * 51, "Offer ID", "o", PC)] == \
        ["Offer ID has 51 characters; at most 50 are allowed."]
    assert [p.message for p in check_identifier("-abc", "SKU ID", "s", PC)] == \
        ["SKU ID must start with a lowercase letter or a digit."]
    assert [p.message for p in check_identifier("Ab c.d", "SKU ID", "s", PC)] == \
        ["SKU ID must start with a lowercase letter or a digit.",
         "SKU ID may only contain lowercase letters, digits, '-' and '_' (found ' ' '.' 'A')."]
    assert check_identifier("a1_b-2", "SKU ID", "s", PC) == []
    assert check_identifier("9", "SKU ID", "s", GUIDE) == []
    (problem,) = check_identifier("ab", "Offer ID", "offer.offer_id", PC, 3)
    assert (problem.path, problem.severity, dict(problem.args)) == \
        ("offer.offer_id", "error", {"field": "Offer ID", "length": "2", "min": "3"})


def test_the_publisher_namespace_has_no_partner_center_minimum():
    project = demo("partner-center")
    project.offer.publisher_namespace = "ab"
    assert problems(project) == []
    project.offer.publisher_namespace = ""
    assert problems(project) == [("offer.publisher_namespace", "error", "Publisher namespace is required.")]


# -- versions ---------------------------------------------------------------------------------------
def version(v: str, published: list[str], profile) -> list[str]:
    return [p.message for p in check_version(Sku(version=v, published_versions=published), "v", profile)]


def test_version_format():
    assert parse_version(" 1.2.3 ") == (1, 2, 3)
    assert parse_version("999999999.0.0") == (999999999, 0, 0)
    for bad in ("1.2", "1.2.3.4", "01.2.3", "1.2.x", "1000000000.0.0", "", "v1.2.3"):
        assert parse_version(bad) is None, bad
        assert version(bad, [], GUIDE) == ["Version must be X.Y.Z with whole numbers, for example 1.0.0."]


def test_versions_under_the_guide_only_z_may_rise():
    published = ["1.0.0", "1.0.4", "junk", "0.9.9"]
    assert version("1.0.5", published, GUIDE) == []
    assert version("1.0.9", published, GUIDE) == []
    assert version("1.0.4", published, GUIDE) == \
        ["Version 1.0.4 is already published; a new version must raise Z (for example 1.0.5)."]
    assert version("1.0.3", published, GUIDE) == \
        ["Version 1.0.3 is lower than the published 1.0.4; raise Z (for example 1.0.5)."]
    assert version("1.1.0", published, GUIDE) == \
        ["Within a SKU only Z may change: the published version is 1.0.4, so the new one must be 1.0.Z with Z above 4 "
         "(for example 1.0.5)."]
    assert version("2.0.5", published, GUIDE)[0].startswith("Within a SKU only Z may change")
    assert version("1.0.0", [], GUIDE) == []


def test_versions_under_partner_center_must_be_higher():
    published = ["1.0.4", "1.0.0"]
    assert version("1.0.5", published, PC) == []
    assert version("2.0.0", published, PC) == []
    assert version("1.0.4", published, PC) == \
        ["Version 1.0.4 is not higher than the published 1.0.4; Partner Center needs a new, higher version "
         "(for example 1.0.5)."]
    assert version("1.0.3", published, PC)[0].startswith("Version 1.0.3 is not higher than the published 1.0.4")
    long = "1.1." + "1" * 29
    assert version(long, [], PC) == [f"Version {long} has 33 characters; Partner Center accepts at most 32."]
    assert version(long, [], GUIDE) == ["Version must be X.Y.Z with whole numbers, for example 1.0.0."]


# -- the SKU -----------------------------------------------------------------------------------------
def test_required_sku_texts_and_os_family():
    project = demo()
    sku = project.skus[0]
    sku.title, sku.summary, sku.os_friendly_name, sku.os_family = " ", "", "\t", "bsd"
    assert problems(project) == [("skus[0].title", "error", "Title is required."),
                                 ("skus[0].summary", "error", "Summary is required."),
                                 ("skus[0].os_friendly_name", "error", "Operating system name is required."),
                                 ("skus[0].os_family", "error", "Operating system family must be Linux or Windows.")]


def test_friendly_name_length_message():
    project = demo("partner-center")
    project.skus[0].os_friendly_name = "x" * 101
    assert problems(project) == [("skus[0].os_friendly_name", "error",
                                  "Operating system name has 101 characters; Partner Center accepts at most 100.")]


def test_windows_base_image_rules():
    project = demo()
    sku = project.skus[1]
    assert sku.os_family == OS_WINDOWS
    sku.base_image = ""
    assert problems(project) == [("skus[1].base_image", "error", "Base image is required.")]
    sku.base_image = "Windows Server 2003"
    assert problems(project) == [("skus[1].base_image", "error",
                                  "'Windows Server 2003' is not an approved Windows base image for this profile.")]
    sku.base_image, sku.base_image_date = BASE_IMAGE_OTHER, "3 March"
    assert problems(project) == [("skus[1].base_image_date", "error",
                                  "Enter the base image's publication date as YYYY-MM-DD.")]
    sku.base_image_date = "2014-01-01"
    assert problems(project) == [("skus[1].base_image_date", "error",
                                  "A base image not in the list must be published after 2014-09-08.")]
    sku.base_image_date = "2015-01-01"
    assert problems(project) == []
    linux = project.skus[0]
    linux.base_image = "anything"  # a Linux SKU's base image is not judged against the Windows list
    assert problems(project) == []


def test_vm_size_rules():
    project = demo("partner-center")
    sku = project.skus[0]
    sku.vm_sizes = ["Standard_D2s_v5", "Standard_D2s_v5", "Standard_Nope", "Standard_A2"]
    assert problems(project) == [
        ("skus[0].vm_sizes[1]", "error", "VM size Standard_D2s_v5 is chosen twice."),
        ("skus[0].vm_sizes[2]", "warning", "VM size Standard_Nope is not in the catalogue; check its spelling."),
        ("skus[0].vm_sizes[3]", "error", "VM size Standard_A2 was retired on 2024-08-31: Partner Center does not offer "
                                         "it. Choose a current size."),
    ]
    sku.vm_sizes = []
    assert problems(project) == [("skus[0].vm_sizes", "error", "Choose 1 to 6 recommended VM sizes (0 chosen).")]
    guide = demo()
    guide.skus[0].vm_sizes = guide.skus[0].vm_sizes[:2]
    assert problems(guide) == [("skus[0].vm_sizes", "error", "Choose exactly 3 recommended VM sizes (2 chosen).")]
    guide.skus[0].vm_sizes += ["Standard_A2"]  # retired today, offered in 2015
    assert problems(guide) == []


@pytest.mark.parametrize("text,ok", [("443", True), ("1", True), ("65535", True), ("0", False), ("65536", False),
                                     ("8000-8080", True), ("80-80", True), ("81-80", False), ("1-65535", True),
                                     ("0-10", False), ("1-65536", False), ("a", False), ("1-2-3", False), ("", False),
                                     ("123456", False), (" 443", False)])
def test_port_ranges(text, ok):
    assert port_range_ok(text) is ok


def test_port_rules():
    project = demo("partner-center")
    sku = project.skus[0]
    sku.open_ports = [OpenPort("web server", "both", "443"), OpenPort("ab-", "tcp", "22"), OpenPort("ssh", "icmp", "22"),
                      OpenPort("app", "udp", "9-8")]
    assert problems(project) == [
        ("skus[0].open_ports[1].label", "error",
         "Port name 'ab-': 3–20 letters, digits, '_', '.', '-' or blanks, ending in a letter or digit."),
        ("skus[0].open_ports[2].protocol", "error", "Port protocol must be TCP, UDP or both."),
        ("skus[0].open_ports[3].port_range", "error",
         "Port range '9-8': a port (443) or a range (8000-8080) between 1 and 65535."),
    ]
    sku.open_ports = [OpenPort(f"port{i}", "tcp", "80") for i in range(101)]
    assert problems(project) == [("skus[0].open_ports", "error", "101 open ports; Partner Center accepts at most 100.")]


# -- disks: the first disk is the only OS disk ---------------------------------------------------------
@pytest.mark.parametrize("roles,ok", [([ROLE_OS], True), ([ROLE_OS, ROLE_DATA, ROLE_DATA], True),
                                      ([ROLE_DATA, ROLE_OS], False), ([ROLE_OS, ROLE_OS], False),
                                      ([ROLE_OS, ROLE_DATA, ROLE_OS], False), ([], False), ([ROLE_DATA], False)])
def test_the_first_disk_is_the_only_os_disk(roles, ok):
    project = demo()
    project.skus[0].disks = [Disk(role=r) for r in roles]
    expected = [] if ok else [("skus[0].disks", "error", "The first disk must be the OS disk, and there must be exactly one.")]
    assert problems(project) == expected


def test_disk_roles_and_the_data_disk_count_message():
    project = demo()
    project.skus[0].disks = [Disk(role=ROLE_OS), Disk(role="swap")]
    assert problems(project) == [("skus[0].disks[1].role", "error", "Disk role must be 'os' or 'data'.")]
    project.skus[0].disks = [Disk(role=ROLE_OS)] + [Disk(role=ROLE_DATA) for _ in range(17)]
    assert problems(project) == [("skus[0].disks", "error", "17 data disks; this profile allows at most 16 (LUN 0 to 15).")]


# -- the offer ---------------------------------------------------------------------------------------
def test_offer_level_rules():
    project = demo()
    project.offer.offer_name = "  "
    assert problems(project) == [("offer.offer_name", "error", "Offer name is required.")]
    project.offer.offer_name = "x"
    project.skus[1].sku_id = project.skus[0].sku_id
    assert problems(project) == [("skus[1].sku_id", "error", "SKU ID 'ubuntu-standard' is used by more than one SKU; "
                                                             "SKU IDs must be unique within the offer.")]
    project.skus[0].sku_id = project.skus[1].sku_id = ""
    assert [p for p in problems(project) if "more than one" in p[2]] == []  # empty IDs are "required", not duplicates
    project.skus = []
    assert problems(project) == [("skus", "error", "The offer needs at least one SKU.")]


def test_an_unknown_profile_is_said_and_the_default_used():
    project = demo()
    project.profile_id = "future"
    assert project_profile(project).id == DEFAULT_PROFILE_ID
    assert problems(project) == [("profile_id", "error", "Unknown requirement profile 'future'; the default profile is used.")]
    project.profile_id = "partner-center"
    assert project_profile(project).id == "partner-center"


def test_marketplace_urls_per_profile():
    assert marketplace_urls("pub", "offer", "sku", GUIDE) == (
        "http://azure.microsoft.com/marketplace/partners/pub/offer-sku", "https://portal.azure.com/#gallery/pub.offersku")
    assert marketplace_urls("pub", "offer", "sku") == marketplace_urls("pub", "offer", "sku", GUIDE)
    assert marketplace_urls("pub", "offer", "sku", PC) == ("https://azuremarketplace.microsoft.com/marketplace/apps/pub.offer",)


def test_a_one_character_publisher_and_a_one_character_port_label_rule():
    from wizard.core.validation import port_label_re

    project = demo("partner-center")
    project.offer.publisher_namespace = "a"
    assert problems(project) == []
    assert port_label_re(1, 20).fullmatch("a") and not port_label_re(1, 20).fullmatch("")
    assert port_label_re(3, 20).fullmatch("abc") and not port_label_re(3, 20).fullmatch("ab")


def test_a_port_label_rule_without_a_minimum_still_needs_one_character():
    from wizard.core.validation import port_label_re

    assert port_label_re(0, 20).fullmatch("a") and not port_label_re(0, 20).fullmatch("")


# ---- More validation rules both ways with the exact problem the user reads: each image type's own SKU
# (was test_rules_validation_more.py)

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


# -- security types follow architecture and size (issue #33) -------------------------------------------
def test_a_security_type_on_arm64_is_refused_and_says_what_partner_center_wants():
    project = gallery_plan()
    assert [p for p in validate_offer(project) if p.severity == "error"] == []
    project.skus[0].images[1].security_types = ["trusted"]
    assert ("skus[0].images[1].security_types", "error",
            "Partner Center takes a security type on x64Gen2 images only: one on the arm64Gen2 SKU stops the "
            "submission. Choose Standard for the arm64Gen2 image.") in problems(project)
    # The same type on the x64 Gen2 image is what Partner Center takes.
    assert not [p for p in problems(project) if p[0] == "skus[0].images[0].security_types"]


def test_confidential_is_refused_unless_a_recommended_size_runs_it():
    project = gallery_plan()
    sku = project.skus[0]
    sku.images[0].security_types = ["confidential"]
    found = [p for p in problems(project) if p[0] == "skus[0].images[0].security_types"]
    assert found == [("skus[0].images[0].security_types", "error",
                      "The x64Gen2 image offers confidential, but none of the recommended sizes can run it: Partner "
                      "Center wants at least one such size (Standard_DC2as_v5, Standard_DC4as_v5, Standard_DC8as_v5).")]
    sku.vm_sizes = [*sku.vm_sizes, "Standard_DC2as_v5"]
    assert not [p for p in problems(project) if p[0] == "skus[0].images[0].security_types"]
    # Trusted Launch needs no size of its own here: every Gen2 x64 size in the list may run it.
    sku.vm_sizes = ["Standard_D2s_v5", "Standard_D2ps_v5"]
    sku.images[0].security_types = ["trusted"]
    assert not [p for p in problems(project) if p[0] == "skus[0].images[0].security_types"]


def test_a_size_announced_for_retirement_warns_with_its_date_and_a_retired_one_is_refused():
    project = demo("partner-center")
    project.skus[0].vm_sizes = ["Standard_D2s_v5", "Standard_DS2_v2", "Standard_F4s_v2"]
    found = [p for p in problems(project) if p[0].startswith("skus[0].vm_sizes")]
    assert found == [
        ("skus[0].vm_sizes[1]", "warning", "VM size Standard_DS2_v2 is announced for retirement on 2028-05-01 "
                                           "(D, Ds, Dv2, Dsv2, Ls): recommend a current size (v5/v6) instead."),
        ("skus[0].vm_sizes[2]", "warning", "VM size Standard_F4s_v2 is announced for retirement on 2028-11-15 "
                                           "(Av2/Amv2, B (v1), F, Fs, Fsv2, G, Gs, Lsv2): recommend a current size "
                                           "(v5/v6) instead.")]
    project.skus[0].vm_sizes = ["Standard_D2s_v5", "Standard_A2", "Standard_D4s_v5"]
    assert ("skus[0].vm_sizes[1]", "error", "VM size Standard_A2 was retired on 2024-08-31: Partner Center does not "
                                            "offer it. Choose a current size.") in problems(project)
    project.skus[0].vm_sizes = ["Standard_D2s_v5", "Standard_D4as_v5", "Standard_E2s_v5"]
    assert not [p for p in problems(project) if p[0].startswith("skus[0].vm_sizes")]


def test_project_check_says_what_partner_center_wants_of_security_types(tmp_path, capsys):
    import json as _json

    from wizard import cli
    from wizard.core.projectio import save_project

    project = gallery_plan()
    project.skus[0].images[1].security_types = ["trusted"]  # Arm64
    project.skus[0].images[0].security_types = ["confidential"]  # without a confidential size
    path = tmp_path / "plan.mpwiz"
    save_project(project, path)
    assert cli.main(["project", "check", str(path), "--json"]) == 1
    report = _json.loads(capsys.readouterr().out)
    messages = [p["message"] for p in report["problems"]]
    assert any(m.startswith("Partner Center takes a security type on x64Gen2 images only") for m in messages), messages
    assert any("none of the recommended sizes can run it" in m for m in messages), messages
