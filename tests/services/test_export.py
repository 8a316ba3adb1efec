"""Readiness and every export format: golden files, the JSON Schema, bash's own parser, a rendered page.

Golden files live in tests/golden/export/. After an intended change, regenerate them with
MPWIZARD_UPDATE_GOLDEN=1 and read the diff before committing.
"""

from __future__ import annotations

import json
import os
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from wizard.core.export import FORMATS, mask_signature, partner_center_json, prepare, readiness, render
from wizard.core.model import Disk, ReportRecord, SasRecord, VhdCheckRecord, new_project
from wizard.core.resources import resource_path
from wizard.core.steps import Step

from factories import answer_everything, sample_run

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parents[1] / "golden" / "export"
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
BASE = "https://contosovhds.blob.core.windows.net/vhds"
TOKEN = "sv=2024-08-04&st=2026-11-24T12%3A00%3A00Z&se=2026-12-20T12%3A00%3A00Z&sr=c&sp=rl&sig=c2VjcmV0LXNpZ25hdHVyZQ%3D%3D"


def ready_project():
    """A Linux SKU with an OS disk and two data disks, every readiness item met (as of NOW)."""
    project = new_project()
    project.offer.publisher_namespace, project.offer.offer_id, project.offer.offer_name = "contoso", "web-appliance", "Contoso Web"
    sku = project.skus[0]
    sku.sku_id, sku.title, sku.summary = "ubuntu-standard", "Ubuntu standard", "Hardened web server, ready in minutes."
    sku.os_friendly_name, sku.version = "Ubuntu Server 22.04 LTS", "1.0.0"
    sku.vm_sizes = ["Standard_D1_v2", "Standard_D2_v2", "Standard_D3_v2"]
    sku.disks = [Disk("os", "OS"), Disk("data", "logs"), Disk("data", "db")]
    for disk, name in zip(sku.disks, ("os.vhd", "logs.vhd", "db.vhd"), strict=True):
        disk.blob_url = f"{BASE}/{name}"
        disk.vhd_check = VhdCheckRecord(target=disk.blob_url, verdict="pass")
        disk.sas = SasRecord(disk.blob_url, "2026-11-24T12:00:00Z", "2026-12-20T12:00:00Z", verdict="pass",
                             secret_purpose=f"sas:{disk.blob_url}")
    project.test_runs.append(sample_run())
    project.questionnaire.exception_notes["iptables"] = "The appliance ships its own firewall policy."
    answer_everything(project)
    sku.report = ReportRecord("certification-ubuntu-standard-1.0.0-20261125.zip", "2026-11-25T11:00:00Z", "1.0.0",
                              project.test_runs[-1].started_at, "", f"{BASE}/certification-ubuntu-standard-1.0.0-20261125.zip",
                              "2026-11-25T11:00:05Z")
    return project


def uris_for(project):
    return {project.skus[0].sku_id: {i: f"{d.blob_url}?{TOKEN}" for i, d in enumerate(project.skus[0].disks)}}


def test_ready_project_has_every_item_met():
    project = ready_project()
    items = readiness(project, project.skus[0], uris_for(project)["ubuntu-standard"], now=NOW)
    assert all(i.ok for i in items), [i.text for i in items if not i.ok]
    assert [i.id for i in items] == ["offer", "vhd-check:0", "vhd-check:1", "vhd-check:2", "sas:0", "sas:1", "sas:2",
                                     "test-run", "questionnaire", "report"]


