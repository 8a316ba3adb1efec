"""Every exception the SSH connect path can meet -- from the resolver, the socket, paramiko's handshake, the
server's key, the known hosts file and the authentication -- ends as an SshFailure: a sentence, a next step
(its `advice`) and the step it failed at; never a raw exception or a traceback, never the password or the
passphrase, whatever words the library put into it. The stages are stood in for (socket, paramiko.Transport,
the known hosts file's folder), so the test reaches every one of them with any exception."""

from __future__ import annotations

import errno
import socket
import tempfile
from pathlib import Path
from typing import Any

import paramiko
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.core import sshconn
from wizard.core.sshconn import KnownHosts, KnownHostsDamaged, SshFailure, SshTarget, fingerprint, open_session

SERVER_KEY = paramiko.RSAKey.generate(1024)
STAGES = ("resolve", "connect", "handshake", "server-key", "remember", "auth")
SECRET_ALPHABET = "QZXJqzxj#%"  # none of these letters is in a template, a host, a user or a path below


def exception_kinds(text: str) -> list[BaseException]:
    """The exceptions a socket, the OS and paramiko raise on this path, each carrying `text`."""
    return [
        socket.gaierror(socket.EAI_NONAME, text), socket.herror(1, text), TimeoutError(text),
        ConnectionRefusedError(errno.ECONNREFUSED, text), ConnectionResetError(errno.ECONNRESET, text),
        BrokenPipeError(errno.EPIPE, text), PermissionError(errno.EACCES, text), OSError(errno.ENETUNREACH, text),
        OSError(text), OSError(), OSError(errno.EHOSTUNREACH, None), EOFError(text), EOFError(),
        paramiko.SSHException(text), paramiko.AuthenticationException(text),
        paramiko.BadAuthenticationType(text, ["publickey"]), paramiko.PasswordRequiredException(text),
        paramiko.ssh_exception.NoValidConnectionsError({("127.0.0.1", 22): OSError(text)}),
        paramiko.ChannelException(2, text), paramiko.ssh_exception.IncompatiblePeer(text),
        paramiko.ssh_exception.ProxyCommandFailure("nc %h %p", text),
        paramiko.BadHostKeyException("vm", SERVER_KEY, SERVER_KEY),
        UnicodeError(text), ValueError(text), OverflowError(text),
    ]


class FakeTransport:
    """paramiko.Transport over the stood-in socket: each call either answers or raises what the test chose."""

    raise_at: str = ""
    error: BaseException = OSError()

    def __init__(self, _sock: Any) -> None:
        self.host_key = SERVER_KEY
        self.remote_version = "SSH-2.0-OpenSSH_9.6"
        self.closed = False

    def _maybe(self, stage: str) -> None:
        if self.raise_at == stage:
            raise self.error

    def start_client(self, timeout: float) -> None:
        self._maybe("handshake")

    def is_active(self) -> bool:
        return not self.closed

    def get_remote_server_key(self) -> Any:
        self._maybe("server-key")
        return SERVER_KEY

    def auth_password(self, _user: str, _password: str) -> None:
        self._maybe("auth")

    def auth_publickey(self, _user: str, _key: Any) -> None:
        self._maybe("auth")

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def stood_in(monkeypatch):
    """Stand-ins for the resolver, the socket, paramiko's Transport and the known hosts file's folder."""
    state: dict[str, Any] = {"stage": "", "error": OSError()}

    def maybe(stage: str) -> None:
        if state["stage"] == stage:
            raise state["error"]

    def getaddrinfo(host: str, port: int, *args: Any, **kwargs: Any) -> Any:
        maybe("resolve")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    def create_connection(address: Any, timeout: float | None = None, *args: Any) -> Any:
        maybe("connect")
        return object()

    real_mkdir = Path.mkdir

    def mkdir(self: Path, *args: Any, **kwargs: Any) -> None:
        maybe("remember")
        real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    monkeypatch.setattr(paramiko, "Transport", FakeTransport)
    monkeypatch.setattr(Path, "mkdir", mkdir)
    return state


def templates() -> set[str]:
    """Every sentence and next step the module marks for translation: its M_/A_ constants and the classes' advice."""
    found = {v for k, v in vars(sshconn).items() if k.startswith(("M_", "A_")) and isinstance(v, str)}
    return found | {c.advice for c in vars(sshconn).values() if isinstance(c, type) and issubclass(c, SshFailure)}


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None, max_examples=300)
@given(data=st.data(), stage=st.sampled_from(STAGES), key_file=st.booleans(),
       password=st.text(alphabet=SECRET_ALPHABET, min_size=6, max_size=20))
def test_any_failure_on_the_way_is_a_sentence_and_a_next_step_never_the_password(stood_in, data, stage, key_file, password):
    words = st.text(alphabet=st.characters(blacklist_characters=SECRET_ALPHABET), max_size=40)
    if stage in ("handshake", "server-key", "auth"):  # paramiko holds the password and the key's passphrase here
        words = st.one_of(words, st.builds(lambda a, b: a + password + b, words, words))
    text = data.draw(words)
    kinds = exception_kinds(text)
    if stage == "remember":  # the known hosts file is written through the OS: only OSErrors come from there
        kinds = [k for k in kinds if isinstance(k, OSError)]
    elif stage in ("resolve", "connect"):  # the socket module's own: OSErrors and bad arguments, nothing of SSH
        kinds = [k for k in kinds if not isinstance(k, (EOFError, paramiko.SSHException))]
    else:  # paramiko: its SSHExceptions, the socket's OSErrors, EOFError at a closed stream, ValueError on odd data
        kinds = [k for k in kinds if not isinstance(k, OverflowError)]
    error = data.draw(st.sampled_from(kinds))
    stood_in.update(stage=stage, error=error)
    FakeTransport.raise_at, FakeTransport.error = stage, error
    with tempfile.TemporaryDirectory() as folder:
        key_path = Path(folder) / "id_ed25519"
        if key_file:
            SERVER_KEY.write_private_key_file(str(key_path), password=password)
        target = SshTarget("vm.example.test", 22, "azureuser", None if key_file else password,
                           str(key_path) if key_file else None, password if key_file else None)
        known = KnownHosts(Path(folder) / "hosts" / "known_hosts")
        with pytest.raises(SshFailure) as caught:
            open_session(target, known, timeout=5, trust_fingerprint=fingerprint(SERVER_KEY))
    failure = caught.value
    assert failure.template in templates(), failure.template
    assert failure.advice and failure.advice in templates(), f"{type(failure).__name__} has no next step"
    assert failure.step in sshconn.STEP_NAMES
    shown = " ".join([str(failure), failure.advice, *map(str, failure.template_args.values())])
    assert password not in shown
    assert "\n" not in str(failure) and "Traceback" not in shown
    assert len(str(failure)) < 600


def test_a_damaged_known_hosts_file_says_what_to_do_apart_from_what_happened(tmp_path):
    path = tmp_path / "known_hosts"
    path.write_text("vm.example.test ssh-rsa not-base64!\n", encoding="utf-8")
    with pytest.raises(KnownHostsDamaged) as caught:
        KnownHosts(path).lookup("vm.example.test", 22)
    failure = caught.value
    assert str(failure).startswith(f"The known hosts file {path} is damaged at line 1: ")
    assert str(failure).endswith("Nothing was connected and the file was not changed.")
    assert failure.advice.startswith("Open the file in a text editor and fix or delete that line")
    assert path.read_text(encoding="utf-8") == "vm.example.test ssh-rsa not-base64!\n"

