"""VHD inspection and checks on disks made by qemu-img and on crafted files."""

from __future__ import annotations

import json
import struct

import pytest

from wizard.core.profiles import load_profile
from wizard.core.vhd import GIB, MIB, inspect_file, parse_footer, vhd_checksum
from wizard.core.vhdcheck import check_vhd

GUIDE = load_profile("publishing-guide-2015")
PC = load_profile("partner-center")


def findings(report) -> dict[str, str]:
    return {f.id: f.severity for f in report.findings}


def test_fixed_force_size_vhd_from_qemu_passes_guide_rules(make_vhd):
    path = make_vhd("30G")
    info = inspect_file(path)
    assert (info.format, info.disk_type) == ("vhd", "fixed")
    assert info.virtual_size == 30 * GIB
    assert info.file_size == 30 * GIB + 512
    assert info.footer.checksum_ok
    assert info.footer.creator_app.startswith("qem")
    assert info.allocated_bytes is not None
    assert info.allocated_bytes < MIB  # sparse
    report = check_vhd(info, GUIDE, "os", "linux")
    assert report.verdict == "pass", report.findings
    assert findings(report)["sparse"] == "info"


def test_fixed_without_force_size_is_not_a_whole_mib_and_fix_computes_target(make_vhd):
    path = make_vhd("30G", force_size=False)
    info = inspect_file(path)
    assert info.virtual_size % MIB != 0  # qemu rounds to CHS geometry
    report = check_vhd(info, GUIDE, "os", "linux", user_os="linux")
    assert findings(report)["size-whole-mib"] == "fail"
    fix = next(f.fix for f in report.findings if f.id == "size-whole-mib")
    target = -(-max(info.virtual_size, 30 * GIB) // MIB) * MIB
    assert "qemu-img resize -f raw" in fix
    assert str(target) in fix
    assert "force_size=on" in fix
    win = check_vhd(info, GUIDE, "os", "linux", user_os="windows")
    assert f"Resize-VHD -Path '{path}' -SizeBytes {target}" in next(f.fix for f in win.findings if f.id == "size-whole-mib")


def test_dynamic_vhd_fails_with_convert_fix(make_vhd):
    path = make_vhd("30G", subformat="dynamic")
    info = inspect_file(path)
    assert info.disk_type == "dynamic"
    assert info.dynamic_header_ok is True
    report = check_vhd(info, GUIDE, "os", "linux", user_os="linux")
    assert report.verdict == "fail"
    fix = next(f.fix for f in report.findings if f.id == "disk-type")
    assert fix.startswith("qemu-img convert -f vpc -O vpc -o subformat=fixed,force_size=on")
    assert "Convert-VHD" in next(f.fix for f in check_vhd(info, GUIDE, user_os="windows").findings if f.id == "disk-type")


def test_vhdx_is_recognised(make_vhd):
    path = make_vhd("1G", fmt="vhdx")
    info = inspect_file(path)
    assert info.format == "vhdx"
    report = check_vhd(info, GUIDE, user_os="windows")
    assert findings(report) == {"format": "fail"}
    assert "Convert-VHD" in report.findings[0].fix
    assert "-VHDType Fixed" in report.findings[0].fix


@pytest.mark.parametrize("size_gib,guide,pc", [(20, "fail", "info"), (30, "pass", "pass"), (50, "pass", "pass"),
                                               (64, "warning", "info"), (1023, "warning", "info")])
def test_linux_os_disk_size_per_profile(make_vhd, size_gib, guide, pc):
    info = inspect_file(make_vhd(f"{size_gib}G"))
    assert findings(check_vhd(info, GUIDE, "os", "linux"))["os-disk-size"] == guide
    assert findings(check_vhd(info, PC, "os", "linux"))["os-disk-size"] == pc


@pytest.mark.parametrize("size_gib,guide,pc", [(30, "fail", "pass"), (127, "pass", "pass"), (128, "pass", "pass"),
                                               (200, "fail", "pass"), (260, "fail", "fail")])
def test_windows_os_disk_size_per_profile(make_vhd, size_gib, guide, pc):
    info = inspect_file(make_vhd(f"{size_gib}G"))
    assert findings(check_vhd(info, GUIDE, "os", "windows"))["os-disk-size"] == guide
    assert findings(check_vhd(info, PC, "os", "windows"))["os-disk-size"] == pc


def test_data_disk_limit_and_one_tib_costs_nothing(make_vhd):
    ok = inspect_file(make_vhd("1023G"))
    assert findings(check_vhd(ok, GUIDE, "data"))["data-disk-size"] == "pass"
    big = inspect_file(make_vhd("1T"))
    assert big.allocated_bytes < MIB
    report = check_vhd(big, GUIDE, "data")
    assert findings(report)["data-disk-size"] == "fail"
    assert str(1023 * GIB) in next(f.fix for f in report.findings if f.id == "data-disk-size")


def test_minimum_20_mib(make_vhd):
    info = inspect_file(make_vhd("10M"))
    assert findings(check_vhd(info, GUIDE, "data"))["size-min"] == "fail"
    assert "size-min" not in findings(check_vhd(inspect_file(make_vhd("20M")), GUIDE, "data"))


def test_partner_center_first_mib_rule_needs_a_partition_table(make_vhd):
    """A blank disk has no table to judge (tests/core/test_partitions.py has real ones, made by sfdisk)."""
    path = make_vhd("30G", boot=False)
    assert findings(check_vhd(inspect_file(path, read_partitions=True), PC, "os", "linux"))["first-mib"] == "warning"
    assert "first-mib" not in findings(check_vhd(inspect_file(path, True), GUIDE, "os", "linux"))


# -- crafted files --------------------------------------------------------------
def rewrite_footer(path, mutate, fix_checksum=True):
    with open(path, "r+b") as fh:
        fh.seek(-512, 2)
        footer = bytearray(fh.read(512))
        mutate(footer)
        if fix_checksum:
            footer[64:68] = struct.pack(">I", vhd_checksum(bytes(footer)))
        fh.seek(-512, 2)
        fh.write(footer)


def test_bad_checksum(make_vhd):
    path = make_vhd("30G")
    rewrite_footer(path, lambda f: f.__setitem__(slice(28, 32), b"evil"), fix_checksum=False)
    report = check_vhd(inspect_file(path), GUIDE)
    assert findings(report)["footer-checksum"] == "fail"
    assert "checksum" in next(f.message for f in report.findings if f.id == "footer-checksum")


def test_bad_cookie_is_raw_or_unknown(make_vhd):
    path = make_vhd("30G")
    rewrite_footer(path, lambda f: f.__setitem__(slice(0, 8), b"notavhd!"))
    info = inspect_file(path)
    assert info.format == "raw"  # 30 GiB + 512 is still a multiple of 512
    assert findings(check_vhd(info, GUIDE)) == {"format": "fail"}


def test_truncated_fixed_vhd(make_vhd, tmp_path):
    path = make_vhd("30G")
    with open(path, "rb") as fh:
        fh.seek(-512, 2)
        footer = fh.read()
    cut = tmp_path / "cut.vhd"
    with open(cut, "wb") as fh:
        fh.truncate(10 * GIB)
        fh.seek(10 * GIB)
        fh.write(footer)
    report = check_vhd(inspect_file(cut), GUIDE)
    assert findings(report)["truncated"] == "fail"


def test_truncated_dynamic_vhd_lost_its_end(make_vhd, tmp_path):
    path = make_vhd("30G", subformat="dynamic")
    data = path.read_bytes()
    cut = tmp_path / "cutdyn.vhd"
    cut.write_bytes(data[: len(data) - 700])
    info = inspect_file(cut)
    assert info.truncated
    assert info.disk_type == "dynamic"
    assert check_vhd(info, GUIDE).verdict == "fail"


def test_empty_file(tmp_path):
    path = tmp_path / "empty.vhd"
    path.write_bytes(b"")
    report = check_vhd(inspect_file(path), GUIDE)
    assert findings(report) == {"format": "fail"}
    assert "empty" in report.findings[0].message


def test_old_511_byte_footer(make_vhd, tmp_path):
    path = make_vhd("30G")
    with open(path, "rb") as fh:
        fh.seek(-512, 2)
        footer = fh.read()
    old = tmp_path / "old.vhd"
    with open(old, "wb") as fh:
        fh.truncate(30 * GIB)
        fh.seek(30 * GIB)
        fh.write(footer[:511])
    info = inspect_file(old)
    assert info.format == "vhd"
    assert info.footer_size == 511
    assert findings(check_vhd(info, GUIDE))["footer-511"] == "fail"


def test_raw_image(tmp_path):
    raw = tmp_path / "disk.img"
    with open(raw, "wb") as fh:
        fh.truncate(30 * GIB)
    info = inspect_file(raw)
    assert info.format == "raw"
    assert info.virtual_size == 30 * GIB
    report = check_vhd(info, GUIDE, user_os="linux")
    assert "qemu-img convert -f raw -O vpc" in report.findings[0].fix


def test_footer_fields_parse(make_vhd):
    info = inspect_file(make_vhd("30G"))
    f = info.footer
    assert f.cookie == b"conectix"
    assert f.features & 2
    assert f.format_version == 0x10000
    assert f.data_offset == 0xFFFFFFFFFFFFFFFF
    assert f.disk_type == 2
    assert len(f.unique_id) == 32
    assert f.original_size == f.current_size == 30 * GIB
    assert parse_footer(b"conectix" + bytes(504)).checksum_ok is False


# -- command line ---------------------------------------------------------------
def test_cli_json_shape_and_exit_codes(make_vhd, cli, tmp_path):
    good = make_vhd("30G")
    result = cli("vhd", "check", str(good), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"target", "format", "disk_type", "virtual_size", "file_size", "allocated_bytes", "verdict", "findings"}
    assert data["verdict"] == "pass"
    assert data["format"] == "vhd"
    assert data["disk_type"] == "fixed"
    assert all(set(f) == {"id", "severity", "message", "fix"} for f in data["findings"])
    dyn = make_vhd("30G", subformat="dynamic")
    assert cli("vhd", "check", str(dyn)).returncode == 1
    assert cli("vhd", "check", str(make_vhd("64G")), "--json").returncode == 0  # a warning is not a failure
    assert json.loads(cli("vhd", "check", str(make_vhd("64G", name="w.vhd")), "--json").stdout)["verdict"] == "warning"
    win = cli("vhd", "check", str(good), "--os", "windows", "--profile", "partner-center", "--json")
    assert win.returncode == 0
    assert json.loads(win.stdout)["verdict"] == "pass"
    missing = cli("vhd", "check", str(tmp_path / "none.vhd"))
    assert missing.returncode == 2
    assert "does not exist" in missing.stderr
    assert cli("vhd", "check", str(tmp_path)).returncode == 2
    junk = tmp_path / "junk.vhd"
    junk.write_bytes(b"hello")
    assert cli("vhd", "check", str(junk)).returncode == 1


def test_vhd_cli_does_not_import_qt(make_vhd):
    import subprocess
    import sys

    code = ("import sys; from wizard.cli import main; main(['vhd', 'check', {!r}]); "
            "assert not any(m.startswith('PySide6') for m in sys.modules)").format(str(make_vhd("30G")))
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0
