"""Uploads to Azurite: byte-for-byte round trips, resume after the server dies, refusals, cancel."""

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

from wizard.core.progress import Cancelled, CancelToken
from wizard.core.upload import CHUNK, UploadRefused, nonzero_runs, upload_vhd

from conftest import AZURITE_KEY, ROOT, Azurite

MIB = 1024 * 1024


def write_at(path: Path, offset: int, data: bytes) -> None:
    with open(path, "r+b") as fh:
        fh.seek(offset)
        fh.write(data)


def sparse_vhd(make_vhd, size="64M", writes=(), boot=False) -> Path:
    """A blank fixed VHD (no MBR unless `boot`: the byte counts below are of `writes` alone) with `writes`."""
    path = make_vhd(size, boot=boot)
    for offset, data in writes:
        write_at(path, offset, data)
    return path


def blob_md5(client) -> str:
    digest = hashlib.md5()
    for chunk in client.download_blob().chunks():
        digest.update(chunk)
    return digest.hexdigest()


def file_md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def container(azurite):
    azurite.service().create_container("uploads")
    return f"{azurite.endpoint}/uploads"


def test_nonzero_runs_find_odd_pages():
    data = bytearray(CHUNK)
    data[0] = 1
    data[512 * 3 + 7] = 2
    data[512 * 4] = 3
    data[-1] = 4
    assert nonzero_runs(bytes(data), 1000 * CHUNK) == [
        [1000 * CHUNK, 1000 * CHUNK + 512], [1000 * CHUNK + 1536, 1000 * CHUNK + 2560],
        [1000 * CHUNK + CHUNK - 512, 1000 * CHUNK + CHUNK]]
    assert nonzero_runs(bytes(CHUNK), 0) == []


def test_a_small_run_across_a_chunk_boundary_is_one_request_and_dense_chunks_stay_apart(make_vhd):
    """Scattered data: a run that crosses a 4 MiB boundary was split into two Put Page requests (one per
    chunk of the journal). Its two chunks now go up together, as one request; the journal still books
    each chunk with its own runs. Dense data keeps one chunk (one 4 MiB request) per unit."""
    from wizard.core.upload import chunk_hash, plan_units, requests_for
    from wizard.core.vhd import open_regular

    crossing = os.urandom(512 * 1024)
    path = sparse_vhd(make_vhd, "64M", [(CHUNK - 256 * 1024, crossing), (8 * CHUNK, os.urandom(3 * CHUNK))])
    fd = open_regular(path)
    try:
        chunks, units = plan_units(fd, path.stat().st_size)
        assert [0, CHUNK] in units
        assert [[8 * CHUNK], [9 * CHUNK], [10 * CHUNK]] == [u for u in units if u[0] >= 8 * CHUNK and u[0] < 11 * CHUNK]
        assert sorted(o for u in units for o in u) == [o for o, _length in chunks]
        data = os.pread(fd, 2 * CHUNK, 0)
        first, second = nonzero_runs(data[:CHUNK], 0), nonzero_runs(data[CHUNK:], CHUNK)
        assert first == [[CHUNK - 256 * 1024, CHUNK]] and second == [[CHUNK, CHUNK + 256 * 1024]]
        assert requests_for(first + second) == [[CHUNK - 256 * 1024, CHUNK + 256 * 1024]]
        # Touching runs that would pass 4 MiB together stay two requests.
        assert requests_for([[0, CHUNK], [CHUNK, 2 * CHUNK]]) == [[0, CHUNK], [CHUNK, 2 * CHUNK]]
        # A chunk's hash follows its content: a changed byte in a run, or a run moved, changes it.
        part = bytearray(data[CHUNK:])
        before = chunk_hash(bytes(part), base=CHUNK)
        part[5] ^= 1
        assert chunk_hash(bytes(part), base=CHUNK) != before
        moved = bytearray(CHUNK)
        moved[512: 512 + 256 * 1024] = data[CHUNK: CHUNK + 256 * 1024]
        assert chunk_hash(bytes(moved), base=CHUNK) != before
    finally:
        os.close(fd)


