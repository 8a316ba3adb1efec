"""How long the GUI thread stalls while the wizard works: the real window, a 5 ms timer whose
lateness is measured, and one real activity at a time.

Activities: checking a 1 TiB fixed VHD (sparse, made by qemu-img), uploading a 2 GiB VHD to Azurite,
a certification test run against a loopback sshd image root, making the report with its PDF, and
switching between the seven steps. Target: no stall over 50 ms. Prints the longest stall, the
99th percentile of the lateness and the activity's duration.

Run it after `scripts/test`'s set-up (as root: the sshd image roots live under /var/lib): `python
bench/run.py responsiveness`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, report

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "helpers"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TICK_MS = 5
TARGET_MS = 50


class StallMeter:
    """A timer that should fire every TICK_MS; how late each tick is, is how long the GUI thread was busy."""

    def __init__(self, app):
        from PySide6.QtCore import QTimer

        self.app = app
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.late: list[float] = []
        self.last = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.late.append(max(0.0, (now - self.last) * 1000 - TICK_MS))
        self.last = now

    def measure(self, start, done, timeout: float = 600.0) -> tuple[float, float, float]:
        """Run `start()`, spin the event loop until `done()`; (longest stall ms, p99 ms, seconds)."""
        self.late.clear()
        self.last = time.perf_counter()
        self.timer.start()
        began = time.perf_counter()
        start()
        while not done():
            if time.perf_counter() - began > timeout:
                raise TimeoutError("the activity did not finish")
            self.app.processEvents()
            time.sleep(0.001)
        seconds = time.perf_counter() - began
        self.timer.stop()
        late = sorted(self.late) or [0.0]
        return late[-1], late[int(len(late) * 0.99) - 1 if len(late) > 1 else 0], seconds


def print_figure(name: str, figures: tuple[float, float, float]) -> None:
    longest, p99, seconds = figures
    report(name, longest_stall_ms=longest, p99_lateness_ms=p99, seconds=seconds,
           target_ms=float(TARGET_MS), ratio_to_target=longest / TARGET_MS,
           verdict="met" if longest <= TARGET_MS else "MISSED")


def main() -> int:
    from PySide6.QtCore import QCoreApplication

    from wizard.app import WizardApplication

    QCoreApplication.setOrganizationName("mpwizard-bench")
    QCoreApplication.setApplicationName("mpwizard-bench")
    app = WizardApplication([sys.argv[0]])
    from wizard.core.credentials import SecretRef, credentials
    from wizard.core.projectio import load_project
    from wizard.core.resources import resource_path
    from wizard.core.steps import Step
    from wizard.core.storage import storage_secret_ref
    from wizard.document import ProjectDocument
    from wizard.mainwindow import MainWindow

    from conftest import Azurite  # the emulator the tests use

    meter = StallMeter(app)
    work = Path(tempfile.mkdtemp(prefix="mpwizard-bench-"))
    project = load_project(resource_path("examples/demo.mpwiz")).project
    window = MainWindow(ProjectDocument(project))
    window.resize(1180, 780)
    shown = time.perf_counter()
    window.show()
    try:
        # The first 1.5 s after the window opens, as a person looks at it (idle-time work happens here).
        print_figure("idle-after-start", meter.measure(lambda: None, lambda: time.perf_counter() - shown > 1.5))

        # 1. Switching steps, seven times round, one click on the step list every 30 ms.
        from PySide6.QtCore import QTimer

        def clicking(rounds: int):
            clicks = [int(step) for _ in range(rounds) for step in Step]

            def next_click():
                if clicks:
                    step = clicks.pop(0)
                    began = time.perf_counter()
                    window.steps.setCurrentRow(step)  # what a click on the step list does
                    app.processEvents()  # and the paint that follows
                    took = (time.perf_counter() - began) * 1000
                    slowest[step] = max(slowest.get(step, 0.0), took)
                    QTimer.singleShot(30, next_click)
            return next_click, lambda: not clicks
        slowest: dict[int, float] = {}
        print_figure("switch-steps-first-visit", meter.measure(*clicking(1)))  # each page's first fill and paint
        print("  slowest switch to each step (ms):", {Step(k).name: round(v, 1) for k, v in sorted(slowest.items())})
        slowest.clear()
        print_figure("switch-steps-later", meter.measure(*clicking(6)))
        print("  slowest switch to each step (ms):", {Step(k).name: round(v, 1) for k, v in sorted(slowest.items())})

        # 2. Checking a 1 TiB fixed VHD.
        big = work / "big.vhd"
        subprocess.run(["qemu-img", "create", "-q", "-f", "vpc", "-o", "subformat=fixed,force_size=on", str(big), "1T"],
                       check=True)
        window.wizard.jump_to(int(Step.VHD))
        vhd_page = window.pages[Step.VHD]
        sku, disk = project.skus[0], project.skus[0].disks[0]

        def check():
            vhd_page.set_disk_file(disk, str(big))
            vhd_page.start_checks([(sku, disk)])
        print_figure("check-1TiB-vhd", meter.measure(check, lambda: vhd_page.task is None and not vhd_page.queue))
        if disk.vhd_check is None or disk.vhd_check.virtual_size != 2**40:
            raise SystemExit(f"the check did not finish: {vhd_page.status.text()}")

        # 3. Uploading a 2 GiB VHD (1 GiB of data in it) to Azurite.
        azurite = Azurite(work / "azurite").start()
        try:
            medium = work / "upload.vhd"
            subprocess.run(["qemu-img", "create", "-q", "-f", "vpc", "-o", "subformat=fixed,force_size=on",
                            str(medium), "2G"], check=True)
            with open(medium, "r+b") as fh:
                chunk = os.urandom(4 * 2**20)
                for offset in range(0, 2**30, 8 * 2**20):
                    fh.seek(offset)
                    fh.write(chunk)
            project.storage.mode = "connection-string"
            credentials().store(storage_secret_ref(project.project_id, "connection-string"), azurite.connection_string,
                                remember=False)
            azurite.service().create_container("bench")
            disk.vhd_path = str(medium)

            def upload():
                vhd_page.start_upload(sku, disk, "bench")
            print_figure("upload-2GiB-to-azurite", meter.measure(upload, lambda: vhd_page.task is None, timeout=900))
            if disk.blob_url != f"{azurite.endpoint}/bench/{medium.name}":
                raise SystemExit(f"the upload did not finish: {vhd_page.status.text()}")
        finally:
            azurite.stop()

        # 4. A certification test run against a loopback sshd image root.
        ran = False
        if os.geteuid() == 0 and shutil.which("busybox") and Path("/usr/sbin/sshd").exists():
            import paramiko
            from sshd_server import SshServer, make_image_root

            from wizard.core.sshconn import KnownHosts

            image = make_image_root("mpwtbench", "bench-Pass-1")
            (work / "sshd").mkdir()
            server = SshServer(work / "sshd", [image]).start()
            try:
                known = KnownHosts(work / "known_hosts")
                known.remember("127.0.0.1", server.port, paramiko.Ed25519Key(filename=str(server.host_key)))
                c = project.connection
                c.platform, c.host, c.port, c.user, c.auth = "linux", "127.0.0.1", server.port, image.user, "password"
                credentials().store(SecretRef(project.project_id, "vm-password"), "bench-Pass-1", remember=False)
                window.wizard.jump_to(int(Step.TEST_RUN))
                run_page = window.pages[Step.TEST_RUN]
                run_page.known_hosts = known
                runs_before = len(project.test_runs)
                print_figure("certification-test-run",
                             meter.measure(run_page.start_run, lambda: run_page.task is None))
                if len(project.test_runs) <= runs_before or not project.test_runs[-1].results:
                    raise SystemExit(f"the test run did not finish: {run_page.banner.text()}")
                ran = True
            finally:
                server.stop()
        else:
            print("certification-test-run: skipped (needs root, busybox and openssh-server: run after scripts/test)")

        # 5. The report bundle with its PDF (from the run just made).
        if ran:
            window.wizard.jump_to(int(Step.QUESTIONNAIRE))
            q_page = window.pages[Step.QUESTIONNAIRE]
            q_page.confirm_incomplete_report = lambda state: True
            out = work / "report"
            out.mkdir()
            print_figure("report-with-pdf", meter.measure(lambda: q_page.make_report(str(out), store=False),
                                                          lambda: q_page.task is None and any(out.glob("*.zip"))))
    finally:
        window.document.dirty = False
        window.close()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
