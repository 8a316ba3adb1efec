"""The contents of the two test image roots, in one place: served over sshd (conftest `roots`) and
written into ext4 file systems inside fixed VHDs for the offline pre-flight (issue #23).

`fill_good` / `fill_bad` write into anything with `.user` and `.write(rel, text, mode)`: a chrooted
sshd root (`sshd_server.ImageRoot`) or a plain folder (`TreeRoot`). Each fact is written in both
forms a real Debian system has it in: the tool a running VM runs (a stub printing its version) and
the file the offline reader reads (the dpkg database, /lib/modules, the boot loader's
configuration, fstab, the saved firewall rules). `/proc` files exist only for the chroot (a real
image's /proc is empty; the pre-flight never reads it).

`build_vhd` turns a folder into a fixed VHD without root: `mkfs.ext4 -d DIR` into a partition
image, `sfdisk` for the table (MBR at sector 2048, or GPT with an EFI partition first: a real FAT
from `mkfs.vfat`, filled with `mcopy` — no mount either), then `qemu-img convert -O vpc -o subformat=fixed`.
"""

from __future__ import annotations

import platform
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

GOOD_CMDLINE = "console=ttyS0 earlyprintk=ttyS0 rootdelay=300"
BAD_CMDLINE = "quiet splash"
# busybox's uname in the chroot reports the host's kernel: the image "runs" the same one.
KERNEL = platform.release()
MIB = 1024 * 1024


@dataclass
class TreeRoot:
    """A plain folder standing for an image root (no sshd, no system user)."""

    user: str
    root: Path

    def write(self, rel: str, text: str, mode: int = 0o644) -> None:
        path = self.root / rel.lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        path.chmod(mode)

    def link(self, rel: str, target: str) -> None:
        path = self.root / rel.lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(target)


def write_base(image, uid: int, cmdline: str) -> None:
    """What every root holds: /etc/passwd and /etc/group, os-release, and the /proc files a chroot lacks."""
    user = image.user
    image.write("etc/passwd", f"root:x:0:0:root:/root:/bin/sh\n{user}:x:{uid}:{uid}::/home/{user}:/bin/sh\n")
    image.write("etc/group", f"root:x:0:\n{user}:x:{uid}:\n")
    image.write("proc/cmdline", cmdline + "\n")
    image.write("etc/os-release", 'NAME="Test Linux"\nID=testlinux\nVERSION_ID="1"\nPRETTY_NAME="Test Linux 1 (image root)"\n')
    image.write("proc/swaps", "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n")
    image.write("proc/mounts", "/dev/sda1 / ext4 rw,relatime 0 0\n")


