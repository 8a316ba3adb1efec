"""Upload to Azurite: this app's sparse-aware upload vs azure-storage-blob's upload_blob(PageBlob).

Two files: a 32 GiB fixed VHD (sparse) holding 512 MiB of data in scattered runs
(target: ≥ 20× faster than the SDK) and a fully dense 1 GiB VHD (target: not slower).
Each upload runs in its own process so its peak memory (target < 300 MiB) is its own.

The SDK runs three ways: as the issue names it, `upload_blob(f, blob_type="PageBlob")` with
its defaults (one request at a time, no per-request MD5) -- the target's baseline; with
`max_concurrency=4`; and, for the dense file, with `max_concurrency=4, validate_content=True`,
which sends the same per-request Content-MD5 this app always sends (Azurite verifies each one
on its single Node.js thread, which is what a dense upload is bound by here).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, python, report

sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "helpers"))
from conftest import AZURITE_KEY, Azurite  # noqa: E402

MIB = 1024 * 1024

# The process's own peak resident memory. Not getrusage's ru_maxrss: Linux carries the parent's peak
# at fork through exec into it, so every child would report at least this bench's own size.
PEAK = r"""
def peak_mib():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
"""

OURS = PEAK + r"""
import json, sys, time
sys.path.insert(0, sys.argv[4])
import azure.storage.blob  # imported before the clock starts, as in the SDK's run below
from wizard.core.upload import upload_vhd
t = time.perf_counter()
s = upload_vhd(sys.argv[1], sys.argv[2], account_key=sys.argv[3], journal_folder=sys.argv[5])
print(json.dumps({"seconds": time.perf_counter() - t, "sent": s.bytes_sent, "workers": s.workers,
                  "peak_mib": peak_mib()}))
"""

SDK = PEAK + r"""
import json, os, sys, time
from azure.storage.blob import BlobClient
options = json.loads(sys.argv[4])  # {} = the SDK's defaults
t = time.perf_counter()
client = BlobClient.from_blob_url(sys.argv[2], credential={"account_name": "devstoreaccount1", "account_key": sys.argv[3]})
with open(sys.argv[1], "rb") as fh:
    client.upload_blob(fh, blob_type="PageBlob", length=os.path.getsize(sys.argv[1]), overwrite=True, **options)
print(json.dumps({"seconds": time.perf_counter() - t,
                  "peak_mib": peak_mib()}))
"""


def make_vhd(path: Path, size: str, runs: list[tuple[int, int]]) -> None:
    subprocess.run(["qemu-img", "create", "-q", "-f", "vpc", "-o", "subformat=fixed,force_size=on", str(path), size],
                   check=True)
    with open(path, "r+b") as fh:
        for offset, length in runs:
            fh.seek(offset)
            fh.write(os.urandom(length))


def run(code: str, *args: str) -> dict:
    result = subprocess.run([python(), "-c", code, *args], capture_output=True, text=True, cwd=ROOT)
    if result.returncode:
        raise SystemExit(result.stderr[-3000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


SDK_WAYS = {"sdk": {}, "sdk_parallel": {"max_concurrency": 4},
            "sdk_parallel_md5": {"max_concurrency": 4, "validate_content": True}}


def compare(label: str, server: Azurite, path: Path, folder: Path, sdk_ways: tuple[str, ...]) -> None:
    # Each run starts with nothing left to write back: the freshly made VHD (and the previous
    # run's Azurite files) would otherwise be flushed to disk during the first timed upload.
    os.sync()
    ours = run(OURS, str(path), f"{server.endpoint}/bench/ours-{path.name}", AZURITE_KEY, str(ROOT), str(folder / "j"))
    figures = {"ours_s": ours["seconds"]}
    for way in sdk_ways:
        os.sync()
        sdk = run(SDK, str(path), f"{server.endpoint}/bench/{way}-{path.name}", AZURITE_KEY, json.dumps(SDK_WAYS[way]))
        figures[f"{way}_s"] = sdk["seconds"]
        figures["speedup" if way == "sdk" else f"speedup_vs_{way}"] = sdk["seconds"] / ours["seconds"]
        figures[f"{way}_peak_mib"] = sdk["peak_mib"]
    report(label, **figures, ours_peak_mib=ours["peak_mib"], ours_sent_mib=ours["sent"] / MIB,
           ours_workers=ours["workers"])


def main() -> None:
    random.seed(7)
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        folder = Path(tmp)
        server = Azurite(location=folder / "azurite").start()
        try:
            server.service().create_container("bench")
            # Azurite (Node.js) runs slower until its JIT has warmed up: whichever upload came first would
            # pay for that. Both uploaders send a small VHD first, untimed.
            warm = folder / "warm.vhd"
            make_vhd(warm, "64M", [(0, 64 * MIB - 512)])
            run(OURS, str(warm), f"{server.endpoint}/bench/warm-ours.vhd", AZURITE_KEY, str(ROOT), str(folder / "j"))
            run(SDK, str(warm), f"{server.endpoint}/bench/warm-sdk.vhd", AZURITE_KEY, "{}")
            size = 32 * 1024 * MIB
            # 512 MiB in 256 runs of 2 MiB at scattered, page-aligned offsets.
            slots = random.sample(range(size // (2 * MIB) - 1), 256)
            sparse = folder / "sparse32g.vhd"
            make_vhd(sparse, "32G", [(slot * 2 * MIB + 512 * random.randrange(8), 2 * MIB) for slot in slots])
            compare("upload 32 GiB sparse, 512 MiB data (targets: speedup >= 20, peak < 300 MiB)", server, sparse, folder,
                    ("sdk", "sdk_parallel"))
            dense = folder / "dense1g.vhd"
            make_vhd(dense, "1G", [(i * 64 * MIB, 64 * MIB) for i in range(16)])
            compare("upload 1 GiB dense (target: speedup >= 1)", server, dense, folder,
                    ("sdk", "sdk_parallel", "sdk_parallel_md5"))
        finally:
            server.stop()


if __name__ == "__main__":
    main()
