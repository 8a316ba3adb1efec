"""More Linux cases both ways with the exact verdict, from lines a VM may send: network lines cut
short, a trailing comment, ARM64's serial console only on ARM64, and the offline pre-flight's
Skipped cases (`unavailable` sections) with the first reason and the required value."""

from __future__ import annotations

import pytest
from test_rules_linux import GUIDE, PC, verdict

from wizard.core.linux_checks import FAILED, PASSED, SKIPPED, judge, parse_sections

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
