"""Each Linux test case both ways, judged from probe output: the verdict, the found and required values
and the remediation text exactly, and every error and skip branch. (tests/services/test_linux_checks.py runs
the same cases over a real sshd on prepared image roots; here each branch gets its own evidence.)"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.core import linux_checks as lc
from wizard.core.linux_checks import ERROR, FAILED, PASSED, SKIPPED, WARNING, judge, parse_sections
from wizard.core.profiles import load_profile
from wizard.core.progress import Cancelled, CancelToken

GUIDE = load_profile("publishing-guide-2015")
PC = load_profile("partner-center")


def run(case: str, profile=GUIDE, **sections: str):
    text = "".join(f"@@@{name}\n{body}\n" for name, body in sections.items()) + "@@@end\n"
    (result,) = judge(parse_sections(text), profile, only={case})
    return result


def verdict(case: str, profile=GUIDE, **sections: str) -> tuple[str, str, str, str]:
    r = run(case, profile, **sections)
    return r.result, r.actual, r.required, r.remediation


# -- the probe's output ------------------------------------------------------------------------------
def test_sections_are_split_and_trimmed():
    text = "banner before\n@@@ one \n\nfirst\nsecond\n\n@@@two\n@@@three\nx\n"
    assert parse_sections(text) == {"one": "first\nsecond", "two": "", "three": "x"}
    assert parse_sections("no sections") == {}


def test_a_probe_cut_short_judges_only_the_whole_sections():
    evidence = parse_sections("@@@uname_m\nx86_64\n@@@python\nPyth")  # no @@@end: python may be cut
    results = {r.id: r for r in judge(evidence, GUIDE, only={"os-architecture", "python-version", "ipv6"})}
    assert results["os-architecture"].result == PASSED
    assert results["python-version"].result == ERROR
    assert results["python-version"].actual == "the probe did not finish (connection dropped?)"
    assert results["ipv6"].result == ERROR  # never arrived
    assert results["os-architecture"].evidence == "@@@uname_m\nx86_64"
    whole = {r.id: r for r in judge(parse_sections("@@@uname_m\nx86_64\n@@@python\nPython 3.11\n@@@end\n"), GUIDE,
                                    only={"python-version"})}
    assert whole["python-version"].result == PASSED


def test_judge_reports_progress_and_stops_when_cancelled():
    seen = []
    evidence = parse_sections("@@@end\n")
    results = judge(evidence, GUIDE, progress=seen.append)
    assert len(results) == len(lc.cases_for(GUIDE)) == 23
    assert [(u.done, u.total) for u in seen] == [(i + 1, 23) for i in range(23)]
    assert [u.message for u in seen] == [c.id for c in lc.cases_for(GUIDE)]
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        judge(evidence, GUIDE, cancel=token)
    assert len(judge(evidence, PC)) == 24 + 17  # TCP SACK and LISA's own 17 cases are today's


def test_system_info_from_os_release_and_uname():
    evidence = {"os_release": 'NAME="Ubuntu"\nVERSION_ID="22.04"\nPRETTY_NAME="Ubuntu 22.04.4 LTS"\nbroken line',
                "uname_r": "5.15.0-1057-azure"}
    assert lc.system_info(evidence) == {"OSName": "Ubuntu", "OSDistro": "Ubuntu 22.04.4 LTS", "KernelVersion": "5.15.0",
                                        "KernelFullVersion": "5.15.0-1057-azure", "OSVersion": "22.04"}


def test_the_suite_sends_the_probe_once_to_sh(monkeypatch):
    from wizard.core.model import ConnectionSettings
    from wizard.core.operations import VmSecrets, run_certification

    calls = []

    class Transport(str):  # the session the product's path opens (and closes)
        def close(self):
            calls.append("closed")

    def fake_open_session(target, known_hosts, timeout, trust, sock, cancel):
        return Transport("transport")

    def fake_run_command(transport, command, timeout, stdin, cancel):
        calls.append((transport, command, timeout, stdin, cancel))
        return 0, "@@@uname_m\nx86_64\n@@@end\n", ""

    monkeypatch.setattr("wizard.core.sshconn.open_session", fake_open_session)
    monkeypatch.setattr("wizard.core.sshconn.run_command", fake_run_command)
    run = run_certification(ConnectionSettings(host="vm.example", user="tester"), VmSecrets(password="pw"), GUIDE,
                            None, run_timeout=12.5)  # the fake session needs no known_hosts
    results, evidence = run.results, run.evidence
    assert calls.pop() == "closed"
    assert calls == [("transport", "sh -s", 12.5, lc.probe_script().encode(), None)]
    assert evidence == {"uname_m": "x86_64", "end": ""}
    assert {r.id: r.result for r in results}["os-architecture"] == PASSED
    assert "@@@" in lc.probe_script() and "waagent" in lc.probe_script()


# -- configuration files ------------------------------------------------------------------------------
def test_waagent_conf_the_last_assignment_wins_and_comments_do_not_count():
    text = "AutoUpdate.Enabled=y\n# AutoUpdate.Enabled=y\n  AutoUpdate.Enabled = n \nOther=y\nnoequals\n"
    assert lc._conf_value(text, "AutoUpdate.Enabled") == "n"
    assert lc._conf_value("#AutoUpdate.Enabled=n\n", "AutoUpdate.Enabled") is None
    assert lc._conf_value("AutoUpdate.EnabledX=n\n", "AutoUpdate.Enabled") is None


def test_sshd_config_the_first_value_wins_keywords_any_case_and_match_ends_it():
    assert lc._sshd_value("clientaliveinterval 120\nClientAliveInterval 180\n", "ClientAliveInterval") == "120"
    assert lc._sshd_value("# ClientAliveInterval 60\n\nClientAliveInterval\nClientAliveInterval  90 \n",
                          "ClientAliveInterval") == "90"
    assert lc._sshd_value("Match User x\nClientAliveInterval 180\n", "ClientAliveInterval") is None
    assert lc._sshd_value("MaxSessions 180\n", "ClientAliveInterval") is None


# -- each case both ways ---------------------------------------------------------------------------------
def test_bash_history():
    assert verdict("bash-history", history="") == (PASSED, "no history files", "every history file ≤ 1024 bytes", "")
    assert verdict("bash-history", PC, history="0 /root/.bash_history") == \
        (PASSED, "/root/.bash_history 0 bytes", "every history file ≤ 0 bytes", "")
    assert verdict("bash-history", history="2000 /root/.bash_history\n10 /home/a b/.bash_history\nnoise") == \
        (FAILED, "/root/.bash_history 2000 bytes, /home/a b/.bash_history 10 bytes", "every history file ≤ 1024 bytes",
         "cat /dev/null > /root/.bash_history; history -c")
    assert verdict("bash-history", history="? /root/.bash_history")[0] == FAILED  # a size the probe could not read


def agent(profile, version_line: str, conf: str = ""):
    return verdict("linux-agent", profile, waagent=version_line, waagent_conf=conf)


AGENT_FIX = "Install the distribution's walinuxagent / WALinuxAgent package (apt-get install walinuxagent) and enable it."


def test_linux_agent_both_ways_and_which_conf_key_is_read():
    assert agent(GUIDE, "") == (FAILED, "not installed (no waagent in /usr/sbin, /usr/bin, /usr/local)", "≥ 2.2.41",
                                AGENT_FIX)
    assert agent(GUIDE, "path /usr/sbin/waagent\nWALinuxAgent-2.2.45 running") == (PASSED, "2.2.45", "≥ 2.2.41", "")
    assert agent(GUIDE, "path /usr/sbin/waagent\nWALinuxAgent-2.2.10", "AutoUpdate.Enabled=y") == \
        (FAILED, "2.2.10", "≥ 2.2.41", AGENT_FIX)  # the guide: auto-update does not make up for an old agent
    pc_required = "≥ 2.2.53.1 or AutoUpdate.Enabled=y"
    assert agent(PC, "path /usr/sbin/waagent\nWALinuxAgent-2.2.45", "") == \
        (PASSED, "2.2.45 (AutoUpdate.Enabled=y)", pc_required, "")  # unset: the agent's default is y
    assert agent(PC, "path /usr/sbin/waagent\nWALinuxAgent-2.2.45", "AutoUpdate.Enabled=n") == \
        (FAILED, "2.2.45", pc_required, AGENT_FIX)
    # only AutoUpdate.Enabled counts: the provisioning keys at y do not turn it on
    assert agent(PC, "path /usr/sbin/waagent\nWALinuxAgent-2.2.45",
                 "AutoUpdate.Enabled=n\nProvisioning.RegenerateSshHostKeyPair=y\nProvisioning.DeleteRootPassword=y")[0] \
        == FAILED
    assert agent(PC, "path /usr/sbin/waagent\nWALinuxAgent-2.2.45", "AutoUpdate.Enabled=yes")[0] == PASSED
    assert agent(PC, "path /usr/sbin/waagent\nunknown output") == \
        (ERROR, "version not readable: path /usr/sbin/waagent\nunknown output", pc_required, AGENT_FIX)
    assert agent(GUIDE, "path /usr/sbin/waagent")[0] == ERROR  # no version line at all


SED_AUTO = "sed -i 's/^AutoUpdate.Enabled=.*/AutoUpdate.Enabled=y/' /etc/waagent.conf"


def test_auto_update():
    assert verdict("auto-update", waagent_conf="") == (WARNING, "no /etc/waagent.conf", "AutoUpdate.Enabled=y",
                                                       "Install the Azure Linux Agent package.")
    assert verdict("auto-update", waagent_conf="# nothing\n") == (PASSED, "y (default)", "y", "")
    assert verdict("auto-update", waagent_conf="AutoUpdate.Enabled=n") == (WARNING, "n", "y", SED_AUTO)
    assert verdict("auto-update", waagent_conf="AutoUpdate.Enabled=n\nAutoUpdate.Enabled=y") == (PASSED, "y", "y", "")
    assert verdict("auto-update", waagent_conf="Provisioning.DeleteRootPassword=n\nAutoUpdate.Enabled=y")[0] == PASSED


REGEN, DELROOT = "Provisioning.RegenerateSshHostKeyPair", "Provisioning.DeleteRootPassword"


def test_deprovision_reads_each_key_on_its_own():
    required = f"{REGEN}=y, {DELROOT}=y"
    assert verdict("deprovision-config", waagent_conf=f"{REGEN}=y\n{DELROOT}=y\nAutoUpdate.Enabled=n") == \
        (PASSED, f"{REGEN}=y, {DELROOT}=y", required, "")
    assert verdict("deprovision-config", waagent_conf=f"{REGEN}=n\n{DELROOT}=y") == \
        (WARNING, f"{REGEN}=n, {DELROOT}=y", required, set_key(REGEN))
    assert verdict("deprovision-config", waagent_conf=f"{REGEN}=y\nAutoUpdate.Enabled=y") == \
        (WARNING, f"{REGEN}=y, {DELROOT}=unset", required, set_key(DELROOT))
    both = verdict("deprovision-config", waagent_conf="")
    assert both[3] == set_key(REGEN) + "; " + set_key(DELROOT)


def set_key(k: str) -> str:
    """The fix sets a present (or commented) key and adds an absent one."""
    return (f"if grep -q '^#*{k}=' /etc/waagent.conf 2>/dev/null; then sed -i 's/^#*{k}=.*/{k}=y/' /etc/waagent.conf; "
            f"else echo '{k}=y' >> /etc/waagent.conf; fi")


def test_kernel_params():
    guide_needs = "console=ttyS0 earlyprintk=ttyS0 rootdelay=300"
    assert verdict("kernel-params", cmdline=f"ro {guide_needs} quiet", grub="") == \
        (PASSED, f"ro {guide_needs} quiet", guide_needs, "")
    result = verdict("kernel-params", cmdline="ro console=ttyS0 rootdelay=299", grub="")
    assert result == (FAILED, "ro console=ttyS0 rootdelay=299", guide_needs,
                      "Add 'earlyprintk=ttyS0 rootdelay=300' to GRUB_CMDLINE_LINUX in /etc/default/grub, then run "
                      "update-grub (or grub2-mkconfig -o /boot/grub2/grub.cfg) and reboot.")
    assert verdict("kernel-params", PC, cmdline="", grub="")[:3] == (FAILED, "(empty)", "console=ttyS0")
    assert verdict("kernel-params", PC, cmdline="console=ttyS0", grub="")[0] == PASSED


SWAP_TAIL = "; remove the swap lines from /etc/fstab and delete the partition; use ResourceDisk.EnableSwap=y in " \
            "/etc/waagent.conf for swap on the resource disk"


def test_swap_in_proc_swaps_and_in_fstab_apart():
    header = "Filename Type Size Used Priority"
    assert verdict("swap-partition", swaps=header, fstab="/dev/sda1 / ext4 defaults 0 1") == \
        (PASSED, "no swap", "no swap partition", "")
    assert verdict("swap-partition", swaps=f"{header}\n/dev/sda2 partition 1 0 -2", fstab="") == \
        (FAILED, "/dev/sda2", "no swap partition", "swapoff /dev/sda2" + SWAP_TAIL)
    # the guide: only in fstab (not active now) is still a swap partition, and no swapoff to run
    assert verdict("swap-partition", swaps=header, fstab="# /dev/sdb1 none swap sw 0 0\nUUID=abc none swap sw 0 0\n"
                                                         "/dev/sdc1 /mnt\n") == \
        (FAILED, "UUID=abc", "no swap partition", SWAP_TAIL.removeprefix("; "))
    both = verdict("swap-partition", swaps=f"{header}\n/dev/sda2 partition 1 0 -2",
                   fstab="/dev/sda2 none swap sw 0 0\n/swapfile none swap sw 0 0")
    assert both[:2] == (FAILED, "/dev/sda2, /swapfile")
    assert both[3] == "swapoff /dev/sda2" + SWAP_TAIL


def test_swap_today_only_on_the_os_disk():
    """LISA verify_no_swap_on_osdisk: the agent's swap file on the resource disk and an inactive fstab line pass."""
    header = "Filename Type Size Used Priority"
    resource = f"{header}\n/mnt/resource/swapfile file 2097148 0 -2"
    for profile in (GUIDE, PC):  # the agent's swap file is the guide's own advice too
        assert verdict("swap-partition", profile, swaps=resource, mounts="/dev/sda1 / ext4 rw 0 0")[0] == PASSED
    assert verdict("swap-partition", PC, swaps=header, fstab="UUID=abc none swap sw 0 0", mounts="/dev/sda1 / ext4 rw 0 0")[0] == PASSED
    on_os = verdict("swap-partition", PC, swaps=f"{header}\n/dev/sda2 partition 1 0 -2", mounts="/dev/sda1 / ext4 rw 0 0")
    assert on_os[:2] == (FAILED, "/dev/sda2 on the OS disk sda")
    assert on_os[3].startswith("swapoff /dev/sda2; remove /dev/sda2 from /etc/fstab")
    data = verdict("swap-partition", PC, swaps=f"{header}\n/dev/sdc1 partition 1 0 -2", mounts="/dev/sda1 / ext4 rw 0 0")
    assert data[0] == PASSED  # a data disk's swap is not on the OS disk
    nvme = "swap /dev/nvme0n1p3 partition /dev/nvme0n1p3 nvme0n1\nroot /dev/nvme0n1p2 nvme0n1"
    assert verdict("swap-partition", PC, swaps=f"{header}\n/dev/nvme0n1p3 partition 1 0 -2", swap_devices=nvme)[0] == FAILED
    file_on_root = "swap /swapfile file /dev/sda1 sda\nroot /dev/sda1 sda"
    assert verdict("swap-partition", PC, swaps=f"{header}\n/swapfile file 1 0 -2", swap_devices=file_on_root)[:2] == \
        (FAILED, "/swapfile on the OS disk sda")
    # a file under /mnt that df places on the OS disk is on the OS disk, whatever its path says
    assert verdict("swap-partition", PC, swaps=f"{header}\n/mnt/swapfile file 1 0 -2",
                   swap_devices="swap /mnt/swapfile file /dev/sda1 sda\nroot /dev/sda1 sda")[0] == FAILED
    assert verdict("swap-partition", PC, swaps=resource, mounts="/dev/sda1 / ext4 rw 0 0")[1] == \
        "/mnt/resource/swapfile (not on the OS disk)"
    custom = "ResourceDisk.MountPoint=/mnt/res\n"
    assert verdict("swap-partition", PC, swaps=f"{header}\n/mnt/res/swapfile file 1 0 -2", waagent_conf=custom,
                   swap_devices="swap /mnt/res/swapfile file /dev/sdb1 sdb\nroot /dev/sda1 sda")[0] == PASSED


