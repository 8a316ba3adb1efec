"""Under the Partner Center profile the export is what Microsoft's API accepts: every constraint of
REFERENCE.md §9 in the schema, both ways; the same rules live on the project; the plan's properties,
ports and published versions come from the project; the Linux cases of §9."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from wizard.core.export import partner_center_json, prepare, render
from wizard.core.model import OpenPort, PublishedDisk, PublishedVersion, new_project
from wizard.core.profiles import load_profile
from wizard.core.projectio import load_project
from wizard.core.resources import resource_path
from wizard.core.validation import marketplace_urls, validate_offer

PC = load_profile("partner-center")
GUIDE = load_profile("publishing-guide-2015")
SCHEMA = json.loads(resource_path("schemas", "partner-center-technical-configuration.schema.json").read_text())
BLOB = "https://contosovhds.blob.core.windows.net/vhds"
TOKEN = "sv=2024-08-04&sr=c&sp=rl&st=2026-11-24T12%3A00%3A00Z&se=2026-12-20T12%3A00%3A00Z&sig=c2ln"
GALLERY = ("/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/"
           "images/web/versions/1.0.0")


def valid(document) -> bool:
    try:
        jsonschema.validate(document, SCHEMA)
    except jsonschema.ValidationError:
        return False
    return True


def good_document():
    project = load_project(resource_path("examples/demo.mpwiz")).project
    project.profile_id = "partner-center"
    sku = project.skus[0]
    uris = {i: f"{BLOB}/disk{i}.vhd?{TOKEN}" for i in range(len(sku.disks))}
    return partner_center_json(project, sku, uris)


def test_the_sample_exported_under_partner_center_validates():
    project = load_project(resource_path("examples/demo.mpwiz")).project
    project.profile_id = "partner-center"
    docs = json.loads(render("partner-center-json", project, prepare(project, {})))
    for doc in docs:
        assert valid(doc), doc
        # No SAS made yet: the new version is left out (never an empty string where a URI goes)...
        assert doc["vmImageVersions"] == []
        assert "SAS URI" in doc["$comment"]  # ...and the document says what is missing
    assert valid(good_document())


CASES = [  # (what is changed, how) -> valid?
    ("offer id of 2 characters", lambda d: d["product"].update(externalId="ab"), False),
    ("offer id of 3 characters", lambda d: d["product"].update(externalId="abc"), True),
    ("plan id of 50 characters", lambda d: d["plan"].update(externalId="a" * 50), True),
    ("plan id of 51 characters", lambda d: d["plan"].update(externalId="a" * 51), False),
    ("plan id with a capital", lambda d: d["plan"].update(externalId="Web-plan"), False),
    ("plan id starting with '-'", lambda d: d["plan"].update(externalId="-web"), False),
    ("friendlyName of 100", lambda d: d["operatingSystem"].update(friendlyName="x" * 100), True),
    ("friendlyName of 101", lambda d: d["operatingSystem"].update(friendlyName="x" * 101), False),
    ("empty friendlyName", lambda d: d["operatingSystem"].update(friendlyName=""), False),
    ("type centOS (old spelling)", lambda d: d["operatingSystem"].update(type="centOS"), False),
    ("type centos", lambda d: d["operatingSystem"].update(type="centos"), True),
    ("a Windows type on Linux", lambda d: d["operatingSystem"].update(type="windowsServer2019"), False),
    ("versionNumber 1.0", lambda d: d["vmImageVersions"][0].update(versionNumber="1.0"), False),
    ("versionNumber of 33 characters", lambda d: d["vmImageVersions"][0].update(versionNumber="1." + "0" * 29 + ".1"), False),
    ("versionNumber of 32 characters", lambda d: d["vmImageVersions"][0].update(versionNumber="1." + "0" * 28 + ".1"), True),
    ("three SKUs", lambda d: d["skus"].extend([{"imageType": "x64Gen2", "skuId": "g2"}, {"imageType": "arm64Gen2", "skuId": "a2"}]), False),
    ("two SKUs", lambda d: d["skus"].append({"imageType": "x64Gen2", "skuId": "web-gen2"}), True),
    ("securityType on x64Gen1", lambda d: d["skus"][0].update(securityType=["standard"]), False),
    ("securityType on x64Gen2", lambda d: d["skus"].append({"imageType": "x64Gen2", "skuId": "web-gen2", "securityType": ["trusted"]}), True),
    ("three images in a version", lambda d: d["vmImageVersions"][0]["vmImages"].extend(
        copy.deepcopy(d["vmImageVersions"][0]["vmImages"]) * 2), False),
    ("17 data disks", lambda d: d["vmImageVersions"][0]["vmImages"][0]["source"].update(
        dataDisks=[{"lunNumber": i % 16, "uri": f"{BLOB}/d{i}.vhd?{TOKEN}"} for i in range(17)]), False),
    ("LUN 16", lambda d: d["vmImageVersions"][0]["vmImages"][0]["source"].update(
        dataDisks=[{"lunNumber": 16, "uri": f"{BLOB}/d.vhd?{TOKEN}"}]), False),
    ("an empty OS disk URI", lambda d: d["vmImageVersions"][0]["vmImages"][0]["source"]["osDisk"].update(uri=""), False),
    ("sasUri and a gallery at once", lambda d: d["vmImageVersions"][0]["vmImages"][0]["source"].update(
        sharedImage={"tenantId": "11111111-2222-3333-4444-555555555555", "resourceId": GALLERY}), False),
    ("a gallery source", lambda d: d["vmImageVersions"][0]["vmImages"][0].update(source={
        "sourceType": "sharedImageGallery", "sharedImage": {"tenantId": "11111111-2222-3333-4444-555555555555",
                                                            "resourceId": GALLERY}}), True),
    ("a gallery id of the wrong shape", lambda d: d["vmImageVersions"][0]["vmImages"][0].update(source={
        "sourceType": "sharedImageGallery", "sharedImage": {"tenantId": "11111111-2222-3333-4444-555555555555",
                                                            "resourceId": "/subscriptions/x/images/web"}}), False),
    ("an unknown property", lambda d: d.update(extraThing=1), False),
    ("an unknown vmProperty", lambda d: d["vmProperties"].update(supportsEverything=True), False),
    ("seven sizes", lambda d: d.update(recommendedVmSizes=[f"Standard_D{i}s_v5" for i in range(2, 9)]), False),
    ("a port", lambda d: d.update(openPorts=[{"label": "https", "protocol": "tcp", "portRange": "443"}]), True),
    ("a port range for both", lambda d: d.update(openPorts=[{"label": "app ports", "protocol": "both", "portRange": "8000-8080"}]), True),
    ("a port label of 2", lambda d: d.update(openPorts=[{"label": "ab", "protocol": "tcp", "portRange": "443"}]), False),
    ("a port label of 21", lambda d: d.update(openPorts=[{"label": "a" * 21, "protocol": "tcp", "portRange": "443"}]), False),
    ("a port label ending in '-'", lambda d: d.update(openPorts=[{"label": "web-", "protocol": "tcp", "portRange": "443"}]), False),
    ("protocol icmp", lambda d: d.update(openPorts=[{"label": "ping", "protocol": "icmp", "portRange": "1"}]), False),
    ("101 ports", lambda d: d.update(openPorts=[{"label": f"port{i}", "protocol": "tcp", "portRange": str(i + 1)}
                                                for i in range(101)]), False),
    ("lifecycle deprecated", lambda d: d["vmImageVersions"][0].update(lifecycleState="deprecated"), True),
    ("lifecycle retired", lambda d: d["vmImageVersions"][0].update(lifecycleState="retired"), False),
]


@pytest.mark.parametrize("change,expect", [(c[1], c[2]) for c in CASES], ids=[c[0] for c in CASES])
def test_every_constraint_of_section_9_both_ways(change, expect):
    document = good_document()
    assert valid(document)
    change(document)
    assert valid(document) is expect


def test_the_project_is_held_to_the_same_rules():
    project = load_project(resource_path("examples/demo.mpwiz")).project
    project.profile_id = "partner-center"
    project.skus = project.skus[:1]
    assert [p for p in validate_offer(project) if p.severity == "error"] == []
    sku = project.skus[0]

    def errors() -> set[str]:
        return {p.path for p in validate_offer(project) if p.severity == "error"}

    project.offer.offer_id = "ab"
    assert errors() == {"offer.offer_id"}
    assert any("at least 3" in p.message for p in validate_offer(project))
    project.offer.offer_id = "abc"
    sku.sku_id = "ab"
    assert errors() == {"skus[0].sku_id"}
    sku.sku_id = "abc"
    sku.os_friendly_name = "x" * 101
    assert errors() == {"skus[0].os_friendly_name"}
    sku.os_friendly_name = "x" * 100
    assert errors() == set()
    # Partner Center: a new, higher version -- X and Y may change too (only Z was the 2015 rule).
    sku.published_versions, sku.version = ["1.0.5"], "1.1.0"
    assert errors() == set()
    sku.version = "1.0.5"
    assert errors() == {"skus[0].version"}
    project.profile_id = "publishing-guide-2015"
    sku.version = "1.1.0"
    assert "skus[0].version" in errors()  # the guide: only Z
    project.profile_id = "partner-center"
    sku.version = "2.0.0"
    sku.vm_sizes = ["Standard_A2", "Standard_D2s_v5"]
    assert errors() == {"skus[0].vm_sizes[0]"}
    assert any("retired on 2024-08-31" in p.message for p in validate_offer(project))
    sku.vm_sizes = ["Standard_D2s_v5"]
    sku.open_ports = [OpenPort("https", "tcp", "443"), OpenPort("x", "icmp", "70000")]
    assert errors() == {"skus[0].open_ports[1].label", "skus[0].open_ports[1].protocol", "skus[0].open_ports[1].port_range"}


def test_properties_and_ports_come_from_the_project():
    project = load_project(resource_path("examples/demo.mpwiz")).project
    sku = project.skus[0]
    sku.properties.accelerated_networking = True
    sku.properties.requires_custom_arm_template = True
    sku.open_ports = [OpenPort("https", "tcp", "443")]
    doc = partner_center_json(project, sku, {})
    assert doc["vmProperties"]["supportsAcceleratedNetworking"] is True
    assert doc["vmProperties"]["requiresCustomArmTemplate"] is True
    assert doc["vmProperties"]["supportsRemoteConnection"] is True
    assert doc["openPorts"] == [{"label": "https", "protocol": "tcp", "portRange": "443"}]
    assert "securityType" not in doc["skus"][0]
    project.questionnaire.ssh_blocked = True  # SSH blocked on purpose: the FAQ's tick
    assert partner_center_json(project, sku, {})["vmProperties"]["supportsRemoteConnection"] is False


def test_published_versions_are_kept_unchanged_beside_the_new_one():
    project = new_project()
    project.offer.offer_id = "web-appliance"
    sku = project.skus[0]
    sku.sku_id, sku.os_friendly_name, sku.version = "ubuntu-standard", "Ubuntu Server 22.04 LTS", "1.0.2"
    sku.disks[0].blob_url = f"{BLOB}/new.vhd"
    sku.image_versions = [
        PublishedVersion("1.0.0", "deprecated", "x64Gen1", f"{BLOB}/old.vhd", [PublishedDisk(0, f"{BLOB}/old-data.vhd")]),
        PublishedVersion("1.0.1", "generallyAvailable", "x64Gen1", gallery_tenant_id="11111111-2222-3333-4444-555555555555",
                         gallery_resource_id=GALLERY),
    ]
    published = {f"{BLOB}/old.vhd": f"{BLOB}/old.vhd?{TOKEN}", f"{BLOB}/old-data.vhd": f"{BLOB}/old-data.vhd?{TOKEN}"}
    doc = partner_center_json(project, sku, {0: f"{BLOB}/new.vhd?{TOKEN}"}, published=published)
    assert [v["versionNumber"] for v in doc["vmImageVersions"]] == ["1.0.0", "1.0.1", "1.0.2"]
    assert doc["vmImageVersions"][0]["lifecycleState"] == "deprecated"
    assert doc["vmImageVersions"][0]["vmImages"][0]["source"]["dataDisks"] == [
        {"lunNumber": 0, "uri": f"{BLOB}/old-data.vhd?{TOKEN}"}]
    assert doc["vmImageVersions"][1]["vmImages"][0]["source"]["sourceType"] == "sharedImageGallery"
    assert valid(doc)
    # A published version whose token is gone is not sent half-made; the readiness names it.
    exports = prepare(project, {"ubuntu-standard": {0: f"{BLOB}/new.vhd?{TOKEN}"}})
    assert any("Published version 1.0.0" in m for m in exports[0].missing)


def test_marketplace_urls_follow_the_profile():
    assert marketplace_urls("contoso", "web", "std", PC) == ("https://azuremarketplace.microsoft.com/marketplace/apps/contoso.web",)
    assert marketplace_urls("contoso", "web", "std", GUIDE)[0] == "http://azure.microsoft.com/marketplace/partners/contoso/web-std"
    assert "Windows Server 2012 R2 Datacenter" not in PC.windows_base_images
    assert "Windows Server 2022 Datacenter" in PC.windows_base_images


# -- the Linux cases of §9 ----------------------------------------------------------------------------
def linux(sections: dict[str, str], profile, only: str):
    from wizard.core.linux_checks import judge, parse_sections

    text = "".join(f"@@@{k}\n{v}\n" for k, v in sections.items()) + "@@@end\n"
    (result,) = judge(parse_sections(text), profile, only={only})
    return result


def test_agent_below_the_minimum_passes_with_auto_update_under_partner_center_only():
    old = {"waagent": "path /usr/sbin/waagent\nWALinuxAgent-2.2.45 running on ubuntu 22.04", "waagent_conf": "AutoUpdate.Enabled=y\n"}
    assert linux(old, PC, "linux-agent").result == "Passed"
    assert linux({**old, "waagent_conf": "AutoUpdate.Enabled=n\n"}, PC, "linux-agent").result == "Failed"
    assert linux({**old, "waagent": "path /usr/sbin/waagent\nWALinuxAgent-2.2.40 running"}, GUIDE, "linux-agent").result == "Failed"
    assert linux({**old, "waagent": "path /usr/sbin/waagent\nWALinuxAgent-2.2.53.1 running",
                  "waagent_conf": "AutoUpdate.Enabled=n\n"}, PC, "linux-agent").result == "Passed"  # at the minimum


@pytest.mark.parametrize("version,expected", [("OpenSSL 3.0.0 7 sep 2021", "Passed"), ("OpenSSL 3.0.11", "Passed"),
                                              ("OpenSSL 1.1.1w 11 Sep 2023", "Warning"), ("OpenSSL 1.0.2k-fips", "Warning"),
                                              ("OpenSSL 1.1.0l", "Failed"), ("OpenSSL 2.9.9", "Failed"),
                                              ("OpenSSL 0.9.8", "Failed")])
def test_openssl_below_3_fails_unless_a_patched_long_term_line(version, expected):
    assert linux({"openssl": version}, PC, "openssl-version").result == expected
