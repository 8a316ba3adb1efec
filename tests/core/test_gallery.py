"""The gallery-first route (issue #33): the az / ARM JSON readers (hostile input gets one clear message), each
thing Partner Center needs of a gallery image judged both ways, the readiness of a plan whose images all
come from a gallery (no VHD check, no SAS URI), and the test VM made from the gallery version."""

from __future__ import annotations

import json

import pytest
from gallery_json import arm_definition, arm_version, az_definition, az_version, provider, version_id
from hypothesis import given, settings
from hypothesis import strategies as st
from test_export import NOW, ready_project

from wizard.core.export import readiness
from wizard.core.export.renderers import _test_vm_commands
from wizard.core.gallery import (
    GalleryReadError,
    judge,
    read_definition_json,
    read_provider_json,
    read_version_json,
)
from wizard.core.model import SOURCE_GALLERY, Disk, GalleryCheckRecord, PlanImage
from wizard.core.profiles import load_profile
from wizard.core.steps import Step, StepState, step_states
from wizard.core.validation import validate_offer

PC = load_profile("partner-center")
SUB = "11111111-2222-3333-4444-555555555555"
VERSION = version_id(SUB, "images-rg", "contoso_gallery", "web-gen2", "1.0.0")
DEFINITION = VERSION.rsplit("/versions/", 1)[0]
PROVIDER = "Microsoft.PartnerCenterIngestion"


def record(version: dict | None = None, definition: dict | None = None, registered: str | None = "Registered"):
    out = read_version_json(json.dumps(version or az_version(VERSION)))
    read_definition_json(json.dumps(definition or az_definition(DEFINITION)), out)
    if registered is not None:
        read_provider_json(json.dumps(provider(state=registered)), PROVIDER, out)
    return out


def gallery_first(check: GalleryCheckRecord | None = None, confirmed: bool = False):
    """A Partner Center plan as a new one starts: x64 Gen2, Trusted Launch, from a gallery image version that
    Packer or Azure Image Builder made -- no VHD, no SAS URI in the project."""
    project = ready_project()
    project.profile_id = "partner-center"
    sku = project.skus[0]
    sku.vm_sizes = ["Standard_D2s_v5", "Standard_D4s_v5", "Standard_D2s_v6"]
    sku.images = [PlanImage("x64Gen2", "", ["trusted"], SOURCE_GALLERY, SUB, VERSION, confirmed, check)]
    sku.disks = [Disk("os", "OS", image_type="x64Gen2")]
    project.test_runs[-1].image_under_test = "ubuntu-standard/x64Gen2"
    return project


def items_of(project) -> dict:
    return {i.id: i for i in readiness(project, project.skus[0], {}, now=NOW)}


# -- the readers ------------------------------------------------------------------------------------------
def test_the_az_and_the_arm_shapes_read_the_same():
    az = record()
    arm = read_version_json(json.dumps(arm_version(VERSION)))
    read_definition_json(json.dumps(arm_definition(DEFINITION)), arm)
    read_provider_json(json.dumps(provider()), PROVIDER, arm)
    assert az == arm
    assert (az.resource_id, az.version_state, az.replication_state, az.regions) == \
        (VERSION, "Succeeded", "Completed", ["East US", "West Europe"])
    assert (az.os_type, az.os_state, az.hyper_v_generation, az.architecture, az.security_type, az.provider_state) == \
        ("Linux", "Generalized", "V2", "x64", "TrustedLaunch", "Registered")


def test_a_definition_without_generation_or_architecture_is_azures_default():
    body = az_definition(DEFINITION, security=None)
    del body["hyperVGeneration"], body["architecture"]
    out = read_definition_json(json.dumps(body))
    assert (out.hyper_v_generation, out.architecture, out.security_type) == ("V1", "x64", "")


@pytest.mark.parametrize(("reader", "text", "words"), [
    (read_version_json, "", "is not JSON"),
    (read_version_json, "[]", "must be one JSON object"),
    (read_version_json, json.dumps(az_definition(DEFINITION)), "describes Microsoft.Compute/galleries/images, not gallery image version"),
    (read_definition_json, json.dumps(az_version(VERSION)), "not gallery image definition"),
    (read_version_json, json.dumps({"type": "Microsoft.Compute/galleries/images/versions"}), "no usable 'id'"),
    (read_definition_json, json.dumps({"id": DEFINITION}), "no usable 'osState'"),
    (read_version_json, "{" * 50000, "is not JSON"),
    (read_version_json, b"\xff\xfe{", "is not JSON"),
    (read_version_json, " " * (4 * 1024 * 1024 + 1), "larger than 4096 KiB"),
])
def test_what_is_not_the_resource_gets_one_clear_message(reader, text, words):
    with pytest.raises(GalleryReadError) as caught:
        reader(text)
    assert words in str(caught.value) and "az " in str(caught.value)