def test_root_partition():
    assert verdict("root-partition", mounts="proc /proc proc rw 0 0") == (ERROR, "no / in /proc/mounts",
                                                                         "one root partition", "")
    assert verdict("root-partition", mounts="rootfs / rootfs rw 0 0\n/dev/sda1 / ext4 rw 0 0") == \
        (PASSED, "/dev/sda1", "a single root partition, no LVM", "")
    lvm = "Rebuild the image with a plain root partition (no LVM)."
    assert verdict("root-partition", mounts="/dev/mapper/vg-root / ext4 rw 0 0") == \
        (WARNING, "/dev/mapper/vg-root", "a single root partition, no LVM", lvm)
    assert verdict("root-partition", mounts="/dev/sda1 / ext4 rw 0 0\n/dev/dm-0 / ext4 rw 0 0")[:2] == \
        (WARNING, "/dev/dm-0")  # the last mount on / is the one in use


ALIVE_SED = ("sed -i 's/^[[:space:]]*[Cc][Ll][Ii][Ee][Nn][Tt][Aa][Ll][Ii][Vv][Ee][Ii][Nn][Tt][Ee][Rr][Vv][Aa][Ll][[:space:]].*/"
             "ClientAliveInterval 180/' ")
RESTART = " && systemctl restart sshd 2>/dev/null || systemctl restart ssh"
PREPEND = ("{ echo 'ClientAliveInterval 180'; cat /etc/ssh/sshd_config 2>/dev/null; } > /etc/ssh/sshd_config.new "
           "&& mv /etc/ssh/sshd_config.new /etc/ssh/sshd_config")
def test_ssh_server():
    assert verdict("ssh-server", sshd_binary="/usr/sbin/sshd") == (PASSED, "/usr/sbin/sshd", "sshd installed and enabled", "")
    assert verdict("ssh-server", sshd_binary="  ") == \
        (WARNING, "not installed", "sshd installed and enabled",
         "Install openssh-server and enable it at boot (unless the SKU blocks SSH on purpose).")


def test_architecture():
    assert verdict("os-architecture", uname_m="") == (FAILED, "unknown", "x86_64 or amd64",
                                                      "Build the image for a 64-bit architecture.")
    assert verdict("os-architecture", PC, uname_m="arm64") == (PASSED, "arm64", "x86_64 or amd64 or aarch64 or arm64", "")


PY_FIX = "Install python3 (and python3-pyasn1) from the distribution."


