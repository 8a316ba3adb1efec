"""Project files: round trip, every kind of bad file, atomic save under kill -9, recovery."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.core.model import FORMAT_VERSION, Disk, Project, Sku, UploadRecord
from wizard.core.projectio import (
    ProjectUnreadable,
    load_project,
    project_to_text,
    save_project,
)
from wizard.core.recovery import RecoveryStore

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources/examples/demo.mpwiz"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def demo_data() -> dict:
    return json.loads(DEMO.read_text(encoding="utf-8"))


def test_save_then_load_gives_an_identical_project(tmp_path):
    loaded = load_project(DEMO)
    assert loaded.problems == []
    target = tmp_path / "copy.mpwiz"
    save_project(loaded.project, target)
    again = load_project(target)
    assert again.project == loaded.project
    assert target.read_text(encoding="utf-8") == DEMO.read_text(encoding="utf-8")


def test_saved_file_is_readable_json_with_stable_key_order(tmp_path):
    text = project_to_text(load_project(DEMO).project)
    data = json.loads(text)
    assert list(data)[:5] == ["format", "format_version", "project_id", "name", "profile_id"]
    assert data["format_version"] == FORMAT_VERSION
    assert text.endswith("\n")
    assert "\n  " in text


def test_save_keeps_previous_version_as_bak(tmp_path):
    target = tmp_path / "p.mpwiz"
    project = load_project(DEMO).project
    save_project(project, target)
    first = target.read_bytes()
    project.offer.offer_name = "Renamed"
    save_project(project, target)
    assert (tmp_path / "p.mpwiz.bak").read_bytes() == first
    assert load_project(target).project.offer.offer_name == "Renamed"
    assert not list(tmp_path.glob(".*.tmp")), "no temporary files left behind"


BAD_FILES = {
    "truncated-json": (lambda p: p.write_text(DEMO.read_text()[:300]), "not-json", "line"),
    "binary-garbage": (lambda p: p.write_bytes(bytes(range(256)) * 8), "not-text", "UTF-8"),
    "empty": (lambda p: p.write_bytes(b""), "empty", "empty"),
    "folder": (lambda p: p.mkdir(), "folder", "folder"),
    "huge": (lambda p: os.truncate(p, 100 * 1024 * 1024) if p.write_bytes(b"{") else None, "too-large", "MB"),
    "not-a-project": (lambda p: p.write_text('{"hello": "world"}'), "not-project", "not a Marketplace"),
    "json-list": (lambda p: p.write_text("[1, 2, 3]"), "not-project", "not a Marketplace"),
    "newer-version": (lambda p: p.write_text(json.dumps({**demo_data(), "format_version": FORMAT_VERSION + 1})),
                      "newer-version", "newer version"),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_unreadable_files_get_a_clear_message_and_stay_untouched(tmp_path, kind, cli):
    make, reason, words = BAD_FILES[kind]
    path = tmp_path / "bad.mpwiz"
    make(path)
    before = None if path.is_dir() else digest(path)
    with pytest.raises(ProjectUnreadable) as info:
        load_project(path)
    assert info.value.reason == reason
    assert words in str(info.value)
    result = cli("project", "check", str(path))
    assert result.returncode == 2, result.stdout + result.stderr
    assert words in result.stderr
    if before is not None:
        assert digest(path) == before, "loading must never write"
    assert not (tmp_path / "bad.mpwiz.bak").exists()


def test_json_error_reports_line_and_column(tmp_path, cli):
    path = tmp_path / "bad.mpwiz"
    path.write_text('{\n  "format": "mpwizard-project",\n  "name": oops\n}\n')
    with pytest.raises(ProjectUnreadable) as info:
        load_project(path)
    assert (info.value.line, info.value.column) == (3, 11)
    result = cli("project", "check", "--json", str(path))
    assert result.returncode == 2
    assert json.loads(result.stdout)["line"] == 3


def test_missing_file(tmp_path, cli):
    result = cli("project", "check", str(tmp_path / "nope.mpwiz"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr


def test_wrong_types_load_with_every_problem_and_its_place(tmp_path, cli):
    data = demo_data()
    data["skus"][0]["vm_sizes"] = "Standard_D1_v2"
    data["skus"][1]["version"] = 100
    data["offer"] = {"publisher_namespace": ["x"], "offer_id": "web-appliance", "offer_name": "n"}
    data["connection"]["port"] = "twenty-two"
    path = tmp_path / "types.mpwiz"
    path.write_text(json.dumps(data))
    before = digest(path)
    loaded = load_project(path)
    places = {p.path for p in loaded.problems}
    assert places == {"skus[0].vm_sizes", "skus[1].version", "offer.publisher_namespace", "connection.port"}
    assert loaded.project.connection.port == 22  # default kept
    result = cli("project", "check", str(path))
    assert result.returncode == 1
    for place in places:
        assert place in result.stdout
    assert digest(path) == before


def test_missing_required_fields_are_reported(tmp_path, cli):
    data = demo_data()
    del data["offer"]
    del data["skus"]
    path = tmp_path / "missing.mpwiz"
    path.write_text(json.dumps(data))
    loaded = load_project(path)
    assert {p.path for p in loaded.problems} == {"offer", "skus"}
    result = cli("project", "check", "--json", str(path))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    assert any(p["path"] == "offer" for p in report["problems"])


def test_unknown_fields_are_kept_on_save(tmp_path):
    data = demo_data()
    data["future_top_level"] = {"a": 1}
    data["skus"][0]["future_sku_field"] = [1, 2]
    path = tmp_path / "extra.mpwiz"
    path.write_text(json.dumps(data))
    loaded = load_project(path)
    assert loaded.problems == []
    save_project(loaded.project, path)
    saved = json.loads(path.read_text())
    assert saved["future_top_level"] == {"a": 1}
    assert saved["skus"][0]["future_sku_field"] == [1, 2]


def test_older_format_is_migrated_on_load_and_written_only_on_save(tmp_path, cli):
    v1 = {"format": "mpwizard-project", "format_version": 1, "project_id": "abc", "profile": "partner-center",
          "publisher_namespace": "contoso", "offer_id": "old-offer", "offer_name": "Old", "skus": []}
    path = tmp_path / "v1.mpwiz"
    path.write_text(json.dumps(v1))
    before = digest(path)
    loaded = load_project(path)
    assert loaded.migrated_from == 1
    assert loaded.project.offer.offer_id == "old-offer"
    assert loaded.project.profile_id == "partner-center"
    assert digest(path) == before
    assert "upgraded when saved" in cli("project", "check", str(path)).stdout
    save_project(loaded.project, path)
    assert json.loads(path.read_text())["format_version"] == FORMAT_VERSION


def test_valid_project_check_exit_zero(cli):
    result = cli("project", "check", str(DEMO))
    assert result.returncode == 0, result.stdout
    assert "valid" in result.stdout
    assert "web-appliance" in result.stdout


def test_project_check_does_not_import_qt():
    code = (f"import sys; from wizard.cli import main; rc = main(['project', 'check', {str(DEMO)!r}]); "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'; sys.exit(rc)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


SAVER = """
import sys
from wizard.core.model import Project, Sku, Disk
from wizard.core.projectio import save_project
p = Project(name="kill test")
p.skus = [Sku(sku_id=f"sku-{i}", summary="x" * 2000, disks=[Disk(label="d" * 500) for _ in range(20)]) for i in range(40)]
print("ready", flush=True)
n = 0
while True:
    p.name = f"kill test {n}"
    save_project(p, sys.argv[1])
    n += 1
