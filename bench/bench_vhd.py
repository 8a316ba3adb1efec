"""VHD inspection cost must not grow with disk size; the CLI compared with `qemu-img info`.

1 TiB and 1 GiB sparse fixed VHDs made by qemu-img; in-process inspection time
ratio (target ≤ 1.2) and whole-process time of `mpwizard vhd check` against
`qemu-img info -f vpc` on the same file.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from common import ROOT, child_env, median_seconds, python, report, run

sys.path.insert(0, str(ROOT))

from wizard.core.profiles import load_profile  # noqa: E402
from wizard.core.vhd import inspect_file  # noqa: E402
from wizard.core.vhdcheck import check_vhd  # noqa: E402


def make(folder: Path, size: str) -> Path:
    path = folder / f"{size}.vhd"
    result = run(["qemu-img", "create", "-q", "-f", "vpc", "-o", "subformat=fixed,force_size=on", str(path), size])
    if result.returncode:
        raise SystemExit(result.stderr)
    return path


def main() -> None:
    profile = load_profile("publishing-guide-2015")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small, big = make(folder, "1G"), make(folder, "1T")

        def check(path):
            return lambda: check_vhd(inspect_file(path, read_partitions=True), profile, "data")

        for path in (small, big):  # warm the page cache
            check(path)()
        t_small = median_seconds(check(small), 200)
        t_big = median_seconds(check(big), 200)
        report("vhd inspect in-process (median of 200)", one_gib_ms=t_small * 1000, one_tib_ms=t_big * 1000,
               ratio=t_big / t_small, target="<=1.2")
        env = child_env()
        t_cli = median_seconds(lambda: run([python(), "-m", "wizard", "vhd", "check", str(big), "--role", "data"], env), 7)
        t_qemu = median_seconds(lambda: run(["qemu-img", "info", "-f", "vpc", str(big)], env), 7)
        report("vhd check process vs qemu-img info (1 TiB, median of 7)", mpwizard_s=t_cli, qemu_img_s=t_qemu,
               ratio=t_cli / t_qemu)


if __name__ == "__main__":
    main()