def test_python():
    assert verdict("python-version", python="") == (FAILED, "not installed", "≥ 2.6", PY_FIX)
    assert verdict("python-version", PC, python="Python 3.8.10") == (FAILED, "3.8.10", "≥ 3.9", PY_FIX)
    assert verdict("python-version", PC, python="Python 3.11.2") == (PASSED, "3.11.2", "≥ 3.9", "")


SSL_FIX = "Install or update openssl from the distribution (apt-get install openssl / yum install openssl)."


def test_openssl():
    assert verdict("openssl-version", openssl="") == (FAILED, "not installed", "≥ 1.0", SSL_FIX)
    assert verdict("openssl-version", openssl="OpenSSL 0.9.8zh 3 Dec 2015") == (FAILED, "0.9.8", "≥ 1.0", SSL_FIX)
    assert verdict("openssl-version", openssl="OpenSSL 1.0.2k-fips") == (PASSED, "1.0.2", "≥ 1.0", "")
    pc_required = "≥ 3.0.0 (1.1.1 / 1.0.2 with extended support)"
    # LISA verify_openssl_version passes the extended-support versions
    assert verdict("openssl-version", PC, openssl="OpenSSL 1.1.1w 11 Sep 2023") == (PASSED, "1.1.1", pc_required, "")
    assert verdict("openssl-version", PC, openssl="OpenSSL 1.0.2k-fips") == (PASSED, "1.0.2", pc_required, "")
    assert verdict("openssl-version", PC, openssl="OpenSSL 1.1.0l") == (FAILED, "1.1.0", pc_required, SSL_FIX)
    assert verdict("openssl-version", PC, openssl="OpenSSL 3.0.13") == (PASSED, "3.0.13", pc_required, "")
    # between the minimum and the recommended version: a warning with the fix
    newer = dataclasses.replace(GUIDE, linux_openssl_recommended_version="1.1")
    assert verdict("openssl-version", newer, openssl="OpenSSL 1.0.2k") == (WARNING, "1.0.2", "≥ 1.1", SSL_FIX)
    assert verdict("openssl-version", newer, openssl="OpenSSL 1.1.0")[0] == PASSED


def test_ifup_ifdown():
    fix = "Install ifupdown (Debian/Ubuntu) or initscripts (RHEL family)."
    assert verdict("ifup-ifdown", ifupdown="/sbin/ifup /sbin/ifdown") == \
        (PASSED, "/sbin/ifup /sbin/ifdown", "ifup and ifdown present", "")
    assert verdict("ifup-ifdown", ifupdown="/sbin/ifup") == (WARNING, "/sbin/ifup", "ifup and ifdown present", fix)
    assert verdict("ifup-ifdown", ifupdown="")[:2] == (WARNING, "missing")


def test_resolv_conf():
    fix = "Run 'waagent -deprovision' (it removes /etc/resolv.conf) before capturing."
    assert verdict("resolv-conf", resolv="nameserver 127.0.0.53\nsearch x") == \
        (PASSED, "127.0.0.53", "no hard-coded name servers", "")
    assert verdict("resolv-conf", resolv="nameserver 127.0.0.53\nnameserver 8.8.8.8\nnameserver") == \
        (WARNING, "127.0.0.53, 8.8.8.8", "no hard-coded name servers", fix)
    assert verdict("resolv-conf", resolv="# nameserver 8.8.8.8")[:2] == (PASSED, "no nameserver")


def test_ipv6_is_informational():
    for value, state in (("1", "disabled"), ("0", "enabled"), ("", "unknown")):
        assert verdict("ipv6", ipv6=value) == (PASSED, state, "informational (IPv6 was not supported in 2015)", "")


def test_sudo_targetpw():
    required = "no 'Defaults targetpw' in /etc/sudoers"
    assert verdict("sudo-targetpw", sudoers="") == (SKIPPED, "sudoers not readable", "no 'Defaults targetpw'", "")
    assert verdict("sudo-targetpw", sudoers="needs-root")[:2] == (SKIPPED, lc.NEEDS_SUDO)
    assert verdict("sudo-targetpw", sudoers="root ALL=(ALL) ALL\n# Defaults targetpw") == (PASSED, "not set", required, "")
    assert verdict("sudo-targetpw", sudoers="Defaults env_reset\nDefaults   targetpw") == \
        (FAILED, "Defaults   targetpw", required,
         "sed -i 's/^Defaults[[:space:]][[:space:]]*targetpw/# &/' /etc/sudoers  # or remove the line with visudo")
    # LISA's rule: `Defaults` at the line's start, blanks, then targetpw
    assert verdict("sudo-targetpw", sudoers="Defaults env_reset,targetpw")[0] == PASSED
    assert verdict("sudo-targetpw", sudoers="Defaults\ttargetpw")[0] == FAILED


def test_default_accounts():
    required = "no account but the connecting one with a password or authorized_keys"
    assert verdict("default-accounts", shadow="needs-root") == (SKIPPED, lc.NEEDS_SUDO, required, "")
    assert verdict("default-accounts", shadow="root locked", authorized_keys="needs-root")[0] == SKIPPED
    assert verdict("default-accounts", shadow="root locked\nazureuser locked") == (PASSED, "none", required, "")
    assert verdict("default-accounts", shadow="root password\nbob locked\nalice password") == \
        (FAILED, "root (password), alice (password)", required,
         "passwd -l root; passwd -l alice  # or run 'waagent -deprovision+user' before capturing")
    # the connecting user's own password and keys are not a failure
    assert verdict("default-accounts", shadow="root locked\nazureuser password", user="azureuser",
                   authorized_keys="azureuser /home/azureuser/.ssh/authorized_keys keys")[:2] == (PASSED, "none")
    # other users' keys fail; an empty file and root's "log in as" notice do not
    keys = ("bob /home/bob/.ssh/authorized_keys keys\nroot /root/.ssh/authorized_keys notice\n"
            "carol /home/carol/.ssh/authorized_keys empty")
    got = verdict("default-accounts", shadow="root locked", user="azureuser", authorized_keys=keys)
    assert got == (FAILED, "bob (/home/bob/.ssh/authorized_keys)", required,
                   "rm -f /home/bob/.ssh/authorized_keys  # or run 'waagent -deprovision+user' before capturing")


def test_iptables_every_branch():
    installed = "installed, no rules"
    assert verdict("iptables", iptables="not-installed") == \
        (WARNING, "not installed", installed, "Install iptables (it must be present, with no rules).")
    assert verdict("iptables", iptables="needs-root") == (SKIPPED, lc.NEEDS_SUDO, installed, "")
    assert verdict("iptables", iptables="-P INPUT ACCEPT\n-P OUTPUT ACCEPT") == (PASSED, "0 rule(s)", "no rules", "")
    assert verdict("iptables", iptables="-P INPUT DROP\n-A INPUT -j DROP\n-A INPUT -p tcp -j ACCEPT") == \
        (FAILED, "2 rule(s)", "no rules", "iptables -F && iptables -X, and remove saved rules (/etc/iptables/rules.v4).")
    assert verdict("iptables", iptables="-A INPUT -j DROP")[:2] == (FAILED, "1 rule(s)")
    assert verdict("iptables", iptables="iptables: Permission denied") == \
        (ERROR, "could not read the rules: iptables: Permission denied", "no rules", "")


def test_lis_drivers():
    need = "hv_vmbus, hv_storvsc, hv_netvsc, hv_utils"
    assert verdict("lis-drivers", modules="hv_vmbus.ko hv_storvsc.ko.xz hv_netvsc.ko.zst hv_utils ext4") == \
        (PASSED, "hv_netvsc, hv_storvsc, hv_utils, hv_vmbus", need, "")
    assert verdict("lis-drivers", modules="hv_vmbus hv_storvsc") == \
        (FAILED, "hv_storvsc, hv_vmbus", need,
         "Use a kernel with Linux Integration Services 3.0+ (Hyper-V drivers), e.g. the distribution's Azure kernel.")
    assert verdict("lis-drivers", modules="")[:2] == (FAILED, "none found")


@pytest.mark.parametrize("config", ["iface eth0 inet static", "  BOOTPROTO=none", "BOOTPROTO=static",
                                    "    dhcp4: no", "dhcp4: false", "IFACE ETH0 INET STATIC"])
def test_dhcp_static_configurations_fail(config):
    assert verdict("dhcp", network=f"auto eth0\n{config}\n") == \
        (FAILED, "static configuration", "DHCP on eth0, no custom network configuration",
         "Configure eth0 for DHCP (iface eth0 inet dhcp / BOOTPROTO=dhcp ONBOOT=yes).")


def test_dhcp_passes():
    assert verdict("dhcp", network="iface eth0 inet dhcp\ndhcp4: true\n# iface eth0 inet static")[:2] == (PASSED, "DHCP")
    assert verdict("dhcp", network="")[:2] == (PASSED, "no custom config")


NM_FIX = ("Configure eth0 for DHCP with the network service (ifupdown / network-scripts) and enable it, "
          "then systemctl disable NetworkManager")


@pytest.mark.parametrize("os_release,enabled,expected", [
    ('ID="centos"\nVERSION_ID="7"', True, (PASSED, "enabled", "enabled (CentOS 7 family)", "")),
    ('ID=rhel\nVERSION_ID="7.9"', False, (FAILED, "disabled", "enabled (CentOS 7 family)", "systemctl enable NetworkManager")),
    ("ID=ol\nVERSION_ID=\"7.9\"", True, (PASSED, "enabled", "enabled (CentOS 7 family)", "")),
    ('ID="centos"\nVERSION_ID="8"', True, (FAILED, "enabled", "disabled", NM_FIX)),
    ('ID=ubuntu\nVERSION_ID="7"', True, (FAILED, "enabled", "disabled", NM_FIX)),
    ("ID=ubuntu", False, (PASSED, "disabled", "disabled", "")),
])
def test_network_manager(os_release, enabled, expected):
    wants = "/etc/systemd/system/multi-user.target.wants/NetworkManager.service" if enabled else ""
    assert verdict("network-manager", network_manager=wants, os_release=os_release) == expected