def test_the_provider_reader_wants_the_ingestion_provider():
    with pytest.raises(GalleryReadError, match="describes Microsoft.Compute, not Microsoft.PartnerCenterIngestion"):
        read_provider_json(json.dumps(provider("Microsoft.Compute")), PROVIDER)
    assert read_provider_json(json.dumps(provider(state="NotRegistered")), PROVIDER).provider_state == "NotRegistered"


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=6),
                           max_leaves=40)
keys = st.sampled_from(["id", "type", "properties", "provisioningState", "replicationStatus", "publishingProfile", "osState",
                        "osType", "hyperVGeneration", "architecture", "features", "namespace", "registrationState"])
hostile = st.dictionaries(keys, json_values | st.sampled_from([VERSION, DEFINITION, "Microsoft.Compute/galleries/images",
                                                               "Microsoft.Compute/galleries/images/versions", "Generalized",
                                                               [{"name": "SecurityType", "value": "x" * 1000}]]), max_size=10)


@settings(max_examples=300, deadline=None)
@given(st.one_of(hostile, json_values), st.sampled_from(["version", "definition", "provider"]))
def test_hostile_json_is_a_record_or_one_message(data, which):
    text = json.dumps(data)
    try:
        if which == "version":
            out = read_version_json(text)
        elif which == "definition":
            out = read_definition_json(text)
        else:
            out = read_provider_json(text, PROVIDER)
    except GalleryReadError as exc:
        assert "az " in str(exc)
        return
    for value in (out.resource_id, out.version_state, out.replication_state, out.os_state, out.security_type):
        assert isinstance(value, str) and len(value) <= 1024
    assert all(isinstance(r, str) and len(r) <= 80 for r in out.regions) and len(out.regions) <= 100


# -- each thing Partner Center needs, both ways ---------------------------------------------------------------
def judged(project) -> dict:
    sku = project.skus[0]
    return {j.id: j for j in judge(sku.images[0], sku, PC)}


def test_a_gallery_version_that_is_what_the_plan_needs_passes_every_item():
    found = judged(gallery_first(record()))
    assert {k: (j.ok, j.text) for k, j in found.items()} == {
        "gallery-version:x64Gen2": (True, "x64Gen2: the gallery image version 1.0.0 exists and its definition is generalized"),
        "gallery-match:x64Gen2": (True, "x64Gen2: the image definition matches the plan (V2, x64, Linux, security TrustedLaunch)"),
        "gallery-replicated:x64Gen2": (True, "x64Gen2: the gallery image version is replicated (East US, West Europe)"),
        "gallery-access:x64Gen2": (True, "x64Gen2: Partner Center can read the gallery (the Microsoft.PartnerCenterIngestion "
                                         "resource provider is registered)")}


@pytest.mark.parametrize(("check", "item", "words"), [
    (None, "gallery-version:x64Gen2", "has not been read from Azure yet"),
    (lambda: record(version=az_version(VERSION, state="Failed")), "gallery-version:x64Gen2", "is Failed, not Succeeded"),
    (lambda: record(definition=az_definition(DEFINITION, os_state="Specialized")), "gallery-version:x64Gen2",
     "Partner Center needs a Generalized image"),
    (lambda: record(definition=az_definition(DEFINITION, generation="V1", security=None)), "gallery-match:x64Gen2",
     "the definition is Hyper-V generation V1, the plan's x64Gen2 image needs V2"),
    (lambda: record(definition=az_definition(DEFINITION, architecture="Arm64")), "gallery-match:x64Gen2",
     "the definition is Arm64, the plan's x64Gen2 image needs x64"),
    (lambda: record(definition=az_definition(DEFINITION, os_type="Windows")), "gallery-match:x64Gen2",
     "the definition's OS type is Windows, the plan is Linux"),
    (lambda: record(definition=az_definition(DEFINITION, security=None)), "gallery-match:x64Gen2",
     "the definition's security type is Standard, the plan's security type needs one of TrustedLaunch"),
    (lambda: record(version=az_version(VERSION, replication="InProgress")), "gallery-replicated:x64Gen2",
     "replication is InProgress: wait until it is Completed"),
    (lambda: record(version=az_version(VERSION, replication=None)), "gallery-replicated:x64Gen2",
     "the replication state was not read"),
    (lambda: record(registered="NotRegistered"), "gallery-access:x64Gen2",
     "az provider register --namespace Microsoft.PartnerCenterIngestion"),
    (lambda: record(registered=None), "gallery-access:x64Gen2", "or confirm that the publishing account is Owner"),
])
def test_each_item_fails_with_what_to_do(check, item, words):
    found = judged(gallery_first(check() if check else None))
    assert not found[item].ok and words in found[item].text, found[item].text
    if check is not None:  # one thing wrong: the other items still pass
        assert [k for k, j in found.items() if not j.ok] == [item]