def base_tree(user: str, folder: Path, cmdline: str, uid: int = 1000) -> TreeRoot:
    """What `sshd_server.make_image_root` gives a root, in a plain folder (busybox as /bin/sh)."""
    busybox = shutil.which("busybox")
    if not busybox:
        pytest.fail("busybox-static is missing: run the tests through scripts/test")
    tree = TreeRoot(user, folder)
    for sub in ("bin", "etc", "proc", "tmp", f"home/{user}", "root", "dev"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    shutil.copy2(busybox, folder / "bin/busybox")
    (folder / "bin/sh").symlink_to("busybox")
    write_base(tree, uid, cmdline)
    return tree


def tool(image, path: str, output: str) -> None:
    image.write(path, f"#!/bin/sh\necho '{output}'\n", mode=0o755)


def dpkg_status(**versions: str) -> str:
    """/var/lib/dpkg/status with these installed packages."""
    return "\n".join(f"Package: {name.replace('_', '-')}\nStatus: install ok installed\nArchitecture: amd64\n"
                     f"Version: {version}\nDescription: test package\n" for name, version in versions.items())


def grub(image, cmdline: str) -> None:
    image.write("etc/default/grub", f'GRUB_DEFAULT=0\nGRUB_CMDLINE_LINUX_DEFAULT=""\nGRUB_CMDLINE_LINUX="{cmdline}"\n')
    image.write("boot/grub/grub.cfg", "menuentry 'Test Linux' {\n\tinsmod ext2\n"
                                      f"\tlinux\t/boot/vmlinuz-{KERNEL} root=/dev/sda1 ro {cmdline}\n"
                                      f"\tinitrd\t/boot/initrd.img-{KERNEL}\n}}\n")


def fill_good(good) -> None:
    """The root prepared to pass the Linux test cases."""
    tool(good, "usr/sbin/waagent", "WALinuxAgent-2.2.45 running on debian 10.0")
    good.write("etc/waagent.conf", "# agent\nProvisioning.RegenerateSshHostKeyPair=y\nProvisioning.DeleteRootPassword=y\n"
                                   "AutoUpdate.Enabled=y\n")
    good.write("etc/ssh/sshd_config", "Port 22\nClientAliveInterval 180\n")
    tool(good, "usr/sbin/sshd", "")
    tool(good, "usr/bin/python3", "Python 3.11.2")
    tool(good, "usr/bin/openssl", "OpenSSL 3.0.11 19 Sep 2023")
    tool(good, "sbin/ifup", "")
    tool(good, "sbin/ifdown", "")
    good.write("proc/modules", "hv_vmbus 1 0 - Live\nhv_storvsc 1 0 - Live\nhv_netvsc 1 0 - Live\nhv_utils 1 0 - Live\n")
    for module in ("hv/hv_vmbus.ko", "hv/hv_utils.ko", "scsi/hv_storvsc.ko", "net/hyperv/hv_netvsc.ko"):
        good.write(f"lib/modules/{KERNEL}/kernel/drivers/{module}", "")
    good.write(f"boot/vmlinuz-{KERNEL}", "")
    grub(good, GOOD_CMDLINE)
    good.write("etc/fstab", "/dev/sda1 / ext4 defaults 0 1\n")
    good.write("etc/resolv.conf", "nameserver 127.0.0.53\n")
    good.write(f"home/{good.user}/.bash_history", "")
    good.write("etc/network/interfaces", "auto eth0\niface eth0 inet dhcp\n")
    good.write("etc/sudoers", "root ALL=(ALL) ALL\n")
    good.write("proc/sys/net/ipv6/conf/all/disable_ipv6", "1\n")
    good.write("etc/sysctl.d/10-ipv6.conf", "net.ipv6.conf.all.disable_ipv6 = 1\n")
    tool(good, "usr/bin/ldd", "ldd (Debian GLIBC 2.36-9) 2.36")
    tool(good, "usr/sbin/iptables", "-P INPUT ACCEPT")
    # Password-less sudo (as on an Azure VM's admin user; the stub runs the command as the user) and a clean shadow.
    good.write("usr/bin/sudo", '#!/bin/sh\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n'
                               '[ "$1" = "-n" ] && shift\nexec "$@"\n', mode=0o755)
    good.write("etc/shadow", f"root:*:19000:0:99999:7:::\n{good.user}:!:19000::::::\n")
    good.write("root/.ssh/authorized_keys", 'command="echo \'Please login as the user \\"azureuser\\" rather than the user '
                                            '\\"root\\".\';echo;sleep 10;exit 142" ssh-rsa AAAA\n')
    good.write(f"boot/config-{KERNEL}", "CONFIG_WATCHDOG=y\nCONFIG_CIFS=m\n")
    good.write("var/lib/dpkg/status", dpkg_status(walinuxagent="2.2.45-1", python3="3.11.2-1+b1",
                                                  openssl="3.0.11-1~deb12u2", libc6="2.36-9+deb12u3"))


def fill_bad(bad) -> None:
    """The root prepared to fail the Linux test cases (each in a way a real image can)."""
    bad.write(f"home/{bad.user}/.bash_history", "ls -la\n" * 300)
    bad.write("etc/ssh/sshd_config", "ClientAliveInterval 300\n")
    bad.write("proc/swaps", "Filename Type Size Used Priority\n/dev/sda2 partition 1048572 0 -2\n")
    bad.write("proc/mounts", "/dev/mapper/vg-root / ext4 rw 0 0\n")
    bad.write("etc/fstab", "/dev/mapper/vg-root / ext4 defaults 0 1\n/dev/sda2 none swap sw 0 0\n")
    grub(bad, BAD_CMDLINE)
    bad.write(f"lib/modules/{KERNEL}/kernel/drivers/ata/ata_piix.ko", "")
    bad.write("etc/resolv.conf", "nameserver 8.8.8.8\n")
    bad.write("etc/sudoers", "Defaults targetpw\nALL ALL=(ALL) ALL\n")
    bad.write("etc/network/interfaces", "auto eth0\niface eth0 inet static\n  address 10.0.0.4\n")
    bad.write("etc/systemd/system/multi-user.target.wants/NetworkManager.service", "")
    tool(bad, "usr/bin/python3", "Python 2.5.1")
    tool(bad, "usr/bin/openssl", "OpenSSL 0.9.7 1 Jan 2004")
    tool(bad, "usr/sbin/waagent", "WALinuxAgent-2.2.10 running on debian 8")
    tool(bad, "usr/bin/ldd", "ldd (GNU libc) 2.12")
    bad.write("var/lib/dpkg/status", dpkg_status(walinuxagent="2.2.10-1", python3="2.5.1-1", openssl="0.9.7-1",
                                                 libc6="2.12-1"))
    # Passwordless sudo (the stub runs the command as the user: enough for the read-only probe),
    # iptables with a rule and a readable /etc/shadow with a password hash. (busybox's shell runs its own
    # uname applet before any script on PATH, so a 32-bit machine is tested from probe output.)
    bad.write("usr/bin/sudo", '#!/bin/sh\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n'
                              '[ "$1" = "-n" ] && shift\nexec "$@"\n', mode=0o755)  # secure_path, like sudo
    bad.write("usr/sbin/iptables", "#!/bin/sh\necho '-P INPUT ACCEPT'\necho '-A INPUT -p tcp --dport 22 -j ACCEPT'\n",
              mode=0o755)
    bad.write("etc/iptables/rules.v4", "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n"
                                       "-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT\n")
    bad.write("etc/shadow", "root:$6$saltsalt$SECRETHASHVALUE:19000:0:99999:7:::\n" + bad.user + ":!:19000::::::\n"
              "builder:$6$saltsalt$OTHERHASH:19000:0:99999:7:::\n")
    bad.write("etc/passwd", f"root:x:0:0:root:/root:/bin/sh\n{bad.user}:x:{bad_uid(bad)}:{bad_uid(bad)}::/home/{bad.user}:/bin/sh\n"
              "builder:x:1500:1500::/home/builder:/bin/sh\n")
    bad.write("home/builder/.ssh/authorized_keys", "ssh-ed25519 AAAAC3Nza-left-by-the-build\n")
    bad.write(f"boot/config-{KERNEL}", "CONFIG_WATCHDOG=y\n# CONFIG_CIFS is not set\n")


def bad_uid(image) -> int:
    """The uid write_base gave the root's user (its line in /etc/passwd)."""
    path = image.root / "etc/passwd"
    for line in path.read_text().splitlines():
        f = line.split(":")
        if f[0] == image.user:
            return int(f[2])
    return 1000


def tree(kind: str, folder: Path, user: str | None = None) -> TreeRoot:
    """The good or the bad root as a plain folder."""
    user = user or f"mpwt{kind}"
    root = base_tree(user, folder, GOOD_CMDLINE if kind == "good" else BAD_CMDLINE)
    (fill_good if kind == "good" else fill_bad)(root)
    return root


def _run(*args: str) -> None:
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{' '.join(args)}: {done.stderr.strip()}")


ESP_MIB = {12: 8, 16: 8, 32: 40}  # mkfs.vfat needs ≥ 65525 clusters for FAT32: 40 MiB of 512-byte clusters


def build_vhd(folder: Path, out: Path, scheme: str = "mbr", size_mib: int = 64, swap_mib: int = 0,
              fs_type: str = "ext4", boot: Path | None = None, esp: Path | None = None, esp_fat: int = 16,
              root_uuid: str = "", boot_uuid: str = "") -> Path:
    """A fixed VHD whose root partition holds `folder` (ext4 via `mkfs.ext4 -d`); no root needed.

    mbr: the root at sector 2048 (type 0x83), then an optional swap partition.
    gpt: an EFI system partition at sector 2048 (FAT`esp_fat` from `mkfs.vfat`, holding the folder
    `esp` via `mcopy`, else an empty /EFI/BOOT), then the root, then optional swap.
    `boot`: a folder for a separate ext4 /boot partition (16 MiB) before the root.
    `root_uuid`, `boot_uuid`: the ext file systems' UUIDs (for a stub grub.cfg's `search --fs-uuid`)."""
    for binary in ("mkfs.ext4", "sfdisk", "qemu-img") + (("mkfs.vfat", "mcopy") if scheme == "gpt" else ()):
        if not shutil.which(binary):
            pytest.fail(f"{binary} is missing: run the tests through scripts/test (e2fsprogs, fdisk, qemu-utils, "
                        "dosfstools, mtools)")
    work = out.parent / (out.stem + ".parts")
    work.mkdir(parents=True, exist_ok=True)
    raw = work / "disk.raw"
    efi_mib = ESP_MIB[esp_fat] if scheme == "gpt" else 0
    size_mib += efi_mib - 8 if efi_mib else 0  # a larger ESP does not shrink the root
    root_mib = size_mib - 2 - efi_mib - swap_mib
    with open(raw, "wb") as fh:
        fh.truncate(size_mib * MIB)
    lines = ["label: gpt" if scheme == "gpt" else "label: dos"]
    start = 2048
    if efi_mib:
        lines.append(f"start={start}, size={efi_mib * 2048}, type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B")
        start += efi_mib * 2048
    root_type = "0FC63DAF-8483-4772-8E79-3D69D8477DE4" if scheme == "gpt" else "83"
    boot_start = 0
    if boot is not None:
        boot_start, root_mib = start, root_mib - 16
        lines.append(f"start={start}, size={16 * 2048}, type={root_type}")
        start += 16 * 2048
    lines.append(f"start={start}, size={root_mib * 2048}, type={root_type}")
    if scheme != "gpt":  # the first MBR partition active, as a BIOS image boots (an OS disk without one is warned)
        lines[1] += ", bootable"
    root_start = start
    start += root_mib * 2048
    if swap_mib:
        lines.append(f"start={start}, size={swap_mib * 2048}, type={'0657FD6D-A4AB-43C4-84E5-0933C84B4F4F' if scheme == 'gpt' else '82'}")
    done = subprocess.run(["sfdisk", "-q", str(raw)], input="\n".join(lines) + "\n", capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"sfdisk: {done.stderr}")
    part = work / "root.img"
    with open(part, "wb") as fh:
        fh.truncate(root_mib * MIB)
    if fs_type == "ext4":
        _run("mkfs.ext4", "-q", "-F", *(("-U", root_uuid) if root_uuid else ()), "-d", str(folder), str(part))
    else:  # a stand-in for a file system the pre-flight does not read: its signature only
        with open(part, "r+b") as fh:
            fh.write(b"XFSB" if fs_type == "xfs" else b"")
            if fs_type == "lvm":
                fh.seek(512)
                fh.write(b"LABELONE")
    if boot is not None:
        boot_img = work / "boot.img"
        with open(boot_img, "wb") as fh:
            fh.truncate(16 * MIB)
        _run("mkfs.ext4", "-q", "-F", *(("-U", boot_uuid) if boot_uuid else ()), "-d", str(boot), str(boot_img))
        with open(raw, "r+b") as dst, open(boot_img, "rb") as src:
            _copy_sparse(src, dst, boot_start * 512)
    with open(raw, "r+b") as dst, open(part, "rb") as src:
        _copy_sparse(src, dst, root_start * 512)
        if efi_mib:
            with open(fat_esp(work / "esp.img", efi_mib, esp_fat, esp), "rb") as src:
                _copy_sparse(src, dst, 2048 * 512)
        if swap_mib:
            dst.seek(start * 512 + 4086)
            dst.write(b"SWAPSPACE2")
    _run("qemu-img", "convert", "-O", "vpc", "-o", "subformat=fixed", str(raw), str(out))
    shutil.rmtree(work)
    return out


def fat_esp(image: Path, size_mib: int, fat: int, folder: Path | None = None) -> Path:
    """A FAT12/16/32 file system image (`mkfs.vfat`) holding `folder`'s contents (`mcopy -s`), or an
    empty /EFI/BOOT: an EFI System Partition made without mounting."""
    with open(image, "wb") as fh:
        fh.truncate(size_mib * MIB)
    _run("mkfs.vfat", "-F", str(fat), *(() if fat == 12 else ("-s", "1")), "-n", "ESP", str(image))
    on_image = ["-i", str(image)]
    if folder is None:
        _run("mmd", *on_image, "::/EFI", "::/EFI/BOOT")
    else:
        for child in sorted(folder.iterdir()):
            _run("mcopy", "-s", "-Q", *on_image, str(child), "::/")
    return image


def _copy_sparse(src, dst, offset: int, chunk: int = MIB) -> None:
    """Copy `src` into `dst` at `offset`, leaving zero chunks as holes (the images stay sparse)."""
    position = 0
    while True:
        block = src.read(chunk)
        if not block:
            return
        if block.count(0) != len(block):
            dst.seek(offset + position)
            dst.write(block)
        position += len(block)


def rhel_esp(folder: Path, cmdline: str, vendor: str = "redhat", loader: str = "grubx64.efi") -> Path:
    """An ESP as the RHEL family's UEFI images have it (7, 8 before BLS): the real menu in EFI/<vendor>/grub.cfg."""
    efi = folder / "EFI" / vendor
    efi.mkdir(parents=True, exist_ok=True)
    (efi / loader).write_bytes(b"MZ" + bytes(510))
    header = "".join(f"if [ -s $prefix/grubenv ]; then\n  load_env\nfi\nset menu_color_normal=cyan/blue  # {i}\n"
                     for i in range(40))  # a real one is 5–7 KiB: its chain spans clusters
    (efi / "grub.cfg").write_text(
        f"### BEGIN /etc/grub.d/00_header ###\n{header}### END /etc/grub.d/00_header ###\n"
        "### BEGIN /etc/grub.d/10_linux ###\n"
        f"menuentry 'Red Hat Enterprise Linux ({KERNEL})' --class red --unrestricted {{\n"
        "\tload_video\n\tset gfxpayload=keep\n\tinsmod gzio\n\tinsmod part_gpt\n\tinsmod xfs\n"
        f"\tlinuxefi /vmlinuz-{KERNEL} root=UUID=0c7c0a5b-41d2-4f70-9a4a-1e8f2d1b2c3d ro {cmdline}\n"
        f"\tinitrdefi /initramfs-{KERNEL}.img\n}}\n")
    (folder / "EFI/BOOT").mkdir(parents=True, exist_ok=True)
    (folder / "EFI/BOOT/BOOTX64.EFI").write_bytes(b"MZ" + bytes(510))
    return folder


def stub_esp(folder: Path, uuid: str, vendor: str = "ubuntu", prefix: str = "($root)'/boot/grub'") -> Path:
    """An ESP whose grub.cfg only hands over (Ubuntu and Debian; RHEL 9 with prefix=($dev)/grub2)."""
    efi = folder / "EFI" / vendor
    efi.mkdir(parents=True, exist_ok=True)
    search = f"search.fs_uuid {uuid} root hd0,gpt2" if vendor == "ubuntu" else \
        f"search --no-floppy --fs-uuid --set=dev {uuid}"
    (efi / "grub.cfg").write_text(f"{search}\nset prefix={prefix}\nexport $prefix\nconfigfile $prefix/grub.cfg\n")
    return folder


# -- issue #31: roots shaped like each family's real files ----------------------------------------------
FAMILIES = ("rhel9", "ubuntu2204", "sles15", "azurelinux3", "debian12")
OS_RELEASE = {
    "rhel9": 'NAME="Red Hat Enterprise Linux"\nVERSION="9.4 (Plow)"\nID="rhel"\nID_LIKE="fedora"\nVERSION_ID="9.4"\n'
             'PRETTY_NAME="Red Hat Enterprise Linux 9.4 (Plow)"\n',
    "ubuntu2204": 'PRETTY_NAME="Ubuntu 22.04.4 LTS"\nNAME="Ubuntu"\nVERSION_ID="22.04"\nVERSION="22.04.4 LTS (Jammy Jellyfish)"\n'
                  'ID=ubuntu\nID_LIKE=debian\nVERSION_CODENAME=jammy\n',
    "sles15": 'NAME="SLES"\nVERSION="15-SP5"\nVERSION_ID="15.5"\nPRETTY_NAME="SUSE Linux Enterprise Server 15 SP5"\nID="sles"\n'
              'ID_LIKE="suse"\n',
    "azurelinux3": 'NAME="Microsoft Azure Linux"\nVERSION="3.0.20240727"\nID=azurelinux\nVERSION_ID="3.0"\n'
                   'PRETTY_NAME="Microsoft Azure Linux 3.0"\n',
    "debian12": 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\n'
                'VERSION_CODENAME=bookworm\nID=debian\n',
}
FAMILY_CMDLINE = "console=tty1 console=ttyS0,115200n8 earlyprintk=ttyS0 rootdelay=300"
HV = ("hv/hv_vmbus", "hv/hv_utils", "scsi/hv_storvsc", "net/hyperv/hv_netvsc")
RHUI = "".join(f"[rhui-rhel-9-for-x86_64-{r}-rhui-rpms]\nname=Red Hat Enterprise Linux 9 for x86_64 - {r} from RHUI\n"
               f"enabled={1 if 'source' not in r else 0}\n\n"
               for r in ("baseos", "appstream", "baseos-source", "appstream-source", "supplementary", "highavailability"))


def fill_family(image, family: str, broken: bool = False) -> None:
    """A root as `family`'s Azure image has its files (prepared to pass), or with that family's typical
    faults (`broken`): each one a case of LISA's whose fix the product gives."""
    image.write("etc/os-release", OS_RELEASE[family])
    image.write("proc/cmdline", f"BOOT_IMAGE=/vmlinuz-{KERNEL} root=UUID=0c7c0a5b ro {FAMILY_CMDLINE}\n")
    image.write("etc/waagent.conf", "Provisioning.RegenerateSshHostKeyPair=y\nProvisioning.DeleteRootPassword=y\n"
                                    "ResourceDisk.Format=y\nResourceDisk.EnableSwap=n\nAutoUpdate.Enabled=y\n")
    tool(image, "usr/sbin/waagent", "WALinuxAgent-2.9.1.1 running on linux")
    tool(image, "usr/sbin/sshd", "")
    tool(image, "usr/bin/python3", "Python 3.11.2")
    tool(image, "usr/bin/openssl", "OpenSSL 3.0.13 30 Jan 2024")
    tool(image, "usr/bin/ldd", "ldd (GNU libc) 2.36")
    tool(image, "sbin/ifup", "")
    tool(image, "sbin/ifdown", "")
    image.write("usr/bin/sudo", '#!/bin/sh\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n'
                                '[ "$1" = "-n" ] && shift\nexec "$@"\n', mode=0o755)
    image.write("etc/shadow", f"root:*:19000:0:99999:7:::\n{image.user}:!:19000::::::\n")
    image.write("etc/sudoers", "Defaults env_reset,targetpw\nroot ALL=(ALL) ALL\n")  # LISA: no `Defaults targetpw` line
    image.write("etc/resolv.conf", "nameserver 127.0.0.53\n" if family in ("ubuntu2204",) else "search reddog.microsoft.com\n")
    image.write(f"boot/vmlinuz-{KERNEL}", "")
    image.write(f"boot/config-{KERNEL}", "CONFIG_WATCHDOG=y\nCONFIG_CIFS=m\n")
    image.write("etc/fstab", "UUID=0c7c0a5b / ext4 defaults 0 1\n")
    image.write(f"home/{image.user}/.bash_history", "")
    if family != "debian12":  # Debian 12's Azure kernel has the Hyper-V drivers built in (modules.builtin only)
        image.write("proc/modules", "".join(f"{m.rsplit('/', 1)[1]} 1 0 - Live\n" for m in HV))
        for m in HV:
            image.write(f"lib/modules/{KERNEL}/kernel/drivers/{m}.ko", "")
    cfg = f"linux\t/boot/vmlinuz-{KERNEL} root=UUID=0c7c0a5b ro {FAMILY_CMDLINE}"
    main_sshd = "# Azure\nClientAliveInterval 180\nPasswordAuthentication no\n"
    alive = "500" if broken else "120"
    if family == "rhel9":
        image.write("etc/redhat-release", "Red Hat Enterprise Linux release 9.4 (Plow)\n")  # LISA's version source for RHEL
        image.write("etc/default/grub", f'GRUB_TIMEOUT=1\nGRUB_CMDLINE_LINUX="{FAMILY_CMDLINE}"\nGRUB_ENABLE_BLSCFG=true\n')
        image.write("boot/grub2/grub.cfg", f"menuentry 'Red Hat Enterprise Linux' {{\n\t{cfg}\n}}\n")
        image.write("boot/grub2/grubenv", "# GRUB Environment Block\nsaved_entry=abc-5.14.0\nboot_success=1\n" + "#" * 900)
        image.write("etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\n" + main_sshd + "Subsystem sftp /usr/libexec/openssh/sftp-server\n")
        image.write("etc/ssh/sshd_config.d/50-redhat.conf", "SyslogFacility AUTHPRIV\nChallengeResponseAuthentication no\nX11Forwarding yes\n")
        image.write("etc/NetworkManager/system-connections/cloud-init-eth0.nmconnection",
                    "[connection]\nid=cloud-init eth0\nuuid=1dd9a779\ntype=ethernet\ninterface-name=eth0\n\n[ipv4]\nmethod=auto\n")
        image.write("usr/sbin/NetworkManager", "#!/bin/sh\n", mode=0o755)
        image.write("etc/systemd/system/multi-user.target.wants/NetworkManager.service", "")
        image.write("etc/yum.repos.d/rh-cloud.repo", RHUI)
        image.write("etc/yum.repos.d/rhui-microsoft-azure-rhel9.repo", "[rhui-microsoft-azure-rhel9]\nname=Microsoft Azure RPMs\nenabled=1\n")
        if broken:
            image.write("etc/udev/rules.d/70-persistent-net.rules", 'SUBSYSTEM=="net", ATTR{address}=="00:0d:3a:00:00:01", NAME="eth0"\n')
            image.write("etc/sysconfig/network", "# Created by anaconda\n")
        else:
            image.write("etc/sysconfig/network", "NETWORKING=yes\nHOSTNAME=localhost.localdomain\n")
            image.write("etc/sysconfig/network-scripts/ifcfg-eth0",
                        "DEVICE=eth0\nONBOOT=yes\nBOOTPROTO=dhcp\nTYPE=Ethernet\nUSERCTL=no\nPEERDNS=yes\nIPV6INIT=no\n")
    elif family in ("ubuntu2204", "debian12"):
        image.write("etc/default/grub", f'GRUB_DEFAULT=0\nGRUB_CMDLINE_LINUX="{FAMILY_CMDLINE}"\n')
        image.write("boot/grub/grub.cfg", f"menuentry 'Linux' {{\n\t{cfg}\n}}\n")
        image.write("var/lib/dpkg/status", dpkg_status(walinuxagent="2.9.1.1-0ubuntu1", python3="3.11.2-1", openssl="3.0.13-1",
                                                       libc6="2.36-9"))
        if family == "ubuntu2204":
            image.write("etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\n\n#Port 22\nKbdInteractiveAuthentication no\n"
                                               "UsePAM yes\nX11Forwarding yes\nClientAliveInterval 180\n")
            image.write("etc/ssh/sshd_config.d/50-cloudimg-settings.conf", f"ClientAliveInterval {alive}\nPasswordAuthentication no\n")
            image.write("etc/netplan/50-cloud-init.yaml", "network:\n    ethernets:\n        eth0:\n            dhcp4: true\n    version: 2\n")
            image.write("etc/apt/sources.list", "".join(f"deb http://azure.archive.ubuntu.com/ubuntu/ jammy{s} main restricted\n"
                                                        for s in ("", "-updates", "-backports", "-security")))
        else:
            image.write("etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\nKbdInteractiveAuthentication no\nUsePAM yes\n"
                                               f"ClientAliveInterval {'500' if broken else '120'}\n")
            image.write("etc/network/interfaces", "source /etc/network/interfaces.d/*\nauto lo\niface lo inet loopback\n")
            image.write(f"lib/modules/{KERNEL}/modules.builtin", "".join(f"kernel/drivers/{m}.ko\n" for m in HV) +
                        "kernel/drivers/scsi/sd_mod.ko\n")
            image.write("etc/apt/sources.list.d/debian.sources",
                        "Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates bookworm-backports\n"
                        "Components: main\n")
    elif family == "sles15":
        image.write("etc/default/grub", f'GRUB_CMDLINE_LINUX_DEFAULT="{FAMILY_CMDLINE}"\n')
        image.write("boot/grub2/grub.cfg", f"menuentry 'SLES 15-SP5' {{\n\t{cfg}\n}}\n")
        image.write("etc/ssh/sshd_config", main_sshd)
        image.write("etc/sysconfig/network/dhcp", 'DHCLIENT_SET_DEFAULT_ROUTE="yes"\n'
                    f'DHCLIENT_SET_HOSTNAME="{"yes" if broken else "no"}"\n')
        image.write("etc/sysconfig/network/ifcfg-eth0", "BOOTPROTO='dhcp'\nSTARTMODE='auto'\n")
        for repo in ("SLE-Module-Basesystem15-SP5-Pool", "SLE-Module-Basesystem15-SP5-Updates"):
            image.write(f"etc/zypp/repos.d/{repo}.repo", f"[{repo}]\nname={repo}\nenabled=1\nautorefresh=1\n")
    else:  # azurelinux3
        image.write("etc/default/grub", f'GRUB_CMDLINE_LINUX="{FAMILY_CMDLINE}"\n')
        image.write("boot/grub2/grub.cfg", f"menuentry 'Azure Linux' {{\n\t{cfg}\n}}\n")
        image.write("etc/ssh/sshd_config", main_sshd)
        image.write("etc/systemd/networkd.conf", "[Network]\n#SpeedMeter=no\n")
        image.write("etc/dhcpcd.conf", "hostname\n" if broken else "hostname\noption host_name\n")
        for repo in ("azurelinux-official-base", "azurelinux-official-ms-oss", "azurelinux-official-ms-non-oss"):
            image.write(f"etc/yum.repos.d/{repo}.repo", f"[{repo}]\nname=Azure Linux Official {repo}\nenabled=1\n")
        image.write("proc/1/comm", "systemd\n")
        image.write("proc/812/comm", "hypervkvpd\n")
        image.write("var/log/cloud-init.log", "2024-07-27 cloud-init[812]: util.py[DEBUG]: Cloud-init v. 24.1 finished\n")
        tool(image, "usr/bin/cloud-init", "status: done")