def test_security_updates_are_not_determined():
    assert verdict("security-updates") == (SKIPPED, "not determined by this probe", "all security updates installed",
                                           "Run the distribution's update (apt-get upgrade / yum update --security) "
                                           "before capturing.")


def test_security_threats():
    required = "glibc ≥ 2.18 or patched (GHOST)"
    assert verdict("security-threats", glibc="") == (SKIPPED, "glibc version not readable", required, "")
    assert verdict("security-threats", glibc="ldd (GNU libc) 2.17") == \
        (WARNING, "2.17", required, "Update glibc from the distribution (GHOST, CVE-2015-0235).")
    assert verdict("security-threats", glibc="ldd (Debian GLIBC 2.36-9) 2.36") == (PASSED, "2.36", required, "")


SACK_REQUIRED = "a kernel with the 2019 SACK fix, or net.ipv4.tcp_sack = 0"
SACK_FIX = ("Update the kernel to the distribution's release with the SACK fix (CVE-2019-11477), or set "
            "net.ipv4.tcp_sack = 0 in /etc/sysctl.d/ and run sysctl --system.")


@pytest.mark.parametrize("release,sack,expected", [
    ("4.15.0-1", "0", (PASSED, "net.ipv4.tcp_sack = 0", SACK_REQUIRED, "")),
    ("weird", "1", (ERROR, "kernel version not readable: weird", SACK_REQUIRED, SACK_FIX)),
    ("4.19.51-azure", "1", (FAILED, "4.19.51-azure", SACK_REQUIRED, SACK_FIX)),
    ("4.19.52-azure", "", (PASSED, "4.19.52-azure", SACK_REQUIRED, "")),
    ("5.2.0-1", "1", (PASSED, "5.2.0-1", SACK_REQUIRED, "")),
    ("5.3.1", "1", (PASSED, "5.3.1", SACK_REQUIRED, "")),
    ("6.8.0-1015-azure", "1", (PASSED, "6.8.0-1015-azure", SACK_REQUIRED, "")),
    ("4.5.0", "1", (WARNING, "4.5.0 (a distribution kernel: confirm it carries the SACK fix)", SACK_REQUIRED, SACK_FIX)),
    ("3.10.0-1160.el7.x86_64", "1",
     (WARNING, "3.10.0-1160.el7.x86_64 (a distribution kernel: confirm it carries the SACK fix)", SACK_REQUIRED, SACK_FIX)),
])
def test_tcp_sack(release, sack, expected):
    assert verdict("tcp-sack", PC, uname_r=release, tcp_sack=sack) == expected


def test_tcp_sack_is_only_in_profiles_that_list_kernels():
    assert "tcp-sack" not in {c.id for c in lc.cases_for(GUIDE)}
    assert "tcp-sack" in {c.id for c in lc.cases_for(PC)}
    assert judge(parse_sections("@@@end\n"), GUIDE, only={"tcp-sack"}) == []


def test_every_case_has_its_test_id_and_sections():
    ids = {c.id: c.test_id for c in lc.CASES}
    assert ids["bash-history"] == "48" and ids["tcp-sack"] == "52" and ids["client-alive-interval"] == "46"
    assert len(lc.CASES) == 24 + 17 and len({c.id for c in lc.CASES}) == 24 + 17
    assert all(c.source for c in lc.CASES)
    assert all("microsoft/lisa" in c.source for c in lc.CASES if c.lisa)


def test_long_unreadable_values_are_cut_in_the_actual_value():
    noise = "x" * 200
    text = f"path /usr/sbin/waagent\n{noise}"
    assert agent(PC, text)[1] == f"version not readable: {text[:80]}"
    assert verdict("tcp-sack", PC, uname_r="k" * 100, tcp_sack="1")[1] == f"kernel version not readable: {'k' * 60}"
    assert verdict("iptables", iptables="e" * 300)[1] == f"could not read the rules: {'e' * 120}"


def test_the_last_of_several_root_mounts_and_short_lines():
    mounts = "/dev/sda1 / ext4 rw 0 0\n/dev/sdb1 / ext4 rw 0 0\n/dev/sdc1 / ext4 rw 0 0\nodd /"
    assert verdict("root-partition", mounts=mounts)[:2] == (PASSED, "/dev/sdc1")
    assert verdict("root-partition", mounts="odd /")[0] == ERROR


def test_os_release_values_may_hold_an_equals_sign():
    assert lc.system_info({"os_release": 'PRETTY_NAME="A=B Linux"\nNAME=x'})["OSDistro"] == "A=B Linux"


def test_values_with_separators_inside_are_kept_whole():
    assert lc._conf_value("ResourceDisk.MountOptions=a=b,c\n", "ResourceDisk.MountOptions") == "a=b,c"
    assert lc._sshd_value("Banner /etc/issue net extra\n", "Banner") == "/etc/issue net extra"


def test_the_agent_version_is_the_first_one_after_the_path_line():
    output = ("path /usr/sbin/waagent\nwaagent: a notice without a number\nWALinuxAgent-2.2.45 running on ubuntu 18.04\n"
              "Python: 3.6.9\nGoal state agent: 2.7.0.6")
    assert agent(GUIDE, output)[:2] == (PASSED, "2.2.45")


def test_at_the_minimum_no_fix_is_offered():
    assert verdict("python-version", PC, python="Python 3.9") == (PASSED, "3.9", "≥ 3.9", "")
    assert verdict("security-threats", glibc="ldd (GNU libc) 2.18")[3] == ""


def test_three_field_lines_count():
    assert verdict("swap-partition", swaps="Filename", fstab="/dev/sdb2 none swap")[:2] == (FAILED, "/dev/sdb2")
    assert verdict("root-partition", mounts="/dev/sda1 / ext4")[:2] == (PASSED, "/dev/sda1")
    assert verdict("root-partition", mounts="/dev/sda1 / ext4 rw 0 0\nrootfs / rootfs rw 0 0")[:2] == (PASSED, "/dev/sda1")


def test_every_section_but_the_last_is_whole_when_the_probe_is_cut():
    evidence = parse_sections("@@@uname_m\nx86_64\n@@@python\nPython 3.11\n@@@ipv6\n1")
    results = {r.id: r.result for r in judge(evidence, GUIDE, only={"os-architecture", "python-version", "ipv6"})}
    assert results == {"os-architecture": PASSED, "python-version": PASSED, "ipv6": ERROR}


def test_the_newest_listed_series_is_judged_by_its_own_first_fix():
    later_fix = dataclasses.replace(PC, linux_sack_fixed_kernels={"4.19": "4.19.52", "5.2": "5.2.3"})
    assert verdict("tcp-sack", later_fix, uname_r="5.2.1", tcp_sack="1")[0] == FAILED
    assert verdict("tcp-sack", later_fix, uname_r="5.2.3", tcp_sack="1")[0] == PASSED
    assert verdict("tcp-sack", later_fix, uname_r="5.3.0", tcp_sack="1")[0] == PASSED


# ---- More Linux cases both ways with the exact verdict, from lines a VM may send: network lines cut
# (was test_rules_linux_more.py)

STATIC = (FAILED, "static configuration", "DHCP on eth0, no custom network configuration",
          "Configure eth0 for DHCP (iface eth0 inet dhcp / BOOTPROTO=dhcp ONBOOT=yes).")


@pytest.mark.parametrize("line", ["iface eth0 inet", "dhcp4:", "  dhcp4:", "iface"])
def test_a_network_line_cut_short_is_not_static_and_not_an_error(line):
    assert verdict("dhcp", network=f"auto eth0\n{line}\n") == (
        PASSED, "DHCP", "DHCP on eth0, no custom network configuration", "")


@pytest.mark.parametrize("line", ["BOOTPROTO=static   # was dhcp", "BOOTPROTO='none' ONBOOT=yes", "dhcp4:no",
                                  "dhcp4: no # netplan", "dhcp4:no  # see: netplan docs"])
def test_the_first_word_of_a_line_decides(line):
    assert verdict("dhcp", network=f"{line}\n") == STATIC


def test_the_arm64_serial_console_counts_on_arm64_only():
    ama = "BOOT_IMAGE=/vmlinuz root=/dev/sda1 console=ttyAMA0"
    assert verdict("kernel-params", PC, cmdline=ama, grub="", uname_m="aarch64") == (PASSED, ama, "console=ttyS0", "")
    assert verdict("kernel-params", PC, cmdline=ama, grub="", uname_m="x86_64") == (
        FAILED, ama, "console=ttyS0", "Add 'console=ttyS0' to GRUB_CMDLINE_LINUX in /etc/default/grub, then run "
                                      "update-grub (or grub2-mkconfig -o /boot/grub2/grub.cfg) and reboot.")


def test_a_case_reading_an_unavailable_section_is_skipped_with_the_first_reason():
    """The offline pre-flight has no running system: such a case is Skipped, its reason as what was found,
    with the value it requires all the same; the other cases are judged."""
    evidence = parse_sections("@@@swaps\nFilename Type\n@@@fstab\n\n@@@network\n\n@@@end\n")
    unavailable = {"swaps": "not in an image file (swap is active only on a running system)", "fstab": "second reason"}
    swap, dhcp = judge(evidence, GUIDE, only={"swap-partition", "dhcp"}, unavailable=unavailable)
    assert (swap.id, swap.result, swap.actual, swap.required, swap.remediation) == (
        "swap-partition", SKIPPED, "not in an image file (swap is active only on a running system)",
        verdict("swap-partition", swaps="Filename Type", fstab="")[2], "")
    assert (dhcp.id, dhcp.result) == ("dhcp", PASSED)
    (swap,) = judge(evidence, GUIDE, only={"swap-partition"}, unavailable={"fstab": "second reason"})
    assert (swap.result, swap.actual) == (SKIPPED, "second reason")


