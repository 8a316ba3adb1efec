"""Pre-flight of a 30 GiB fixed VHD holding about 1 GiB of files: the time, and the bytes read.

The image: the passing test root (tests/helpers/image_roots.py) plus ~1 GiB of other files (/usr/lib/big),
in an ext4 root partition at sector 2048 filling a sparse 30 GiB disk (MBR), with the footer
qemu-img writes for a fixed VHD of that size. Only what the checks need may be read: the target
is a few MiB, never the disk (bytes_read / disk is printed).

Second figure: the EFI System Partition's part — EFI/redhat/grub.cfg read from a 512 MiB FAT32 ESP
(`mkfs.vfat`, filled with `mcopy`), as a UEFI image's pre-flight reads it: the bytes read of the volume.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, report

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "helpers"))

from image_roots import GOOD_CMDLINE, fat_esp, rhel_esp, tree  # noqa: E402

from wizard.core.fatfs import FatFiles  # noqa: E402
from wizard.core.imagefs import CountingReader  # noqa: E402
from wizard.core.preflight import preflight  # noqa: E402
from wizard.core.profiles import load_profile  # noqa: E402

GIB = 1024 ** 3
MIB = 1024 ** 2
DISK = 30 * GIB


def build(folder: Path) -> Path:
    root = tree("good", folder / "root").root
    big = root / "usr/lib/big"
    big.mkdir(parents=True)
    chunk = os.urandom(4 * MIB)
    for i in range(256):  # 256 × 4 MiB = 1 GiB of data the checks never need
        (big / f"blob{i:03d}.bin").write_bytes(chunk[i:] + chunk[:i])
    raw = folder / "disk.vhd"
    part = folder / "root.img"
    with open(part, "wb") as fh:
        fh.truncate(DISK - 2 * MIB)
    subprocess.run(["mkfs.ext4", "-q", "-F", "-E", "lazy_itable_init=1,nodiscard", "-d", str(root), str(part)], check=True)
    with open(raw, "wb") as fh:
        fh.truncate(DISK)
    subprocess.run(["sfdisk", "-q", str(raw)], input="label: dos\nstart=2048, type=83\n", text=True, check=True)
    with open(part, "rb") as src, open(raw, "r+b") as dst:  # copy only the data extents (the disk stays sparse)
        offset = 0
        size = os.fstat(src.fileno()).st_size
        while offset < size:
            try:
                start = os.lseek(src.fileno(), offset, os.SEEK_DATA)
            except OSError:
                break
            end = os.lseek(src.fileno(), start, os.SEEK_HOLE)
            src.seek(start)
            while start < end:
                block = src.read(min(64 * MIB, end - start))
                dst.seek(MIB + start)
                dst.write(block)
                start += len(block)
            offset = end
    part.unlink()
    footer_file = folder / "footer.vhd"
    subprocess.run(["qemu-img", "create", "-q", "-f", "vpc", "-o", "subformat=fixed,force_size=on", str(footer_file), "30G"],
                   check=True)
    with open(footer_file, "rb") as fh:
        fh.seek(-512, 2)
        footer = fh.read()
    footer_file.unlink()
    with open(raw, "ab") as fh:
        fh.write(footer)
    return raw


def esp_figures(folder: Path) -> None:
    esp = fat_esp(folder / "esp.img", 512, 32, rhel_esp(folder / "esp", GOOD_CMDLINE))
    runs = []
    for _ in range(3):
        reader = CountingReader(esp)
        t0 = time.perf_counter()
        fs = FatFiles(reader, 0, reader.size)
        text = "".join(fs.text(f"/EFI/{vendor}/grub.cfg") for vendor in fs.listdir("/EFI"))
        runs.append(time.perf_counter() - t0)
        reader.close()
    assert "console=ttyS0" in text
    report("grub.cfg from a 512 MiB FAT32 EFI System Partition (best of 3)", seconds=min(runs),
           bytes_read=reader.bytes_read, reads=reader.reads, volume_bytes=512 * MIB,
           grub_cfg_bytes=len(text.encode()), target="bytes_read <= 64 KiB")


def main() -> None:
    with tempfile.TemporaryDirectory(dir=os.environ.get("MPWIZARD_BENCH_DIR")) as tmp:
        esp_figures(Path(tmp))
    profile = load_profile("partner-center")
    with tempfile.TemporaryDirectory(dir=os.environ.get("MPWIZARD_BENCH_DIR")) as tmp:
        started = time.perf_counter()
        vhd = build(Path(tmp))
        built = time.perf_counter() - started
        allocated = os.stat(vhd).st_blocks * 512
        runs = []
        for _ in range(3):
            t0 = time.perf_counter()
            result = preflight(str(vhd), profile)
            runs.append(time.perf_counter() - t0)
        failed = [r.id for r in result.results if r.result in ("Failed", "Error")]
        report("pre-flight of a 30 GiB fixed VHD with ~1 GiB of files (best of 3, warm cache)",
               seconds=min(runs), first_run_s=runs[0], bytes_read=result.bytes_read, reads=result.reads,
               mib_read=result.bytes_read / MIB, share_of_disk=result.bytes_read / DISK,
               image_allocated_mib=allocated / MIB, build_s=built, failed_cases=len(failed), target="bytes_read <= 16 MiB")


if __name__ == "__main__":
    main()