"""


def test_kill_9_during_save_leaves_a_loadable_file(tmp_path):
    target = tmp_path / "killed.mpwiz"
    save_project(Project(name="before", skus=[Sku()]), target)
    for attempt in range(12):
        proc = subprocess.Popen([sys.executable, "-c", SAVER, str(target)], stdout=subprocess.PIPE, cwd=ROOT)
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(0.05 + attempt * 0.013)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        loaded = load_project(target)  # raises if the file were partial
        assert loaded.problems == []
        assert loaded.project.name.startswith(("before", "kill test"))


def test_recovery_store_round_trip(tmp_path):
    store = RecoveryStore(tmp_path / "recovery")
    project = Project(name="unsaved", skus=[Sku(sku_id="a", disks=[Disk()])])
    store.write(project, tmp_path / "x.mpwiz")
    (entry,) = store.entries()
    assert entry.project_id == project.project_id
    assert entry.source_path.endswith("x.mpwiz")
    restored, problems = store.restore(entry)
    assert restored == project
    assert problems == []
    store.discard(project.project_id)
    assert store.entries() == []


# -- the chain fields of issue #32: a check's fingerprint, a disk's upload record ------------------------------
def test_a_file_written_before_the_chain_fields_opens_and_says_what_is_not_known(tmp_path):
    """An older file has no `upload` on its disks and no `fingerprint` in its checks: it opens without a
    problem, the blob is "not known to hold the checked file" (⚠, never ✓), and saving adds the fields."""
    from wizard.core.export import readiness
    from wizard.core.status import Mark

    vhd = tmp_path / "os.vhd"
    vhd.write_bytes(b"\0" * 4096)
    stat = vhd.stat()
    data = demo_data()
    disk = data["skus"][0]["disks"][0]
    disk.pop("upload", None)
    disk["vhd_path"], disk["blob_url"] = str(vhd), "https://contoso.blob.core.windows.net/vhds/os.vhd"
    disk["vhd_check"] = {"target": str(vhd), "file_size": stat.st_size, "file_mtime_ns": stat.st_mtime_ns, "verdict": "pass"}
    path = tmp_path / "old.mpwiz"
    path.write_text(json.dumps(data))
    loaded = load_project(path)
    assert loaded.problems == []
    disk_ = loaded.project.skus[0].disks[0]
    assert disk_.upload is None and disk_.vhd_check.fingerprint == ""
    items = {i.id: i for i in readiness(loaded.project, loaded.project.skus[0], {})}
    assert items["vhd-check:0"].mark is Mark.OK  # size and mtime still say it is the checked file
    assert items["upload:0"].mark is Mark.PARTIAL
    save_project(loaded.project, path)
    saved = json.loads(path.read_text())["skus"][0]["disks"][0]
    assert saved["upload"] is None and saved["vhd_check"]["fingerprint"] == ""


UPLOADS = st.builds(UploadRecord, blob_url=st.text(max_size=40), source_path=st.text(max_size=40),
                    file_size=st.integers(0, 2**63 - 1), file_mtime_ns=st.integers(0, 2**63 - 1),
                    fingerprint=st.text(max_size=32), content_md5=st.text(max_size=24), uploaded_at=st.text(max_size=30))


@settings(max_examples=60, deadline=None)
@given(UPLOADS, st.text(max_size=32))
def test_any_upload_record_and_fingerprint_round_trip(upload, fingerprint):
    from wizard.core.model import VhdCheckRecord
    from wizard.core.projectio import parse_project

    project = Project(skus=[Sku(disks=[Disk(upload=upload, vhd_check=VhdCheckRecord(fingerprint=fingerprint))])])
    text = project_to_text(project)
    again = parse_project(text, Path("t.mpwiz"))
    assert again.problems == []
    assert again.project.skus[0].disks[0].upload == upload
    assert again.project.skus[0].disks[0].vhd_check.fingerprint == fingerprint


JSONISH = st.none() | st.booleans() | st.integers() | st.text(max_size=12) | st.lists(st.integers(), max_size=2)


@settings(max_examples=80, deadline=None)
@given(st.dictionaries(st.sampled_from(["blob_url", "source_path", "file_size", "file_mtime_ns", "fingerprint",
                                        "content_md5", "uploaded_at", "other"]), JSONISH, max_size=8) | JSONISH)
def test_any_upload_value_in_a_file_loads_with_problems_or_is_refused(value):
    from wizard.core.projectio import parse_project

    data = demo_data()
    data["skus"][0]["disks"][0]["upload"] = value
    try:
        loaded = parse_project(json.dumps(data), Path("t.mpwiz"))
    except ProjectUnreadable:
        return
    upload = loaded.project.skus[0].disks[0].upload
    assert upload is None or isinstance(upload, UploadRecord)
    text = project_to_text(loaded.project)  # what loads can be saved, and loads again the same
    assert project_to_text(parse_project(text, Path("t.mpwiz")).project) == text
