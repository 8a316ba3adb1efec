"""A real OpenSSH server on loopback whose users are chrooted into prepared image roots.

Groundwork for the certification run (issue #5): each test user logs in with a
password or a key and lands in its own root (busybox-static for the shell and core
tools), where files a chroot cannot provide live (`/proc/cmdline`, `/proc/swaps`,
`/proc/mounts`) are plain files the test writes. sshd refuses chroots and key files
under /tmp, so roots live under /var/lib/mpwizard-test (root-owned, not writable by
others); the server's config, host key and pid file live in the test's temp folder.
Every run has its own tag (`RUN_TAG`, from the pid of the pytest process): user names get
it as a suffix and roots live under `/var/lib/mpwizard-test/<tag>/`, so two suites can run at
once on one machine; `cleanup_run()` removes the run's users and roots when the run ends.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from image_roots import GOOD_CMDLINE, write_base
from netutil import free_port, wait_until_listening

BASE = Path("/var/lib/mpwizard-test")


def _tag() -> str:
    digits, n, out = "0123456789abcdefghijklmnopqrstuvwxyz", os.getpid(), ""
    while n:
        n, d = divmod(n, 36)
        out = digits[d] + out
    return out or "0"


RUN_TAG = os.environ.get("MPWIZARD_TEST_RUN") or _tag()
ROOTS = BASE / RUN_TAG
_USERS: list[str] = []


def run_user(base: str) -> str:
    """The name this run gives test user `base` (Linux user names: at most 32 characters)."""
    return f"{base}{RUN_TAG}"[:32]


def cleanup_run() -> None:
    """Remove this run's users and image roots (left alone when the run is killed: the next run's tag differs)."""
    for name in _USERS:
        subprocess.run(["userdel", name], capture_output=True)
    shutil.rmtree(ROOTS, ignore_errors=True)
BUSYBOX_APPLETS = ("sh", "cat", "ls", "grep", "sed", "awk", "uname", "id", "head", "tail", "wc", "find", "stat",
                   "test", "[", "echo", "printf", "tr", "cut", "sort", "true", "false", "env", "which", "rm", "mktemp", "sleep")


@dataclass
class ImageRoot:
    """One test user's view of a certification VM."""

    user: str
    password: str
    root: Path
    files: dict[str, str] = field(default_factory=dict)

    def write(self, rel: str, text: str, mode: int = 0o644) -> None:
        path = self.root / rel.lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        path.chmod(mode)


def _ensure_user(name: str, password: str) -> int:
    if subprocess.run(["id", "-u", name], capture_output=True).returncode != 0:
        subprocess.run(["useradd", "--no-create-home", "--home-dir", "/home/" + name, "--shell", "/bin/sh", name],
                       check=True, capture_output=True)
    subprocess.run(["chpasswd"], input=f"{name}:{password}\n", text=True, check=True, capture_output=True)
    return int(subprocess.run(["id", "-u", name], capture_output=True, text=True, check=True).stdout)


def make_image_root(user: str, password: str, cmdline: str = GOOD_CMDLINE) -> ImageRoot:
    """A busybox root for this run's `user` (see `run_user`): shell, core tools, /etc/passwd, a home and /proc files."""
    user = run_user(user)
    busybox = shutil.which("busybox")
    if not busybox:
        raise RuntimeError("busybox-static is missing: run the tests through scripts/test")
    uid = _ensure_user(user, password)
    if not _USERS:
        atexit.register(cleanup_run)
    if user not in _USERS:
        _USERS.append(user)
    root = ROOTS / user
    ROOTS.mkdir(parents=True, exist_ok=True)
    if root.exists():
        shutil.rmtree(root)
    for sub in ("bin", "etc", "proc", "tmp", f"home/{user}", "root", "dev"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    for path in (BASE, ROOTS, root):  # sshd: every component root-owned and not writable by group/others
        os.chown(path, 0, 0)
        path.chmod(0o755)
    (root / "tmp").chmod(0o1777)
    shutil.copy2(busybox, root / "bin/busybox")
    for applet in BUSYBOX_APPLETS:
        (root / "bin" / applet).symlink_to("busybox")
    os.chown(root / f"home/{user}", uid, uid)
    image = ImageRoot(user, password, root)
    write_base(image, uid, cmdline)
    subprocess.run(["mknod", "-m", "666", str(root / "dev/null"), "c", "1", "3"], capture_output=True)
    return image


class SshServer:
    """`sshd -D` on 127.0.0.1 with its own config, host key and one Match block per image root."""

    def __init__(self, workdir: Path, images: list[ImageRoot], authorized_keys: dict[str, str] | None = None):
        self.workdir = Path(workdir)
        self.images = images
        self.authorized_keys = authorized_keys or {}
        self.port = free_port()
        self.proc: subprocess.Popen | None = None
        self.host_key = self.workdir / "ssh_host_ed25519_key"

    def _config(self) -> str:
        lines = [f"Port {self.port}", "ListenAddress 127.0.0.1", f"HostKey {self.host_key}",
                 f"PidFile {self.workdir / 'sshd.pid'}", "UsePAM no", "PasswordAuthentication yes",
                 "KbdInteractiveAuthentication no", "PubkeyAuthentication yes", "PermitRootLogin no",
                 "StrictModes no", "Subsystem sftp internal-sftp", "LogLevel ERROR"]
        for image in self.images:
            keys = ROOTS / f"{image.user}.authorized_keys"
            keys.write_text(self.authorized_keys.get(image.user, ""))
            keys.chmod(0o644)
            lines += [f"Match User {image.user}", f"    ChrootDirectory {image.root}", f"    AuthorizedKeysFile {keys}"]
        return "\n".join(lines) + "\n"

    def start(self) -> SshServer:
        Path("/run/sshd").mkdir(parents=True, exist_ok=True)
        if not self.host_key.exists():
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(self.host_key)], check=True)
        config = self.workdir / "sshd_config"
        config.write_text(self._config())
        self.proc = subprocess.Popen(["/usr/sbin/sshd", "-D", "-e", "-f", str(config)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wait_until_listening(self.proc, self.port, "sshd", 10, banner=b"SSH-")
        return self

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(5)

    def host_key_fingerprint(self) -> str:
        out = subprocess.run(["ssh-keygen", "-l", "-f", str(self.host_key) + ".pub"], capture_output=True, text=True,
                             check=True).stdout
        return out.split()[1]  # SHA256:…


def kill_tree(pid: int) -> None:
    """SIGKILL a process and all its descendants (sshd forks one process tree per session)."""
    import os
    import signal
    from pathlib import Path

    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    todo = [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            os.kill(current, signal.SIGKILL)
        except ProcessLookupError:
            pass
