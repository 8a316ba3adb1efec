"""The `mpwizard` command as a package (wizard/cli/): lazy, behind the operations facade, and never a
traceback -- whatever the servers answer and whatever bytes the file names hold."""

from __future__ import annotations

import ast
import importlib
import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from wizard.core.logs import log_file

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / "wizard/cli"
DEMO = ROOT / "resources/examples/demo.mpwiz"


def run(*args: str, env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    """`python -m wizard ARGS`; stdout and stderr as bytes (to check they are UTF-8)."""
    return subprocess.run([sys.executable, "-m", "wizard", *args], capture_output=True, timeout=timeout,
                          env={**os.environ, **(env or {})}, cwd=ROOT)


def imported_after(argv: list[str]) -> set[str]:
    """The wizard and PySide6 modules a fresh process holds after `main(argv)`."""
    code = ("import sys\nfrom wizard.cli import main\n"
            f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
            "print('MODULES', sorted(m for m in sys.modules if m.startswith(('wizard', 'PySide6'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    line = next(x for x in out.stdout.splitlines() if x.startswith("MODULES"))
    return set(ast.literal_eval(line.split(" ", 1)[1]))


# -- the package -----------------------------------------------------------------------------------
def test_every_group_is_one_registered_module_and_no_module_is_long():
    from wizard.cli import SUBCOMMANDS
    from wizard.cli.parser import GROUPS

    assert SUBCOMMANDS == tuple(GROUPS)
    with_commands = {p.stem for p in CLI.glob("*.py") if "def add_commands(" in p.read_text(encoding="utf-8")}
    assert with_commands == set(GROUPS)
    assert {"project", "vhd", "sas", "upload", "certify", "report", "export"} <= set(GROUPS)
    long = {p.name: n for p in CLI.glob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}


def test_the_entry_points_still_lead_to_main():
    import tomllib

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    module, name = scripts["mpwizard"].split(":")
    assert callable(getattr(importlib.import_module(module), name))
    assert "wizard.cli" in tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    assert run("--version").stdout.decode().strip().startswith("mpwizard ")


@pytest.mark.parametrize("argv, allowed_cli, absent", [
    (["--version"], {"wizard.cli", "wizard.cli.output", "wizard.cli.parser"}, {"wizard.core"}),
    (["--help"], {"wizard.cli", "wizard.cli.output", "wizard.cli.parser"}, {"wizard.core"}),
    (["project", "check", str(DEMO)], {"wizard.cli", "wizard.cli.output", "wizard.cli.parser", "wizard.cli.project"},
     {"wizard.core.sshconn", "wizard.core.upload", "wizard.core.export", "wizard.core.sas", "wizard.core.report",
      "wizard.core.vhdcheck"}),
    (["vhd", "check", str(ROOT / "no-such.vhd")],
     {"wizard.cli", "wizard.cli.output", "wizard.cli.parser", "wizard.cli.vhd", "wizard.cli.inputs"},
     {"wizard.core.sshconn", "wizard.core.upload", "wizard.core.export", "wizard.core.report"}),
])
def test_only_the_chosen_command_is_imported(argv, allowed_cli, absent):
    """Started in a fresh process: nothing of Qt, no other group's module, none of the core's heavy parts."""
    modules = imported_after(argv)
    assert not {m for m in modules if m.startswith("PySide6")}
    assert {m for m in modules if m.startswith("wizard.cli")} <= allowed_cli
    assert not {m for m in modules if any(m == a or m.startswith(a + ".") for a in absent)}


# What the command line may take from the core besides exception classes (ARCHITECTURE.md).
FACADE = {"operations", "model", "profiles", "verdicts", "steps", "progress"}
WHERE_TEXT_LANDS = {"output.py": {"terminal"}, "__init__.py": {"logs"}}


def test_the_command_line_takes_from_the_core_only_operations_types_and_errors():
    offenders = []
    for path in sorted(CLI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = {n for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.name == "preload_gui_core"
                for n in ast.walk(f)}  # the GUI's start-up, not a command
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom) or node in skip or not (node.module or "").startswith("core"):
                continue
            module = node.module.split(".")[1] if "." in node.module else ""
            if module in FACADE or module in WHERE_TEXT_LANDS.get(path.name, set()):
                continue
            target = importlib.import_module(f"wizard.{node.module}")
            for alias in node.names:
                value = getattr(target, alias.name)
                if not (isinstance(value, type) and issubclass(value, BaseException)):
                    offenders.append(f"{path.name}: {node.module}.{alias.name}")
    assert offenders == []


# -- no traceback, ever ----------------------------------------------------------------------------
def _serve(answer: bytes, read_first: bool) -> tuple[socket.socket, int]:
    """A loopback server that answers every connection with `answer` and closes it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)

    def loop() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            with conn:
                try:
                    conn.settimeout(5)
                    if read_first:
                        conn.recv(65536)
                    conn.sendall(answer)
                    conn.recv(4096)
                except OSError:
                    pass

    threading.Thread(target=loop, daemon=True).start()
    return server, server.getsockname()[1]


def test_a_garbage_ssh_server_gets_a_sentence_and_the_traceback_goes_to_the_log():
    """Before: paramiko's transport thread printed its traceback on stderr ("Invalid packet blocking")."""
    server, port = _serve(b"SSH-2.0-OpenSSH_9.0\r\n" + bytes(range(256)) * 8, read_first=False)
    try:
        result = run("certify", "--os", "linux", "--host", "127.0.0.1", "--port", str(port), "--user", "u",
                     "--password-env", "PW", "--timeout", "5", env={"PW": "not-a-real-password"})
    finally:
        server.close()
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 2, stderr
    assert "Traceback" not in stderr and "paramiko" not in stderr
    assert stderr.strip().startswith("error: ") and len(stderr.strip().splitlines()) == 1, stderr
    assert "Traceback" in log_file().read_text(encoding="utf-8")  # the details are kept, in the log


def test_a_storage_server_breaking_the_protocol_is_one_sentence_and_exit_2():
    """Before: a 200 response with no Content-Range printed the whole traceback (issue #29)."""
    server, port = _serve(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\nx-ms-blob-type: PageBlob\r\n\r\nabc", read_first=True)
    try:
        result = run("vhd", "check", f"http://127.0.0.1:{port}/devstoreaccount1/c/b.vhd", "--sas-env", "S",
                     env={"S": "sv=2021-08-06&sr=b&sp=rl&sig=SECRETSIGNATURE"})
    finally:
        server.close()
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 2, stderr
    assert "Traceback" not in stderr and "SECRETSIGNATURE" not in stderr
    assert [line for line in stderr.splitlines() if line.strip()][-1].startswith("error: ")
    assert "SECRETSIGNATURE" not in log_file().read_text(encoding="utf-8")


def test_an_unforeseen_failure_is_one_sentence_naming_the_log():
    """The last wall: any exception a command did not expect (here one the core raises for a project it
    cannot have foreseen) is a sentence, exit 2, and the traceback in the log file."""
    code = ("import sys\nimport wizard.core.operations as ops\n"
            "def broken(*a, **k):\n    raise ZeroDivisionError('deep inside')\n"
            "ops.check_project = broken\n"
            "from wizard.cli import main\n"
            f"sys.exit(main(['project', 'check', {str(DEMO)!r}]))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "ZeroDivisionError: deep inside" in result.stderr
    assert str(log_file()) in result.stderr
    assert "ZeroDivisionError" in log_file().read_text(encoding="utf-8")


# -- undecodable file names ------------------------------------------------------------------------
@pytest.fixture
def odd_vhd(make_vhd, tmp_path):
    """A fixed VHD whose file name holds the byte 0xE9 (Latin-1 é: not UTF-8)."""
    made = make_vhd("1G")
    odd = os.fsencode(tmp_path) + b"/caf\xe9.vhd"
    os.rename(made, odd)
    return os.fsdecode(odd)


def test_json_output_is_utf8_with_undecodable_bytes_shown(odd_vhd):
    """Before: the name went out as a lone surrogate escape (`\\udce9`), which strict JSON readers refuse."""
    result = run("vhd", "check", odd_vhd, "--json", env={"PYTHONIOENCODING": "utf-8:strict"})
    text = result.stdout.decode("utf-8")  # strict: raises on anything not UTF-8
    assert "\\ud" not in text.lower()
    target = json.loads(text)["target"]
    assert target.endswith("caf\ufffd\\xe9.vhd"), target
    assert result.returncode in (0, 1)


def test_text_output_on_a_strict_utf8_console_is_not_a_failure(odd_vhd):
    """Before: printing the name on a strict UTF-8 stream failed (UnicodeEncodeError, exit 2)."""
    result = run("vhd", "check", odd_vhd, env={"PYTHONIOENCODING": "utf-8:strict"})
    out = result.stdout.decode("utf-8")
    assert result.returncode in (0, 1), result.stderr.decode("utf-8", "replace")
    assert "caf\ufffd\\xe9.vhd" in out and "verdict:" in out


def test_safe_text_scheme():
    from wizard.cli.output import json_safe, safe_text

    assert safe_text("plain é ✓") == "plain é ✓"
    assert safe_text(os.fsdecode(b"a\xff\x80b")) == "a\ufffd\\xff\ufffd\\x80b"
    assert safe_text("x\ud800y") == "x\ufffd\\ud800y"  # a lone surrogate from a JSON escape
    assert json_safe({os.fsdecode(b"k\xfe"): [os.fsdecode(b"\xe9")]}) == {"k\ufffd\\xfe": ["\ufffd\\xe9"]}


# -- the rules the command line takes from operations -----------------------------------------------
def test_a_secret_from_a_variable_is_checked_for_its_kind_before_any_request():
    from wizard.core.operations import ACCOUNT_KEY, CONNECTION_STRING, SecretUnusable, given_secret

    key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
    assert given_secret(ACCOUNT_KEY, "K", key).value == key
    with pytest.raises(SecretUnusable, match="environment variable K is not set"):
        given_secret(ACCOUNT_KEY, "K", "")
    with pytest.raises(SecretUnusable, match="account key in K .*base64") as bad:
        given_secret(ACCOUNT_KEY, "K", "not base64!!")
    assert "not base64!!" not in str(bad.value)  # the secret itself is never repeated
    with pytest.raises(SecretUnusable, match="connection string in C is malformed"):
        given_secret(CONNECTION_STRING, "C", "garbage;;=;AccountKey")


def test_a_connection_string_for_another_account_is_refused_for_a_blob():
    from wizard.core.operations import CONNECTION_STRING, GivenSecret, blob_access

    given = GivenSecret(CONNECTION_STRING, "DefaultEndpointsProtocol=https;AccountName=other;AccountKey=a2V5;"
                                           "EndpointSuffix=core.windows.net")
    with pytest.raises(ValueError, match="account other, the URL for mine"):
        blob_access("https://mine.blob.core.windows.net/c/b.vhd", given)
    access = blob_access("https://other.blob.core.windows.net/c/b.vhd", given)
    assert (access.account_name, access.endpoint_suffix) == ("other", "core.windows.net")


def test_a_project_is_opened_for_an_existing_sku_only():
    from wizard.core.operations import open_project

    assert open_project(DEMO, "ubuntu-standard").skus
    with pytest.raises(LookupError, match="No SKU with the ID 'nope' \\(the project has: ubuntu-standard, windows-2012r2\\)"):
        open_project(DEMO, "nope")


def test_default_ports_and_host_key_lists():
    from wizard.core.operations import known_hosts_for, vm_port
    from wizard.core.sshconn import KnownHosts, SessionKnownHosts

    assert (vm_port("windows", "winrm"), vm_port("windows", "ssh"), vm_port("linux", "winrm")) == (5986, 22, 22)
    assert isinstance(known_hosts_for(None), SessionKnownHosts)
    kept = known_hosts_for(Path("/nonexistent/known_hosts"))
    assert isinstance(kept, KnownHosts) and not isinstance(kept, SessionKnownHosts)


def test_a_reader_that_goes_away_is_not_a_failure_to_report():
    """`mpwizard export … | head -1`: before, the broken pipe was "failed unexpectedly … a bug" plus Python's
    "Exception ignored" lines at exit."""
    proc = subprocess.Popen([sys.executable, "-m", "wizard", "export", str(DEMO), "--format", "portal-md"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    proc.stdout.close()  # before the command writes anything
    stderr = proc.stderr.read().decode("utf-8")
    proc.wait(timeout=60)
    assert proc.returncode == 1
    assert "unexpectedly" not in stderr and "Exception ignored" not in stderr and "Traceback" not in stderr, stderr
