"""The frozen Linux build and its .deb: built here, started with a clean environment, validated."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build"


@pytest.fixture(scope="module")
def built():
    """Runs packaging/build-linux once (about a minute): the same script a release uses."""
    result = subprocess.run([str(ROOT / "packaging/build-linux")], capture_output=True, text=True, timeout=900,
                            env={**os.environ, "PY": str(Path(__import__("sys").executable))})
    assert result.returncode == 0, result.stderr[-4000:]
    app_dir, deb = result.stdout.strip().splitlines()[-2:]
    return Path(app_dir), Path(deb)


def clean_env(home: Path, **extra: str) -> dict:
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", **extra}


def test_frozen_smoke_and_version_with_clean_environment(built, tmp_path):
    app_dir, _ = built
    version = subprocess.run([str(app_dir / "mpwizard"), "--version"], capture_output=True, text=True,
                             env=clean_env(tmp_path), timeout=60)
    assert version.returncode == 0
    assert version.stdout.strip() == "mpwizard 0.1.0"
    smoke = subprocess.run([str(app_dir / "mpwizard"), "--smoke"], capture_output=True, text=True,
                           env=clean_env(tmp_path), timeout=120)
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "smoke: translations qtbase_ja, mpwizard_ja" in smoke.stdout
    assert "smoke: vhd check verdict pass" in smoke.stdout
    assert "smoke: offline pre-flight: readers ExtFiles, FatFiles" in smoke.stdout  # no ext4 library
    assert "smoke: remoting and reports: probes" in smoke.stdout  # pypsrp, spnego, probes, questionnaire, PDF
    assert "smoke: keyring backend keyring.backends." in smoke.stdout


def test_frozen_app_has_every_command_group(built, tmp_path):
    """The command groups are imported by name (wizard/cli/parser.GROUPS): the spec must ship each one."""
    from wizard.cli.parser import GROUPS

    app_dir, _ = built
    for name in GROUPS:
        result = subprocess.run([str(app_dir / "mpwizard"), name, "--help"], capture_output=True, text=True,
                                env=clean_env(tmp_path), timeout=60)
        assert result.returncode == 0 and f"usage: mpwizard {name}" in result.stdout, (name, result.stderr)
    demo = ROOT / "resources/examples/demo.mpwiz"
    check = subprocess.run([str(app_dir / "mpwizard"), "project", "check", str(demo)], capture_output=True, text=True,
                           env=clean_env(tmp_path), timeout=60)
    assert check.returncode == 0 and check.stdout.strip().endswith("valid"), check.stdout + check.stderr


def test_frozen_app_finds_the_secret_service_backend(built, tmp_path):
    """keyring discovers backends by entry points: the frozen app must still see Secret Service."""
    app_dir, _ = built
    bus = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    if not bus and not os.environ.get("MPWIZARD_REQUIRE_SERVICES"):
        pytest.skip("needs the D-Bus session that scripts/test starts")
    smoke = subprocess.run([str(app_dir / "mpwizard"), "--smoke"], capture_output=True, text=True, timeout=120,
                           env=clean_env(tmp_path, DBUS_SESSION_BUS_ADDRESS=bus or ""))
    assert "smoke: keyring backend keyring.backends.SecretService.Keyring" in smoke.stdout, smoke.stdout


def test_frozen_app_includes_keyring_backends_and_trimmed_plugins(built):
    app_dir, _ = built
    internal = app_dir / "_internal"
    plugins = {p.name for p in (internal / "PySide6/Qt/plugins").iterdir()}
    assert {"platforms", "imageformats", "iconengines"} <= plugins
    assert not plugins & {"platformthemes", "wayland-shell-integration", "egldeviceintegrations", "xcbglintegrations"}
    assert (internal / "resources/i18n/mpwizard_ja.qm").exists()
    size = sum(f.stat().st_size for f in app_dir.rglob("*") if f.is_file() and not f.is_symlink())
    assert size < 150 * 1024 * 1024, f"bundle is {size / 2**20:.0f} MiB"


def test_frozen_app_shows_its_window_on_x(built, tmp_path):
    app_dir, _ = built
    if not shutil.which("Xvfb"):
        pytest.fail("Xvfb missing: run through scripts/test")
    display = ":77"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while not Path("/tmp/.X11-unix/X77").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        run = subprocess.run([str(app_dir / "mpwizard"), "--demo"], capture_output=True, text=True, timeout=60,
                             env=clean_env(tmp_path, DISPLAY=display, MPWIZARD_BENCH_EXIT_ON_SHOW="1"))
        assert run.returncode == 0, run.stderr[-2000:]
        assert "first-page-shown" in run.stdout, run.stderr[-2000:]
    finally:
        xvfb.terminate()
        xvfb.wait(5)


def test_deb_installs_desktop_entry_and_mime_type(built, tmp_path):
    _, deb = built
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    info = subprocess.run(["dpkg-deb", "-f", str(deb), "Package", "Version"], capture_output=True, text=True, check=True)
    assert "Package: mpwizard" in info.stdout
    assert "Version: 0.1.0" in info.stdout
    desktop = root / "usr/share/applications/mpwizard.desktop"
    check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    assert not check.stdout.strip(), check.stdout
    assert "MimeType=application/x-mpwiz;" in desktop.read_text()
    mime = root / "usr/share/mime/packages/mpwizard.xml"
    import xml.etree.ElementTree as ET

    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime_type = ET.parse(mime).getroot().find("m:mime-type", ns)
    assert mime_type.get("type") == "application/x-mpwiz"
    assert mime_type.find("m:glob", ns).get("pattern") == "*.mpwiz"
    # The MIME database tool accepts it: build a database from the package's files.
    share = root / "usr/share/mime"
    result = subprocess.run(["update-mime-database", str(share)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "application/x-mpwiz" in (share / "globs2").read_text()
    assert (root / "usr/share/icons/hicolor/256x256/apps/mpwizard.png").exists()
    assert os.readlink(root / "usr/bin/mpwizard") == "/opt/mpwizard/mpwizard"
    assert (root / "opt/mpwizard/mpwizard").exists()
