"""Pre-flight (issue #23): the Linux test cases judged from a fixed VHD's files, offline.

Images are real: the test roots (tests/helpers/image_roots.py — the same contents sshd serves) go into
`mkfs.ext4 -d`, a table from `sfdisk` (MBR at sector 2048, GPT with an EFI partition) and
`qemu-img convert -O vpc -o subformat=fixed`. The parity test runs the SSH probe on the served
roots and the pre-flight on images of those very folders, and compares case by case.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from image_roots import build_vhd, tree

from wizard.core.imagefs import (
    EXT,
    MAX_GROUPS,
    PROBE_BYTES,
    CountingReader,
    ImageError,
    detect_filesystem,
    open_image,
    parse_ext_superblock,
    read_layout,
)
from wizard.core.linux_checks import FAILED, PASSED, SKIPPED, WARNING
from wizard.core.preflight import RUNNING_ONLY, dpkg_packages, offline_sections, preflight, upstream_version
from wizard.core.profiles import load_profile

GUIDE = load_profile("publishing-guide-2015")
PC = load_profile("partner-center")


@pytest.fixture(scope="module")
def images(tmp_path_factory):
    """good.vhd (MBR, root at sector 2048) and bad.vhd (GPT: EFI, root, swap)."""
    base = tmp_path_factory.mktemp("preflight")
    good = build_vhd(tree("good", base / "good").root, base / "good.vhd", scheme="mbr")
    bad = build_vhd(tree("bad", base / "bad").root, base / "bad.vhd", scheme="gpt", swap_mib=4)
    return good, bad


def verdicts(run) -> dict[str, str]:
    return {r.id: r.result for r in run.results}


def test_good_image_passes_offline_reading_a_few_hundred_kib(images):
    run = preflight(str(images[0]), GUIDE)
    got = verdicts(run)
    assert got.pop("security-updates") == SKIPPED
    assert set(got.values()) == {PASSED}, got
    assert run.layout == "MBR: /dev/sda1 ext"
    assert run.bytes_read < 1024 * 1024, run.bytes_read
    assert run.system["OSName"] == "Test Linux"
    by_id = {r.id: r for r in run.results}
    assert by_id["linux-agent"].actual == "2.2.45"
    assert "console=ttyS0" in by_id["kernel-params"].actual


def test_bad_image_fails_each_case_the_ssh_run_fails(images):
    from test_linux_checks import EXPECTED_FAILURES

    run = preflight(str(images[1]), GUIDE)
    got = verdicts(run)
    assert run.layout == "GPT: /dev/sda1 fat, /dev/sda2 ext, /dev/sda3 swap"
    assert {k: got[k] for k in EXPECTED_FAILURES} == EXPECTED_FAILURES
    by_id = {r.id: r for r in run.results}
    assert "/dev/sda3" in by_id["swap-partition"].actual  # the swap partition itself, not only fstab's line
    assert all(r.remediation for r in run.results if r.result in (FAILED, WARNING))
    # Only "user password|locked" leaves /etc/shadow, as on the VM.
    assert "SECRETHASHVALUE" not in json.dumps([r.evidence for r in run.results] + list(run.evidence.values()))


def test_parity_with_the_ssh_run_case_by_case(sshd, roots, tmp_path):
    """The served roots, as images: the same verdict per case, except where a running system is needed
    offline, or where the SSH user lacked root (offline reads /etc/shadow and the saved rules)."""
    from test_linux_checks import run_suite

    for image, scheme in zip(roots, ("mbr", "gpt"), strict=True):
        vhd = build_vhd(image.root, tmp_path / f"{image.user}.vhd", scheme=scheme)
        for profile in (GUIDE, PC):
            online, _ = run_suite(sshd, tmp_path, image, profile)
            offline = {r.id: r for r in preflight(str(vhd), profile).results}
            assert list(offline) == list(online)
            compared = 0
            for case, ssh in online.items():
                off = offline[case]
                if off.result == SKIPPED and off.actual.startswith("needs a running system"):
                    assert case in RUNNING_ONLY, (case, off.actual)
                    continue
                if ssh.result == SKIPPED and "needs root" in ssh.actual:
                    assert off.result != SKIPPED, case  # offline reads what the SSH user could not
                    continue
                if case == "bash-history" and profile.linux_lisa_rules and off.result != ssh.result:
                    # LISA leaves the connecting user's own history out (deprovision+user deletes that home);
                    # offline nobody is connected: the difference is exactly that user's files
                    assert all(f"/home/{image.user}/" in part for part in off.actual.split(", ") if "bytes" in part and
                               not part.endswith(" 0 bytes")), off.actual
                    assert ssh.result == PASSED, ssh.actual
                    continue
                assert (case, off.result) == (case, ssh.result), (image.user, profile.id, off.actual, ssh.actual)
                compared += 1
            assert compared >= 20, compared


def test_cli_preflight_json_matches_certify_shape_and_exit_codes(images, cli, make_vhd, tmp_path):
    good = cli("vhd", "preflight", str(images[0]), "--json")
    assert good.returncode == 0, good.stderr
    record = json.loads(good.stdout)
    assert record["TestResult"] == "Pass" and record["Preflight"]["Offline"] is True
    assert {"TestID", "TestCaseName", "Result", "ActualValue", "RequiredValue", "id", "Remediation", "Evidence"} <= set(record["Tests"][0])
    assert len(record["Tests"]) == 23
    from wizard.core.operations import preflight_disk  # the page's path: the same verdicts, case by case

    page_path = preflight_disk(str(images[0]), GUIDE, GUIDE.id).record.results
    assert [(t["id"], t["Result"], t["ActualValue"]) for t in record["Tests"]] == [(r.id, r.result, r.actual) for r in page_path]
    bad = cli("vhd", "preflight", str(images[1]), "--profile", "partner-center")
    assert bad.returncode == 1
    assert "[Failed ] bash-history" in bad.stdout and "fix: cat /dev/null > /home/mpwtbad/.bash_history" in bad.stdout
    assert "offline" in bad.stdout
    for target, said in ((tmp_path / "missing.vhd", "does not exist"), (make_vhd("1G", "dynamic"), "not a fixed VHD"),
                         (make_vhd("64M"), "no Linux root file system"), (tmp_path, "folder")):
        done = cli("vhd", "preflight", str(target))
        assert done.returncode == 2, (target, done.stdout)
        assert said in done.stderr and "Traceback" not in done.stderr, done.stderr


@pytest.mark.parametrize("fs_type,name", [("xfs", "XFS"), ("lvm", "LVM")])
def test_xfs_and_lvm_roots_are_named_not_readable_offline(tmp_path, cli, fs_type, name):
    vhd = build_vhd(tmp_path, tmp_path / "disk.vhd", fs_type=fs_type)
    done = cli("vhd", "preflight", str(vhd))
    assert done.returncode == 2
    assert f"{name}: not readable offline — use the test VM" in done.stderr, done.stderr


def test_hostile_image_links_loops_huge_files_and_odd_names(tmp_path):
    root = tree("good", tmp_path / "root")
    r = root.root
    os.remove(r / "etc/waagent.conf")
    os.symlink("../../../../../../../../etc/hostname", r / "etc/waagent.conf")  # outside: resolves inside the image
    (r / "etc/hostname").write_text("AutoUpdate.Enabled=n\n")
    os.remove(r / "etc/ssh/sshd_config")
    os.symlink("sshd_config", r / "etc/ssh/sshd_config")  # a loop
    os.symlink("/run/systemd/resolve/stub-resolv.conf", r / "etc/resolv.conf.new")
    os.replace(r / "etc/resolv.conf.new", r / "etc/resolv.conf")  # dangling, as on systemd-resolved images
    with open(r / "root/.bash_history", "wb") as fh:  # 2 GiB, sparse: its size counts, its bytes are not read
        fh.truncate(2 * 1024 ** 3)
    (r / "etc/ssh/sshd_config.d").mkdir()
    (r / "etc/ssh/sshd_config.d" / "odd\nname.conf").write_text("ClientAliveInterval 180\n")
    os.mkdir(os.path.join(bytes(r / "etc/ssh/sshd_config.d"), b"\xff\xfe.conf"))  # not UTF-8, and a folder
    os.symlink("/dev/zero", r / "etc/sudoers.d")
    vhd = build_vhd(r, tmp_path / "hostile.vhd", size_mib=96)
    run = preflight(str(vhd), PC)
    by_id = {x.id: x for x in run.results}
    assert by_id["auto-update"].result == WARNING and by_id["auto-update"].actual == "n"  # the image's own file
    # the loop reads as absent, and with it the Include: sshd never reads the drop-in (LISA's rule: Failed)
    assert by_id["client-alive-interval"].result == FAILED and by_id["client-alive-interval"].actual == "not set"
    assert by_id["resolv-conf"].result == PASSED
    assert by_id["bash-history"].result == FAILED and "/root/.bash_history 2147483648 bytes" in by_id["bash-history"].actual
    assert run.bytes_read < 2 * 1024 * 1024


def test_corrupted_images_are_an_image_error_or_a_judged_run(images, tmp_path):
    """Bytes of a real image overwritten at many places: no exception escapes but ImageError."""
    raw = images[0].read_bytes()[:8 * 1024 * 1024]
    for n, (offset, value) in enumerate([(2048 * 512 + 1024 + 4, 0xFF), (2048 * 512 + 1024 + 40, 0), (2048 * 512 + 1024 + 24, 9),
                                         (2048 * 512 + 4096, 0xFF), (2048 * 512 + 8192 + 100, 0xAA), (446 + 8, 0xFF)]):
        broken = bytearray(raw)
        broken[offset:offset + 4] = bytes([value]) * 4
        path = tmp_path / f"broken{n}.raw"
        path.write_bytes(bytes(broken))
        reader = CountingReader(path)
        try:
            opened = open_image(reader, len(broken))
        except ImageError:
            continue
        sections = offline_sections(opened)
        reader.close()
        assert "end" in sections[0]


# -- property tests: the parsers of image bytes -----------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=0, max_size=2048), st.integers(min_value=0, max_value=2 ** 40))
def test_superblock_parser_gives_sane_numbers_or_image_error(raw, size):
    try:
        sb = parse_ext_superblock(raw, size)
    except ImageError:
        return
    assert sb.groups <= MAX_GROUPS and 1024 <= sb.block_size <= 65536 and sb.inodes_per_group > 0


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.integers(min_value=0, max_value=1023), st.integers(min_value=0, max_value=255), max_size=40),
       st.sampled_from([b"\x53\xef", b"\x00\x00"]))
def test_superblock_parser_on_mutated_real_shapes(changes, magic):
    raw = bytearray(1024)
    raw[56:58] = magic
    raw[0:4], raw[4:8], raw[32:36], raw[40:44] = (8192).to_bytes(4, "little"), (32768).to_bytes(4, "little"), \
        (32768).to_bytes(4, "little"), (8192).to_bytes(4, "little")
    raw[24:28] = (2).to_bytes(4, "little")  # 4 KiB blocks: one group of 32768 blocks, 128 MiB
    raw[76:80], raw[88:90] = (1).to_bytes(4, "little"), (256).to_bytes(2, "little")
    if not changes and magic == b"\x53\xef":
        assert parse_ext_superblock(bytes(raw), 128 * 1024 * 1024).groups == 1  # the unmutated shape is accepted
    for k, v in changes.items():
        raw[k] = v
    try:
        sb = parse_ext_superblock(bytes(raw), 128 * 1024 * 1024)
    except ImageError:
        return
    assert sb.groups <= MAX_GROUPS and sb.blocks * sb.block_size <= 128 * 1024 * 1024 + sb.block_size


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=PROBE_BYTES))
def test_filesystem_detection_never_raises(head):
    assert detect_filesystem(head) in ("ext", "xfs", "btrfs", "lvm", "swap", "fat", "unknown")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(min_size=512, max_size=4096), st.integers(min_value=0, max_value=2 ** 36))
def test_layout_of_any_first_sectors_never_raises(tmp_path, head, size):
    path = tmp_path / "any.raw"
    data = bytearray(head)
    data[510:512] = b"\x55\xaa"
    path.write_bytes(bytes(data))
    reader = CountingReader(path)
    try:
        layout = read_layout(reader, size)
        assert layout.scheme in ("mbr", "gpt", "none", "unreadable")
        assert all(p.filesystem != EXT or p.superblock is not None or p.problem for p in layout.partitions)
    finally:
        reader.close()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_dpkg_status_parser_takes_any_text(text):
    packages = dpkg_packages(text)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in packages.items())
    for version in packages.values():
        upstream_version(version)


def test_dpkg_versions_lose_epoch_and_revision():
    status = ("Package: openssl\nStatus: install ok installed\nVersion: 1:3.0.11-1~deb12u2\n\n"
              "Package: gone\nStatus: deinstall ok config-files\nVersion: 1.0-1\n")
    assert dpkg_packages(status) == {"openssl": "1:3.0.11-1~deb12u2"}
    assert upstream_version("1:3.0.11-1~deb12u2") == "3.0.11"
    assert upstream_version("2.36") == "2.36"


def test_gpt_image_with_efi_partition_is_read_past_the_efi(images):
    proc = subprocess.run(["sfdisk", "-d", str(images[1])], capture_output=True, text=True)
    assert "C12A7328-F81F-11D2-BA4B-00A0C93EC93B" in proc.stdout and "start=        2048" in proc.stdout


# -- the VHD page, as a person uses it --------------------------------------------------------------
def _vhd_page_with(demo_window, qtbot, vhd):
    from wizard.core.steps import Step

    window = demo_window(Step.VHD)
    window.resize(1024, 700)
    page = window.pages[Step.VHD]
    sku = page.project.skus[0]
    page.set_disk_file(sku.disks[0], str(vhd))
    page.disks.selectRow(0)
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    return window, page, sku.disks[0]


def test_vhd_page_checks_inside_the_image_with_each_fix(qtbot, demo_window, images):
    from person import Person, settle
    from PySide6.QtGui import QGuiApplication

    window, page, disk = _vhd_page_with(demo_window, qtbot, images[1])
    person = Person(window)
    person.click(page.btn_check)  # the format check first
    qtbot.waitUntil(lambda: page.task is None and disk.vhd_check is not None, timeout=20_000)
    bar = page.result_tabs.tabBar()
    person.click(bar, bar.tabRect(1).center())
    settle(10)
    person.click(page.btn_preflight)
    qtbot.waitUntil(lambda: page.task is None and disk.preflight is not None, timeout=30_000)
    assert window.document.dirty
    assert "failure(s)" in page.pre_summary.text() and "GPT" in page.pre_summary.text()
    first = page.pre_proxy.index(0, 0).data()
    assert first.startswith("✗"), first  # problems first, as in the test run
    row = next(r for r in range(page.pre_proxy.rowCount())
               if page.pre_model.rows[page.pre_proxy.mapToSource(page.pre_proxy.index(r, 0)).row()].id == "bash-history")
    rect = page.pre_table.visualRect(page.pre_proxy.index(row, 1))
    person.click(page.pre_table.viewport(), rect.center())
    assert "cat /dev/null > /home/mpwtbad/.bash_history" in page.pre_details.toPlainText()
    person.click(page.btn_pre_copy)
    assert QGuiApplication.clipboard().text().startswith("cat /dev/null > /home/mpwtbad/.bash_history")
    person.click(page.pre_problems)
    assert page.pre_proxy.rowCount() < len(disk.preflight.results)


def test_vhd_page_preflight_cancel_and_unreadable_image(qtbot, demo_window, images, make_vhd, monkeypatch):
    from person import Person, settle

    import wizard.core.preflight as pre

    original = pre.offline_sections

    def slow_disk(opened, cancel=None):  # a reader stuck for 20 s (in the reading child): Cancel must still end it
        import time

        time.sleep(20)
        return original(opened, cancel)

    monkeypatch.setattr(pre, "offline_sections", slow_disk)
    window, page, disk = _vhd_page_with(demo_window, qtbot, images[0])
    person = Person(window)
    person.click(page.result_tabs.tabBar(), page.result_tabs.tabBar().tabRect(1).center())
    settle(10)
    person.click(page.btn_preflight)
    assert page.btn_cancel.isEnabled() and not page.btn_preflight.isEnabled()
    person.click(page.btn_cancel)
    qtbot.waitUntil(lambda: page.task is None, timeout=5_000)  # the child is killed, not waited for
    assert disk.preflight is None and page.pre_summary.text() == "Pre-flight cancelled."
    monkeypatch.setattr(pre, "offline_sections", original)
    page.set_disk_file(disk, str(make_vhd("1G", "dynamic")))
    page.disks.selectRow(0)
    person.click(page.btn_preflight)
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert "not a fixed VHD" in page.pre_summary.text() and disk.preflight is None


def test_readiness_shows_the_preflight_and_the_report_marks_it_offline(images):
    import jsonschema

    from wizard.core.export.readiness import readiness
    from wizard.core.model import CheckRecord, TestRunRecord
    from wizard.core.operations import preflight_disk
    from wizard.core.projectio import load_project
    from wizard.core.report import build_record, render_html
    from wizard.core.resources import resource_path

    project = load_project(resource_path("examples/demo.mpwiz")).project
    sku = project.skus[0]
    disk = sku.disks[0]
    disk.vhd_path = str(images[1])
    disk.preflight = preflight_disk(str(images[1]), GUIDE, GUIDE.id).record
    project.test_runs.clear()
    item = next(i for i in readiness(project, sku, {}) if i.id == "preflight:0")
    assert not item.ok and "offline pre-flight" in item.text and "bash-history" in item.text
    # A later run on the VM decides.
    run = TestRunRecord("2999-01-01T00:00:00Z", "2999-01-01T00:01:00Z", "linux", "vm", "u", GUIDE.id, "",
                        [CheckRecord("bash-history", "48", "Bash History", "", PASSED, "", "", "", "")])
    project.test_runs.append(run)
    assert next(i for i in readiness(project, sku, {}) if i.id == "preflight:0").ok
    record = build_record(run, "2999-01-01T00:02:00Z", project, sku)
    schema = json.loads(resource_path("schemas/certification-report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(record, schema)
    assert record["Report"]["OfflinePreflight"]["Offline"] is True
    page = render_html(record)
    assert "Offline pre-flight (not the certification run)" in page and "Result (offline)" in page
    # Untouched projects show no pre-flight at all.
    disk.preflight = None
    assert not [i for i in readiness(project, sku, {}) if i.id.startswith("preflight")]


def test_separate_boot_partition_is_read_for_the_boot_line_and_kernel(tmp_path):
    """/boot on its own ext4 partition (GPT: EFI, /boot, root): grub.cfg and the kernel come from there."""
    import shutil

    root = tree("good", tmp_path / "root").root
    boot = tmp_path / "boot"
    shutil.move(str(root / "boot"), str(boot))
    (root / "boot").mkdir()  # the empty mount point, as in a real image
    vhd = build_vhd(root, tmp_path / "split.vhd", scheme="gpt", size_mib=96, boot=boot)
    run = preflight(str(vhd), GUIDE)
    by_id = {r.id: r for r in run.results}
    assert run.layout == "GPT: /dev/sda1 fat, /dev/sda2 ext, /dev/sda3 ext"
    assert by_id["kernel-params"].result == PASSED and "earlyprintk=ttyS0" in by_id["kernel-params"].actual
    assert "kernel command line from /boot/grub/grub.cfg" in run.notes


def test_a_windows_image_is_named_as_such(tmp_path, cli):
    raw = tmp_path / "windows.raw"
    boot = bytearray(64 * 1024 * 1024)
    boot[3:11] = b"NTFS    "
    raw.write_bytes(bytes(boot))
    done = cli("vhd", "preflight", str(raw))
    assert done.returncode == 2 and "NTFS (a Windows image)" in done.stderr, done.stderr


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_inside_the_image_tab_fits_at_1024x700_with_results(qtbot, demo_window, images, lang, tmp_path):
    from person import Person, layout_problems, settle

    from wizard.i18n import install_translators

    install_translators(lang)
    try:
        window, page, disk = _vhd_page_with(demo_window, qtbot, images[1])
        person = Person(window)
        person.click(page.result_tabs.tabBar(), page.result_tabs.tabBar().tabRect(1).center())
        settle(10)
        person.click(page.btn_preflight)
        qtbot.waitUntil(lambda: page.task is None and disk.preflight is not None, timeout=30_000)
        settle(50)
        assert window.size().toTuple() == (1024, 700)
        assert layout_problems(window, page) == []
        assert page.pre_table.isVisible() and page.pre_table.viewport().height() > 60  # rows a person can read
        window.grab().save(str(tmp_path / f"preflight-{lang}.png"))
    finally:
        install_translators("en")


def test_versions_the_image_does_not_record_are_skipped_with_the_reason(tmp_path):
    """No dpkg database (an RPM image, or one cleaned out): the agent, Python, OpenSSL cases say a running
    system is needed, with the required value still shown; installed-or-not is still judged."""
    root = tree("good", tmp_path / "root").root
    (root / "var/lib/dpkg/status").unlink()
    run = preflight(str(build_vhd(root, tmp_path / "nodpkg.vhd")), GUIDE)
    by_id = {r.id: r for r in run.results}
    for case in ("linux-agent", "python-version", "openssl-version"):
        assert by_id[case].result == SKIPPED, case
        assert by_id[case].actual.startswith("needs a running system:") and "package database" in by_id[case].actual
        assert by_id[case].required.startswith("≥ ")
    assert by_id["security-threats"].result == SKIPPED  # glibc: the judge's own "not readable"
    assert by_id["auto-update"].result == PASSED  # what the files say is still judged


# -- the EFI System Partition: the boot loader's configuration of a UEFI image ----------------------
ROOT_UUID = "2f6c1a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f"
BOOT_UUID = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6"


def _uefi_root(tmp_path, default_cmdline: str, keep_grub_cfg: bool = False):
    """The good root as a RHEL-style UEFI image: /etc/default/grub says `default_cmdline`, /boot has no grub.cfg."""
    from image_roots import TreeRoot

    root = tree("good", tmp_path / "root")
    if not keep_grub_cfg:
        (root.root / "boot/grub/grub.cfg").unlink()
    TreeRoot(root.user, root.root).write("etc/default/grub", f'GRUB_CMDLINE_LINUX="{default_cmdline}"\n')
    return root.root


def test_rhel_esp_grub_cfg_is_the_booted_command_line_over_etc_default_grub(tmp_path):
    """EFI/redhat/grub.cfg on the ESP holds the menu: its console=ttyS0 counts, as on the VM it boots
    (/etc/default/grub disagrees: the note says so). Fails where the ESP is not read."""
    from image_roots import GOOD_CMDLINE, KERNEL, rhel_esp

    root = _uefi_root(tmp_path, "quiet splash")
    vhd = build_vhd(root, tmp_path / "rhel.vhd", scheme="gpt", esp=rhel_esp(tmp_path / "esp", GOOD_CMDLINE))
    run = preflight(str(vhd), GUIDE)
    by_id = {r.id: r for r in run.results}
    assert run.layout == "GPT: /dev/sda1 fat, /dev/sda2 ext"
    assert by_id["kernel-params"].result == PASSED, by_id["kernel-params"].actual
    assert "kernel command line from ESP:/EFI/redhat/grub.cfg" in run.notes
    assert any(n.startswith("/etc/default/grub sets quiet splash, which ESP:/EFI/redhat/grub.cfg does not boot with")
               for n in run.notes), run.notes
    assert f"### ESP:/EFI/redhat/grub.cfg\nlinuxefi /vmlinuz-{KERNEL}" in by_id["kernel-params"].evidence
    assert run.evidence["uname_r"] == KERNEL  # the booted kernel, from the same entry
    assert run.bytes_read < 1024 * 1024, run.bytes_read


def test_rhel_esp_grub_cfg_without_the_console_fails_naming_the_file(tmp_path, cli):
    from image_roots import BAD_CMDLINE, GOOD_CMDLINE, rhel_esp

    root = _uefi_root(tmp_path, GOOD_CMDLINE)  # /etc/default/grub is right, the booted file is not
    vhd = build_vhd(root, tmp_path / "rhel.vhd", scheme="gpt", esp=rhel_esp(tmp_path / "esp", BAD_CMDLINE))
    run = preflight(str(vhd), PC)
    kernel = next(r for r in run.results if r.id == "kernel-params")
    assert kernel.result == FAILED and "quiet splash" in kernel.actual and kernel.remediation
    assert "### ESP:/EFI/redhat/grub.cfg" in kernel.evidence
    assert "kernel command line from ESP:/EFI/redhat/grub.cfg" in run.notes
    done = cli("vhd", "preflight", str(vhd), "--json")
    assert done.returncode == 1
    record = json.loads(done.stdout)
    assert "kernel command line from ESP:/EFI/redhat/grub.cfg" in record["Preflight"]["Notes"]
    assert next(t for t in record["Tests"] if t["id"] == "kernel-params")["Result"] == FAILED
    text = cli("vhd", "preflight", str(vhd))
    assert "[Failed ] kernel-params: root=UUID=0c7c0a5b-41d2-4f70-9a4a-1e8f2d1b2c3d ro quiet splash" in text.stdout and \
        "note: kernel command line from ESP:/EFI/redhat/grub.cfg" in text.stdout, text.stdout


@pytest.mark.parametrize("fat", [12, 16, 32])
def test_each_fat_type_and_a_long_vendor_name_on_the_esp(tmp_path, fat):
    from image_roots import GOOD_CMDLINE, rhel_esp

    vendor = "Contoso Enterprise Linux"  # not 8.3: a VFAT long name
    root = _uefi_root(tmp_path, "quiet")
    vhd = build_vhd(root, tmp_path / f"fat{fat}.vhd", scheme="gpt", esp_fat=fat,
                    esp=rhel_esp(tmp_path / "esp", GOOD_CMDLINE, vendor=vendor))
    run = preflight(str(vhd), GUIDE)
    assert next(r for r in run.results if r.id == "kernel-params").result == PASSED
    assert f"kernel command line from ESP:/EFI/{vendor}/grub.cfg" in run.notes


def test_arm64_esp_grub_cfg_with_ttyama0(tmp_path):
    """An ARM64 image (grubaa64.efi reads its folder's grub.cfg): ttyAMA0 stands for ttyS0."""
    from image_roots import rhel_esp

    root = _uefi_root(tmp_path, "quiet")
    (root / "bin/sh").unlink()  # an aarch64 ELF header tells the architecture (the reader never runs it)
    (root / "bin/sh").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(9) + b"\x02\x00\xb7\x00" + bytes(44))
    esp = rhel_esp(tmp_path / "esp", "console=ttyAMA0 earlyprintk=ttyAMA0 rootdelay=300", loader="grubaa64.efi")
    run = preflight(str(build_vhd(root, tmp_path / "arm.vhd", scheme="gpt", esp=esp)), PC)
    by_id = {r.id: r for r in run.results}
    assert run.evidence["uname_m"] == "aarch64"
    assert by_id["kernel-params"].result == PASSED and "console=ttyAMA0" in by_id["kernel-params"].actual