# -- issue #31: LISA's rules under Partner Center ------------------------------------------------------
@pytest.mark.parametrize("os_release,family,version", [
    ('ID=debian\nVERSION_ID="12"', "debian", (12,)),
    ('ID=ubuntu\nVERSION_ID="22.04"', "ubuntu", (22, 4)),
    ('ID="rhel"\nVERSION_ID="9.4"', "redhat", (9, 4)),
    ('ID="centos"\nVERSION_ID="7"', "redhat", (7,)),
    ('ID="almalinux"\nVERSION_ID="9.3"', "redhat", (9, 3)),
    ('ID="rocky"\nVERSION_ID="8.9"', "redhat", (8, 9)),
    ('ID="ol"\nVERSION_ID="8.10"', "redhat", (8, 10)),
    ('ID=fedora\nVERSION_ID=39', "fedora", (39,)),
    ('ID="sles"\nVERSION_ID="15.5"', "suse", (15, 5)),
    ('ID="opensuse-leap"\nVERSION_ID="15.5"', "suse", (15, 5)),
    ('ID=azurelinux\nVERSION_ID="3.0"', "mariner", (3, 0)),
    ('ID=mariner\nVERSION_ID="2.0"', "mariner", (2, 0)),
    ('ID=flatcar\nVERSION_ID=3815.2.0', "coreos", (3815, 2, 0)),
    ('ID=mint\nID_LIKE="ubuntu debian"\nVERSION_ID="21"', "ubuntu", (21,)),
    ("", "", ()),
])
def test_distribution_classifier(os_release, family, version):
    d = lc.classify(os_release)
    assert (d.family, d.version) == (family, version)


def test_network_manager_today_only_on_the_fedora_family_below_7():
    nm = "exists /usr/sbin/NetworkManager"
    wants = "NetworkManager.service"
    rhel9 = verdict("network-manager", PC, os_release='ID="rhel"\nVERSION_ID="9.4"', network_files=nm, network_manager=wants)
    assert rhel9[0] == SKIPPED and rhel9[1].startswith("Not applicable") and rhel9[3] == ""
    assert verdict("network-manager", PC, os_release="ID=ubuntu\nVERSION_ID=22.04", network_manager=wants)[0] == SKIPPED
    old = verdict("network-manager", PC, os_release='ID="centos"\nVERSION_ID="6.10"', network_files=nm)
    assert old[:2] == (FAILED, "installed") and "ifcfg-eth0" in old[3]
    assert verdict("network-manager", PC, os_release='ID="centos"\nVERSION_ID="6.10"')[0] == PASSED


def test_console_with_its_speed_passes():
    for profile in (GUIDE, PC):
        got = verdict("kernel-params", profile, cmdline="root=/dev/sda1 console=ttyS0,115200n8 earlyprintk=ttyS0 rootdelay=300")
        assert got[0] == PASSED
    assert verdict("kernel-params", PC, cmdline="console=ttyS01")[0] == FAILED
    # LISA's fallback: the boot log's "console [ttyS0] enabled" (a console set without console=)
    assert verdict("kernel-params", PC, cmdline="quiet", console_log="[    0.1] printk: console [ttyS0] enabled")[:2] == \
        (PASSED, "console [ttyS0] enabled (boot log)")
    assert verdict("kernel-params", GUIDE, cmdline="quiet", console_log="[    0.1] printk: console [ttyS0] enabled")[0] == FAILED


def test_built_in_hyper_v_drivers_count_online():
    builtin = "\n".join(f"kernel/drivers/{m}.ko" for m in ("hv/hv_vmbus", "hv/hv_utils", "scsi/hv_storvsc", "net/hyperv/hv_netvsc"))
    assert verdict("lis-drivers", PC, modules=builtin)[0] == PASSED


def test_iptables_is_no_rule_of_today():
    got = verdict("iptables", PC, iptables="-P INPUT ACCEPT\n-A DOCKER -j RETURN")
    assert got[0] == SKIPPED and got[1].startswith("Not applicable")


RHEL9 = 'ID="rhel"\nVERSION_ID="9.4"'
UBUNTU = 'ID=ubuntu\nVERSION_ID="22.04"'


def test_lisa_grub_config_per_distribution():
    clean = "### /boot/grub/grub.cfg\n"
    assert verdict("grub-config", PC, os_release=UBUNTU, grub_files=clean)[0] == PASSED
    bad = verdict("grub-config", PC, os_release=UBUNTU, grub_files="### /boot/grub/grub.cfg\nlibata.atapi_enabled=0")
    assert bad[0] == FAILED and "libata" in bad[3]
    assert verdict("grub-config", PC, os_release=RHEL9, grub_files="### /boot/grub2/grubenv\n")[0] == PASSED
    assert verdict("grub-config", PC, os_release=RHEL9, grub_files="needs-root")[:2] == (SKIPPED, lc.NEEDS_SUDO)
    assert verdict("grub-config", PC, os_release=RHEL9, grub_files="### /boot/grub2/grub.cfg\n")[0] == FAILED  # 8+: grubenv
    assert verdict("grub-config", PC, os_release="ID=arch", grub_files="")[1].startswith("Not applicable")


def test_lisa_network_files():
    rhel = 'ID="rhel"\nVERSION_ID="8.9"'
    ifcfg = "### /etc/sysconfig/network-scripts/ifcfg-eth0\nDEVICE=eth0\nBOOTPROTO=dhcp\nONBOOT=yes"
    assert verdict("ifcfg-eth0", PC, os_release=rhel, network_files=ifcfg)[0] == PASSED
    assert verdict("ifcfg-eth0", PC, os_release=rhel, network_files="")[:2] == (FAILED, "missing")
    assert verdict("ifcfg-eth0", PC, os_release=UBUNTU)[0] == SKIPPED
    assert verdict("network-file", PC, os_release=rhel, network_files="### /etc/sysconfig/network\nNETWORKING=yes")[0] == PASSED
    assert verdict("network-file", PC, os_release=rhel, network_files="")[0] == FAILED
    assert verdict("network-file", PC, os_release="ID=fedora\nVERSION_ID=40",
                   network_files="exists /etc/NetworkManager/system-connections/cloud-init-eth0.nmconnection")[0] == PASSED
    assert verdict("network-file", PC, os_release='ID=azurelinux\nVERSION_ID="3.0"',
                   network_files="### /etc/systemd/networkd.conf\n[Network]")[0] == PASSED
    assert verdict("udev-rules", PC, os_release=rhel, network_files="exists /etc/udev/rules.d/70-persistent-net.rules")[:2] == \
        (FAILED, "/etc/udev/rules.d/70-persistent-net.rules")
    sles = 'ID="sles"\nVERSION_ID="15.5"'
    assert verdict("dhcp-hostname", PC, os_release=sles,
                   network_files='### /etc/sysconfig/network/dhcp\nDHCLIENT_SET_HOSTNAME="no"')[0] == PASSED
    assert verdict("dhcp-hostname", PC, os_release=sles,
                   network_files='### /etc/sysconfig/network/dhcp\nDHCLIENT_SET_HOSTNAME="yes"')[0] == FAILED
    assert verdict("yum-conf", PC, os_release=rhel)[0] == SKIPPED
    assert verdict("yum-conf", PC, os_release='ID=centos\nVERSION_ID="6.5"', network_files="### /etc/yum.conf\nx=1")[0] == FAILED


def test_lisa_repositories_omi_kernel_config_pmu_kvp():
    apt = ("### /etc/apt/sources.list\ndeb http://azure.archive.ubuntu.com/ubuntu/ jammy main\n"
           "deb http://azure.archive.ubuntu.com/ubuntu/ jammy-updates main\ndeb http://azure.archive.ubuntu.com/ubuntu/ jammy-security main")
    assert verdict("repositories", PC, os_release=UBUNTU, repos=apt, uname_m="x86_64")[0] == PASSED
    assert verdict("repositories", PC, os_release=UBUNTU, repos=apt.replace("azure.archive", "archive"), uname_m="x86_64")[0] == FAILED
    mariner = "### /etc/yum.repos.d/azurelinux-official-base.repo\n" + "\n".join(
        f"[{r}]\nenabled=1" for r in ("azurelinux-official-base", "azurelinux-official-ms-non-oss", "azurelinux-official-ms-oss"))
    assert verdict("repositories", PC, os_release='ID=azurelinux\nVERSION_ID="3.0"', repos=mariner)[0] == PASSED
    assert verdict("omi-version", PC, omi="")[0] == PASSED
    assert verdict("omi-version", PC, omi="ii  omi    1.6.8.0    amd64  Open Management Infrastructure")[0] == FAILED
    assert verdict("omi-version", PC, omi="omi-1.9.1-0.x86_64")[0] == PASSED
    assert verdict("kernel-modules", PC, kernel_config="### /boot/config-6\nCONFIG_WATCHDOG=y\nCONFIG_CIFS=m")[0] == PASSED
    assert verdict("kernel-modules", PC, kernel_config="### /boot/config-6\nCONFIG_WATCHDOG=y")[0] == FAILED
    assert verdict("kernel-modules", PC, kernel_config="")[0] == SKIPPED
    assert verdict("arm64-pmu", PC, uname_m="x86_64")[0] == SKIPPED
    assert verdict("arm64-pmu", PC, uname_m="aarch64", cmdline="console=ttyAMA0")[0] == FAILED
    assert verdict("arm64-pmu", PC, uname_m="aarch64", cmdline="console=ttyAMA0 initcall_blacklist=arm_pmu_acpi_init")[0] == PASSED
    assert verdict("kvp-daemon", PC, os_release=UBUNTU, processes="")[0] == PASSED  # optional on Debian
    assert verdict("kvp-daemon", PC, os_release='ID=azurelinux\nVERSION_ID="3.0"', processes="")[0] == FAILED
    assert verdict("kvp-daemon", PC, os_release='ID=azurelinux\nVERSION_ID="3.0"', processes="hypervkvpd")[0] == PASSED


