"""Issue #20: image types per plan (x64 Gen1, x64 Gen2, Arm64 Gen2), security types, and an Azure Compute
Gallery image version as the image source -- the project format, the rules, the Partner Center JSON (against
the schema), its import (symmetric), the readiness, and the scripts (bash's parser, a stub `az` recording
its argv, a real PowerShell grammar)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from gallery_json import az_definition, az_version
from helpers.powershell_grammar import parse_errors
from hypothesis import given, settings
from hypothesis import strategies as st
from test_export import NOW, TOKEN, ready_project

from wizard.core.export import ExportRefused, partner_center_json, prepare, readiness, render
from wizard.core.gallery import read_definition_json, read_version_json
from wizard.core.model import Disk, PlanImage, new_project
from wizard.core.pc_import import take_over
from wizard.core.profiles import load_profile
from wizard.core.projectio import FORMAT_VERSION, load_project, parse_project, project_to_text
from wizard.core.resources import resource_path
from wizard.core.validation import gallery_parts, validate_offer
from wizard.core.vmsizes import by_name, search

PC = load_profile("partner-center")
GUIDE = load_profile("publishing-guide-2015")
SCHEMA = json.loads(resource_path("schemas", "partner-center-technical-configuration.schema.json").read_text())
TENANT = "11111111-2222-3333-4444-555555555555"
GALLERY = (f"/subscriptions/{TENANT}/resourceGroups/images-rg/providers/Microsoft.Compute/galleries/contoso_gallery/"
           "images/web-gen2/versions/1.0.0")
BASE = "https://contosovhds.blob.core.windows.net/vhds"


def gallery_plan(confirmed: bool = True):
    """The demo's ready SKU as a Gen2 Trusted Launch image from a gallery, plus an Arm64 image from SAS URIs."""
    project = ready_project()
    project.profile_id = "partner-center"
    project.storage.account_name = "contosovhds"
    sku = project.skus[0]
    sku.vm_sizes = ["Standard_D2s_v5", "Standard_D2ps_v5"]
    sku.images = [PlanImage("x64Gen2", "", ["trusted"], "sharedImageGallery", TENANT, GALLERY, confirmed),
                  PlanImage("arm64Gen2", "", [])]  # Partner Center takes no securityType on Arm64
    # What Azure says of the version and its definition, as az prints them (core.gallery reads them).
    record = read_version_json(json.dumps(az_version(GALLERY)))
    sku.images[0].gallery_check = read_definition_json(json.dumps(az_definition(GALLERY.rsplit("/versions/", 1)[0])), record)
    for disk in sku.disks:
        disk.image_type = "x64Gen2"
    arm = Disk("os", "arm OS", image_type="arm64Gen2", blob_url=f"{BASE}/arm-os.vhd")
    import dataclasses

    # The arm image's own check and SAS, of its own blob (a SAS belongs to one blob: issue #32).
    arm.vhd_check = dataclasses.replace(sku.disks[0].vhd_check, target=arm.blob_url)
    arm.sas = dataclasses.replace(sku.disks[0].sas, blob_url=arm.blob_url, secret_purpose=f"sas:{arm.blob_url}")
    sku.disks.append(arm)
    # One test VM per image type: a run of each (the same results, for this test).
    import copy

    project.test_runs[-1].image_under_test = "ubuntu-standard/x64Gen2"
    project.test_runs.append(copy.deepcopy(project.test_runs[-1]))
    project.test_runs[-1].image_under_test = "ubuntu-standard/arm64Gen2"
    return project


def uris(project):
    return {project.skus[0].sku_id: {i: f"{d.blob_url}?{TOKEN}" for i, d in enumerate(project.skus[0].disks)}}


def valid(document) -> bool:
    try:
        jsonschema.validate(document, SCHEMA)
    except jsonschema.ValidationError:
        return False
    return True


# -- the project file ----------------------------------------------------------------------------------
def test_an_old_project_opens_as_one_x64_gen1_image_and_saves_as_the_new_format(tmp_path):
    old = json.loads(resource_path("examples/demo.mpwiz").read_text())
    old["format_version"] = 2
    for sku in old["skus"]:
        sku.pop("images", None)
        for disk in sku["disks"]:
            disk.pop("image_type", None)
    loaded = parse_project(json.dumps(old), tmp_path / "old.mpwiz")
    assert loaded.migrated_from == 2 and not loaded.problems
    for sku in loaded.project.skus:
        assert [(im.image_type, im.source, im.security_types) for im in sku.images] == [("x64Gen1", "sasUri", [])]
        assert {d.image_type for d in sku.disks} == {"x64Gen1"}
    saved = json.loads(project_to_text(loaded.project))
    assert saved["format_version"] == FORMAT_VERSION == 3
    assert saved["skus"][0]["images"][0]["image_type"] == "x64Gen1"


