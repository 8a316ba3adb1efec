"""The Linux test cases run over the real loopback sshd against prepared image roots, both ways.

The roots are busybox-static systems (tests/helpers/sshd_server.py). Tools a busybox root
lacks (waagent, python3, openssl, sshd, ifup) are small scripts that print what the
real tools print; the probe and every verdict are exercised for real over SSH.
"""

from __future__ import annotations

import paramiko
import pytest
from sshd_server import run_user

from wizard.core import linux_checks as lc
from wizard.core.linux_checks import FAILED, PASSED, SKIPPED, WARNING
from wizard.core.model import ConnectionSettings
from wizard.core.operations import VmSecrets, run_certification
from wizard.core.profiles import load_profile
from wizard.core.sshconn import KnownHosts

GUIDE = load_profile("publishing-guide-2015")
PC = load_profile("partner-center")


def run_suite(sshd, tmp_path, image, profile):
    known = KnownHosts(tmp_path / "known_hosts")
    known.remember("127.0.0.1", sshd.port, paramiko.Ed25519Key(filename=str(sshd.host_key)))
    # The product's path: the page's Run and `mpwizard certify` both run the suite through run_certification.
    c = ConnectionSettings(host="127.0.0.1", port=sshd.port, user=image.user)
    run = run_certification(c, VmSecrets(password=image.password), profile, known)
    assert run.interrupted == ""
    return {r.id: r for r in run.results}, run.evidence


def test_all_23_cases_exist_with_tool_ids(sshd, roots, tmp_path):
    results, _ = run_suite(sshd, tmp_path, roots[0], GUIDE)
    assert len(results) == 23
    assert {r.test_id for r in results.values() if r.test_id} == {"48", "39", "51", "45", "44", "42", "41", "40",
                                                                    "46", "49", "50"}


def test_prepared_good_image_passes_what_it_can(sshd, roots, tmp_path):
    results, evidence = run_suite(sshd, tmp_path, roots[0], GUIDE)
    verdicts = {k: r.result for k, r in results.items()}
    # the good root's user has password-less sudo (as an Azure VM's admin has): root-only files are read
    assert {k for k, v in verdicts.items() if v == SKIPPED} == {"security-updates"}, verdicts
    assert all(v == PASSED for k, v in verdicts.items() if k != "security-updates"), verdicts
    assert "console=ttyS0" in results["kernel-params"].evidence
    assert results["linux-agent"].actual == "2.2.45"


EXPECTED_FAILURES = {
    "bash-history": FAILED, "linux-agent": FAILED, "kernel-params": FAILED, "swap-partition": FAILED,
    "root-partition": WARNING, "client-alive-interval": FAILED, "python-version": FAILED, "openssl-version": FAILED,
    "resolv-conf": WARNING, "sudo-targetpw": FAILED, "dhcp": FAILED, "network-manager": FAILED,
    "lis-drivers": FAILED, "ifup-ifdown": WARNING, "ssh-server": WARNING, "deprovision-config": WARNING,
    "auto-update": WARNING, "security-threats": WARNING, "default-accounts": FAILED, "iptables": FAILED,
}


def test_prepared_bad_image_fails_each_case_with_a_remediation(sshd, roots, tmp_path):
    results, _ = run_suite(sshd, tmp_path, roots[1], GUIDE)
    for case, expected in EXPECTED_FAILURES.items():
        assert results[case].result == expected, (case, results[case])
        assert results[case].remediation, case
    assert f"/home/{run_user('mpwtbad')}/.bash_history" in results["bash-history"].remediation
    assert results["client-alive-interval"].actual == "300"
    assert results["default-accounts"].actual == "root (password), builder (password), builder (/home/builder/.ssh/authorized_keys)"
    assert "SECRETHASHVALUE" not in results["default-accounts"].evidence  # only "user password|locked" leaves the VM
    assert results["iptables"].actual == "1 rule(s)"


