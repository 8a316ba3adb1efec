"""Upload to Azurite: this app's upload vs AzCopy, Microsoft's own uploader, as the peer.

Two files, both fixed VHDs as Partner Center takes them:
- sparse: 8 GiB holding 256 MiB of data in 256 runs of 1 MiB at scattered, page-aligned offsets
  (target: this app >= 3x AzCopy -- AzCopy reads the whole file and skips all-zero ranges; this
  app reads only the allocated extents and sends only the non-zero pages);
- dense: 1 GiB, every byte data (target: >= 1x, i.e. not slower than AzCopy).

Each side runs as its own process, interleaved (ours, AzCopy, ours, AzCopy, ...) so a drift of the
machine's load hits both alike, and the figure is the median of the rounds. AzCopy is the npm package
`@azure-tools/azcopy-linux` (pinned in tools/azcopy/), installed by this bench on first use. AzCopy gets
a SAS for Azurite's published development key on its command line: a bench-only, well-known key.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from common import ROOT, report

sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "helpers"))
from bench_upload import OURS, make_vhd, run  # noqa: E402

from conftest import AZURITE_ACCOUNT, AZURITE_KEY, Azurite  # noqa: E402

MIB = 1024 * 1024
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
AZCOPY_DIR = ROOT / "tools" / "azcopy"
AZCOPY = AZCOPY_DIR / "node_modules/@azure-tools/azcopy-linux/dist/bin/azcopy_linux_amd64"


def azcopy() -> Path:
    if not AZCOPY.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=AZCOPY_DIR, check=True)
    AZCOPY.chmod(0o755)  # the package ships the binary without its execute bit
    return AZCOPY


def sas_url(server: Azurite, blob: str) -> str:
    from azure.storage.blob import BlobSasPermissions, generate_blob_sas

    token = generate_blob_sas(AZURITE_ACCOUNT, "bench", blob, account_key=AZURITE_KEY,
                              permission=BlobSasPermissions(read=True, write=True, create=True),
                              expiry=datetime.now(UTC) + timedelta(hours=2))
    return f"{server.endpoint}/bench/{blob}?{token}"


def run_azcopy(path: Path, url: str, work: Path) -> float:
    env = dict(os.environ, AZCOPY_LOG_LOCATION=str(work / "azlogs"), AZCOPY_JOB_PLAN_LOCATION=str(work / "azplans"),
               AZCOPY_DISABLE_SYSLOG="true")
    start = time.perf_counter()
    done = subprocess.run([str(azcopy()), "copy", str(path), url, "--from-to", "LocalBlob", "--blob-type", "PageBlob", "--overwrite", "true",
                           "--output-level", "quiet", "--log-level", "ERROR"],
                          capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"azcopy failed: {done.stdout[-2000:]} {done.stderr[-2000:]}")
    return seconds


def run_ours(server: Azurite, path: Path, blob: str, work: Path) -> dict:
    return run(OURS, str(path), f"{server.endpoint}/bench/{blob}", AZURITE_KEY, str(ROOT), str(work / "j"))


def compare(label: str, server: Azurite, path: Path, work: Path, target: float) -> None:
    ours, peer, sent = [], [], 0
    for index in range(ROUNDS):
        os.sync()
        figures = run_ours(server, path, f"ours-{index}-{path.name}", work)
        ours.append(figures["seconds"])
        sent = figures["sent"]
        os.sync()
        peer.append(run_azcopy(path, sas_url(server, f"azcopy-{index}-{path.name}"), work))
    ours_s, peer_s = statistics.median(ours), statistics.median(peer)
    report(label, ours_s=ours_s, azcopy_s=peer_s, ratio=peer_s / ours_s, target=target,
           ours_mb_s=sent / ours_s / 1e6, ours_runs=" ".join(f"{s:.2f}" for s in ours),
           azcopy_runs=" ".join(f"{s:.2f}" for s in peer))


def main() -> None:
    random.seed(11)
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        work = Path(tmp)
        server = Azurite(location=work / "azurite").start()
        try:
            server.service().create_container("bench")
            warm = work / "warm.vhd"
            make_vhd(warm, "64M", [(0, 64 * MIB - 512)])
            run_ours(server, warm, "warm-ours.vhd", work)
            run_azcopy(warm, sas_url(server, "warm-azcopy.vhd"), work)
            size = 8 * 1024 * MIB
            slots = random.sample(range(size // MIB - 1), 256)
            sparse = work / "sparse8g.vhd"
            make_vhd(sparse, "8G", [(slot * MIB + 512 * random.randrange(2048), MIB) for slot in sorted(slots)])
            compare("upload 8 GiB sparse, 256 MiB data, vs AzCopy (target ratio >= 3)", server, sparse, work, 3.0)
            dense = work / "dense1g.vhd"
            make_vhd(dense, "1G", [(i * 64 * MIB, 64 * MIB) for i in range(16)])
            compare("upload 1 GiB dense, vs AzCopy (target ratio >= 1)", server, dense, work, 1.0)
        finally:
            server.stop()
    print(json.dumps({"rounds": ROUNDS}))


if __name__ == "__main__":
    main()