def test_round_trip_of_scattered_data(make_vhd, container, azurite):
    writes = [(0, b"boot" * 128), (5 * 512 + 3, b"\x01" * 1500), (CHUNK - 256, b"\x02" * 512),  # crosses 4 MiB
              (2 * CHUNK, os.urandom(CHUNK)), (40 * MIB + 123, b"odd"), (64 * MIB - 600, b"\x03" * 88)]
    path = sparse_vhd(make_vhd, "64M", writes)
    url = f"{container}/roundtrip.vhd"
    updates = []
    summary = upload_vhd(path, url, account_key=AZURITE_KEY, progress=updates.append, journal_folder=path.parent / "j")
    assert summary.bytes_total == path.stat().st_size
    assert summary.bytes_sent < 6 * MIB
    assert summary.bytes_skipped == summary.bytes_total - summary.bytes_sent
    assert summary.verified_ranges
    assert not summary.resumed
    assert updates
    assert updates[-1].done == updates[-1].total
    client = azurite.service().get_blob_client("uploads", "roundtrip.vhd")
    assert client.get_blob_properties().size == path.stat().st_size
    assert blob_md5(client) == file_md5(path)  # the VHD footer at the end came along too


def test_verify_md5_stores_content_md5(make_vhd, container, azurite):
    import base64

    path = sparse_vhd(make_vhd, "32M", [(MIB, b"data" * 100)])
    summary = upload_vhd(path, f"{container}/md5.vhd", account_key=AZURITE_KEY, verify_md5=True,
                         journal_folder=path.parent / "j")
    expected = hashlib.md5(path.read_bytes()).digest()
    assert summary.content_md5 == base64.b64encode(expected).decode()
    props = azurite.service().get_blob_client("uploads", "md5.vhd").get_blob_properties()
    assert bytes(props.content_settings.content_md5) == expected


def test_refuses_dynamic_vhd_with_fix(make_vhd, container):
    path = make_vhd("32M", subformat="dynamic")
    with pytest.raises(UploadRefused, match="not a fixed VHD.*qemu-img convert"):
        upload_vhd(path, f"{container}/dyn.vhd", account_key=AZURITE_KEY, journal_folder=path.parent / "j")


def test_refuses_block_blob_and_leased_blob(make_vhd, container, azurite):
    path = sparse_vhd(make_vhd, "32M", [(0, b"x" * 512)])
    blobs = azurite.service().get_container_client("uploads")
    blobs.upload_blob("block.vhd", b"not a page blob", overwrite=True)
    with pytest.raises(UploadRefused, match="BlockBlob, not a page blob"):
        upload_vhd(path, f"{container}/block.vhd", account_key=AZURITE_KEY, journal_folder=path.parent / "j")
    leased = blobs.get_blob_client("leased.vhd")
    leased.create_page_blob(size=path.stat().st_size)
    leased.acquire_lease(lease_duration=-1)
    with pytest.raises(UploadRefused, match="leased"):
        upload_vhd(path, f"{container}/leased.vhd", account_key=AZURITE_KEY, journal_folder=path.parent / "j")


def test_cancel_leaves_resumable_state(make_vhd, container, azurite):
    path = sparse_vhd(make_vhd, "128M", [(i * CHUNK, os.urandom(4096)) for i in range(0, 32)])
    token = CancelToken()
    seen = []

    def progress(update):
        seen.append(update)
        if len(seen) == 4:
            token.cancel()

    journal = path.parent / "j"
    with pytest.raises(Cancelled):
        upload_vhd(path, f"{container}/cancel.vhd", account_key=AZURITE_KEY, workers=1, progress=progress, cancel=token,
                   journal_folder=journal)
    assert list(journal.glob("*.json")), "a journal remains for resuming"
    summary = upload_vhd(path, f"{container}/cancel.vhd", account_key=AZURITE_KEY, journal_folder=journal)
    assert summary.resumed
    assert summary.bytes_sent < 32 * 4096
    client = azurite.service().get_blob_client("uploads", "cancel.vhd")
    assert blob_md5(client) == file_md5(path)
    assert not list(journal.glob("*.json")), "the journal is removed once verified"


def test_changed_file_starts_over_and_says_why(make_vhd, container):
    path = sparse_vhd(make_vhd, "64M", [(i * CHUNK, b"y" * 512) for i in range(16)])
    token = CancelToken()
    journal = path.parent / "j"

    def progress(update):
        if update.done > 2 * CHUNK:
            token.cancel()

    with pytest.raises(Cancelled):
        upload_vhd(path, f"{container}/changed.vhd", account_key=AZURITE_KEY, workers=1, progress=progress,
                   cancel=token, journal_folder=journal)
    time.sleep(0.01)
    write_at(path, 5 * CHUNK, b"changed!")
    summary = upload_vhd(path, f"{container}/changed.vhd", account_key=AZURITE_KEY, journal_folder=journal)
    assert not summary.resumed
    assert "file changed" in summary.restart_reason