def test_lisa_running_system_cases():
    assert verdict("boot-log", PC, boot_log="")[0] == PASSED
    assert verdict("boot-log", PC, boot_log="[    1.0] floppy: error -5 while reading block 0")[0] == PASSED
    assert verdict("boot-log", PC, boot_log="kernel: foo.service failed to start")[0] == FAILED
    assert verdict("boot-log", PC, boot_log="needs-root")[:2] == (SKIPPED, lc.NEEDS_SUDO)
    az = 'ID=azurelinux\nVERSION_ID="3.0"'
    assert verdict("cloud-init", PC, os_release=UBUNTU)[0] == SKIPPED
    assert verdict("cloud-init", PC, os_release=az, cloud_init="log present\nstatus 0")[0] == PASSED
    assert verdict("cloud-init", PC, os_release=az, cloud_init="log present\nx [WARNING]: y\nstatus 0")[0] == FAILED
    disk = "mountpoint /mnt\nmounted /dev/sdb1 ext4\nlost+found\nreadme\nreadme-warning"
    assert verdict("resource-disk-readme", PC, resource_disk=disk)[0] == PASSED
    assert verdict("resource-disk-readme", PC, resource_disk="mountpoint /mnt\nmounted /dev/sdb1 ext4")[0] == FAILED
    assert verdict("resource-disk-readme", PC, resource_disk="mountpoint /mnt")[0] == SKIPPED
    assert verdict("resource-disk-fs", PC, resource_disk="mountpoint /mnt\nmounted /dev/sdb1 ntfs")[0] == FAILED
    assert verdict("floppy-module", PC, modules="floppy\nhv_vmbus")[0] == FAILED
    assert verdict("swap-agent", PC, swaps="Filename", waagent_conf="ResourceDisk.EnableSwap=n")[0] == PASSED
    assert verdict("swap-agent", PC, swaps="Filename\n/mnt/resource/swapfile file 1 0 -2",
                   waagent_conf="ResourceDisk.EnableSwap=y")[0] == PASSED
    assert verdict("swap-agent", PC, swaps="Filename", waagent_conf="ResourceDisk.EnableSwap=y")[0] == FAILED

# -- the boot log, as LISA's verify_boot_error_fail_warnings ignores lines -------------------------------
# Lines as LISA's ignorable patterns have them, and near misses that LISA fails (the old substrings
# "kdumpctl", "ephemeral disk", "dev sr0", "op=PAM:setcred" passed them all).
LISA_IGNORES = [
    "kdumpctl[812]: Warning: There might not be enough space to save a vmcore (warning).",
    "cloud-init[900]: Write warning to Azure ephemeral disk",
    "[    2.1] Buffer I/O error on dev sr0, logical block 12, async page read",
    "[    2.1] Buffer I/O error on dev sr0, logical block 12, async page read\r",
    "[    2.2] blk_update_request: I/O error, dev sr0, sector 8 op 0x0:(READ) flags 0x80700 phys_seg 1 prio class 2",
    " Enable it by using bert_enable as kernel parameter (warning)",
    "dbus-daemon[1]: [system] Activation via systemd failed for unit 'dbus-org.freedesktop.resolve1.service': "
    "Unit dbus-org.freedesktop.resolve1.service not found.",
    "ib_srpt srpt_add_one(mlx5_0) failed.",
    "kernel: ACPI: _OSC evaluation for CPUs failed, trying _PDC",
    'microcode_ctl: kernel version 5.14 failed early load check for "intel-06-4f-01", skipping',
    "[    1.0] floppy: error -5 while reading block 0",
]
LISA_FAILS = [
    "kdumpctl[812]: kdump: error: failed to start the kdump service",
    "ephemeral disk mount failed",
    "[    2.1] Buffer I/O error on dev sr0, logical block x, async page read",
    "[    2.2] blk_update_request: I/O error, dev sr0, sector 8 op 0x0:(READ) flags 0x80700 phys_seg 1 prio class 2 more",
    "sr 0:0:0:0: [sr0] dev sr0: media error",
    "x Enable it by using bert_enable as kernel parameter (warning)",
    "audit: type=1103 audit(1737017476.442:257): pid=1 uid=0 msg='op=PAM:setcred grantors=? acct=\"root\" res=failed'",
    "kernel: ACPI: _OSC evaluation for CPUs failed, trying _PDC later",
    "smartd[1]: Device: /dev/sda, Bad IEC (SMART) mode page, err=5, skip device (error)",  # a group: LISA ignores nothing
    "smartd[1]: Device: /dev/sda, Bad IEC \\SMART\\ mode page, err=5, skip device (error)",  # so not this either
    "Unconfined exec qualifier (ux) allows some dangerous environment variables (warning)",
    'microcode_ctl[7]: kernel version 5.14 failed early load check for "intel-06-4f-01", skipping',  # LISA: "microcode_ctl:"
]


@pytest.mark.parametrize("line", LISA_IGNORES)
def test_boot_log_lines_lisa_ignores_pass(line):
    assert any(w in line for w in ("fail", "error", "warning"))  # a line LISA looks at
    assert lc.boot_log_ignored(line)
    assert verdict("boot-log", PC, boot_log=line)[0] == PASSED


@pytest.mark.parametrize("line", LISA_FAILS)
def test_boot_log_lines_lisa_fails_fail(line):
    assert any(w in line for w in ("fail", "error", "warning"))
    assert not lc.boot_log_ignored(line)
    result, actual, _required, fix = verdict("boot-log", PC, boot_log=f"{LISA_IGNORES[0]}\n{line}")
    assert (result, actual) == (FAILED, line.strip()[:160]) and fix


def test_boot_log_lines_without_fail_error_warning_are_not_lisas_concern():
    assert verdict("boot-log", PC, boot_log="Failed to start foo.service\nplain line")[0] == PASSED  # "Failed": capital F
    assert verdict("boot-log", PC, boot_log="x: Warning: it failed")[0] == FAILED


def _lisa_regexes():
    import re

    return [re.compile(f"^({source})$", re.M) for source in lc._LISA_BOOT_LOG_IGNORED]


def _lisa_ignores(regexes, line: str) -> bool:
    """LISA's own test, on a line as LISA reads it (CR LF endings): findall over the text, whole lines compared."""
    text = f"{line}\r\n"
    return any(line + "\r" in r.findall(text) for r in regexes)


NEAR = st.sampled_from(LISA_IGNORES + LISA_FAILS)


@settings(max_examples=400, deadline=None)
@given(NEAR, st.integers(0, 200), st.sampled_from(["", "x", "0", "9", " ", "(", ".", "\\", "a", "F"]),
       st.text(st.characters(blacklist_characters="\n\r"), max_size=6), st.booleans())
def test_boot_log_matcher_agrees_with_lisas_regexes(line, at, put, extra, cut):
    """Near misses of LISA's lines (a character replaced, cut or added): the linear matcher answers as Python's
    re with LISA's patterns (the regexes run only here, on short lines)."""
    line = line.rstrip("\r")
    at = min(at, len(line))
    mutated = line[:at] + put + (line[at + 1:] if cut else line[at:]) + extra
    assert lc.boot_log_ignored(mutated) == _lisa_ignores(_lisa_regexes(), mutated), mutated


def _example(source: str) -> str:
    """A line made from a LISA pattern's own text: gaps a space, digits 12, hex 8f, escapes their character."""
    text = source.replace(".*", " ").replace(r"\d+", "12").replace("[0-9a-fA-F]+", "8f").removesuffix(r"\r")
    text = text.replace(r"\\[gnutls error -64: Error while reading file.\\]", "\\\\g")
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\":
            out.append(text[i + 1])
            i += 2
        else:
            out.append("" if text[i] in "()" else text[i])
            i += 1
    return "".join(out) + ("" if source.endswith(r"\r") else " error")  # a line LISA looks at


def test_every_lisa_pattern_matches_its_own_example_as_lisas_regex_does():
    import re

    ignoring = 0
    for source in lc._LISA_BOOT_LOG_IGNORED:
        pattern, example = lc._lisa_pattern(source), _example(source)
        lisa = _lisa_ignores([re.compile(f"^({source})$", re.M)], example)
        assert (pattern is not None and pattern.matches(example)) == lisa, (source, example)
        ignoring += lisa
    assert ignoring == len(lc.BOOT_LOG_IGNORED) == len(lc._LISA_BOOT_LOG_IGNORED) - 2  # SMART and ux: groups


def test_boot_log_matching_stays_linear_on_long_lines():
    """A 2 MiB line of near matches (every segment's first text, again and again) is judged in well under a second
    per pattern set: the matcher never backtracks."""
    import time

    line = ("dbus-daemon: .system Activation via systemd failed for unit 'dbus-org" * 4000
            + " I/O error, dev sr0, sector 1 op 0x0:(READ) flags 0x1 phys_seg 1 prio class " * 4000)[:2 * 1024 * 1024]
    start = time.monotonic()
    assert not lc.boot_log_ignored(line + "x")
    assert time.monotonic() - start < 5