def test_partner_center_judges_as_lisa_on_the_prepared_roots(sshd, roots, tmp_path):
    good, _ = run_suite(sshd, tmp_path, roots[0], PC)
    assert not [k for k, r in good.items() if r.result in (FAILED, WARNING, "Error")], {k: (r.result, r.actual) for k, r in good.items()}
    # root's "log in as the user" notice is not a failure
    assert good["default-accounts"].result == PASSED
    assert good["kernel-modules"].actual == "CONFIG_WATCHDOG=y, CONFIG_CIFS=m"
    bad, _ = run_suite(sshd, tmp_path, roots[1], PC)
    assert bad["default-accounts"].result == FAILED
    assert bad["default-accounts"].actual == "root (password), builder (password), builder (/home/builder/.ssh/authorized_keys)"
    assert "passwd -l root" in bad["default-accounts"].remediation and "passwd -d" not in bad["default-accounts"].remediation
    assert bad["kernel-modules"].result == FAILED
    assert bad["swap-partition"].result == FAILED  # /dev/sda2 on the OS disk (an LVM root without /sys: the first disk)
    assert bad["swap-agent"].actual == "swap on, ResourceDisk.EnableSwap=n"
    assert bad["iptables"].result == SKIPPED and bad["iptables"].actual.startswith("Not applicable")


def test_without_password_less_sudo_root_only_cases_are_skipped(tmp_path):
    from sshd_server import SshServer, make_image_root

    image = make_image_root("mpwtnosudo", "nosudo-Pass-1")
    (image.root / "root").chmod(0o700)  # as on a real system: only root reads /root
    image.write("etc/ssh/sshd_config", "ClientAliveInterval 180\n", mode=0o600)  # as RHEL ships it: root's alone
    server = SshServer(tmp_path, [image]).start()
    try:
        results, evidence = run_suite(server, tmp_path, image, PC)
    finally:
        server.stop()
    assert evidence["sudo"] == "no"
    for case in ("default-accounts", "sudo-targetpw", "boot-log"):
        assert (results[case].result, results[case].actual) == (SKIPPED, lc.NEEDS_SUDO), case
    assert evidence["sshd_config"] == "needs-root"
    assert (results["client-alive-interval"].result, results["client-alive-interval"].actual) == \
        (SKIPPED, f"{lc.NEEDS_SUDO} (/etc/ssh/sshd_config)")
    # /root's history cannot be seen: the case is not judged from the other homes alone
    assert (results["bash-history"].result, results["bash-history"].actual) == (SKIPPED, f"{lc.NEEDS_SUDO} (/root)")


def test_32_bit_machine_fails_os_architecture():
    from wizard.core.linux_checks import judge, parse_sections

    evidence = parse_sections("@@@uname_m\ni686\n@@@end\n")
    (result,) = judge(evidence, GUIDE, only={"os-architecture"})
    assert result.result == FAILED
    assert result.actual == "i686"
    (today,) = judge(parse_sections("@@@uname_m\naarch64\n@@@end\n"), PC, only={"os-architecture"})
    assert today.result == PASSED  # Partner Center accepts arm64


def test_profile_thresholds_change_verdicts(sshd, roots, tmp_path):
    guide, _ = run_suite(sshd, tmp_path, roots[0], GUIDE)
    today, _ = run_suite(sshd, tmp_path, roots[0], PC)
    assert guide["linux-agent"].result == PASSED
    # 2.2.45 < 2.2.53.1, but the good root's agent updates itself: Partner Center passes it (REFERENCE §9).
    assert today["linux-agent"].result == PASSED
    assert today["linux-agent"].actual == "2.2.45 (AutoUpdate.Enabled=y)"
    assert guide["python-version"].result == PASSED
    assert today["python-version"].result == PASSED
    bad_guide, _ = run_suite(sshd, tmp_path, roots[1], GUIDE)
    bad_today, _ = run_suite(sshd, tmp_path, roots[1], PC)
    # 'quiet splash' lacks console=ttyS0 under both; the bad root's 0-byte rule: PC allows no history at all.
    assert bad_guide["kernel-params"].result == bad_today["kernel-params"].result == FAILED
    assert bad_today["kernel-params"].required == "console=ttyS0"