def test_ubuntu_stub_on_the_esp_is_followed_to_the_roots_grub_cfg(tmp_path):
    """EFI/ubuntu/grub.cfg only `configfile`s /boot/grub/grub.cfg on the root it names by UUID."""
    from image_roots import stub_esp

    root = _uefi_root(tmp_path, "quiet splash", keep_grub_cfg=True)
    vhd = build_vhd(root, tmp_path / "ubuntu.vhd", scheme="gpt", root_uuid=ROOT_UUID,
                    esp=stub_esp(tmp_path / "esp", ROOT_UUID))
    run = preflight(str(vhd), GUIDE)
    kernel = next(r for r in run.results if r.id == "kernel-params")
    assert kernel.result == PASSED and "kernel command line from /boot/grub/grub.cfg" in run.notes
    assert "ESP:" not in kernel.evidence  # the stub has no entry of its own
    # A stub naming a file the image lacks is passed over, with a note.
    stub = stub_esp(tmp_path / "esp2", ROOT_UUID, prefix="($root)'/boot/nowhere'")
    run = preflight(str(build_vhd(root, tmp_path / "ubuntu2.vhd", scheme="gpt", esp=stub)), GUIDE)
    assert "ESP:/EFI/ubuntu/grub.cfg hands over to /boot/nowhere/grub.cfg, which has no boot entry in the image" in run.notes
    assert "kernel command line from /boot/grub/grub.cfg" in run.notes