def test_an_include_loop_reads_each_file_once():
    dropins = "".join(f"### /etc/ssh/sshd_config.d/{i:03}.conf\nInclude /etc/ssh/sshd_config.d/*.conf\n" for i in range(300))
    import time

    start = time.monotonic()
    assert lc.sshd_effective("Include /etc/ssh/sshd_config.d/*.conf", dropins, "ClientAliveInterval") == (None, "")
    assert time.monotonic() - start < 2


SECTION_TEXT = st.lists(st.one_of(st.text(alphabet=list("abcDEF0129 =:,./#-_[]*!\"'\t@"), max_size=40),
                                  st.sampled_from(["### /etc/x", "needs-root", "exists /usr/sbin/NetworkManager",
                                                   "swap /x file - -", "root /dev/mapper/vg-root", "mounted /dev/sdb1"])),
                        max_size=12).map("\n".join)


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_any_probe_text_gives_a_verdict_never_a_crash(data):
    """Every section comes from the VM: any text gives one of the result words, never an exception."""
    sections = {name: data.draw(SECTION_TEXT) for case in lc.CASES for name in case.sections}
    sections["os_release"] = data.draw(st.sampled_from([RHEL9, UBUNTU, 'ID=azurelinux\nVERSION_ID="3.0"', 'ID="sles"',
                                                       "ID=fedora\nVERSION_ID=40", 'ID=centos\nVERSION_ID="6.5"', ""]))
    text = "".join(f"@@@{k}\n{v}\n" for k, v in sections.items()) + "@@@end\n"
    for profile in (GUIDE, PC):
        for r in judge(parse_sections(text), profile):
            assert r.result in (PASSED, WARNING, FAILED, ERROR, SKIPPED)
            assert not r.actual.startswith("could not be determined"), (r.id, r.actual)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_classify_takes_any_os_release(text):
    d = lc.classify(text)
    assert d.family in ("", "debian", "ubuntu", "redhat", "fedora", "suse", "mariner", "coreos")
    assert isinstance(d.shown(), str)


def test_a_history_only_root_reads_without_sudo_is_skipped():
    got = verdict("bash-history", PC, history="0 /home/azureuser/.bash_history\nunreadable /root")
    assert got[0] == SKIPPED and got[1].startswith(lc.NEEDS_SUDO) and "/root" in got[1]
    assert verdict("bash-history", PC, history="0 /root/.history\n0 /home/a/.bash_history")[0] == PASSED
    assert verdict("bash-history", PC, history="12 /home/a/.history")[:2] == (FAILED, "/home/a/.history 12 bytes")


# -- review against LISA's code (lisa/operating_system.py, azure_image_standard.py) ---------------------------
@pytest.mark.parametrize(("os_release", "redhat_release", "family", "version"), [
    # LISA Redhat._get_information: /etc/redhat-release first (CentOS 7's os-release says only "7")
    ('ID="centos"\nVERSION_ID="7"', "CentOS Linux release 7.9.2009 (Core)", "redhat", (7, 9, 2009)),
    ('ID="rhel"\nVERSION_ID="9.4"', "Red Hat Enterprise Linux release 9.4 (Plow)", "redhat", (9, 4)),
    # RHEL / CentOS 6 have no os-release: LISA tells them by /etc/redhat-release's first word
    ("", "CentOS release 6.10 (Final)", "redhat", (6, 10)),
    ("", "Red Hat Enterprise Linux Server release 6.5 (Santiago)", "redhat", (6, 5)),
    ("", "Fedora release 20 (Heisenbug)", "fedora", (20,)),
    ("", "not a release line", "", ()),
    # other families keep os-release's VERSION_ID (a stray redhat-release does not turn Ubuntu into RHEL)
    ('ID=ubuntu\nVERSION_ID="22.04"', "Red Hat Enterprise Linux release 9.4 (Plow)", "ubuntu", (22, 4)),
])
def test_the_rhel_family_version_comes_from_redhat_release(os_release, redhat_release, family, version):
    d = lc.classify(os_release, redhat_release)
    assert (d.family, d.version) == (family, version)


def test_centos_7_9_is_judged_for_the_floppy_module_as_lisa_does():
    centos7 = 'ID="centos"\nVERSION_ID="7"\nPRETTY_NAME="CentOS Linux 7 (Core)"'
    # LISA's Floppy suite skips CentOS below 7.8.0, with the version from /etc/redhat-release
    judged = verdict("floppy-module", PC, os_release=centos7, redhat_release="CentOS Linux release 7.9.2009 (Core)",
                     modules="floppy\nhv_vmbus")
    assert judged[:2] == (FAILED, "loaded") and "blacklist floppy" in judged[3]
    old = verdict("floppy-module", PC, os_release=centos7, redhat_release="CentOS Linux release 7.7.1908 (Core)",
                  modules="floppy")
    assert old[0] == SKIPPED and old[1].startswith("Not applicable")


def test_rhel_6_without_os_release_is_judged_by_the_rhel_6_rules():
    rhel6 = "Red Hat Enterprise Linux Server release 6.5 (Santiago)"
    nm = verdict("network-manager", PC, redhat_release=rhel6, network_files="exists /usr/sbin/NetworkManager")
    assert nm[:2] == (FAILED, "installed")
    assert verdict("network-manager", PC, redhat_release=rhel6, network_files="")[0] == PASSED
    yum = verdict("yum-conf", PC, redhat_release=rhel6, network_files="### /etc/yum.conf\n[main]\nhttp_caching=all")
    assert yum[:2] == (FAILED, "not set")
    assert verdict("yum-conf", PC, redhat_release=rhel6,
                   network_files="### /etc/yum.conf\n[main]\nhttp_caching=packages")[0] == PASSED
    grub = verdict("grub-config", PC, redhat_release=rhel6, grub_files="### /boot/grub2/grub.cfg\nlibata.atapi_enabled=0")
    assert grub[0] == FAILED and "numa=off missing" in grub[1]
    assert verdict("grub-config", PC, redhat_release=rhel6, grub_files="### /boot/grub2/grub.cfg\nnuma=off")[0] == PASSED
    # without either file the distribution is unknown: not applicable, never a guess
    assert verdict("yum-conf", PC, network_files="### /etc/yum.conf\n[main]")[0] == SKIPPED


def test_the_connecting_users_own_history_is_left_out_as_lisa_does():
    history = "120 /home/azureuser/.bash_history\n0 /root/.bash_history"
    mine = verdict("bash-history", PC, history=history, user_home="/home/azureuser")
    assert mine[:2] == (PASSED, "/root/.bash_history 0 bytes")
    # another user's history still fails, and so does the connecting user's under the 2015 guide
    other = verdict("bash-history", PC, history=history + "\n5 /home/bob/.zsh_history", user_home="/home/azureuser")
    assert other[:2] == (FAILED, "/root/.bash_history 0 bytes, /home/bob/.zsh_history 5 bytes")
    assert verdict("bash-history", PC, history=history, user_home="")[0] == FAILED  # offline: nobody is connected
    assert verdict("bash-history", PC, history=history, user_home="/home/azure")[0] == FAILED  # a prefix is not the home
    guide = verdict("bash-history", GUIDE, history="2000 /home/azureuser/.bash_history", user_home="/home/azureuser")
    assert guide[0] == FAILED
    # a home only root reads is not a reason to skip when it is the connecting user's own
    assert verdict("bash-history", PC, history="unreadable /home/azureuser", user_home="/home/azureuser")[0] == PASSED


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_classify_takes_any_redhat_release(os_release, redhat_release):
    d = lc.classify(os_release, redhat_release)
    assert d.family in ("", "debian", "ubuntu", "redhat", "fedora", "suse", "mariner", "coreos")
    assert all(isinstance(n, int) for n in d.version) and len(d.version) <= 4
    assert isinstance(d.shown(), str)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200), st.text(alphabet=list("/abc .\n"), max_size=60))
def test_bash_history_takes_any_user_home(history, home):
    for profile in (GUIDE, PC):
        r = run("bash-history", profile, history=history, user_home=home)
        assert r.result in (PASSED, FAILED, SKIPPED)


def test_flatcar_agent_conf_is_the_oem_one_and_its_fixes_edit_it():
    oem = "#@read-from /usr/share/oem/waagent.conf\nAutoUpdate.Enabled=n\nProvisioning.DeleteRootPassword=n"
    auto = verdict("auto-update", PC, waagent_conf=oem)
    assert auto[:2] == (WARNING, "n") and auto[3].endswith(" /usr/share/oem/waagent.conf") and "/etc/" not in auto[3]
    dep = verdict("deprovision-config", PC, waagent_conf=oem)
    assert dep[0] == WARNING and "/usr/share/oem/waagent.conf" in dep[3] and "/etc/waagent.conf" not in dep[3]
    # everywhere else the agent's file is /etc/waagent.conf
    etc = verdict("auto-update", PC, waagent_conf="AutoUpdate.Enabled=n")
    assert etc[3].endswith(" /etc/waagent.conf")
    assert verdict("swap-agent", PC, waagent_conf="#@read-from /usr/share/oem/waagent.conf\nResourceDisk.EnableSwap=y",
                   swaps="Filename Type Size Used Priority\n/mnt/resource/swapfile file 2097148 0 -2")[0] == PASSED