def test_cli_certify_json_record_and_exit_codes(sshd, roots, tmp_path, cli):
    import json
    import os

    good, bad = roots
    env = {**os.environ, "VM_PW": good.password, "BAD_PW": bad.password}
    base = ["certify", "--os", "linux", "--host", "127.0.0.1", "--port", str(sshd.port)]
    unknown = cli(*base, "--user", good.user, "--password-env", "VM_PW", env=env)
    assert unknown.returncode == 2
    assert sshd.host_key_fingerprint() in unknown.stderr
    assert good.password not in unknown.stderr
    ok = cli(*base, "--user", good.user, "--password-env", "VM_PW", "--trust-host-key", sshd.host_key_fingerprint(),
             "--json", env=env)
    assert ok.returncode == 0, ok.stderr
    record = json.loads(ok.stdout)
    assert record["TestResult"] == "Pass"
    assert record["AppCertificationCategory"] == "Microsoft Single VM Certification"
    assert record["OSDistro"] == "Test Linux 1 (image root)"
    assert len(record["Tests"]) == 23
    assert set(record["Tests"][0]) == {"TestID", "TestCaseName", "Description", "Result", "ActualValue", "RequiredValue",
                                       "id", "Remediation", "Evidence"}
    known = tmp_path / "known_hosts"
    failing = cli(*base, "--user", bad.user, "--password-env", "BAD_PW", "--known-hosts", str(known),
                  "--trust-host-key", sshd.host_key_fingerprint(), env=env)
    assert failing.returncode == 1
    assert "TestResult: Fail" in failing.stdout
    assert known.exists()
    wrong = cli(*base, "--user", bad.user, "--password-env", "VM_PW", "--known-hosts", str(known), env=env)
    assert wrong.returncode == 2
    assert "refused the password" in wrong.stderr


def test_sshd_killed_mid_run_is_reported_within_the_timeout(tmp_path, cli):
    """A server that dies during the probe: finished checks are kept, unfinished ones are Errors."""
    import os
    import threading

    from sshd_server import SshServer, kill_tree, make_image_root

    image = make_image_root("mpwtkill", "kill-Pass-1")
    # keeps the probe busy; the marker says the probe got this far (a fixed delay would race a loaded machine)
    image.write("usr/bin/openssl", "#!/bin/sh\necho > /tmp/probe-reached-openssl\nsleep 5\necho 'OpenSSL 3.0.0'\n",
                mode=0o755)
    marker = image.root / "tmp/probe-reached-openssl"
    server = SshServer(tmp_path, [image]).start()

    def kill_when_the_probe_runs() -> None:
        import time

        end = time.monotonic() + 50
        while not marker.exists() and time.monotonic() < end:
            time.sleep(0.05)
        kill_tree(server.proc.pid)  # sshd and its session processes

    try:
        threading.Thread(target=kill_when_the_probe_runs, daemon=True).start()
        env = {**os.environ, "PW": image.password}
        result = cli("certify", "--os", "linux", "--host", "127.0.0.1", "--port", str(server.port), "--user", image.user,
                     "--password-env", "PW", "--trust-host-key", server.host_key_fingerprint(), "--timeout", "8", env=env,
                     timeout=60)
    finally:
        server.stop()
    # Checks whose evidence arrived before the drop keep their verdicts; the rest are Errors (exit 1).
    assert result.returncode == 1, result.stdout + result.stderr
    assert "[Passed ] bash-history" in result.stdout
    assert "[Passed ] kernel-params" in result.stdout
    assert "[Error  ] openssl-version: the probe did not finish" in result.stdout
    assert "[Error  ] os-architecture" not in result.stdout  # uname ran first


