"""Hostile input (#18), secrets: a project file cannot choose which secret is read or where it is sent.

Before: a crafted SAS record's `secret_purpose` made the export write the *storage account key*
into a URL of another host, and `report --upload` sent a container SAS to a listener the file
named. Each secret is now bound to where it belongs (core/secrets.py). The listeners here are real
sockets: the tests check that nothing at all reached them.
"""

from __future__ import annotations

import socket
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from wizard.core.credentials import SecretRef, credentials
from wizard.core.export import prepare, render
from wizard.core.model import SasRecord
from wizard.core.operations import check_disk, make_report, session_vm_secrets, sign_sas, storage_access
from wizard.core.profiles import load_profile
from wizard.core.projectio import load_project
from wizard.core.secrets import ACCOUNT_KEY, CONTAINER_SAS, sas_token_ref, storage_secret_ref, vm_secret_ref
from wizard.core.storage import StorageAccess, StorageError

DEMO = Path(__file__).resolve().parents[2] / "resources/examples/demo.mpwiz"
ACCOUNT_KEY_VALUE = "QUNDT1VOVC1LRVktTkVWRVItTEVBVkVT" * 2  # base64, like a real key


class Listener:
    """A TCP listener on loopback that records whether anyone connected (and what they sent)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.received = b""
        self.connections = 0
        self._stop = False
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.settimeout(0.5)
            try:
                self.received += conn.recv(65536)
            except OSError:
                pass
            conn.close()

    def close(self) -> None:
        self._stop = True
        self.thread.join(2)
        self.sock.close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


def _victim_project():
    project = load_project(DEMO).project
    s = project.storage
    s.mode, s.account_name, s.endpoint_suffix = ACCOUNT_KEY, "contosovhds", "core.windows.net"
    credentials().store(storage_secret_ref(project.project_id, ACCOUNT_KEY, s), ACCOUNT_KEY_VALUE, remember=False)
    return project


def test_a_crafted_sas_record_cannot_put_the_account_key_into_an_export():
    project = _victim_project()
    disk = project.skus[0].disks[0]
    disk.blob_url = "https://evil.example/steal/os.vhd"
    for purpose in (storage_secret_ref(project.project_id, ACCOUNT_KEY, project.storage).purpose, "storage-account-key"):
        disk.sas = SasRecord(blob_url=disk.blob_url, start="2026-11-01T00:00:00Z", expiry="2027-01-01T00:00:00Z",
                             verdict="pass", secret_purpose=purpose)
        from wizard.core.export.tokens import load_sas_uris

        tokens = load_sas_uris(project)
        for fmt in ("portal-md", "portal-csv", "partner-center-json", "portal-html"):
            text = render(fmt, project, prepare(project, tokens))
            assert ACCOUNT_KEY_VALUE not in text, (fmt, purpose)
        assert tokens.sas[project.skus[0].sku_id][0] is None


def test_the_sas_token_is_found_by_the_url_it_signs_only():
    project = _victim_project()
    disk = project.skus[0].disks[0]
    disk.blob_url = "https://contosovhds.blob.core.windows.net/vhds/os.vhd"
    credentials().store(sas_token_ref(project.project_id, disk.blob_url), "sv=2024&sig=abc", remember=False)
    disk.sas = SasRecord(blob_url=disk.blob_url, start="2026-11-01T00:00:00Z", expiry="2027-01-01T00:00:00Z",
                         verdict="pass", secret_purpose="anything-the-file-says")
    from wizard.core.export.tokens import disk_sas_uri

    assert disk_sas_uri(project.project_id, disk) == f"{disk.blob_url}?sv=2024&sig=abc"
    disk.sas.blob_url = "https://evil.example/vhds/os.vhd"  # the record now points elsewhere: no token for it
    assert disk_sas_uri(project.project_id, disk) is None


def test_a_storage_key_is_not_found_for_another_account_endpoint():
    project = _victim_project()
    assert storage_access(project).secret == ACCOUNT_KEY_VALUE
    project.storage.custom_endpoint = "http://127.0.0.1:9/contosovhds"  # the crafted file's endpoint
    from wizard.core.operations import NoStorageCredential

    with pytest.raises(NoStorageCredential):
        storage_access(project)


@pytest.mark.parametrize("mode", [ACCOUNT_KEY, "connection-string", CONTAINER_SAS])
def test_no_storage_secret_is_used_for_a_blob_outside_its_account(mode, listener, tmp_path):
    secret = {ACCOUNT_KEY: ACCOUNT_KEY_VALUE,
              "connection-string": f"DefaultEndpointsProtocol=https;AccountName=contosovhds;AccountKey={ACCOUNT_KEY_VALUE}",
              CONTAINER_SAS: "https://contosovhds.blob.core.windows.net/vhds?sv=2024&sp=rl&sig=SECRETSIG"}[mode]
    access = StorageAccess(mode, "contosovhds", "core.windows.net", "", secret)
    foreign = f"http://127.0.0.1:{listener.port}/contosovhds/vhds/os.vhd"
    assert access.owns("https://contosovhds.blob.core.windows.net/vhds/os.vhd")
    assert not access.owns(foreign)
    assert not access.owns("https://contosovhds.blob.core.windows.net.evil.example/vhds/os.vhd")
    if mode == ACCOUNT_KEY:
        with pytest.raises(StorageError, match="not in the storage account"):
            sign_sas(foreign, access, load_profile("partner-center"), now=datetime.now(UTC))


def _report_project(blob_url: str):
    from factories import complete_project

    project = complete_project()
    project.skus[0].disks[0].blob_url = blob_url
    return project


@pytest.mark.parametrize("mode", [ACCOUNT_KEY, CONTAINER_SAS])
def test_report_upload_never_sends_a_secret_to_the_host_the_file_names(mode, listener, tmp_path):
    secret = ACCOUNT_KEY_VALUE if mode == ACCOUNT_KEY else \
        "https://contosovhds.blob.core.windows.net/vhds?sv=2024&sp=rcwl&sig=SECRETSIG"
    access = StorageAccess(mode, "contosovhds", "core.windows.net", "", secret)
    project = _report_project(f"http://127.0.0.1:{listener.port}/contosovhds/vhds/os.vhd")
    with pytest.raises(StorageError, match="not in the storage account"):
        make_report(project, project.skus[0], tmp_path, access, "2026-12-01T00:00:00Z")
    assert listener.connections == 0 and b"SECRETSIG" not in listener.received


def test_a_disk_check_with_the_project_key_never_reaches_another_host(listener):
    project = _victim_project()
    foreign = f"http://127.0.0.1:{listener.port}/contosovhds/vhds/os.vhd"
    with pytest.raises(StorageError, match="not in the storage account"):
        check_disk(foreign, load_profile("partner-center"), "os", "linux", project)
    assert listener.connections == 0


def test_the_vm_password_is_bound_to_user_host_and_port():
    project = load_project(DEMO).project
    c = project.connection
    c.platform, c.host, c.port, c.user, c.auth = "linux", "vm.contoso.example", 22, "azureuser", "password"
    credentials().store(vm_secret_ref(project.project_id, "password", c.user, c.host, c.port), "Vm-Secret-1",
                        remember=False)
    assert session_vm_secrets(project).password == "Vm-Secret-1"
    for change in ({"host": "evil.example"}, {"port": 2222}, {"user": "root"}):
        crafted = load_project(DEMO).project
        crafted.project_id = project.project_id  # a copied id does not help either
        cc = crafted.connection
        cc.platform, cc.host, cc.port, cc.user, cc.auth = "linux", c.host, c.port, c.user, "password"
        for key, value in change.items():
            setattr(cc, key, value)
        assert session_vm_secrets(crafted).password is None, change
    assert credentials().session_value(SecretRef(project.project_id, "vm-password")) is None  # no unbound copy


def _connection_page_with_a_saved_password(new_window, qtbot, password: str, **connection):
    """A window on the Connection step of a new project with `connection`'s settings, its password in
    the keyring, and the page showing that password (as a person finds it on opening the step)."""
    from person import Person

    from wizard.core.steps import Step

    window = new_window()
    window.show()
    project = window.document.project
    c = project.connection
    for key, value in connection.items():
        setattr(c, key, value)
    credentials().store(vm_secret_ref(project.project_id, "password", c.user, c.host, c.port), password,
                        remember=False)
    window.wizard.jump_to(Step.CONNECTION)
    page = window.pages[Step.CONNECTION]
    page.load_from_project()
    qtbot.waitUntil(lambda: page.password.text() == password, timeout=10_000)
    return page, c, Person(window)


def test_the_connection_page_drops_a_saved_password_when_the_host_is_changed(new_window, qtbot):
    """A person edits the host of a project whose password the keyring gave: the password box empties."""
    from person import settle

    page, c, person = _connection_page_with_a_saved_password(
        new_window, qtbot, "Vm-Secret-2", platform="linux", host="vm.contoso.example", port=22, user="azureuser",
        auth="password")
    person.click(page.host)
    person.press(Qt.Key.Key_End)
    person.type(".evil")
    settle(50)
    assert c.host == "vm.contoso.example.evil"
    assert page.password.text() == ""


def test_a_file_that_turns_the_tls_check_off_does_not_get_the_windows_password():
    """A colleague's file with the same host, port and user but `verify_tls: false` would send the
    kept password over a TLS connection anyone in between can answer: it is not found for it."""
    project = load_project(DEMO).project
    c = project.connection
    c.platform, c.windows_transport, c.host, c.port, c.user, c.auth = "windows", "winrm", "win.contoso.example", 5986, \
        "azureadmin", "password"
    c.verify_tls = True
    credentials().store(vm_secret_ref(project.project_id, "password", c.user, c.host, c.port), "Win-Secret-1",
                        remember=False)
    assert session_vm_secrets(project).password == "Win-Secret-1"
    verified_key = c.target_key()
    c.verify_tls = False
    assert session_vm_secrets(project).password is None
    assert c.target_key() != verified_key, "a test over unchecked TLS does not stand for one over checked TLS"
    c.verify_tls, c.windows_transport = True, "ssh"  # OpenSSH on Windows: its host key is checked instead
    c.port = 5986
    assert not c.tls_unverified


def test_the_connection_page_drops_a_saved_password_when_tls_checking_is_turned_off(new_window, qtbot):
    """A person ticks "Skip TLS certificate validation": the password the keyring gave for the checked
    connection leaves the box, and the page says why."""
    from person import settle

    page, c, person = _connection_page_with_a_saved_password(
        new_window, qtbot, "Win-Secret-2", platform="windows", windows_transport="winrm", host="win.contoso.example",
        port=5986, user="azureadmin", auth="password", verify_tls=True)
    person.click(page.skip_tls)
    settle(50)
    assert not c.verify_tls
    assert page.password.text() == ""
    assert "TLS" in page.secret_status.text()


def test_a_connection_string_names_its_own_endpoint_not_the_project_file():
    """Found by review: a connection string without EndpointSuffix took the project file's suffix, so a
    crafted file could have a real SAS signed for `contosovhds.blob.attacker.example`."""
    conn = f"DefaultEndpointsProtocol=https;AccountName=contosovhds;AccountKey={ACCOUNT_KEY_VALUE}"
    access = StorageAccess("connection-string", "contosovhds", "attacker.example", "", conn)
    assert access.account_url == "https://contosovhds.blob.core.windows.net"
    with pytest.raises(StorageError, match="not in the storage account"):
        sign_sas("https://contosovhds.blob.attacker.example/vhds/os.vhd", access, load_profile("partner-center"))