def test_the_bundled_example_is_load_and_save_output():
    path = resource_path("examples/demo.mpwiz")
    loaded = load_project(path)
    assert loaded.migrated_from is None and not loaded.problems
    assert project_to_text(loaded.project) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("images, where", [
    ("x64Gen2", "skus[0].images: expected a list"),
    ([{"image_type": 7}], "skus[0].images[0].image_type: expected text"),
    ([{"security_types": "trusted"}], "skus[0].images[0].security_types: expected a list"),
    ([{"gallery_access_confirmed": "yes"}], "skus[0].images[0].gallery_access_confirmed: expected true/false"),
])
def test_a_malformed_image_field_loads_with_its_place_named(tmp_path, images, where):
    data = json.loads(resource_path("examples/demo.mpwiz").read_text())
    data["skus"][0]["images"] = images
    loaded = parse_project(json.dumps(data), tmp_path / "p.mpwiz")
    assert any(str(p).startswith(where) for p in loaded.problems), [str(p) for p in loaded.problems]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.fixed_dictionaries({}, optional={
    "image_type": st.one_of(st.sampled_from(["x64Gen1", "x64Gen2", "arm64Gen2"]), st.text(max_size=12), st.integers()),
    "sku_id": st.one_of(st.text(max_size=60), st.none()),
    "security_types": st.one_of(st.lists(st.sampled_from(["trusted", "confidential", "x"])), st.text(max_size=5)),
    "source": st.one_of(st.sampled_from(["sasUri", "sharedImageGallery"]), st.text(max_size=8)),
    "gallery_tenant_id": st.text(max_size=40), "gallery_resource_id": st.text(max_size=200),
}), max_size=4), st.sampled_from(["publishing-guide-2015", "partner-center"]))
def test_any_image_fields_load_validate_and_export_without_a_crash(images, profile_id):
    data = json.loads(resource_path("examples/demo.mpwiz").read_text())
    data["profile_id"] = profile_id
    data["skus"][0]["images"] = images
    project = parse_project(json.dumps(data), Path("p.mpwiz")).project
    validate_offer(project)
    for fmt in ("partner-center-json", "az-script", "az-ps1", "portal-csv"):
        try:
            render(fmt, project, prepare(project, {}))
        except ExportRefused:  # a value that breaks its rule is refused in a script, by design (#18)
            assert fmt.startswith("az-")
        except ValueError as exc:  # the scripts refuse a NUL in any value (shellquote), by design
            assert "NUL" in str(exc) and fmt.startswith("az-")


# -- the rules -----------------------------------------------------------------------------------------
def problems_of(project, prefix="skus[0].images"):
    return [p.message for p in validate_offer(project) if p.path.startswith(prefix)]


def test_the_2015_profile_offers_x64_gen1_from_sas_uris_only():
    project = gallery_plan()
    project.profile_id = "publishing-guide-2015"
    found = " ".join(problems_of(project))
    assert "2 image types; this profile allows at most 1" in found
    assert "Image type 'x64Gen2' is not one this profile offers (x64Gen1)" in found
    assert "Image source 'sharedImageGallery' is not one this profile accepts" in found


def test_the_gallery_plan_is_valid_under_partner_center():
    assert [p for p in validate_offer(gallery_plan()) if p.severity == "error"] == []


@pytest.mark.parametrize("change, words", [
    (lambda s: s.images.append(PlanImage("x64Gen1")), "3 image types"),
    (lambda s: setattr(s.images[1], "image_type", "x64Gen2"), "listed twice"),
    (lambda s: s.images[1].__setattr__("sku_id", "ubuntu-standard"), "used more than once"),
    (lambda s: setattr(s.images[0], "image_type", "x64Gen1"), "Generation 2 images only"),
    (lambda s: setattr(s.images[0], "security_types", ["quantum"]), "'quantum' is not one this profile knows"),
    (lambda s: setattr(s.images[0], "gallery_tenant_id", "not-a-guid"), "Tenant ID 'not-a-guid'"),
    (lambda s: setattr(s.images[0], "gallery_resource_id", GALLERY.replace("/versions/1.0.0", "")), "/versions/<X.Y.Z>"),
    (lambda s: setattr(s.images[0], "gallery_resource_id", GALLERY + "\n"), "/versions/<X.Y.Z>"),
    (lambda s: setattr(s.images[0], "gallery_resource_id", GALLERY.replace("/subscriptions/1111", "/subscriptions/zzzz")),
     "/versions/<X.Y.Z>"),
])
def test_each_image_rule_is_reported_in_words(change, words):
    project = gallery_plan()
    change(project.skus[0])
    assert any(words in m for m in problems_of(project, "skus[0]")), problems_of(project, "skus[0]")