UPLOADER = """
import sys
from wizard.core.upload import upload_vhd
def progress(update):
    if "bytes sent" in update.message:
        print("sent", update.message.split()[0], flush=True)
upload_vhd(sys.argv[1], sys.argv[2], account_key=sys.argv[3], workers=2, progress=progress, journal_folder=sys.argv[4])
print("finished", flush=True)
"""


def test_resume_after_the_server_is_killed_mid_upload(make_vhd, tmp_path):
    server = Azurite(location=tmp_path / "azurite-data").start()
    try:
        server.service().create_container("resume")
        path = sparse_vhd(make_vhd, "256M", [(i * 4 * MIB, os.urandom(2 * MIB)) for i in range(48)])
        url = f"{server.endpoint}/resume/disk.vhd"
        journal = tmp_path / "journal"
        proc = subprocess.Popen([sys.executable, "-c", UPLOADER, str(path), url, AZURITE_KEY, str(journal)],
                                stdout=subprocess.PIPE, text=True, cwd=ROOT)
        for line in proc.stdout:
            if line.startswith("sent") and int(line.split()[1]) > 40 * MIB:
                break
        server.proc.send_signal(signal.SIGTERM)  # the server goes away mid-upload (SIGKILL would lose its own unsaved metadata)
        server.proc.wait()
        out = proc.communicate(timeout=120)[0]
        assert "finished" not in out
        assert proc.returncode != 0
        journals = list(journal.glob("*.json"))
        assert journals, "the journal holds the finished chunks"
        assert json.loads(journals[0].read_text())["done"], "the journal holds the finished chunks"
        port = server.port
        server = Azurite(location=tmp_path / "azurite-data")
        server.port = port
        server.start()
        summary = upload_vhd(path, url, account_key=AZURITE_KEY, journal_folder=journal)
        assert summary.resumed
        assert 0 < summary.bytes_sent <= 96 * MIB - 40 * MIB + 8 * MIB  # only the rest (and in-flight chunks) went up
        client = server.service().get_blob_client("resume", "disk.vhd")
        assert blob_md5(client) == file_md5(path)
    finally:
        server.stop()


def test_cli_upload_json(make_vhd, container, cli):
    path = sparse_vhd(make_vhd, "32M", [(MIB, b"z" * 4096)])
    env = {**os.environ, "K": AZURITE_KEY}
    result = cli("upload", str(path), f"{container}/cli.vhd", "--account-key-env", "K", "--json", env=env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"bytes_total", "bytes_sent", "bytes_skipped", "seconds", "resumed"}
    assert data["bytes_sent"] == 4096 + 512
    assert data["resumed"] is False  # the data and the VHD footer
    from wizard.core.identity import file_identity

    ident = file_identity(str(path))  # the identity sent, as the blob's metadata and the project record it
    assert data["identity"] == {"size": ident.size, "mtime_ns": ident.mtime_ns, "fingerprint": ident.fingerprint}
    dyn = make_vhd("32M", subformat="dynamic")
    refused = cli("upload", str(dyn), f"{container}/cli2.vhd", "--account-key-env", "K", env=env)
    assert refused.returncode == 1
    assert "not a fixed VHD" in refused.stderr