def test_rhel9_stub_names_the_boot_partition_by_uuid_over_a_stale_grub_cfg(tmp_path):
    """RHEL 9: the ESP stub sets prefix=($dev)/grub2 on the /boot partition it finds by UUID. A stale
    /boot/grub/grub.cfg (no console) is not what boots: the stub's /boot/grub2/grub.cfg is."""
    import shutil

    from image_roots import BAD_CMDLINE, GOOD_CMDLINE, KERNEL, stub_esp

    root = _uefi_root(tmp_path, GOOD_CMDLINE)
    boot = tmp_path / "boot"
    shutil.move(str(root / "boot"), str(boot))
    (root / "boot").mkdir()
    for folder, cmdline in (("grub", BAD_CMDLINE), ("grub2", GOOD_CMDLINE)):
        (boot / folder).mkdir(exist_ok=True)
        (boot / folder / "grub.cfg").write_text(f"menuentry x {{\n\tlinux /vmlinuz-{KERNEL} root=/dev/sda3 {cmdline}\n}}\n")
    esp = stub_esp(tmp_path / "esp", BOOT_UUID, vendor="redhat", prefix="($dev)/grub2")
    vhd = build_vhd(root, tmp_path / "rhel9.vhd", scheme="gpt", size_mib=96, boot=boot, boot_uuid=BOOT_UUID, esp=esp)
    run = preflight(str(vhd), GUIDE)
    assert next(r for r in run.results if r.id == "kernel-params").result == PASSED
    assert "kernel command line from /boot/grub2/grub.cfg" in run.notes