def test_each_image_type_needs_its_own_os_disk():
    project = gallery_plan()
    sku = project.skus[0]
    sku.disks = [d for d in sku.disks if d.image_type != "arm64Gen2"]
    assert any("The arm64Gen2 image needs exactly one OS disk" in m for m in problems_of(project, "skus[0].disks"))


def test_the_resource_id_shape_is_anchored_and_linear():
    assert gallery_parts(GALLERY) == {"group": "images-rg", "gallery": "contoso_gallery", "definition": "web-gen2",
                                      "version": "1.0.0"}
    assert gallery_parts("x" + GALLERY) is None and gallery_parts(GALLERY + "/x") is None
    import time

    hostile = "/subscriptions/" + TENANT + "/resourceGroups/" + "a" * 50_000 + "/" * 50_000
    started = time.perf_counter()
    assert gallery_parts(hostile) is None
    assert time.perf_counter() - started < 0.05


def test_the_size_catalogue_filters_to_sizes_that_run_the_plans_types():
    sizes = by_name()
    assert sizes["Standard_D2ps_v5"].runs("arm64Gen2") and not sizes["Standard_D2ps_v5"].runs("x64Gen2")
    assert sizes["Standard_D2s_v5"].runs("x64Gen2") and not sizes["Standard_D1_v2"].runs("x64Gen2")
    gen2 = {s.name for s in search("", PC, ["x64Gen2"])}
    assert "Standard_D2s_v5" in gen2 and "Standard_D1_v2" not in gen2 and "Standard_D2ps_v5" not in gen2
    project = gallery_plan()
    project.skus[0].vm_sizes = ["Standard_D1_v2"]  # Gen1 only, x64: runs neither image
    assert any("runs none of the plan's image types" in m for m in problems_of(project, "skus[0].vm_sizes"))


def test_console_tty_ama0_is_accepted_on_arm64_only():
    from wizard.core.linux_checks import judge, parse_sections

    def kernel(cmdline: str, machine: str) -> str:
        text = f"@@@cmdline\n{cmdline}\n@@@grub\n\n@@@uname_m\n{machine}\n@@@end\n"
        (result,) = judge(parse_sections(text), PC, only={"kernel-params"})
        return result.result

    assert kernel("root=/dev/sda1 console=ttyAMA0 earlyprintk=ttyAMA0", "aarch64") == "Passed"
    assert kernel("root=/dev/sda1 console=ttyAMA0", "x86_64") == "Failed"
    assert kernel("root=/dev/sda1 console=ttyS0", "aarch64") == "Passed"
    assert kernel("root=/dev/sda1 quiet", "aarch64") == "Failed"


# -- the Partner Center JSON, its schema and its import ----------------------------------------------------
def test_one_sku_per_image_type_security_type_only_on_gen2_and_a_gallery_source():
    project = gallery_plan()
    (export,) = prepare(project, uris(project), now=NOW)
    assert all(i.ok for i in export.items), [i.text for i in export.items if not i.ok]
    document = partner_center_json(project, export.sku, export.sas_uris, export.missing)
    assert valid(document), document
    assert document["skus"] == [{"imageType": "x64Gen2", "skuId": "ubuntu-standard", "securityType": ["trusted"]},
                                {"imageType": "arm64Gen2", "skuId": "ubuntu-standard-arm64"}]
    # An Arm64 image that still holds a security type (an older project, an import) never exports it.
    project.skus[0].images[1].security_types = ["trusted"]
    assert "securityType" not in partner_center_json(project, export.sku, export.sas_uris)["skus"][1]
    (version,) = document["vmImageVersions"]
    gen2, arm = version["vmImages"]
    assert gen2 == {"imageType": "x64Gen2", "source": {"sourceType": "sharedImageGallery",
                                                         "sharedImage": {"tenantId": TENANT, "resourceId": GALLERY}}}
    assert arm["source"]["sourceType"] == "sasUri" and arm["source"]["osDisk"]["uri"].startswith(f"{BASE}/arm-os.vhd?")
    # A standard Gen2 image and a Gen1 image carry no securityType at all.
    project.skus[0].images[1].security_types = []
    assert "securityType" not in partner_center_json(project, export.sku, export.sas_uris)["skus"][1]


def test_the_gallery_source_needs_no_sas_but_the_provider_step_confirmed():
    project = gallery_plan(confirmed=False)
    items = {i.id: i for i in readiness(project, project.skus[0], {}, now=NOW)}
    assert not any(k.startswith("sas:") and k in ("sas:0", "sas:1", "sas:2") for k in items)  # the gallery image's disks
    assert "sas:3" in items  # the Arm64 image comes from SAS URIs
    access = items["gallery-access:x64Gen2"]
    assert not access.ok and "Microsoft.PartnerCenterIngestion" in access.text
    assert items["gallery:x64Gen2"].ok and "1.0.0" in items["gallery:x64Gen2"].text


