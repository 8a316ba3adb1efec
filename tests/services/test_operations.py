"""The pages and the command line reach the core through one operations layer
(wizard/core/operations.py): the same inputs through `mpwizard` and through the page give the
same verdicts -- the failure paths included, and where the two used to disagree, the answer
the layer chose (each test says which)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import paramiko
import pytest
from person import settle

from wizard.core.credentials import credentials
from wizard.core.model import ConnectionSettings, new_project
from wizard.core.operations import (
    GivenSecret,
    NoStorageCredential,
    VmSecrets,
    run_certification,
    sas_expiry,
    storage_access,
)
from wizard.core.profiles import load_profile
from wizard.core.secrets import ACCOUNT_KEY, CONNECTION_STRING, storage_secret_ref, vm_secret_ref
from wizard.core.sshconn import KnownHosts
from wizard.core.steps import Step

from conftest import AZURITE_KEY

ROOT = Path(__file__).resolve().parents[2]


def wait_for(page, seconds: float = 60) -> None:
    import time

    end = time.monotonic() + seconds
    while (page.task is not None or getattr(page, "queue", [])) and time.monotonic() < end:
        settle(20)
    assert page.task is None, "the page's task did not end"


# -- the storage credential: one search for everyone -----------------------------------------------
def test_storage_credential_given_then_session_then_keyring_mode_first():
    project = new_project()
    project.storage.account_name = "contosovhds"
    with pytest.raises(NoStorageCredential):
        storage_access(project)  # nothing anywhere (keyring: real, empty for this project)
    given = GivenSecret(ACCOUNT_KEY, AZURITE_KEY)
    assert storage_access(project, given).secret == AZURITE_KEY
    conn = f"DefaultEndpointsProtocol=https;AccountName=contosovhds;AccountKey={AZURITE_KEY}"
    credentials().store(storage_secret_ref(project.project_id, CONNECTION_STRING), conn, remember=False)
    found = storage_access(project)  # the project says account key; the session only has a connection string
    assert found.mode == CONNECTION_STRING
    assert found.account_key() == AZURITE_KEY
    credentials().store(storage_secret_ref(project.project_id, ACCOUNT_KEY, project.storage), "session-key", remember=False)
    assert storage_access(project).secret == "session-key"  # the project's own mode comes first
    with pytest.raises(NoStorageCredential):
        storage_access(project, GivenSecret(ACCOUNT_KEY, ""), need_key=True)


def test_a_missing_keyring_is_said_not_hidden(monkeypatch):
    from wizard.core import credentials as credmod

    project = new_project()

    def no_backend(self):
        raise credmod.NoKeyringBackend("No secure keyring backend is available.")

    monkeypatch.setattr(credmod.CredentialService, "_backend", no_backend)
    with pytest.raises(NoStorageCredential) as caught:
        storage_access(project)
    assert "keyring could not be read" in str(caught.value)
    credentials().store(storage_secret_ref(project.project_id, ACCOUNT_KEY, project.storage), "typed-this-session", remember=False)
    assert storage_access(project).secret == "typed-this-session"  # the session needs no keyring


# -- the rules the pages used to write themselves ------------------------------------------------------
def test_the_vm_secret_is_the_passphrase_only_for_key_sign_in_on_linux():
    from wizard.core.model import OS_LINUX, OS_WINDOWS
    from wizard.core.operations import session_vm_secrets, vm_secrets

    assert vm_secrets(ConnectionSettings(platform=OS_LINUX, auth="key"), "s") == VmSecrets(passphrase="s")
    assert vm_secrets(ConnectionSettings(platform=OS_LINUX, auth="password"), "s") == VmSecrets(password="s")
    assert vm_secrets(ConnectionSettings(platform=OS_WINDOWS, auth="key"), "s") == VmSecrets(password="s")
    # The test run reads the session through the same rule the Connection step stored it by.
    project = new_project()
    project.connection = ConnectionSettings(platform=OS_LINUX, host="vm.example", user="me", auth="key")
    from wizard.core.operations import connection_secret_ref

    credentials().store(connection_secret_ref(project.project_id, project.connection), "phrase", remember=False)
    assert session_vm_secrets(project) == VmSecrets(passphrase="phrase")


def test_a_sas_needs_a_key_and_a_container_sas_url_is_said_to_only_list():
    from wizard.core.operations import M_NO_KEY, sas_needs_key
    from wizard.core.storage import StorageAccess

    key = StorageAccess(ACCOUNT_KEY, "contosovhds", "core.windows.net", "", AZURITE_KEY)
    assert sas_needs_key(key) == ""
    listing = StorageAccess("container-sas", "contosovhds", "core.windows.net", "",
                            "https://contosovhds.blob.core.windows.net/vhds?sv=2022-11-02&sp=rl&sig=abc")
    assert sas_needs_key(listing) == M_NO_KEY


def test_a_secret_goes_to_the_keyring_else_the_session_and_says_why(monkeypatch):
    from wizard.core import credentials as credmod
    from wizard.core.operations import keep_secret, read_secret

    project = new_project()
    ref = vm_secret_ref(project.project_id, "password", "me", "vm.example", 22)
    kept = keep_secret(ref, "remembered", remember=True)  # the real Secret Service keyring
    assert kept.in_keyring and kept.problem is None
    credentials()._session.clear()  # a new session: the keyring still has it
    assert read_secret(ref) == "remembered"
    assert keep_secret(ref, "this-session", remember=False) == type(kept)(False, None)

    def no_backend(self):
        raise credmod.NoKeyringBackend("No secure keyring backend is available.")

    monkeypatch.setattr(credmod.CredentialService, "_backend", no_backend)
    other = vm_secret_ref(project.project_id, "password", "me", "other.example", 22)
    kept = keep_secret(other, "typed", remember=True)
    assert not kept.in_keyring and isinstance(kept.problem, credmod.NoKeyringBackend)
    assert read_secret(other) == "typed"  # kept for this session: nothing typed is lost


# -- a disk: CLI and page judge it alike ---------------------------------------------------------------
def test_cli_and_page_judge_disks_alike(make_vhd, cli, new_window):
    window = new_window()
    window.show()
    window.open_path(ROOT / "resources/examples/demo.mpwiz", ask=False)
    window.wizard.jump_to(int(Step.VHD))
    page = window.pages[Step.VHD]
    sku = window.document.project.skus[0]
    for disk, path in zip(sku.disks, (make_vhd("30G"), make_vhd("10G", subformat="dynamic")), strict=True):
        result = cli("vhd", "check", str(path), "--role", disk.role, "--os", sku.os_family, "--json")
        by_cli = json.loads(result.stdout)
        page.set_disk_file(disk, str(path))
        page.start_checks([(sku, disk)])
        wait_for(page)
        record = disk.vhd_check
        assert record is not None
        assert record.verdict == by_cli["verdict"]
        assert [(f.id, f.severity) for f in record.findings] == [(f["id"], f["severity"]) for f in by_cli["findings"]]
        assert result.returncode == (1 if record.verdict == "fail" else 0)
    assert {d.vhd_check.verdict for d in sku.disks[:2]} == {"pass", "fail"}


def test_cli_and_page_refuse_an_unreadable_blob_alike(cli, new_window):
    """No credential for a blob: both say how to get read access (the page adds nothing of its own)."""
    url = "https://contosovhds.blob.core.windows.net/vhds/os.vhd"
    by_cli = cli("vhd", "check", url)
    assert by_cli.returncode == 2
    window = new_window()
    window.show()
    window.wizard.jump_to(int(Step.VHD))
    page = window.pages[Step.VHD]
    sku = window.document.project.skus[0]
    page.set_disk_blob(sku.disks[0], url)
    page.start_checks([(sku, sku.disks[0])])
    wait_for(page)
    assert "No read access to this blob" in page.status.text()
    assert sku.disks[0].vhd_check is None


# -- a VM: CLI and page judge it alike -------------------------------------------------------------------
def page_run(window, sshd, user, password, tmp_path, run_timeout=None):
    project = window.document.project
    c = project.connection
    c.platform, c.host, c.port, c.user, c.auth = "linux", "127.0.0.1", sshd.port, user, "password"
    credentials().store(vm_secret_ref(project.project_id, "password", c.user, c.host, c.port), password, remember=False)
    window.wizard.jump_to(int(Step.TEST_RUN))
    page = window.pages[Step.TEST_RUN]
    page.known_hosts = KnownHosts(tmp_path / f"kh-{user}")
    page.known_hosts.remember("127.0.0.1", sshd.port, paramiko.Ed25519Key(filename=str(sshd.host_key)))
    page.run_timeout = run_timeout
    page.start_run()
    wait_for(page)
    return page


def cli_run(cli, sshd, user, password, *extra):
    env = {**os.environ, "VM_PW": password}
    result = cli("certify", "--os", "linux", "--host", "127.0.0.1", "--port", str(sshd.port), "--user", user,
                 "--password-env", "VM_PW", "--trust-host-key", sshd.host_key_fingerprint(), "--json", *extra, env=env)
    return result


@pytest.mark.parametrize("which", [0, 1])
def test_cli_and_page_judge_a_vm_alike(cli, new_window, sshd, roots, tmp_path, which):
    image = roots[which]
    by_cli = cli_run(cli, sshd, image.user, image.password)
    assert by_cli.returncode == which, by_cli.stderr  # the good root passes (0), the bad one fails (1)
    window = new_window()
    window.show()
    page = page_run(window, sshd, image.user, image.password, tmp_path)
    run = window.document.project.test_runs[-1]
    cli_verdicts = {t["id"]: (t["Result"], t["ActualValue"]) for t in json.loads(by_cli.stdout)["Tests"]}
    page_verdicts = {r.id: (r.result, r.actual) for r in run.results}
    assert page_verdicts == cli_verdicts
    assert "failure(s)" in page.banner.text() if which else "Ready" in page.banner.text()


def test_cli_and_page_refuse_a_wrong_password_alike(cli, new_window, sshd, roots, tmp_path):
    good, _ = roots
    by_cli = cli_run(cli, sshd, good.user, "not-the-password")
    assert by_cli.returncode == 2
    assert "refused the password" in by_cli.stderr
    window = new_window()
    window.show()
    page = page_run(window, sshd, good.user, "not-the-password", tmp_path)
    assert "refused the password" in page.banner.text()
    assert window.document.project.test_runs == []


@pytest.fixture(scope="module")
def slow_sshd(tmp_path_factory):
    """A VM whose `sudo` hangs: the probe stops part-way, as on a VM that stalls or drops."""
    from sshd_server import SshServer, make_image_root

    image = make_image_root("mpwtslow", "slow-Pass-1")
    image.write("usr/bin/sudo", "#!/bin/sh\nsleep 30\n", mode=0o755)
    image.write(f"home/{image.user}/.bash_history", "")
    server = SshServer(tmp_path_factory.mktemp("slowsshd"), [image]).start()
    yield server, image
    server.stop()


def test_a_run_that_stalls_is_judged_alike_by_cli_and_page(cli, new_window, slow_sshd, tmp_path):
    """Before: the page judged an empty output (every case an Error) and the CLI exited 2 with no verdict.
    Now both judge what had arrived (finished sections keep their verdicts), say the connection dropped,
    and the CLI exits 1 (Errors block)."""
    server, image = slow_sshd
    by_cli = cli_run(cli, server, image.user, image.password, "--timeout", "4")
    assert by_cli.returncode == 1, by_cli.stderr
    assert "connection dropped during the run" in by_cli.stderr
    tests = {t["id"]: t["Result"] for t in json.loads(by_cli.stdout)["Tests"]}
    # its section (the kernel command line) arrived before the stall; bash-history now searches the homes
    # as root (sudo -n, as LISA does), so it waits behind the hanging sudo and is an Error like the rest
    assert tests["kernel-params"] == "Passed"
    assert tests["bash-history"] == "Error"
    assert tests["sudo-targetpw"] == "Error" or tests["default-accounts"] == "Error"
    window = new_window()
    window.show()
    page = page_run(window, server, image.user, image.password, tmp_path, run_timeout=4)
    run = window.document.project.test_runs[-1]
    assert {r.id: r.result for r in run.results} == tests
    assert "connection dropped during the run" in page.banner.text()


def test_run_certification_is_the_one_path(sshd, roots, tmp_path):
    """The operation itself: a Linux run judged from one round trip, the record ready for the project."""
    good, _ = roots
    known = KnownHosts(tmp_path / "kh")
    known.remember("127.0.0.1", sshd.port, paramiko.Ed25519Key(filename=str(sshd.host_key)))
    c = ConnectionSettings(host="127.0.0.1", port=sshd.port, user=good.user)
    run = run_certification(c, VmSecrets(password=good.password), load_profile("publishing-guide-2015"), known)
    assert run.interrupted == ""
    assert len(run.results) == 23
    record = run.record(c, "publishing-guide-2015")
    assert record.host == "127.0.0.1"
    assert record.os_name == "Test Linux 1 (image root)"


# -- SAS: one expiry rule, and an http endpoint gets an http URI ---------------------------------------------
def test_cli_and_page_make_the_same_sas(azurite, cli, new_window, tmp_path):
    from datetime import UTC, datetime, timedelta

    container = azurite.service().create_container("opsas")
    container.get_blob_client("os.vhd").create_page_blob(size=512)
    url = f"{container.url}/os.vhd"
    env = {**os.environ, "KEY": AZURITE_KEY}
    by_cli = cli("sas", "create", url, "--account-key-env", "KEY", "--scheme", "https", "--json", env=env)
    assert by_cli.returncode == 0, by_cli.stderr
    made = json.loads(by_cli.stdout)
    # Before: --scheme https made an https URI for the emulator's http endpoint, which nobody could open.
    assert made["sas_uri"].startswith("http://")
    window = new_window()
    window.show()
    project = window.document.project
    project.storage.mode, project.storage.custom_endpoint = "account-key", azurite.endpoint
    project.storage.account_name = "devstoreaccount1"
    disk = project.skus[0].disks[0]
    disk.blob_url = url
    window.wizard.jump_to(int(Step.SAS))
    page = window.pages[Step.SAS]
    page.secret.setText(AZURITE_KEY)
    page.generate([(project.skus[0], disk)])
    wait_for(page)
    assert disk.sas is not None, page.details.text()
    cli_expiry = datetime.fromisoformat(made["expiry"].replace("Z", "+00:00"))
    page_expiry = datetime.fromisoformat(disk.sas.expiry)
    assert abs(cli_expiry - page_expiry) < timedelta(minutes=2)
    profile = load_profile(project.profile_id)
    assert abs(page_expiry - sas_expiry(profile, datetime.now(UTC))) < timedelta(minutes=2)


# -- export: the same bytes ------------------------------------------------------------------------------------
def test_cli_and_page_export_the_same_bytes(cli, new_window, tmp_path):
    demo = ROOT / "resources/examples/demo.mpwiz"
    for fmt in ("portal-md", "partner-center-json", "az-script"):
        out = tmp_path / f"cli.{fmt}"
        result = cli("export", str(demo), "--format", fmt, "-o", str(out))
        assert result.returncode in (0, 1), result.stderr
        window = new_window()
        window.show()
        window.open_path(demo, ask=False)
        window.wizard.jump_to(int(Step.EXPORT))
        page = window.pages[Step.EXPORT]
        wait_for(page)
        assert page.export_to(fmt, tmp_path / f"page.{fmt}")
        assert (tmp_path / f"page.{fmt}").read_bytes() == out.read_bytes()
