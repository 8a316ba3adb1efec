"""The VHD fix commands per host OS (#17): Hyper-V PowerShell (Convert-VHD / Resize-VHD) on Windows,
qemu-img on Linux and macOS, each path quoted for that shell, and how to get the tool. Real VHDs
made by qemu-img; the exact command text is asserted."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from wizard.core.profiles import load_profile
from wizard.core.vhd import GIB, MIB, inspect_file
from wizard.core.vhdcheck import check_vhd, fix_tool_hint

GUIDE = load_profile("publishing-guide-2015")


def fix_of(report, fid: str) -> str:
    return next(f.fix for f in report.findings if f.id == fid)


@pytest.fixture
def awkward_dynamic(make_vhd, tmp_path):
    """A dynamic VHD whose path has a blank, a single quote and a dollar sign."""
    path = make_vhd("30G", subformat="dynamic")
    odd = tmp_path / "it's $HOME disk.vhd"
    shutil.move(path, odd)
    return odd


def test_convert_per_host_os_with_each_shells_quoting(awkward_dynamic):
    info = inspect_file(str(awkward_dynamic))
    src = str(awkward_dynamic)
    out = src[:-4] + "-fixed.vhd"
    linux = fix_of(check_vhd(info, GUIDE, user_os="linux"), "disk-type")
    bq = lambda p: "'" + p.replace("'", "'\\''") + "'"  # noqa: E731 - bash's quoting, spelt out
    assert linux == f"qemu-img convert -f vpc -O vpc -o subformat=fixed,force_size=on {bq(src)} {bq(out)}"
    assert fix_of(check_vhd(info, GUIDE, user_os="macos"), "disk-type") == linux
    pq = lambda p: "'" + p.replace("'", "''") + "'"  # noqa: E731 - PowerShell's quoting, spelt out
    windows = fix_of(check_vhd(info, GUIDE, user_os="windows"), "disk-type")
    assert windows == f"Convert-VHD -Path {pq(src)} -DestinationPath {pq(out)} -VHDType Fixed"


def test_the_bash_command_names_the_file_exactly(awkward_dynamic, tmp_path):
    """The quoted path reaches qemu-img as the one file it is (run for real; $HOME stays literal)."""
    info = inspect_file(str(awkward_dynamic))
    command = fix_of(check_vhd(info, GUIDE, user_os="linux"), "disk-type")
    subprocess.run(["bash", "-c", command], check=True, cwd=tmp_path, capture_output=True)
    fixed = inspect_file(str(awkward_dynamic)[:-4] + "-fixed.vhd")
    assert (fixed.format, fixed.disk_type, fixed.virtual_size) == ("vhd", "fixed", 30 * GIB)


def test_resize_per_host_os(make_vhd):
    path = make_vhd("30G", force_size=False)
    info = inspect_file(str(path))
    target = -(-max(info.virtual_size, 30 * GIB) // MIB) * MIB
    windows = fix_of(check_vhd(info, GUIDE, "os", "linux", user_os="windows"), "size-whole-mib")
    assert windows == f"Resize-VHD -Path '{path}' -SizeBytes {target}"
    raw = str(path)[:-4] + "-fixed.raw"
    linux = fix_of(check_vhd(info, GUIDE, "os", "linux", user_os="linux"), "size-whole-mib")
    assert linux == (f"qemu-img convert -f vpc -O raw '{path}' '{raw}' && qemu-img resize -f raw '{raw}' {target} && "
                     f"qemu-img convert -f raw -O vpc -o subformat=fixed,force_size=on '{raw}' '{str(path)[:-4]}-fixed.vhd'")


def test_how_to_get_the_tool_per_host_os():
    assert "Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V-Management-PowerShell" in fix_tool_hint("windows")
    assert "brew install qemu" in fix_tool_hint("macos")
    assert "sudo apt install qemu-utils" in fix_tool_hint("linux") and "sudo dnf install qemu-img" in fix_tool_hint("linux")
    assert fix_tool_hint() in (fix_tool_hint("windows"), fix_tool_hint("macos"), fix_tool_hint("linux"))
