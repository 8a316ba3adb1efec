"""The full Linux suite against the loopback sshd vs a bare paramiko connect + `exec true` (target ≤ 3×).

Also prints the number of SSH round trips (command channels) the suite uses: one probe.
Needs root (it creates the test users and image roots like the tests do).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, report

sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "helpers"))
sys.path.insert(0, str(ROOT))

import paramiko  # noqa: E402
from sshd_server import SshServer, make_image_root  # noqa: E402

from wizard.core import sshconn  # noqa: E402
from wizard.core.model import ConnectionSettings  # noqa: E402
from wizard.core.operations import VmSecrets, run_certification  # noqa: E402
from wizard.core.profiles import load_profile  # noqa: E402
from wizard.core.sshconn import KnownHosts, SshTarget, open_session, run_command  # noqa: E402


def main(runs: int = 15) -> None:
    bench("publishing-guide-2015", None, runs)
    bench("partner-center", "ubuntu2204", runs)  # every LISA case, root-only files read through sudo -n


def bench(profile_id: str, family: str | None, runs: int) -> None:
    from image_roots import fill_family

    with tempfile.TemporaryDirectory() as tmp:
        image = make_image_root("mpwtbench", "bench-Pass-1")
        if family:
            fill_family(image, family)
        server = SshServer(Path(tmp), [image]).start()
        try:
            known = KnownHosts(Path(tmp) / "known_hosts")
            known.remember("127.0.0.1", server.port, paramiko.Ed25519Key(filename=str(server.host_key)))
            target = SshTarget("127.0.0.1", server.port, image.user, password=image.password)
            profile = load_profile(profile_id)
            settings = ConnectionSettings(host="127.0.0.1", port=server.port, user=image.user)
            commands: list[str] = []
            real_run_command = sshconn.run_command

            def counting_run_command(transport, command, *args, **kwargs):
                commands.append(command)
                return real_run_command(transport, command, *args, **kwargs)

            sshconn.run_command = counting_run_command
            bare, suite, channels = [], [], []
            for _ in range(runs):
                start = time.perf_counter()
                transport = open_session(target, known)
                run_command(transport, "true")
                transport.close()
                bare.append(time.perf_counter() - start)
                start = time.perf_counter()
                # The product's path (connect, the probe, judging), counting its commands on the VM.
                sent = len(commands)
                results = run_certification(settings, VmSecrets(password=image.password), profile, known).results
                channels.append(len(commands) - sent)
                suite.append(time.perf_counter() - start)
        finally:
            server.stop()
    b, s = statistics.median(bare), statistics.median(suite)
    name = f"{profile_id}, {family}" if family else profile_id
    report(f"linux suite ({name}) vs bare connect+exec (median of {runs})", bare_s=b, suite_s=s, ratio=s / b, target="<=3",
           checks=len(results), ssh_round_trips=max(channels))


if __name__ == "__main__":
    main()
