"""Every check fed 1 MB adversarial lines (issue #18): the slowest check and pattern, in seconds.

A hostile VM controls the text the judges read. For each Linux check (every probe section set to
the same 1 MB pattern) and each Windows check (every string value of a recorded good probe output
replaced by the pattern), time the judge and print the slowest. Target: well under 1 s each (the
sudo and DHCP checks took minutes on the quadratic patterns before the fix).

Image readers (issue #29): each class of crafted image (tests/helpers/hostile_images.py: an extent
index pointing to itself, extent headers claiming 65535 entries, 100 links to one 4 MiB file, a 64 MiB
sparse directory, 1024 overlapping GPT entries, random damage where readers look) is pre-flighted in
a child process; the worst wall time and peak memory (the child's and its reading child's maximum
RSS) per class are printed. Target: each under 5 s and 300 MiB (before: hangs, minutes, gigabytes).
"""

from __future__ import annotations

import json
import multiprocessing
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, report

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "helpers"))

from wizard.core import linux_checks, windows_checks  # noqa: E402
from wizard.core.profiles import PROFILE_IDS, load_profile  # noqa: E402

MB = 1 << 20
PATTERNS = {
    "blanks": " " * MB,
    "newlines": "\n" * MB,
    "tabs-newlines": "\t\n" * (MB // 2),
    "sudo-defaults": "Defaults" + " " * (MB - 8),
    "iface": "iface " + "a " * (MB // 2 - 3),
    "bootproto": "BOOTPROTO=" + "=" * (MB - 10),
    "letters": "a" * MB,
    "digits": "1" * MB,  # version numbers: a run of digits with no dot (was minutes before the fix)
    "digits-dots": "1." * (MB // 2),
    "colons": "C:" * (MB // 2),
    "hashes": "### " * (MB // 4),
    "quotes": '"' * MB,
}


def _time(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def linux() -> tuple[float, str]:
    slowest, where = 0.0, ""
    for profile_id in PROFILE_IDS:
        profile = load_profile(profile_id)
        cases = linux_checks.cases_for(profile)
        sections = sorted({section for case in cases for section in case.sections})
        for name, pattern in PATTERNS.items():
            evidence = {section: pattern for section in sections} | {"end": ""}
            for case in cases:
                seconds = _time(lambda case=case, evidence=evidence, profile=profile:
                                linux_checks.judge(evidence, profile, only={case.id}))
                if seconds > slowest:
                    slowest, where = seconds, f"{case.id} on {name} ({profile_id})"
    return slowest, where


def _replace_strings(node, pattern: str):
    if isinstance(node, str):
        return pattern
    if isinstance(node, list):
        return [_replace_strings(x, pattern) for x in node]
    if isinstance(node, dict):
        return {k: (v if k == "section" else _replace_strings(v, pattern)) for k, v in node.items()}
    return node


def windows() -> tuple[float, str]:
    recorded = (ROOT / "tests/fixtures/windows/good-2012r2.ndjson").read_text(encoding="utf-8")
    good = windows_checks.parse_sections(recorded)
    slowest, where = 0.0, ""
    for profile_id in PROFILE_IDS:
        profile = load_profile(profile_id)
        for name, pattern in PATTERNS.items():
            evidence = {k: _replace_strings(v, pattern) for k, v in good.items()}
            line = json.dumps(evidence.get("os", {"section": "os"}))  # the parse itself, of a 1 MB line
            parse = _time(lambda line=line: windows_checks.parse_sections(line))
            if parse > slowest:
                slowest, where = parse, f"parse_sections on {name}"
            for case in windows_checks.cases(profile):
                seconds = _time(lambda case=case, evidence=evidence, profile=profile:
                                windows_checks.judge(evidence, profile, only={case.id}))
                if seconds > slowest:
                    slowest, where = seconds, f"{case.id} on {name} ({profile_id})"
    return slowest, where


def _measured(conn, fn) -> None:  # in the child
    started = time.perf_counter()
    try:
        fn()
        outcome = "ok"
    except Exception as exc:  # noqa: BLE001 - reported
        outcome = f"{type(exc).__name__}: {str(exc)[:60]}"
    seconds = time.perf_counter() - started
    peak_kib = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    conn.send((seconds, peak_kib / 1024, outcome))


def measure(fn, limit: float = 120.0) -> tuple[float, float, str]:
    """(seconds, peak MiB, outcome) of fn() in a fresh child; a child past `limit` is killed and reported."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_measured, args=(send, fn))
    child.start()
    send.close()
    if not receive.poll(limit):
        child.kill()
        child.join()
        return limit, float("nan"), f"killed after {limit:g} s"
    result = receive.recv()
    child.join()
    return result


def images() -> None:
    import hostile_images as h
    from image_roots import tree

    from wizard.core.preflight import preflight
    from wizard.core.profiles import load_profile

    profile = load_profile("partner-center")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        root = tree("good", base / "root").root

        def disk(name: str, patch=None, copies: int = 1, size: int = 32, options: tuple[str, ...] = (), folder=None) -> Path:
            part = h.ext_image(folder or root, base / f"{name}.img", size, *options)
            if patch:
                patch(part)
            return h.raw_disk(part, base / f"{name}.raw", copies)

        payloads = {
            "extent-index-loop": lambda: disk("loop", lambda p: [h.self_looping_extents(p, f) for f in
                                                                 ("/etc/fstab", "/etc/os-release", "/etc/passwd")]),
            "65535-extent-headers": lambda: disk("many", lambda p: [h.claims_65535_extents(p, f) for f in
                                                                    ("/etc/fstab", "/etc/os-release", "/etc/passwd",
                                                                     "/var/lib/dpkg/status", "/etc/sudoers")]),
            "sparse-64MiB-directory": lambda: disk("sparse", lambda p: h.sparse_directory(p, "/etc", 64 * h.MIB)),
            "1024-overlapping-gpt": lambda: disk("gpt", copies=1024, options=("-b", "1024", "-g", "256", "-N", "2048")),
        }
        links = tree("good", base / "links").root
        (links / "var/big").write_bytes(b"%sudo ALL=(ALL) ALL\n" * (4 * h.MIB // 20))
        (links / "etc/sudoers.d").mkdir(exist_ok=True)
        for i in range(100):
            (links / f"etc/sudoers.d/l{i:03d}").symlink_to("../../var/big")
        payloads["100-links-to-4MiB"] = lambda: disk("links", size=48, folder=links)
        clean = disk("clean")
        data = clean.read_bytes()

        def damaged(seed: int) -> Path:
            rng = random.Random(seed)
            out = bytearray(data)
            for _ in range(64):  # the first MiB of the partition: superblock, descriptors, inode tables, /etc
                out[h.MIB + rng.randrange(h.MIB)] = rng.randrange(256)
            path = base / f"damaged{seed}.raw"
            path.write_bytes(bytes(out))
            return path

        for name, build in payloads.items():
            target = build()
            seconds, peak, outcome = measure(lambda target=target: preflight(str(target), profile))
            report(f"adversarial_image {name}", seconds=seconds, peak_mib=peak, outcome=outcome, target_s=5.0,
                   target_mib=300)
        worst = (0.0, 0.0, "")
        for seed in range(20):
            target = damaged(seed)
            seconds, peak, outcome = measure(lambda target=target: preflight(str(target), profile))
            worst = max(worst, (seconds, peak, outcome))
            target.unlink()
        report("adversarial_image random-damage (worst of 20)", seconds=worst[0], peak_mib=worst[1], outcome=worst[2],
               target_s=5.0, target_mib=300)


def main() -> None:
    if "--images" in sys.argv:
        images()
        return
    linux_s, linux_where = linux()
    report("adversarial_linux", slowest_s=linux_s, where=linux_where, target_s=1.0, ratio_to_target=linux_s / 1.0)
    windows_s, windows_where = windows()
    report("adversarial_windows", slowest_s=windows_s, where=windows_where, target_s=1.0,
           ratio_to_target=windows_s / 1.0)
    images()


if __name__ == "__main__":
    main()