@pytest.mark.parametrize("break_it, item_id, step, words", [
    (lambda p: setattr(p.skus[0].disks[1], "vhd_check", None), "vhd-check:1", Step.VHD, "has not been checked"),
    (lambda p: setattr(p.skus[0].disks[0].vhd_check, "verdict", "fail"), "vhd-check:0", Step.VHD, "failed"),
    (lambda p: setattr(p.skus[0].disks[2].sas, "expiry", "2026-11-25T11:00:00Z"), "sas:2", Step.SAS, "expired"),
    (lambda p: setattr(p.skus[0].disks[2].sas, "expiry", "2026-11-28T11:00:00Z"), "sas:2", Step.SAS, "renew"),
    (lambda p: setattr(p.skus[0].disks[0].sas, "verdict", ""), "sas:0", Step.SAS, "not been verified"),
    (lambda p: p.questionnaire.exception_notes.clear(), "test-run", Step.TEST_RUN, "without an exception explanation: iptables"),
    (lambda p: p.questionnaire.answers.pop("hardening"), "questionnaire", Step.QUESTIONNAIRE, "15 of 16"),
    (lambda p: setattr(p.skus[0].report, "test_run_started", "2026-01-01T00:00:00Z"), "report", Step.QUESTIONNAIRE,
     "older test run"),
    (lambda p: setattr(p.skus[0], "vm_sizes", ["Standard_D1_v2"]), "offer", Step.OFFER, "problem"),
])
def test_each_missing_item_is_named_with_the_step_that_fixes_it(break_it, item_id, step, words):
    project = ready_project()
    break_it(project)
    items = {i.id: i for i in readiness(project, project.skus[0], uris_for(project)["ubuntu-standard"], now=NOW)}
    assert not items[item_id].ok
    assert items[item_id].step == step
    assert words in items[item_id].text
    assert [i.id for i in items.values() if not i.ok] == [item_id]


def test_a_missing_sas_token_is_written_into_the_field_and_the_export():
    project = ready_project()
    uris = uris_for(project)
    uris["ubuntu-standard"][2] = None  # not in the keyring
    (export,) = prepare(project, uris, now=NOW)
    field = next(f for f in export.form if f.label == "LUN 1 VHD URL")
    assert field.value == ""
    assert field.missing.startswith("MISSING")
    assert "data disk LUN 1: the SAS token is not in the keyring" in render("portal-md", project, [export])
    document = partner_center_json(project, export.sku, export.sas_uris, export.missing)
    # Never an empty string where Partner Center wants a URI: the version waits, the comment says why.
    assert document["vmImageVersions"] == []
    assert "not in the keyring" in document["$comment"]