SCHEMA_CASES = [  # the preview3 additions, both ways
    ("two SKUs of one image type", lambda d: d["skus"].append(dict(d["skus"][0])), False),
    ("two images of one type in a version", lambda d: d["vmImageVersions"][0]["vmImages"][1].update(imageType="x64Gen2"), False),
    ("securityType confidential on arm64Gen2", lambda d: d["skus"][1].update(securityType=["confidential"]), True),
    ("an empty securityType list", lambda d: d["skus"][1].update(securityType=[]), False),
    ("a tenant id that is no GUID", lambda d: d["vmImageVersions"][0]["vmImages"][0]["source"]["sharedImage"].update(
        tenantId="contoso.onmicrosoft.com"), False),
    ("a gallery source with an OS disk too", lambda d: d["vmImageVersions"][0]["vmImages"][0]["source"].update(
        osDisk={"uri": f"{BASE}/x.vhd?{TOKEN}"}), False),
    ("a resource id without a version", lambda d: d["vmImageVersions"][0]["vmImages"][0]["source"]["sharedImage"].update(
        resourceId=GALLERY.rsplit("/versions", 1)[0]), False),
    ("a subscription that is no GUID", lambda d: d["vmImageVersions"][0]["vmImages"][0]["source"]["sharedImage"].update(
        resourceId=GALLERY.replace(TENANT, "-" * 36)), False),
]


@pytest.mark.parametrize("change, expect", [c[1:] for c in SCHEMA_CASES], ids=[c[0] for c in SCHEMA_CASES])
def test_the_schemas_preview3_additions_both_ways(change, expect):
    project = gallery_plan()
    (export,) = prepare(project, uris(project), now=NOW)
    document = partner_center_json(project, export.sku, export.sas_uris)
    assert valid(document)
    change(document)
    assert valid(document) is expect


def test_import_takes_back_what_the_export_wrote():
    project = gallery_plan()
    (export,) = prepare(project, uris(project), now=NOW)
    document = partner_center_json(project, export.sku, export.sas_uris)
    fresh = new_project()
    fresh.skus[0].sku_id = "ubuntu-standard"
    result = take_over(fresh, document)
    sku = fresh.skus[0]
    assert not result.not_taken, result.not_taken
    assert [(im.image_type, sku.image_sku_id(im), im.security_types) for im in sku.images] == \
        [("x64Gen2", "ubuntu-standard", ["trusted"]), ("arm64Gen2", "ubuntu-standard-arm64", [])]
    assert {d.image_type for d in sku.disks} >= {"x64Gen2", "arm64Gen2"}
    (published,) = sku.image_versions
    first, second = published.images()
    assert (first.image_type, first.gallery_tenant_id, first.gallery_resource_id) == ("x64Gen2", TENANT, GALLERY)
    assert (second.image_type, second.os_blob_url) == ("arm64Gen2", f"{BASE}/arm-os.vhd")
    assert result.tokens == [(f"{BASE}/arm-os.vhd", TOKEN)]
    # ... and exports it again unchanged (the published version, the SKUs).
    again = partner_center_json(fresh, sku, {}, published={f"{BASE}/arm-os.vhd": f"{BASE}/arm-os.vhd?{TOKEN}"})
    assert again["skus"] == document["skus"]
    assert again["vmImageVersions"] == document["vmImageVersions"]


def test_import_refuses_odd_image_types_and_security_types():
    project = gallery_plan()
    (export,) = prepare(project, uris(project), now=NOW)
    document = partner_center_json(project, export.sku, export.sas_uris)
    document["skus"] = [{"imageType": "x64Gen1", "skuId": "ubuntu-standard", "securityType": ["trusted"]},
                        {"imageType": "riscvGen3", "skuId": "ubuntu-standard-rv"}]
    fresh = new_project()
    fresh.skus[0].sku_id = "ubuntu-standard"
    result = take_over(fresh, document)
    assert any("securityType" in n for n in result.not_taken) and any("riscvGen3" in n for n in result.not_taken)
    assert [im.image_type for im in fresh.skus[0].images] == ["x64Gen1"]


# -- the scripts -------------------------------------------------------------------------------------------
def test_the_gallery_scripts_parse_in_bash_and_powershell():
    project = gallery_plan()
    exports = prepare(project, uris(project), now=NOW)
    script = render("az-script", project, exports)
    subprocess.run(["bash", "-n"], input=script, text=True, check=True)
    assert parse_errors(render("az-ps1", project, exports)) == []
    assert parse_errors("az vm create `\n  --name ('a' + \n") != []  # the grammar does find errors