def test_a_damaged_esp_is_a_note_or_a_named_problem_never_a_crash(tmp_path):
    from image_roots import BAD_CMDLINE, GOOD_CMDLINE, rhel_esp

    from wizard.core.fatfs import FatFiles

    root = _uefi_root(tmp_path, BAD_CMDLINE)
    vhd = build_vhd(root, tmp_path / "rhel.vhd", scheme="gpt", esp=rhel_esp(tmp_path / "esp", GOOD_CMDLINE))
    data = bytearray(vhd.read_bytes())
    reader = CountingReader(vhd)
    esp = FatFiles(reader, 2048 * 512, 8 * 1024 * 1024)
    cluster = esp._lookup("/EFI/redhat/grub.cfg")[1].cluster
    assert esp.stat("/EFI/redhat/grub.cfg").size > 3 * esp.boot.cluster_bytes
    reader.close()
    looped = bytearray(data)
    at = 2048 * 512 + esp.boot.fat_offset + 2 * cluster  # FAT16: the file's chain back to itself
    looped[at:at + 2] = cluster.to_bytes(2, "little")
    broken = tmp_path / "looped.vhd"
    broken.write_bytes(bytes(looped))
    run = preflight(str(broken), GUIDE)
    said = f"the EFI System Partition (/dev/sda1) is damaged: the FAT chain of /EFI/redhat/grub.cfg loops (cluster {cluster} twice)"
    assert said in run.notes, run.notes
    assert "kernel command line from /etc/default/grub" in run.notes  # what else the image says is judged
    assert next(r for r in run.results if r.id == "kernel-params").result == FAILED
    no_fat = bytearray(data)
    no_fat[2048 * 512 + 11:2048 * 512 + 13] = b"\x00\x00"  # 0-byte sectors
    broken.write_bytes(bytes(no_fat))
    run = preflight(str(broken), GUIDE)
    assert run.layout == "GPT: /dev/sda1 fat (the FAT boot sector gives 0-byte sectors), /dev/sda2 ext", run.layout
    assert "kernel command line from /etc/default/grub" in run.notes


