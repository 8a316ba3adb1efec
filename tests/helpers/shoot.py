"""Take real screenshots of the wizard on an X server (Xvfb), one PNG per page.

Usage (DISPLAY set, QT_QPA_PLATFORM=xcb): shoot.py OUT_DIR LANG [--vhd GOOD BAD] [--profile ID] [--size WxH]
Writes OUT_DIR/<lang>-<nn>-<step>.png for every step, plus the offer page with a
second SKU in error and, given two VHDs, the VHD page with a passing and a failing disk; the VHD step's
storage dialog (as the upload opens it, and again after a refused key) and, under --profile partner-center,
What's next with a failed job's errors listed. With --size, their layout problems count too.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from wizard.core.steps import Step  # noqa: E402
from wizard.document import ProjectDocument  # noqa: E402
from wizard.i18n import install_translators  # noqa: E402
from wizard.mainwindow import MainWindow  # noqa: E402


def settle(app: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def grab(app: QApplication, window: MainWindow, path: Path) -> None:
    settle(app)
    # A real grab of the whole X screen (the window fills it), not a widget render.
    app.primaryScreen().grabWindow(0).save(str(path))


def demo_under(profile: str) -> Path:
    """A copy of the demo project that follows `profile` (in a temporary folder)."""
    import json
    import tempfile

    demo = json.loads((ROOT / "resources/examples/demo.mpwiz").read_text(encoding="utf-8"))
    demo["profile_id"] = profile
    path = Path(tempfile.mkdtemp(prefix="mpwizard-shoot-")) / f"demo-{profile}.mpwiz"
    path.write_text(json.dumps(demo), encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("lang")
    parser.add_argument("--vhd", nargs=2)
    parser.add_argument("--project", type=Path, help="a project with a test run: shoot the run and connection pages")
    parser.add_argument("--profile", help="open the demo under this requirement profile (e.g. partner-center)")
    parser.add_argument("--size", help="WxH: shoot every step at this window size and check its layout (exit 3 "
                                       "and the problems on stderr when a button is cut, a page scrolls sideways...)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    QCoreApplication.setOrganizationName("mpwizard")
    QCoreApplication.setApplicationName("mpwizard")
    app = QApplication(sys.argv[:1])
    install_translators(args.lang)
    window = MainWindow(ProjectDocument())
    window.move(0, 0)
    window.resize(1280, 800)
    window.show()
    window.open_path(demo_under(args.profile) if args.profile else ROOT / "resources/examples/demo.mpwiz", ask=False)
    scale = "" if app.devicePixelRatio() == 1 else "-x2"
    if args.size:
        return shoot_at_size(app, window, args)
    if args.project:
        window.open_path(args.project, ask=False)
        window.wizard.jump_to(Step.TEST_RUN)
        grab(app, window, args.out / f"{args.lang}{scale}-testrun-with-failures.png")
        window.wizard.jump_to(Step.CONNECTION)
        page = window.pages[Step.CONNECTION]
        for mode in ("password", "key"):
            page.auth.setCurrentIndex(page.auth.findData(mode))
            if mode == "key":
                page.key_file.setText("/home/publisher/.ssh/azure_cert_ed25519")
            grab(app, window, args.out / f"{args.lang}{scale}-connection-{mode}.png")
        page.platform.setCurrentIndex(page.platform.findData("windows"))
        grab(app, window, args.out / f"{args.lang}{scale}-connection-windows.png")
        window.document.dirty = False
        window.close()
        return 0
    for step in Step:
        window.wizard.jump_to(step)
        grab(app, window, args.out / f"{args.lang}{scale}-{int(step) + 1:02d}-{step.name.lower()}.png")
    # The offer page with a second SKU that has errors.
    window.wizard.jump_to(Step.OFFER)
    page = window.pages[Step.OFFER]
    page.btn_add.click()
    page.sku_id.setText("Bad SKU")
    page.sku_title.setText("Broken example")
    grab(app, window, args.out / f"{args.lang}{scale}-offer-with-errors.png")
    if args.vhd:
        project = window.document.project
        project.skus.pop()
        vhd_page = window.pages[Step.VHD]
        window.wizard.jump_to(Step.VHD)
        vhd_page.set_disk_file(project.skus[0].disks[0], args.vhd[0])
        vhd_page.set_disk_file(project.skus[0].disks[1], args.vhd[1])
        vhd_page.btn_check_all.click()
        end = time.monotonic() + 20
        while (vhd_page.task or vhd_page.queue) and time.monotonic() < end:
            app.processEvents()
        vhd_page.disks.selectRow(1)
        grab(app, window, args.out / f"{args.lang}{scale}-vhd-pass-and-fail.png")
    sas_two_disks(window)
    grab(app, window, args.out / f"{args.lang}{scale}-sas-two-disks-one-expiring.png")
    sas_with_blobs(window)
    grab(app, window, args.out / f"{args.lang}{scale}-sas-blobs.png")
    storage_dialogs(app, window, args.out, f"{args.lang}{scale}")
    pc_job_errors(app, window, args.out, f"{args.lang}{scale}")
    window.document.dirty = False
    window.close()
    return 0


def storage_dialogs(app: QApplication, window: MainWindow, out: Path, prefix: str) -> list[str]:
    """The VHD step's storage dialog as the upload opens it (no account yet), and again after the service
    refused the key (the reason in it); the layout problems a person would see in each."""
    sys.path.insert(0, str(ROOT / "tests"))
    from person import layout_problems

    from wizard.core.storage import A_KEY_REFUSED, M_KEY_REFUSED
    from wizard.i18n import with_next_step
    from wizard.pages.storage_dialog import StorageConnectDialog

    window.wizard.jump_to(Step.VHD)
    refused = with_next_step(QCoreApplication.translate("Core", M_KEY_REFUSED), A_KEY_REFUSED,
                             "AuthenticationFailed (HTTP 403)")
    problems = []
    for name, dialog in (("storage-dialog", StorageConnectDialog(window.pages[Step.VHD])),
                         ("storage-dialog-key-refused", StorageConnectDialog(
                             window.pages[Step.VHD], "contosomarketplacevhds", "", refused=refused))):
        dialog.show()
        settle(app)
        grab(app, window, out / f"{prefix}-{name}.png")
        problems += [f"{name}: {p}" for p in layout_problems(dialog, dialog)]
        if dialog.frameGeometry().height() > window.height() or dialog.frameGeometry().width() > window.width():
            problems.append(f"{name}: the dialog ({dialog.frameGeometry().size().toTuple()}) is larger than the window")
        dialog.close()
    return problems


def pc_job_errors(app: QApplication, window: MainWindow, out: Path, prefix: str) -> list[str]:
    """What's next under Partner Center with a failed job's errors listed (the first one selected)."""
    from wizard.core.partner_center.jobs import JobError, JobState

    window.wizard.jump_to(Step.NEXT)
    panel = getattr(window.pages[Step.NEXT], "pc_panel", None)
    if panel is None or not panel.isVisible():
        return []
    panel._job_ended(JobState("0f1e2d3c-aaaa-bbbb-cccc-000011112222", "completed", "failed", [
        JobError("businessValidationError", "recommendedVmSizes: Standard_A1 is retired and cannot be offered",
                 "virtual-machine-plan-technical-configuration/x/y"),
        JobError("Conflict", "Another job is in progress for this product.", "product/p1")]))
    grab(app, window, out / f"{prefix}-next-pc-job-errors.png")
    sys.path.insert(0, str(ROOT / "tests"))
    from person import layout_problems

    return [f"Partner Center job errors: {p}" for p in layout_problems(window, window.pages[Step.NEXT])]


def sas_two_disks(window: MainWindow) -> None:
    """The SAS page with two disks of long blob URLs: one SAS verified and valid for weeks, one expiring
    tomorrow."""
    from datetime import UTC, datetime, timedelta

    from wizard.core.model import SasRecord

    project = window.document.project
    now = datetime.now(UTC).replace(microsecond=0)
    sku = project.skus[0]
    for n, (disk, expiry) in enumerate(zip(sku.disks, (now + timedelta(days=40), now + timedelta(hours=20)), strict=False)):
        disk.blob_url = (f"https://contosomarketplacevhds.blob.core.windows.net/vhds/{sku.sku_id}-{disk.role}"
                         f"-2026-11-30-generalized-{n}.vhd")
        disk.sas = SasRecord(blob_url=disk.blob_url, start=(now - timedelta(minutes=15)).isoformat(),
                             expiry=expiry.isoformat(), verdict="pass", secret_purpose=f"sas:{disk.blob_url}")
    window.wizard.jump_to(Step.SAS)
    window.pages[Step.SAS].refresh()


LONG_NAMES = ("ubuntu-standard-os-disk-generalized-2026-11-30-final.vhd", "ubuntu-standard-data-lun0-2026-11-30.vhd",
              "windows-server-2022-datacenter-os-disk-generalized.vhd", "notes about the image.txt", "bad name.vhd")


def sas_with_blobs(window: MainWindow) -> None:
    """The SAS page's Blobs tab with a container of long blob names listed (a stand-in listing: no storage account
    is reached)."""
    from wizard.core import operations
    from wizard.core.storage import PORTAL_NAME_PROBLEM, BlobEntry, Listing

    base = "https://contosomarketplacevhds.blob.core.windows.net/vhds/"
    blobs = Listing(BlobEntry("vhds", name, "PageBlob" if name.endswith(".vhd") else "BlockBlob", 30 * 2**30,
                              "2026-11-30T12:34:56+00:00", base + name, (PORTAL_NAME_PROBLEM,) if " " in name
                              and name.endswith(".vhd") else ()) for name in LONG_NAMES)
    operations.list_blobs = lambda access, container, cancel=None: blobs  # type: ignore[attr-defined]
    page = window.pages[Step.SAS]
    window.wizard.jump_to(Step.SAS)
    page.access = object()
    page._show_containers(Listing(["vhds", "images-for-the-marketplace-2026"]))
    page.left_tabs.setCurrentIndex(1)
    page.browser.topLevelItem(0).setExpanded(True)
    end = time.monotonic() + 5
    while not page.browser.topLevelItem(0).childCount() and time.monotonic() < end:
        QApplication.processEvents()
    page.browser.setCurrentItem(page.browser.topLevelItem(0).child(0))


def shoot_at_size(app: QApplication, window: MainWindow, args) -> int:
    sys.path.insert(0, str(ROOT / "tests"))
    from person import layout_problems

    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    problems = []
    for step in Step:
        window.wizard.jump_to(step)
        grab(app, window, args.out / f"{args.lang}-{args.size}-{int(step) + 1:02d}-{step.name.lower()}.png")
        problems += [f"{step.name}: {p}" for p in layout_problems(window, window.pages[step])]
    sas_two_disks(window)
    grab(app, window, args.out / f"{args.lang}-{args.size}-sas-two-disks-one-expiring.png")
    problems += [f"SAS with two disks: {p}" for p in layout_problems(window, window.pages[Step.SAS])]
    sas_with_blobs(window)
    grab(app, window, args.out / f"{args.lang}-{args.size}-sas-blobs.png")
    problems += [f"SAS with blobs: {p}" for p in layout_problems(window, window.pages[Step.SAS])]
    problems += storage_dialogs(app, window, args.out, f"{args.lang}-{args.size}")
    problems += pc_job_errors(app, window, args.out, f"{args.lang}-{args.size}")
    if (window.width(), window.height()) != (width, height):
        problems.append(f"the window is {window.width()}x{window.height()}, not {args.size}")
    window.document.dirty = False
    window.close()
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