def test_cli_report_dir_has_record_and_evidence_logs_without_secrets(sshd, roots, tmp_path, cli):
    import json
    import os

    good = roots[0]
    out = tmp_path / "report"
    result = cli("certify", "--os", "linux", "--host", "127.0.0.1", "--port", str(sshd.port), "--user", good.user,
                 "--password-env", "PW", "--trust-host-key", sshd.host_key_fingerprint(), "--report", str(out),
                 env={**os.environ, "PW": good.password})
    assert result.returncode == 0, result.stderr
    (folder,) = [p for p in out.iterdir() if p.is_dir()]
    assert folder.name.startswith("certification-vm-127.0.0.1-")
    assert (out / f"{folder.name}.zip").is_file()
    record = json.loads((folder / "report.json").read_text())
    assert record["TestResult"] == "Pass"
    assert len(list((folder / "logs").glob("*.txt"))) == 23
    assert record["KernelFullVersion"]
    assert "Questionnaire" not in record["Report"]  # no project, no answers
    assert "console=ttyS0" in (folder / "logs" / "kernel-params.txt").read_text()
    assert (folder / "report.pdf").read_bytes().startswith(b"%PDF")
    for file in out.rglob("*"):
        if file.is_file():
            assert good.password.encode() not in file.read_bytes()


def test_cancel_stops_a_running_probe_within_a_second(sshd, roots, tmp_path):
    import threading
    import time

    from wizard.core.progress import Cancelled, CancelToken
    from wizard.core.sshconn import SshTarget, open_session, run_command

    known = KnownHosts(tmp_path / "kh")
    known.remember("127.0.0.1", sshd.port, paramiko.Ed25519Key(filename=str(sshd.host_key)))
    transport = open_session(SshTarget("127.0.0.1", sshd.port, roots[0].user, password=roots[0].password), known)
    token = CancelToken()
    threading.Timer(0.3, token.cancel).start()
    start = time.monotonic()
    try:
        with pytest.raises(Cancelled):
            run_command(transport, "sleep 20", timeout=30, cancel=token)
    finally:
        transport.close()
    assert time.monotonic() - start < 1.3


def test_the_console_line_is_found_in_the_journal_when_the_command_line_lacks_console(tmp_path):
    """LISA's serial-console fallback reads journalctl as well as the log files (Fedora 39+ keeps only the journal);
    the probe reads the logs only when the command line has no console= (over the real sshd, a busybox root)."""
    from image_roots import tool
    from sshd_server import SshServer, make_image_root

    with_journal = make_image_root("mpwtjournal", "journal-Pass-1")
    without = make_image_root("mpwtnojournal", "nojournal-Pass-1")
    for image in (with_journal, without):
        image.write("proc/cmdline", "BOOT_IMAGE=/vmlinuz root=/dev/sda1 ro quiet\n")
        image.write("usr/bin/sudo", '#!/bin/sh\n[ "$1" = "-n" ] && shift\nexec "$@"\n', mode=0o755)
        tool(image, "usr/bin/dmesg", "[    0.000000] Linux version 6.1")  # the roots' own kernel log, not this machine's
    tool(with_journal, "usr/bin/journalctl", "Dec 07 04:00:00 vm kernel: printk: console [ttyS0] enabled")
    server = SshServer(tmp_path, [with_journal, without]).start()
    try:
        found, evidence = run_suite(server, tmp_path, with_journal, PC)
        missing, _ = run_suite(server, tmp_path, without, PC)
    finally:
        server.stop()
    assert "console [ttyS0] enabled" in evidence["console_log"]
    assert (found["kernel-params"].result, found["kernel-params"].actual) == (PASSED, "console [ttyS0] enabled (boot log)")
    assert missing["kernel-params"].result == FAILED and "console=ttyS0" in missing["kernel-params"].remediation