def test_owner_confirmed_counts_for_access_and_a_changed_version_must_be_read_again():
    project = gallery_first(record(registered=None), confirmed=True)
    found = judged(project)
    assert found["gallery-access:x64Gen2"].ok and "Owner" in found["gallery-access:x64Gen2"].text
    project.skus[0].images[0].gallery_resource_id = VERSION.replace("1.0.0", "1.0.1")
    assert "changed since it was read" in judged(project)["gallery-version:x64Gen2"].text


def test_standard_and_confidential_plans_take_their_own_features():
    project = gallery_first(record(definition=az_definition(DEFINITION, security="TrustedLaunchSupported")))
    project.skus[0].images[0].security_types = []
    assert judged(project)["gallery-match:x64Gen2"].ok  # a definition that also runs standard VMs
    project.skus[0].images[0].security_types = ["confidential"]
    assert not judged(project)["gallery-match:x64Gen2"].ok
    project.skus[0].images[0].gallery_check = record(definition=az_definition(DEFINITION, security="ConfidentialVmSupported"))
    assert judged(project)["gallery-match:x64Gen2"].ok


# -- the readiness and the step list of a gallery-first plan ---------------------------------------------------
def test_a_gallery_first_plan_is_ready_without_a_vhd_check_or_a_sas_uri():
    project = gallery_first(record())
    assert [p for p in validate_offer(project) if p.severity == "error"] == []
    items = items_of(project)
    assert all(i.ok for i in items.values()), [i.text for i in items.values() if not i.ok]
    assert not [k for k in items if k.startswith(("vhd-check:", "sas:"))]
    assert {"gallery:x64Gen2", "gallery-version:x64Gen2", "gallery-match:x64Gen2", "gallery-replicated:x64Gen2",
            "gallery-access:x64Gen2", "test-run"} <= set(items)
    states = step_states(project)
    assert states[Step.VHD] == states[Step.SAS] == StepState.DONE


def test_a_gallery_first_plan_is_not_ready_until_the_version_is_read():
    items = items_of(gallery_first(None))
    assert not items["gallery-version:x64Gen2"].ok and items["gallery-version:x64Gen2"].step == Step.OFFER


def test_a_gallery_image_built_from_a_vhd_still_has_its_vhd_checked():
    project = gallery_first(record())
    project.skus[0].disks[0].blob_url = "https://contosovhds.blob.core.windows.net/vhds/os.vhd"
    items = items_of(project)
    assert "vhd-check:0" in items and "sas:0" not in items


# -- the test VM is made from the gallery version ---------------------------------------------------------------
def test_the_test_vm_of_a_gallery_first_image_is_made_from_the_version():
    project = gallery_first(record())
    commands = [[w for group in c for w in group] for c in _test_vm_commands(project.skus[0], project)]
    assert [c[:3] for c in commands] == [["az", "provider", "register"], ["az", "vm", "create"]]
    vm = commands[1]
    assert vm[vm.index("--image") + 1] == VERSION and vm[vm.index("--security-type") + 1] == "TrustedLaunch"
    assert vm[vm.index("--size") + 1] == "Standard_D2s_v5"
    from wizard.core.operations import commands_for_test_vm

    script = commands_for_test_vm("az-script", project, project.skus[0])
    assert "MISSING" not in script and "NOT READY" not in script and "az sig image-version create" not in script
    # A Confidential plan's test VM goes on a size that runs it.
    project.skus[0].images[0].security_types = ["confidential"]
    project.skus[0].vm_sizes = ["Standard_D2s_v5", "Standard_DC2as_v5"]
    vm = [w for group in _test_vm_commands(project.skus[0], project)[1] for w in group]
    assert vm[vm.index("--size") + 1] == "Standard_DC2as_v5" and vm[vm.index("--security-type") + 1] == "ConfidentialVM"


# -- how a new plan starts ----------------------------------------------------------------------------------
def test_a_new_partner_center_plan_starts_gallery_first_and_a_2015_plan_as_the_guide_has_it():
    from wizard.core.model import Sku, apply_new_plan_defaults, new_project, new_sku

    sku = new_sku(PC)
    assert [(im.image_type, im.security_types, im.source) for im in sku.images] == [("x64Gen2", ["trusted"], SOURCE_GALLERY)]
    assert [(d.role, d.image_type) for d in sku.disks] == [("os", "x64Gen2")] and sku.from_gallery_only(sku.disks[0])
    guide = load_profile("publishing-guide-2015")
    assert new_sku(guide) == Sku()  # the 2015 plan as it always was: x64 Gen1 from SAS URIs
    project = new_project()
    project.profile_id = "partner-center"
    assert apply_new_plan_defaults(project, PC) and project.skus[0] == new_sku(PC)
    assert not apply_new_plan_defaults(project, PC)  # already so
    assert apply_new_plan_defaults(project, guide) and project.skus[0] == Sku()  # back, while untouched
    project.skus[0].sku_id = "web"  # a plan with anything entered keeps what it has
    assert not apply_new_plan_defaults(project, PC) and project.skus[0].main_image_type == "x64Gen1"
