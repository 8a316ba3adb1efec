"""The Connection page's Test connection against the real loopback sshd."""

from __future__ import annotations

import subprocess

import paramiko
import pytest
from sshd_server import run_user

from wizard.core.sshconn import KnownHosts
from wizard.core.steps import Step

from conftest import free_port


@pytest.fixture
def page(new_window, tmp_path, sshd):
    window = new_window()
    window.show()
    window.wizard.jump_to(Step.CONNECTION)
    page = window.pages[Step.CONNECTION]
    page.known_hosts = KnownHosts(tmp_path / "known_hosts")
    page.host.setText("127.0.0.1")
    page.host.textEdited.emit("127.0.0.1")
    page.port.setValue(sshd.port)
    page.user.setText(run_user("mpwtgood"))
    page.user.textEdited.emit(run_user("mpwtgood"))
    page.password.setText("good-Pass-1")
    return page


def wait(qtbot, page):
    qtbot.waitUntil(lambda: page.task is None and page.btn_test.isEnabled(), timeout=30_000)


def test_first_contact_asks_with_fingerprint_then_connects(qtbot, page, sshd, monkeypatch):
    asked = []
    monkeypatch.setattr(page, "ask_trust", lambda error: asked.append(error.fingerprint) or True)
    page.btn_test.click()
    qtbot.waitUntil(lambda: "Connected to" in page.test_result.text(), timeout=30_000)
    assert asked == [sshd.host_key_fingerprint()]
    assert "Test Linux 1" in page.test_result.text()
    assert "sudo needs a password" in page.test_result.text()
    steps = [page.test_steps.item(i).text() for i in range(page.test_steps.count())]
    assert steps[0].startswith("✓ Name resolves")
    assert any("Host key" in s and "SHA256:" in s for s in steps)


def test_declining_the_host_key_does_not_connect(qtbot, page, monkeypatch):
    monkeypatch.setattr(page, "ask_trust", lambda error: False)
    page.btn_test.click()
    wait(qtbot, page)
    assert "not known yet" in page.test_result.text()
    assert not page.known_hosts.lookup("127.0.0.1", page.port.value())


def test_changed_key_is_refused_and_can_be_forgotten(qtbot, page, tmp_path):
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(tmp_path / "other")], check=True)
    page.known_hosts.remember("127.0.0.1", page.port.value(), paramiko.Ed25519Key(filename=str(tmp_path / "other")))
    page.btn_test.click()
    wait(qtbot, page)
    assert "changed" in page.test_result.text()
    assert page.btn_forget.isVisibleTo(page)
    page.btn_forget.click()
    assert not page.known_hosts.lookup("127.0.0.1", page.port.value())


def test_wrong_password_and_closed_port_explain_what_to_do(qtbot, page, monkeypatch):
    monkeypatch.setattr(page, "ask_trust", lambda error: True)
    page.password.setText("wrong")
    page.btn_test.click()
    wait(qtbot, page)
    assert "refused the password" in page.test_result.text()
    assert "Check the user name" in page.test_result.text()
    page.port.setValue(free_port())
    page.btn_test.click()
    wait(qtbot, page)
    assert "refused the connection" in page.test_result.text()


def test_failures_are_explained_in_japanese(qtbot, page, monkeypatch):
    from wizard.i18n import install_translators

    install_translators("ja")
    try:
        monkeypatch.setattr(page, "ask_trust", lambda error: True)
        page.password.setText("wrong")
        page.btn_test.click()
        wait(qtbot, page)
        assert "パスワードを拒否しました" in page.test_result.text()
        assert "ユーザー名とパスワード" in page.test_result.text()
    finally:
        install_translators("en")