def test_parity_an_esp_booted_image_with_the_ssh_run_of_the_same_root(sshd, roots, tmp_path):
    """The good root over SSH (its /proc/cmdline is what the VM booted with) against the same root as
    a UEFI image whose ESP grub.cfg holds that line and whose /etc/default/grub does not: the same
    verdicts case by case. The probe names each grub.cfg it read, as the pre-flight names its own."""
    import shutil

    from image_roots import GOOD_CMDLINE, rhel_esp
    from test_linux_checks import run_suite

    good = roots[0]
    online, evidence = run_suite(sshd, tmp_path, good, GUIDE)
    assert "### /boot/grub/grub.cfg\n\tlinux\t/boot/vmlinuz-" in evidence["grub"]
    copy = tmp_path / "copy"
    shutil.copytree(good.root, copy, symlinks=True)
    (copy / "boot/grub/grub.cfg").unlink()
    (copy / "etc/default/grub").write_text('GRUB_CMDLINE_LINUX="quiet"\n')
    vhd = build_vhd(copy, tmp_path / "uefi.vhd", scheme="gpt", esp=rhel_esp(tmp_path / "esp", GOOD_CMDLINE))
    offline = {r.id: r for r in preflight(str(vhd), GUIDE).results}
    assert offline["kernel-params"].result == online["kernel-params"].result == PASSED
    differing = {c: (offline[c].result, online[c].result) for c in online  # as the parity test above excepts
                 if offline[c].result != online[c].result and c not in RUNNING_ONLY and "needs root" not in online[c].actual}
    assert differing == {}, differing