@pytest.mark.parametrize("shell", ["dash", "busybox"])
def test_the_probe_bounds_a_command_that_hangs_and_runs_plain_without_timeout(shell, tmp_path):
    """Every external command that may wait runs under `timeout` (GNU or busybox); a system without one runs it plain.
    (The probe only reads: run here on this machine, with a stand-in `openssl` that never answers.)"""
    import os
    import shutil
    import subprocess
    import time

    if not shutil.which(shell):
        pytest.skip(f"{shell} is not installed here")
    argv = [shell, "-s"] if shell == "dash" else [shell, "sh", "-s"]
    probe = lc.probe_script()
    hang = tmp_path / "hang"
    hang.mkdir()
    (hang / "openssl").write_text("#!/bin/sh\nexec sleep 300\n")
    (hang / "openssl").chmod(0o755)
    env = {**os.environ, "PATH": f"{hang}:{os.environ['PATH']}", "MPW_PROBE_WAIT": "1"}
    start = time.monotonic()
    out = subprocess.run(argv, input=probe, capture_output=True, text=True, env=env, timeout=120).stdout
    ev = parse_sections(out)
    # (busybox's sh reports the killed command as "Terminated", where the section's stderr goes)
    assert "end" in ev and ev["openssl"] in ("", "Terminated") and time.monotonic() - start < 60
    assert ev["python"].startswith("Python ")  # the other commands still answer
    # no usable `timeout` (both syntaxes refused): the command runs as it is
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "timeout").write_text("#!/bin/sh\nexit 125\n")
    (plain / "openssl").write_text("#!/bin/sh\necho 'OpenSSL 3.0.13 30 Jan 2024'\n")
    for f in plain.iterdir():
        f.chmod(0o755)
    env["PATH"] = f"{plain}:{os.environ['PATH']}"
    ev = parse_sections(subprocess.run(argv, input=probe, capture_output=True, text=True, env=env, timeout=120).stdout)
    assert ev["openssl"] == "OpenSSL 3.0.13 30 Jan 2024" and "end" in ev


def test_kernel_config_read_as_root_and_missing_fails_as_lisa_does():
    """LISA's KernelConfig greps /boot/config-<release> with sudo; without the file the tool is missing and the case fails."""
    need_root = verdict("kernel-modules", PC, kernel_config="### /boot/config-6.1\nneeds-root")
    assert need_root[:2] == (SKIPPED, lc.NEEDS_SUDO)
    missing = verdict("kernel-modules", PC, kernel_config="none")
    assert missing[:2] == (FAILED, "no /boot/config-<release> for the running kernel") and missing[3]
    flatcar = verdict("kernel-modules", PC, kernel_config="### /usr/boot/config-6.6.1\nCONFIG_WATCHDOG=y\nCONFIG_CIFS=m")
    assert flatcar[0] == PASSED
    assert verdict("kernel-modules", PC, kernel_config="")[0] == SKIPPED  # nothing known: no verdict


@pytest.mark.parametrize("shell", ["dash", "busybox"])
def test_the_probe_reads_at_most_64_kib_of_a_file(shell, tmp_path):
    """The probe's file reader (its own `C` function, taken from the script) caps a huge file and passes a small one whole."""
    import shutil
    import subprocess

    if not shutil.which(shell):
        pytest.skip(f"{shell} is not installed here")
    define = next(line for line in lc.probe_script().splitlines() if line.startswith("C() {"))
    big, small = tmp_path / "big conf", tmp_path / "small"
    big.write_text("ClientAliveInterval 180\n" * 20000)
    small.write_text("ID=debian\n")
    argv = ["dash", "-c"] if shell == "dash" else ["busybox", "sh", "-c"]
    out = subprocess.run([*argv, f'{define}\nC "$1"; echo "[$?]"; C "$2"; C "$3"; echo "[$?]"', "sh", str(big), str(small),
                          str(tmp_path / "absent")], capture_output=True, text=True, timeout=30).stdout
    assert out.startswith("ClientAliveInterval 180\n")
    first, rest = out.split("[0]\n", 1)
    assert len(first.encode()) == 65536
    assert rest == "ID=debian\n[1]\n"  # a file that is not there prints nothing


def test_suse_repositories_as_zypper_lr_lists_them():
    sles = 'ID="sles"\nVERSION_ID="15.5"'
    disabled_pool = ("### /etc/zypp/repos.d/Basesystem-Pool.repo\n[SLE-Module-Basesystem15-SP5-Pool]\nname=Pool\nenabled=0\n"
                     "### /etc/zypp/repos.d/Basesystem-Updates.repo\n[SLE-Module-Basesystem15-SP5-Updates]\nname=Updates\nenabled=1")
    # `zypper lr` lists a disabled repository too: LISA finds "Pool" in it
    assert verdict("repositories", PC, os_release=sles, repos=disabled_pool)[0] == PASSED
    assert verdict("repositories", PC, os_release=sles, repos=disabled_pool.replace("Pool", "Base"))[:2] == \
        (FAILED, "missing Pool")
    leap = 'ID="opensuse-leap"\nVERSION_ID="15.5"'

    def repo(alias: str, refresh: int) -> str:
        return f"### /etc/zypp/repos.d/{alias}.repo\n[{alias}]\nname={alias}\nenabled=1\nautorefresh={refresh}"

    updates = [repo(a, 1) for a in ("repo-update", "repo-backports-update", "repo-sle-update")]
    good = "\n".join([repo("repo-oss", 1), repo("repo-non-oss", 1), repo("repo-update-non-oss", 1)] + updates)
    assert verdict("repositories", PC, os_release=leap, repos=good)[0] == PASSED
    # LISA: more than 2 refreshed update repositories, and a refreshed oss one
    two = verdict("repositories", PC, os_release=leap, repos="\n".join([repo("repo-oss", 1)] + updates[:2]))
    assert two[:2] == (FAILED, "missing more than 2 refreshed update repositories (found 2)")
    stale = verdict("repositories", PC, os_release=leap, repos="\n".join([repo("repo-oss", 0)] + updates))
    assert stale[:2] == (FAILED, "missing a refreshed oss repository") and "zypper mr --refresh" in stale[3]


def test_fedora_39_network_manager_fix_does_not_contradict_the_network_file_case():
    """LISA fails NetworkManager on Fedora (not RHEL 7+), and on Fedora 39+ its network-file case wants NetworkManager's
    eth0 profile: the first case's fix must not remove what the second requires (nor take the network down)."""
    fedora40 = "ID=fedora\nVERSION_ID=40"
    nm = "exists /usr/sbin/NetworkManager\nexists /etc/NetworkManager/system-connections/cloud-init-eth0.nmconnection"
    got = verdict("network-manager", PC, os_release=fedora40, network_files=nm)
    assert got[:2] == (FAILED, "installed") and "remove" not in got[3].replace("removing it takes", "") and "Keep NetworkManager" in got[3]
    assert verdict("network-file", PC, os_release=fedora40, network_files=nm)[0] == PASSED
    old = verdict("network-manager", PC, os_release="ID=fedora\nVERSION_ID=38", network_files=nm)
    assert old[0] == FAILED and "yum remove NetworkManager" in old[3] and "ifcfg-eth0" in old[3]


def test_mariner_2_dhcp_hostname_fix_adds_to_what_dhclient_asks_for():
    mariner2 = "ID=mariner\nVERSION_ID=2.0"
    got = verdict("dhcp-hostname", PC, os_release=mariner2, network_files="### /etc/dhcp/dhclient.conf\ntimeout 300;")
    assert got[0] == FAILED and got[3] == "echo 'also request host-name;' >> /etc/dhcp/dhclient.conf"
    # the line the fix writes makes the case pass (LISA: the file contains "host-name")
    fixed = verdict("dhcp-hostname", PC, os_release=mariner2,
                    network_files="### /etc/dhcp/dhclient.conf\ntimeout 300;\nalso request host-name;")
    assert fixed[0] == PASSED


def test_sshd_files_only_root_reads_are_skipped_not_judged_from_half():
    """RHEL's sshd_config and drop-ins are 0600; LISA reads them with sudo. Without sudo -n the probe says needs-root."""
    for profile in (GUIDE, PC):
        main = verdict("client-alive-interval", profile, sshd_config="needs-root", sshd_dropins="", sshd_t="")
        assert main[:2] == (SKIPPED, f"{lc.NEEDS_SUDO} (/etc/ssh/sshd_config)")
        dropin = verdict("client-alive-interval", profile, sshd_config="Include /etc/ssh/sshd_config.d/*.conf\nClientAliveInterval 180",
                         sshd_dropins="### /etc/ssh/sshd_config.d/50-redhat.conf\nneeds-root", sshd_t="")
        assert dropin[:2] == (SKIPPED, f"{lc.NEEDS_SUDO} (/etc/ssh/sshd_config.d/50-redhat.conf)")
    # read (as root): judged
    read = verdict("client-alive-interval", PC, sshd_config="Include /etc/ssh/sshd_config.d/*.conf\nClientAliveInterval 180",
                   sshd_dropins="### /etc/ssh/sshd_config.d/50-redhat.conf\nX11Forwarding yes", sshd_t="")
    assert read[:2] == (PASSED, "180 (from /etc/ssh/sshd_config)")


def test_the_review_values_read_in_japanese():
    from wizard.check_text import check_value

    values = {
        f"{lc.NEEDS_SUDO} (/etc/ssh/sshd_config)": "sudo -n が必要 (接続ユーザーのパスワードなし sudo): root のファイル (/etc/ssh/sshd_config)",
        "no /boot/config-<release> for the running kernel": "実行中のカーネルの /boot/config-<release> がない",
        "oss and update repositories, refreshed (more than 2 update ones)": "oss と update のリポジトリがあり、更新が有効 (update は 3 つ以上)",
        "missing a refreshed oss repository": "更新が有効な oss リポジトリがない",
        "missing more than 2 refreshed update repositories (found 2)": "更新が有効な update リポジトリが 3 つ以上ない (2 つ)",
    }
    for english, japanese in values.items():
        assert check_value(english, "ja") == japanese
        assert check_value(english, "en") == english