def test_the_golden_scripts_parse_in_powershell():
    golden = Path(__file__).parents[1] / "golden" / "export"
    for name in ("ready.ps1", "gallery.ps1"):
        assert parse_errors((golden / name).read_text(encoding="utf-8")) == [], name


def test_the_gallery_golden_files():
    project = gallery_plan()
    exports = prepare(project, uris(project), now=NOW)
    golden = Path(__file__).parents[1] / "golden" / "export"
    for fmt, name in (("az-script", "gallery.sh"), ("az-ps1", "gallery.ps1"), ("partner-center-json", "gallery.json"),
                      ("portal-md", "gallery.md")):
        text = render(fmt, project, exports)
        if os.environ.get("MPWIZARD_UPDATE_GOLDEN"):
            (golden / name).write_text(text, encoding="utf-8")
        assert text == (golden / name).read_text(encoding="utf-8"), name


def run_with_stub_az(tmp_path: Path, script: str, env: dict[str, str]) -> list[list[str]]:
    """Run the bash script with an `az` on PATH that records each call's argv (one JSON list a line)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "az-calls.jsonl"
    stub = bin_dir / "az"
    stub.write_text(f"#!{sys.executable}\nimport json, sys\nwith open({str(log)!r}, 'a') as fh:\n"
                    "    fh.write(json.dumps(sys.argv[1:]) + '\\n')\n")
    stub.chmod(stub.stat().st_mode | stat.S_IEXEC)
    path = tmp_path / "script.sh"
    path.write_text(script)
    subprocess.run(["bash", str(path)], check=True, capture_output=True, text=True,
                   env={"PATH": f"{bin_dir}:{os.environ['PATH']}", **env})
    return [json.loads(line) for line in log.read_text().splitlines()]


def test_the_bash_script_calls_az_with_exactly_these_arguments(tmp_path, monkeypatch):
    from wizard.core.export import renderers as renderers_module

    project = gallery_plan()
    project.skus[0].sku_id = "ubuntu-standard"
    project.offer.publisher_namespace = "contoso$(touch /tmp/pwned)"  # data stays data:
    # such a value is refused first (#18); with the refusal off, quoting is the second wall
    monkeypatch.setattr(renderers_module, "script_refusals", lambda exports, account="", project=None: [])
    calls = run_with_stub_az(tmp_path, render("az-script", project, prepare(project, uris(project), now=NOW)),
                             {"RESOURCE_GROUP": "test-rg", "LOCATION": "westus", "GALLERY_NAME": "test_gallery",
                              "SUBSCRIPTION_ID": "99999999-8888-7777-6666-555555555555"})
    data = [f"{BASE}/logs.vhd", f"{BASE}/db.vhd"]
    assert calls == [
        ["provider", "register", "--namespace", "Microsoft.PartnerCenterIngestion"],
        ["sig", "create", "--resource-group", "images-rg", "--gallery-name", "contoso_gallery", "--location", "westus"],
        ["sig", "image-definition", "create", "--resource-group", "images-rg", "--gallery-name", "contoso_gallery",
         "--gallery-image-definition", "web-gen2", "--publisher", "contoso$(touch /tmp/pwned)", "--offer", "web-appliance",
         "--sku", "ubuntu-standard", "--os-type", "Linux", "--os-state", "Generalized", "--hyper-v-generation", "V2",
         "--architecture", "x64", "--features", "SecurityType=TrustedLaunch"],
        ["sig", "image-version", "create", "--resource-group", "images-rg", "--gallery-name", "contoso_gallery",
         "--gallery-image-definition", "web-gen2", "--gallery-image-version", "1.0.0", "--location", "westus",
         "--os-vhd-uri", f"{BASE}/os.vhd", "--os-vhd-storage-account", "contosovhds",
         "--data-vhds-uris", *data, "--data-vhds-luns", "0", "1", "--data-vhds-storage-accounts", "contosovhds", "contosovhds"],
        ["vm", "create", "--resource-group", "test-rg", "--location", "westus", "--name", "ubuntu-standard-x64gen2-test",
         "--image", GALLERY, "--security-type", "TrustedLaunch", "--enable-secure-boot", "true", "--enable-vtpm", "true",
         "--admin-username", "azureuser", "--size", "Standard_D2s_v5", "--generate-ssh-keys"],
        ["sig", "create", "--resource-group", "test-rg", "--gallery-name", "test_gallery", "--location", "westus"],
        ["sig", "image-definition", "create", "--resource-group", "test-rg", "--gallery-name", "test_gallery",
         "--gallery-image-definition", "ubuntu-standard-arm64", "--publisher", "contoso$(touch /tmp/pwned)",
         "--offer", "web-appliance", "--sku", "ubuntu-standard-arm64", "--os-type", "Linux", "--os-state", "Generalized",
         "--hyper-v-generation", "V2", "--architecture", "Arm64"],
        ["sig", "image-version", "create", "--resource-group", "test-rg", "--gallery-name", "test_gallery",
         "--gallery-image-definition", "ubuntu-standard-arm64", "--gallery-image-version", "1.0.0", "--location", "westus",
         "--os-vhd-uri", f"{BASE}/arm-os.vhd", "--os-vhd-storage-account", "contosovhds"],
        ["vm", "create", "--resource-group", "test-rg", "--location", "westus", "--name", "ubuntu-standard-arm64gen2-test",
         "--image", "/subscriptions/99999999-8888-7777-6666-555555555555/resourceGroups/test-rg/providers/"
                    "Microsoft.Compute/galleries/test_gallery/images/ubuntu-standard-arm64/versions/1.0.0",
         "--admin-username", "azureuser", "--size", "Standard_D2ps_v5", "--generate-ssh-keys"],
    ]
    assert not Path("/tmp/pwned").exists()


def test_the_gen1_sas_script_keeps_the_managed_image_route(tmp_path):
    project = ready_project()
    calls = run_with_stub_az(tmp_path, render("az-script", project, prepare(project, uris(project), now=NOW)),
                             {"RESOURCE_GROUP": "rg", "LOCATION": "westus"})
    assert [c[:2] for c in calls] == [["image", "create"], ["vm", "create"]]
    assert calls[0][calls[0].index("--hyper-v-generation") + 1] == "V1"


# -- end to end: the Offer page to the export, through the real window -------------------------------------
def gpt_efi_vhd(tmp_path: Path) -> Path:
    """A Gen2 OS disk as sfdisk (GPT + EFI system partition) and qemu-img (fixed VHD) make it."""
    import shutil

    from wizard.core.partitions import EFI_SYSTEM_GUID

    if not shutil.which("sfdisk") or not shutil.which("qemu-img"):
        pytest.fail("sfdisk and qemu-img are needed: run the tests through scripts/test")
    raw = tmp_path / "gen2-os.raw"
    with open(raw, "wb") as fh:
        fh.truncate(2 * 1024 ** 3)
    script = f"label: gpt\nstart=2048, size=100M, type={EFI_SYSTEM_GUID}\nstart=206848, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4\n"
    subprocess.run(["sfdisk", "--no-reread", "--no-tell-kernel", "-q", str(raw)], input=script, text=True, check=True,
                   capture_output=True)
    vhd = tmp_path / "gen2-os.vhd"
    subprocess.run(["qemu-img", "convert", "-q", "-f", "raw", "-O", "vpc", "-o", "subformat=fixed,force_size=on", str(raw),
                    str(vhd)], check=True, capture_output=True)
    raw.unlink()
    return vhd


def test_a_gen2_trusted_launch_plan_from_a_gallery_goes_from_the_offer_page_to_the_export(qtbot, new_window, monkeypatch,
                                                                                         tmp_path):
    from person import Person, settle
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog
    from test_end_to_end import LONG, Walk

    from wizard.core.steps import Step
    from wizard.pages.export_page import SUFFIXES

    window = new_window()
    window.resize(1024, 700)
    window.show()
    walk = Walk(qtbot, window, monkeypatch, tmp_path)
    page = walk.page(Step.OFFER)
    person = Person(window)
    assert not page.images_row.isVisible()  # the 2015 guide's SKU: the Offer page as it always was
    walk.offer()  # the same typing as the Gen1 walk (one data disk)
    page.profile.setCurrentIndex(page.profile.findData("partner-center"))  # a plan with content keeps its images
    settle()
    assert window.document.project.skus[0].main_image_type == "x64Gen1"
    page.sku_editor.parentWidget().parentWidget().ensureWidgetVisible(page.btn_images)
    settle()
    assert page.images_row.isVisible()
    person.click(page.btn_images)
    dialog = page.image_dialog
    first = dialog.slots[0]
    him = Person(dialog)
    for combo, value in ((first.kind, "x64Gen2"), (first.security, ["trusted"]), (first.source, "sharedImageGallery")):
        him.click(combo)
        combo.setCurrentIndex(combo.findData(value))  # the popup's choice
        combo.hidePopup()
        settle()
    him.click(first.tenant)
    him.type(TENANT)
    him.click(first.resource)
    him.type(GALLERY)
    him.click(first.confirmed)
    assert first.confirmed.isChecked()
    dialog.accept()
    sku = window.document.project.skus[0]
    assert [(im.image_type, im.security_types, im.source) for im in sku.images] == [("x64Gen2", ["trusted"], "sharedImageGallery")]
    assert {d.image_type for d in sku.disks} == {"x64Gen2"}
    assert "x64" in page.images_summary.text() and "gallery" in page.images_summary.text()
    # Standard_D1_v2 (chosen by the walk) runs Gen1 only: the catalogue now hides it and the page says so.
    sku.vm_sizes = ["Standard_D2s_v5"]
    page._show_sku(0)
    assert walk.next_enabled(), [page.problem_list.item(i).text() for i in range(page.problem_list.count())]

    vhd_page = walk.page(Step.VHD)
    os_vhd = gpt_efi_vhd(tmp_path)
    vhd_page.set_disk_file(sku.disks[0], str(os_vhd))
    vhd_page.set_disk_file(sku.disks[1], str(os_vhd))
    qtbot.mouseClick(vhd_page.btn_check_all, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: vhd_page.task is None and not vhd_page.queue, timeout=LONG)
    boot = {f.id: f for f in sku.disks[0].vhd_check.findings}["boot-partitions"]
    assert boot.severity == "pass" and "EFI system partition" in boot.message
    for disk, name in zip(sku.disks, ("os.vhd", "data.vhd"), strict=True):
        disk.blob_url = f"{BASE}/{name}"  # as the upload leaves it (the Gen1 walk uploads to Azurite)

    export_page = walk.page(Step.EXPORT)
    qtbot.waitUntil(lambda: export_page.task is None, timeout=LONG)
    ids = [i.id for i in export_page.exports[0].items]
    assert not any(i.startswith("sas:") for i in ids)  # the gallery needs no SAS URI
    assert {i.id: i.ok for i in export_page.exports[0].items}["gallery-access:x64Gen2"] is True
    out = {}
    for fmt in ("partner-center-json", "az-script", "az-ps1", "portal-md"):
        target = tmp_path / f"export{SUFFIXES[fmt]}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, t=target, **k: (str(t), "")))
        export_page.format_combo.setCurrentIndex(export_page.format_combo.findData(fmt))
        qtbot.mouseClick(export_page.btn_export, Qt.MouseButton.LeftButton)
        out[fmt] = target.read_text(encoding="utf-8")
    document = json.loads(out["partner-center-json"])
    document.pop("$comment", None)  # the test run and the questionnaire are not part of this walk
    assert valid(document), document
    assert document["skus"] == [{"imageType": "x64Gen2", "skuId": "ubuntu-standard", "securityType": ["trusted"]}]
    assert document["vmImageVersions"][-1]["vmImages"] == [{"imageType": "x64Gen2", "source": {
        "sourceType": "sharedImageGallery", "sharedImage": {"tenantId": TENANT, "resourceId": GALLERY}}}]
    subprocess.run(["bash", "-n"], input=out["az-script"], text=True, check=True)
    assert "--security-type 'TrustedLaunch'" in out["az-script"] and "--hyper-v-generation 'V2'" in out["az-script"]
    assert parse_errors(out["az-ps1"]) == []
    assert "Security type (x64Gen2) | `Trusted Launch`" in out["portal-md"]


def test_one_test_run_per_image_type_and_the_pages_say_which_image_they_test(qtbot, new_window):
    from person import Person, settle
    from test_end_to_end import Walk

    from wizard.core.model import TestRunRecord
    from wizard.core.steps import Step
    from wizard.document import ProjectDocument

    project = gallery_plan()
    project.test_runs[-2:] = project.test_runs[-1:]
    project.test_runs[-1].image_under_test = ""  # a run from before the image choice: the first SKU's first image
    items = {i.id: i for i in readiness(project, project.skus[0], {}, now=NOW)}
    assert items["test-run:x64Gen2"].ok and not items["test-run:arm64Gen2"].ok
    project.test_runs[-1].image_under_test = "ubuntu-standard/no-such-type"
    items = {i.id: i for i in readiness(project, project.skus[0], {}, now=NOW)}
    assert not items["test-run:x64Gen2"].ok and not items["test-run:arm64Gen2"].ok
    assert "one test VM per image type" in items["test-run:arm64Gen2"].text
    # The run of the main image (the only one ready_project made) counts for x64Gen2 once it is recorded so.
    project.test_runs[-1].image_under_test = "ubuntu-standard/x64Gen2"
    items = {i.id: i for i in readiness(project, project.skus[0], {}, now=NOW)}
    assert items["test-run:x64Gen2"].ok and not items["test-run:arm64Gen2"].ok

    document = ProjectDocument()
    document.project = project
    window = new_window(document)
    window.resize(1024, 700)
    window.show()
    walk = Walk(qtbot, window, None, None)
    page = walk.page(Step.CONNECTION)
    assert page.image.isVisible()
    assert [page.image.itemText(i) for i in range(page.image.count())] == [
        "ubuntu-standard — x64 Generation 2 (Trusted Launch)", "ubuntu-standard — Arm64 Generation 2"]
    person = Person(window)
    person.click(page.image)
    page.image.setCurrentIndex(1)  # the popup's second line
    page.image.hidePopup()
    settle()
    assert project.connection.image_under_test == "ubuntu-standard/arm64Gen2"
    run = walk.page(Step.TEST_RUN)
    assert run.image_under_test.isVisible() and "Arm64 Generation 2" in run.image_under_test.text()
    from wizard.core.operations import CertificationRun

    record = CertificationRun([], {}, "2026-11-25T12:00:00Z", "2026-11-25T12:01:00Z").record(project.connection, "partner-center")
    assert isinstance(record, TestRunRecord) and record.image_under_test == "ubuntu-standard/arm64Gen2"


def test_a_2015_project_shows_no_image_choice(qtbot, new_window):
    from test_end_to_end import Walk

    from wizard.core.steps import Step

    window = new_window()
    window.resize(1024, 700)
    window.show()
    walk = Walk(qtbot, window, None, None)
    assert not walk.page(Step.CONNECTION).image.isVisible()
    assert not walk.page(Step.TEST_RUN).image_under_test.isVisible()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_step_and_the_image_dialog_fit_at_1024x700_with_two_image_types(new_window, tmp_path, lang):
    from person import layout_problems, settle

    from wizard.core.projectio import save_project
    from wizard.core.steps import Step
    from wizard.i18n import install_translators

    path = tmp_path / "gallery.mpwiz"
    save_project(gallery_plan(), path)
    install_translators(lang)
    try:
        window = new_window()
        window.show()
        window.open_path(path, ask=False)
        window.resize(1024, 700)
        found = {}
        for step in Step:
            window.wizard.jump_to(int(step))
            settle(50)
            problems = layout_problems(window, window.pages[step])
            if problems:
                found[step.name] = problems
        assert not found, "\n".join(f"{k}: {p}" for k, v in found.items() for p in v)
        window.wizard.jump_to(int(Step.OFFER))
        page = window.pages[Step.OFFER]
        settle(50)
        page.edit_images()
        dialog = page.image_dialog
        settle(50)
        hint = dialog.sizeHint()
        assert hint.width() <= 1024 and hint.height() <= 700, hint.toTuple()
        assert layout_problems(dialog, dialog) == []
        if lang == "ja":
            assert dialog.slots[0].kind.currentText() == "x64 第 2 世代"
            assert dialog.slots[0].security.currentText() == "トラステッド起動"
        dialog.reject()
    finally:
        install_translators("en")


def test_an_imported_gen2_plan_takes_over_the_projects_gen1_disks():
    project = ready_project()  # one x64Gen1 image with an OS and two data disks
    document = partner_center_json(project, project.skus[0], {})
    document["skus"] = [{"imageType": "x64Gen2", "skuId": "ubuntu-standard", "securityType": ["trusted"]}]
    take_over(project, document)
    sku = project.skus[0]
    assert [im.image_type for im in sku.images] == ["x64Gen2"]
    assert [(d.role, d.image_type) for d in sku.disks] == [("os", "x64Gen2"), ("data", "x64Gen2"), ("data", "x64Gen2")]
    assert [p for p in validate_offer(project) if p.path.startswith("skus[0].disks")] == []


def test_one_skus_test_vm_commands_render_alone_as_in_the_scripts():
    from wizard.core.export.renderers import _test_vm_commands, command_text

    project = gallery_plan()
    exports = prepare(project, uris(project), now=NOW)
    commands = _test_vm_commands(project.skus[0], project, "arm64Gen2")
    assert [c[0] for c in commands] == [("az", "sig", "create"), ("az", "sig", "image-definition", "create"),
                                        ("az", "sig", "image-version", "create"), ("az", "vm", "create")]
    for shell, fmt in (("bash", "az-script"), ("ps1", "az-ps1")):
        script = render(fmt, project, exports)
        assert all(command_text(c, shell) in script for c in commands)


def test_the_sas_step_lists_only_the_disks_that_need_a_sas_uri(qtbot, new_window):
    from test_end_to_end import Walk

    from wizard.core.steps import Step, StepState, step_states
    from wizard.document import ProjectDocument

    project = gallery_plan()
    document = ProjectDocument()
    document.project = project
    window = new_window(document)
    window.resize(1024, 700)
    window.show()
    page = Walk(qtbot, window, None, None).page(Step.SAS)
    assert page.disks.rowCount() == 1  # the Arm64 image's OS disk; the gallery image's three are not listed
    assert "3 disk(s)" in page.banner.text() and page.banner.isVisible()
    project.skus[0].images.pop()
    project.skus[0].disks.pop()
    assert step_states(project)[Step.SAS] is StepState.DONE  # every image from a gallery: nothing to sign