def test_rhel8_bls_entry_takes_kernelopts_from_the_esps_grubenv(tmp_path):
    """RHEL 8 on UEFI: EFI/redhat/grub.cfg runs `blscfg`, the entry says `options $kernelopts`, and the
    value is in EFI/redhat/grubenv on the ESP."""
    from image_roots import GOOD_CMDLINE, KERNEL

    root = _uefi_root(tmp_path, "quiet")
    (root / "boot/loader/entries").mkdir(parents=True)
    (root / f"boot/loader/entries/0c7c-{KERNEL}.conf").write_text(
        f"title Red Hat Enterprise Linux\nversion {KERNEL}\nlinux /vmlinuz-{KERNEL}\noptions $kernelopts $tuned_params\n")
    esp = tmp_path / "esp"
    (esp / "EFI/redhat").mkdir(parents=True)
    (esp / "EFI/redhat/grub.cfg").write_text("set timeout=5\nload_env -f ${config_directory}/grubenv\nblscfg\n")
    block = f"# GRUB Environment Block\nkernelopts=root=/dev/sda2 ro {GOOD_CMDLINE}\nsaved_entry=0c7c-{KERNEL}\n"
    (esp / "EFI/redhat/grubenv").write_text(block.ljust(1024, "#"))
    run = preflight(str(build_vhd(root, tmp_path / "rhel8.vhd", scheme="gpt", esp=esp)), GUIDE)
    kernel = next(r for r in run.results if r.id == "kernel-params")
    assert kernel.result == PASSED and kernel.actual == f"root=/dev/sda2 ro {GOOD_CMDLINE}", kernel.actual
    assert (f"kernel command line from /boot/loader/entries/0c7c-{KERNEL}.conf (variables from ESP:/EFI/redhat/grubenv)"
            in run.notes), run.notes


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("set prefix=($root)'/boot/grub' configfile $prefix/grub.cfg search.fs_uuid "
                                             "--set=dev ${}\n\"#-0123456789abcdef")), max_size=300))
def test_a_stub_grub_cfg_of_any_text_names_image_paths_or_nothing(images, text):
    from wizard.core.preflight import _handover

    reader = CountingReader(images[1])
    try:
        opened = open_image(reader, images[1].stat().st_size - 512)
        assert all(t.startswith("/") for t in _handover(text, opened))
    finally:
        reader.close()


def test_a_stub_hands_over_once_whatever_it_repeats(images):
    """GRUB does not come back from the first `configfile`; before, every line (and every spelling of one
    path: //big, /./big) was read, up to 1 MiB each -- 100 lines read 105 MB."""
    from wizard.core.preflight import _handover

    stub = "\n".join(["configfile //boot/./grub/grub.cfg"] + [f"configfile /{'./' * n}big" for n in range(200)])
    reader = CountingReader(images[1])
    try:
        opened = open_image(reader, images[1].stat().st_size - 512)
        targets = _handover(stub, opened)
    finally:
        reader.close()
    assert targets[0] == "/boot/grub/grub.cfg"
    assert len(targets) <= 3 and not any("big" in t for t in targets), targets