def test_portal_form_is_in_the_portals_order():
    project = ready_project()
    (export,) = prepare(project, uris_for(project), now=NOW)
    labels = [f.label for f in export.form]
    assert labels == ["Offer ID", "Offer name", "SKU ID", "SKU summary", "Marketplace URL", "Azure portal URL", "OS family",
                      "Operating system", "Recommended VM size 1", "Recommended VM size 2", "Recommended VM size 3",
                      "Version", "OS VHD URL", "LUN", "LUN 0 VHD URL", "LUN", "LUN 1 VHD URL", "Certification report"]
    values = {f.label: f.value for f in export.form}
    assert values["OS VHD URL"] == f"{BASE}/os.vhd?{TOKEN}"
    assert values["LUN 1 VHD URL"] == f"{BASE}/db.vhd?{TOKEN}"


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(fmt):
    project = ready_project()
    text = render(fmt, project, prepare(project, uris_for(project), now=NOW))
    suffix = {"portal-html": "html", "portal-csv": "csv", "portal-md": "md", "partner-center-json": "json",
              "partner-center-configure": "configure.json", "az-script": "sh", "az-ps1": "ps1"}[fmt]
    golden = GOLDEN / f"ready.{suffix}"
    if os.environ.get("MPWIZARD_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_partner_center_json_matches_the_schema_written_from_the_reference():
    import jsonschema

    schema = json.loads(resource_path("schemas", "partner-center-technical-configuration.schema.json").read_text())
    project = ready_project()
    document = json.loads(render("partner-center-json", project, prepare(project, uris_for(project), now=NOW)))
    jsonschema.validate(document, schema)
    assert document["$schema"].endswith("/virtual-machine-plan-technical-configuration/2022-03-01-preview3")
    assert document["operatingSystem"] == {"family": "linux", "type": "ubuntu", "friendlyName": "Ubuntu Server 22.04 LTS"}
    source = document["vmImageVersions"][0]["vmImages"][0]["source"]
    assert source["osDisk"]["uri"].endswith("os.vhd?" + TOKEN)
    assert [d["lunNumber"] for d in source["dataDisks"]] == [0, 1]
    # A broken document is caught: the schema is not a formality.
    document["vmImageVersions"][0]["versionNumber"] = "1.0"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


def test_az_script_parses_in_bash_and_holds_no_secret(tmp_path):
    project = ready_project()
    exports = prepare(project, uris_for(project), now=NOW)
    script = tmp_path / "make-test-vm.sh"
    script.write_text(render("az-script", project, exports))
    subprocess.run(["bash", "-n", str(script)], check=True)
    text = script.read_text()
    assert "az image create" in text
    assert "--data-disk-sources" in text
    assert f"{BASE}/db.vhd" in text
    assert "sig=" not in text
    assert "--generate-ssh-keys" in text
    ps1 = render("az-ps1", project, exports)
    assert "sig=" not in ps1
    assert "$env:RESOURCE_GROUP" in ps1
    assert ps1.count("`\n") >= 10


def test_portal_html_renders_to_a_page(qapp, tmp_path):
    from PySide6.QtGui import QImage

    from wizard.report_pdf import html_to_pdf

    project = ready_project()
    uris = uris_for(project)
    uris["ubuntu-standard"][2] = None
    page = render("portal-html", project, prepare(project, uris, now=NOW))
    assert "<script" not in page
    assert "<link" not in page
    pdf = tmp_path / "form.pdf"
    pdf.write_bytes(html_to_pdf(page))
    out = ROOT / "artifacts" / "export"
    out.mkdir(parents=True, exist_ok=True)
    (out / "portal-form.html").write_text(page)
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-singlefile", str(pdf), str(out / "portal-form")], check=True)
    image = QImage(str(out / "portal-form.png"))
    assert not image.isNull()
    assert len({image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)}) > 10


def test_masked_signature_for_the_screen():
    assert mask_signature(f"{BASE}/os.vhd?{TOKEN}") == f"{BASE}/os.vhd?{TOKEN.split('sig=')[0]}sig=••••••"


@pytest.mark.services  # the SAS token is read back from the real keyring by a child process
def test_cli_export_reads_sas_from_the_keyring_and_exits_by_readiness(tmp_path, cli):
    from wizard.core.credentials import SecretRef, credentials
    from wizard.core.projectio import save_project

    project = ready_project()
    now = datetime.now(UTC)
    for disk in project.skus[0].disks:  # valid for a while from today, whenever the test runs
        disk.sas.expiry = (now + timedelta(days=30)).isoformat()
    path = tmp_path / "p.mpwiz"
    save_project(project, path)
    result = cli("export", str(path), "--format", "portal-csv")
    assert result.returncode == 1
    assert "MISSING" in result.stdout  # tokens are not in the keyring yet
    assert "missing: ubuntu-standard: OS disk: the SAS token is not in the keyring" in result.stderr
    for disk in project.skus[0].disks:
        credentials().store(SecretRef(project.project_id, disk.sas.secret_purpose), TOKEN, remember=True)
    out = tmp_path / "form.json"
    result = cli("export", str(path), "--format", "partner-center-json", "--sku", "ubuntu-standard", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert json.loads(out.read_text())["vmImageVersions"][0]["vmImages"][0]["source"]["osDisk"][ "uri"] == f"{BASE}/os.vhd?{TOKEN}"
    assert cli("export", str(tmp_path / "nope.mpwiz"), "--format", "portal-md").returncode == 2
    (tmp_path / "broken.mpwiz").write_text("{")
    assert cli("export", str(tmp_path / "broken.mpwiz"), "--format", "portal-md").returncode == 2
    assert cli("export", str(path), "--format", "portal-md", "--sku", "other").returncode == 2
