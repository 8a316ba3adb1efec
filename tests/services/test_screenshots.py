"""Real screenshots under Xvfb (xcb platform), English and Japanese, normal and 200% scale.

The PNGs land in artifacts/screenshots/ for a person to look at; the test checks that
every page was captured and that the Japanese pictures really differ from the English ones.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from sshd_server import run_user

from wizard.core.steps import Step

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "artifacts" / "screenshots"


@pytest.fixture(scope="module")
def xvfb():
    if not shutil.which("Xvfb"):
        pytest.fail("Xvfb is missing: run the tests through scripts/test, which installs xvfb")
    displays = []

    def start(width: int, height: int) -> str:
        for number in range(90, 140):
            if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
                break
        proc = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        displays.append(proc)
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail("Xvfb did not start")
            time.sleep(0.05)
        return f":{number}"

    yield start
    for proc in displays:
        proc.terminate()
        proc.wait(5)


def shoot(display: str, lang: str, extra_env: dict, *args: str) -> None:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", **extra_env}
    result = subprocess.run([sys.executable, str(ROOT / "tests/helpers/shoot.py"), str(OUT), lang, *args],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]


def distinct_colours(path: Path) -> int:
    image = QImage(str(path))
    assert not image.isNull(), path
    seen = set()
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            seen.add(image.pixel(x, y))
    return len(seen)


def test_screenshots_of_every_page_in_english_and_japanese(xvfb, make_vhd):
    display = xvfb(1280, 800)
    good, bad = make_vhd("30G"), make_vhd("10G", subformat="dynamic")
    for lang in ("en", "ja"):
        shoot(display, lang, {}, "--vhd", str(good), str(bad))
    for lang in ("en", "ja"):
        pages = sorted(OUT.glob(f"{lang}-0*.png"))
        assert len(pages) == len(Step)
        extras = ["offer-with-errors", "vhd-pass-and-fail", "sas-two-disks-one-expiring"]
        for png in pages + [OUT / f"{lang}-{name}.png" for name in extras]:
            assert distinct_colours(png) > 8, f"{png} looks blank"
            assert QImage(str(png)).width() >= 1200
    en, ja = QImage(str(OUT / "en-01-offer.png")), QImage(str(OUT / "ja-01-offer.png"))
    assert en != ja


@pytest.mark.parametrize("size", ["1024x700", "1180x780"])
def test_every_step_fits_a_real_x_window(xvfb, size):
    """The same layout checks as tests/gui/test_layout.py, on the xcb platform with the real fonts, and
    a picture of every step at the small and the default size in both languages."""
    width, height = (int(v) for v in size.split("x"))
    display = xvfb(width, height)
    for lang in ("en", "ja"):
        shoot(display, lang, {}, "--size", size)
        for step in range(1, 8):
            pictures = list(OUT.glob(f"{lang}-{size}-{step:02d}-*.png"))
            assert len(pictures) == 1
            assert distinct_colours(pictures[0]) > 8


def test_screenshots_at_200_percent(xvfb):
    display = xvfb(2560, 1600)
    for lang in ("en", "ja"):
        shoot(display, lang, {"QT_SCALE_FACTOR": "2"})
        png = OUT / f"{lang}-x2-offer-with-errors.png"
        assert QImage(str(png)).width() >= 2400


def test_screenshots_of_a_real_test_run_and_the_connection_page(xvfb, sshd, roots, tmp_path):
    """The results table holds a real run against the loopback sshd's failing image root."""
    import paramiko

    from wizard.core.model import CheckRecord, ConnectionSettings, TestRunRecord
    from wizard.core.operations import VmSecrets, run_certification
    from wizard.core.profiles import load_profile
    from wizard.core.projectio import load_project, save_project
    from wizard.core.sshconn import KnownHosts

    known = KnownHosts(tmp_path / "kh")
    known.remember("127.0.0.1", sshd.port, paramiko.Ed25519Key(filename=str(sshd.host_key)))
    c = ConnectionSettings(host="127.0.0.1", port=sshd.port, user=run_user("mpwtbad"))
    results = run_certification(c, VmSecrets(password="bad-Pass-1"), load_profile("publishing-guide-2015"), known).results
    project = load_project(ROOT / "resources/examples/demo.mpwiz").project
    project.connection.host, project.connection.port = "127.0.0.1", sshd.port
    project.test_runs.append(TestRunRecord("2026-11-25T10:00:00Z", "2026-11-25T10:00:01Z", "linux", "127.0.0.1",
                                           run_user("mpwtbad"), "publishing-guide-2015", "Test Linux 1",
                                           [CheckRecord(r.id, r.test_id, r.name, r.description, r.result, r.actual,
                                                        r.required, r.remediation, r.evidence) for r in results]))
    path = tmp_path / "run.mpwiz"
    save_project(project, path)
    display = xvfb(1280, 800)
    for lang in ("en", "ja"):
        shoot(display, lang, {}, "--project", str(path))
        for name in ("testrun-with-failures", "connection-password", "connection-key", "connection-windows"):
            assert distinct_colours(OUT / f"{lang}-{name}.png") > 8
