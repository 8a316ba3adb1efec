"""`mpwizard --smoke`: prove a (frozen) build works without a person watching.

Opens the wizard offscreen with the sample project, visits every page, checks a
small generated VHD, reports the keyring backend and the translations found, and
exits 0 only when all of that worked.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from .mainwindow import MainWindow


def run_smoke(app: QApplication, window: MainWindow) -> int:
    from .core.credentials import CredentialService
    from .core.model import OS_LINUX
    from .core.operations import check_disk
    from .core.profiles import load_profile
    from .core.resources import resource_path
    from .core.vhd import write_fixed_vhd
    from .i18n import install_translators

    failures = []

    def say(text: str) -> None:
        print(f"smoke: {text}", flush=True)

    if not window.open_path(resource_path("examples/demo.mpwiz"), ask=False):
        failures.append("sample project did not open")
    for page in window.pages:
        window.wizard.jump_to(int(page.step))
        app.processEvents()
        if window.wizard.currentId() != int(page.step):
            failures.append(f"page {page.step.name} not reached")
    say(f"visited {len(window.pages)} pages")
    with tempfile.TemporaryDirectory() as tmp:
        disk = Path(tmp) / "smoke.vhd"
        write_fixed_vhd(disk, 32 * 1024 * 1024)
        report = check_disk(str(disk), load_profile("publishing-guide-2015"), "data", OS_LINUX).report
        say(f"vhd check verdict {report.verdict}")
        if report.verdict != "pass":
            failures.append("vhd check did not pass")
    try:  # what only the certification run, the questionnaire and the report use
        import pypsrp.powershell  # noqa: F401
        import spnego  # noqa: F401

        from .core.linux_checks import probe_script as linux_probe
        from .core.questionnaire import load_questionnaire
        from .core.windows_checks import probe_script as windows_probe
        from .report_pdf import html_to_pdf

        pdf = html_to_pdf("<h1>smoke</h1>")
        say(f"remoting and reports: probes {len(linux_probe())}+{len(windows_probe())} bytes, "
            f"{len(load_questionnaire().questions)} questions, pdf {len(pdf)} bytes")
        if not pdf.startswith(b"%PDF"):
            failures.append("report PDF not rendered")
    except Exception as exc:  # noqa: BLE001 - a missing module or resource in a build
        failures.append(f"remoting, questionnaire or report support missing: {exc}")
    try:  # the offline pre-flight's own bounded readers (ext2/3/4 and FAT; no library since issue #29)
        from .core.fatfs import FatFiles
        from .core.imagefs import ExtFiles

        say(f"offline pre-flight: readers {ExtFiles.__name__}, {FatFiles.__name__}")
    except Exception as exc:  # noqa: BLE001 - a missing module in a build
        failures.append(f"the pre-flight's file system readers are missing: {exc}")
    try:
        say(f"keyring backend {CredentialService.backend_name()}")
    except Exception as exc:  # noqa: BLE001 - reported, not fatal: a machine may have no keyring
        say(f"keyring backend unavailable ({exc})")
    loaded = install_translators("ja")
    install_translators("en")
    say(f"translations {', '.join(loaded) or 'none'}")
    if "mpwizard_ja" not in loaded:
        failures.append("Japanese catalogue missing")
    window.document.dirty = False
    for failure in failures:
        print(f"smoke: FAILED {failure}", file=sys.stderr)
    say("ok" if not failures else "failed")
    return 0 if not failures else 1