def feed(c, rate: float, now: float) -> float:
    """One measuring window sent at `rate` bytes/s, in four completions; returns the new clock."""
    window = type(c).WINDOW
    for _ in range(4):
        now += window / 4 / rate
        c.record(window // 4, now)
    return now


def test_concurrency_grows_while_throughput_grows_then_keeps_the_best():
    from wizard.core.upload import Concurrency

    c = Concurrency()
    assert c.limit == 4
    assert not c.settled
    now = feed(c, 50e6, 0.0)
    assert c.limit == 8  # the first window is the baseline: try more
    now = feed(c, 70e6, now)
    assert c.limit == 8
    assert not c.settled  # the window right after a change is not judged
    now = feed(c, 90e6, now)
    assert c.limit == 12  # +80 %: more still helps
    now = feed(c, 90e6, now)
    now = feed(c, 95e6, now)
    assert c.settled
    assert c.limit == 12  # +5 %: not worth more requests; keep this many
    feed(c, 300e6, now)
    assert c.limit == 12  # settled for the rest of the upload


def test_concurrency_steps_back_when_more_requests_are_slower_and_respects_a_fixed_number():
    from wizard.core.upload import Concurrency

    c = Concurrency()
    now = feed(c, 60e6, 0.0)
    now = feed(c, 60e6, now)  # the mixed window after the change
    feed(c, 30e6, now)
    assert c.settled
    assert c.limit == 4
    fixed = Concurrency(3)
    fixed.record(10**9, 1.0)
    assert fixed.limit == 3
    assert fixed.settled


def test_refusals_reach_a_japanese_user_in_japanese(make_vhd, container, azurite, qapp):
    """str() stays English for the command line and the log; the GUI shows the marked template translated."""
    import base64

    from wizard.core.storage import StorageError
    from wizard.i18n import install_translators, translate_failure

    path = sparse_vhd(make_vhd, "32M", [(0, b"x" * 512)])
    blobs = azurite.service().get_container_client("uploads")
    blobs.get_blob_client("leased-ja.vhd").create_page_blob(size=path.stat().st_size)
    blobs.get_blob_client("leased-ja.vhd").acquire_lease(lease_duration=-1)
    with pytest.raises(UploadRefused) as leased:
        upload_vhd(path, f"{container}/leased-ja.vhd", account_key=AZURITE_KEY, journal_folder=path.parent / "j")
    wrong_key = base64.b64encode(b"not the account key").decode()
    with pytest.raises(StorageError) as refused:
        upload_vhd(path, f"{container}/wrong-key.vhd", account_key=wrong_key, journal_folder=path.parent / "j")
    install_translators("ja")
    try:
        assert "リースされています" in translate_failure(leased.value)
        assert "leased-ja.vhd" in translate_failure(leased.value)
        assert "アクセスが拒否されました" in translate_failure(refused.value)
    finally:
        install_translators("en")
    assert "is leased" in str(leased.value)
    assert "access was refused" in str(refused.value).lower()
    assert translate_failure(refused.value) == str(refused.value)  # English UI: the English sentence


def test_an_upload_into_a_container_that_does_not_exist_makes_it_private(make_vhd, azurite):
    """A new storage account has no container, and the app has no other place to make one: the upload
    makes the container it is told to use (as AzCopy does), never with public access; then it exists."""
    path = sparse_vhd(make_vhd, "32M", [(0, b"boot" * 128)])
    for name, secret in (("madebykey", {"account_key": AZURITE_KEY}),
                         ("madebyconnstr", {"connection_string": azurite.connection_string})):
        url = f"{azurite.endpoint}/{name}/os.vhd"
        summary = upload_vhd(path, url, journal_folder=path.parent / f"j-{name}", **secret)
        assert summary.created_container == name and summary.verified_ranges
        properties = azurite.service().get_container_client(name).get_container_properties()
        assert properties.public_access is None
        assert blob_md5(azurite.service().get_blob_client(name, "os.vhd")) == file_md5(path)
        again = upload_vhd(path, f"{azurite.endpoint}/{name}/second.vhd", journal_folder=path.parent / f"k-{name}",
                           **secret)
        assert again.created_container == ""  # there now: nothing made, nothing said
        assert again.to_json()["created_container"] == ""


def test_a_blob_sas_cannot_make_the_container_and_the_upload_says_it_does_not_exist(make_vhd, azurite):
    from datetime import UTC, datetime, timedelta

    from azure.storage.blob import BlobSasPermissions, generate_blob_sas

    from wizard.core.storage import StorageError

    from conftest import AZURITE_ACCOUNT

    path = sparse_vhd(make_vhd, "32M", [(0, b"boot" * 128)])
    token = generate_blob_sas(AZURITE_ACCOUNT, "nosuchcontainer", "os.vhd", account_key=AZURITE_KEY,
                              permission=BlobSasPermissions(read=True, write=True, create=True),
                              expiry=datetime.now(UTC) + timedelta(hours=1))
    with pytest.raises(StorageError, match="the container does not exist"):
        upload_vhd(path, f"{azurite.endpoint}/nosuchcontainer/os.vhd?{token}", journal_folder=path.parent / "j")
    assert "nosuchcontainer" not in [c.name for c in azurite.service().list_containers()]


def test_the_command_line_says_it_made_the_container(make_vhd, azurite, cli):
    path = sparse_vhd(make_vhd, "32M", [(0, b"boot" * 128)])
    env = {**os.environ, "S": azurite.connection_string}
    result = cli("upload", str(path), f"{azurite.endpoint}/madebycli/os.vhd", "--connection-string-env", "S", env=env,
                 timeout=120)
    assert result.returncode == 0, result.stderr
    assert "note: the container madebycli did not exist: it was created (private)" in result.stderr
    again = cli("upload", str(path), f"{azurite.endpoint}/madebycli/os2.vhd", "--connection-string-env", "S", "--json",
                env=env, timeout=120)
    assert again.returncode == 0 and "did not exist" not in again.stderr, again.stderr
    assert json.loads(again.stdout)["created_container"] == ""


# -- the chain file → upload → blob → SAS (issue #32): the wrong disk is ✗ until it is uploaded ---------------
def test_upload_a_then_check_b_is_failed_everywhere_until_b_is_uploaded(make_vhd, container, azurite):
    """The operations a publisher's actions call: check disk.vhd, upload it, then choose and check ext4.vhd
    and forget to upload it. The blob's metadata and the project both name the file sent; the VHD item
    is ✗ in the step list and in the export checklist until ext4.vhd is uploaded; the SAS made for the
    old blob is then ✗ with its fix."""
    from datetime import UTC, datetime, timedelta

    from wizard.core.export import prepare
    from wizard.core.model import SasRecord, new_project
    from wizard.core.operations import check_disk, record_upload
    from wizard.core.profiles import load_profile
    from wizard.core.status import Mark
    from wizard.core.steps import Step, StepState, step_states
    from wizard.core.upload import read_identity_metadata

    profile = load_profile("publishing-guide-2015")
    a = sparse_vhd(make_vhd, "30G", [(MIB, b"disk A" * 100)], boot=True)
    a = a.rename(a.with_name("disk.vhd"))
    b = sparse_vhd(make_vhd, "30G", [(MIB, b"disk B" * 100)], boot=True)
    b = b.rename(b.with_name("ext4.vhd"))
    project = new_project()
    disk = project.skus[0].disks[0]

    def check(path):
        disk.vhd_path = str(path)
        disk.vhd_check = check_disk(str(path), profile, "os", "linux").record
        assert disk.vhd_check.fingerprint  # the identity of what the check read

    def upload(path):
        url = f"{container}/{path.name}"
        summary = upload_vhd(path, url, account_key=AZURITE_KEY, journal_folder=path.parent / "j")
        record_upload(disk, str(path), url, summary)
        return azurite.service().get_blob_client("uploads", path.name)

    def upload_item():
        (export,) = prepare(project, {project.skus[0].sku_id: {0: "x"}})
        return next(i for i in export.items if i.id == "upload:0")

    check(a)
    blob = upload(a)
    name, identity, _md5 = read_identity_metadata(blob.get_blob_properties().metadata)
    assert name == "disk.vhd"
    assert (identity.size, identity.mtime_ns, identity.fingerprint) == (
        disk.vhd_check.file_size, disk.vhd_check.file_mtime_ns, disk.vhd_check.fingerprint)
    assert (disk.upload.source_path, disk.upload.fingerprint) == (str(a), identity.fingerprint)
    assert upload_item().mark is Mark.OK
    now = datetime.now(UTC)
    disk.sas = SasRecord(disk.blob_url, (now - timedelta(hours=1)).isoformat(), (now + timedelta(days=40)).isoformat(),
                         verdict="pass", secret_purpose="x")

    check(b)  # the fixed image, checked, not uploaded
    item = upload_item()
    assert item.mark is Mark.FAIL
    assert item.text == "OS disk: the blob holds disk.vhd, not the checked ext4.vhd: upload ext4.vhd again"
    assert step_states(project)[Step.VHD] is StepState.FAILED

    blob = upload(b)
    assert read_identity_metadata(blob.get_blob_properties().metadata)[0] == "ext4.vhd"
    assert upload_item().mark is Mark.OK
    assert step_states(project)[Step.VHD] is not StepState.FAILED
    (export,) = prepare(project, {project.skus[0].sku_id: {0: "x"}})
    sas = next(i for i in export.items if i.id == "sas:0")
    assert sas.mark is Mark.FAIL and sas.text.endswith("make a new SAS for the new blob")
    assert step_states(project)[Step.SAS] is StepState.FAILED
