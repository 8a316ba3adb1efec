# Read-only evidence probe for the Linux certification checks (issues #5, #31).
# Runs as `sh -s` (fed on standard input: nothing is written to the VM), works on
# busybox and minimal images, prints one "@@@name" section per piece of evidence.
# Root-only files are read as root through `sudo -n` (as LISA reads them with sudo); without
# password-less sudo such a section is the one word "needs-root" and its case is Skipped.
s() { printf '\n@@@%s\n' "$1"; }
# Every command that may wait (sudo asking a resolver, an agent, sshd -T, a package database, a big log) runs under
# `timeout` where the system has one (GNU or busybox syntax), with nothing on standard input: the script itself is
# sh's standard input, and a command reading it would swallow the rest of the probe.
W=20; case ${MPW_PROBE_WAIT:-} in [1-9]|[1-9][0-9]) W=$MPW_PROBE_WAIT;; esac
TO=""; if timeout 5 true 2>/dev/null; then TO="timeout $W"; elif timeout -t 5 true 2>/dev/null; then TO="timeout -t $W"; fi
T() { $TO "$@" </dev/null; }
# A file from the VM, at most 64 KiB of it (the whole probe's output is capped too: a huge file must not crowd out the rest).
C() { [ -r "$1" ] && head -c 65536 "$1" 2>/dev/null; }
# Asked once, when a section first needs root (the sections before it arrive even if sudo hangs).
AS=""
detect_root() { [ -n "$AS" ] && return 0
  if [ "$(id -u 2>/dev/null)" = 0 ]; then AS=self; elif command -v sudo >/dev/null 2>&1 && T sudo -n true 2>/dev/null; then AS=sudo; else AS=no; fi; }
asroot() { detect_root; case $AS in self) T "$@";; sudo) T sudo -n "$@";; *) echo needs-root;; esac; }
s uname_m; uname -m
s uname_r; uname -r
s user; id -un 2>/dev/null || whoami
# The connecting user's own home (LISA leaves the connecting user out of verify_bash_history_is_empty).
s user_home; u=$(id -un 2>/dev/null); [ -n "$u" ] && awk -F: -v u="$u" '$1 == u { print $6 }' /etc/passwd 2>/dev/null
s tcp_sack; cat /proc/sys/net/ipv4/tcp_sack 2>/dev/null
s os_release; C /etc/os-release || C /usr/lib/os-release
# LISA takes the RHEL family's version from here (CentOS 7: 7.9.2009 where os-release says 7; RHEL 6 has no os-release).
s redhat_release; head -n 1 /etc/redhat-release 2>/dev/null | cut -c 1-200
s cmdline; cat /proc/cmdline 2>/dev/null
s grub; C /etc/default/grub
for f in /boot/efi/EFI/*/grub.cfg /boot/grub/grub.cfg /boot/grub2/grub.cfg; do
  [ -r "$f" ] && grep -qE '^[[:space:]]*linux' "$f" && { echo "### $f"; grep -E '^[[:space:]]*linux' "$f"; }
done
s swaps; cat /proc/swaps 2>/dev/null
# Each active swap's backing device (a swap file: the file system it is on) and the root's.
s swap_devices
disk_of() { n=$(readlink -f "$1" 2>/dev/null); n=${n#/dev/}
  [ -d "/sys/block/$n/slaves" ] && [ -n "$(ls "/sys/block/$n/slaves" 2>/dev/null)" ] && n=$(ls "/sys/block/$n/slaves" | head -1)
  p=$(readlink -f "/sys/class/block/$n" 2>/dev/null); [ -n "$p" ] || return 0; p=$(basename "$(dirname "$p")"); [ "$p" = block ] && echo "$n" || echo "$p"; }
tail -n +2 /proc/swaps 2>/dev/null | while read -r name kind rest; do
  dev=$name; [ "$kind" = file ] && dev=$(T df -P "$name" 2>/dev/null | tail -1 | cut -d' ' -f1)
  echo "swap $name $kind ${dev:--} $(disk_of "$dev")"; done
root_dev=$(awk '$2 == "/" && $1 != "rootfs" { d = $1 } END { print d }' /proc/mounts 2>/dev/null)
echo "root ${root_dev:--} $(disk_of "$root_dev")"
s fstab; C /etc/fstab
s mounts; C /proc/mounts
s history
# LISA (verify_bash_history_is_empty) runs `find <home> -type f ( -name ".*sh_history" -o -name ".history" )` with sudo in
# every shell user's home: the whole tree, not only the top. As root where sudo -n allows; else as the user, and a home
# with a folder the user cannot read is named "unreadable" (the case is Skipped, never judged from half a home).
FINDH='find "$0" -xdev -type f \( -name ".*sh_history" -o -name ".history" \) 2>/dev/null | head -n 100 | while IFS= read -r f; do n=$( { wc -c < "$f"; } 2>/dev/null) && [ -n "$n" ] && printf "%s %s\n" $n "$f" || printf "unreadable %s\n" "$f"; done; true'
detect_root
for home in $({ echo /root; awk -F: '$7 ~ /sh$/ { print $6 }' /etc/passwd 2>/dev/null; } | sort -u); do
  [ -d "$home" ] && [ "$home" != / ] || continue
  if [ "$AS" != no ]; then asroot sh -c "$FINDH" "$home"
  elif [ -n "$(T find "$home" -xdev -type d 2>&1 >/dev/null | head -n 1)" ] || ! [ -r "$home" ] || ! [ -x "$home" ]; then echo "unreadable $home"
  else T sh -c "$FINDH" "$home"; fi
done
s waagent
for w in /usr/sbin/waagent /usr/bin/waagent /usr/local/sbin/waagent /usr/local/bin/waagent; do
  if [ -x "$w" ]; then echo "path $w"; T "$w" -version 2>&1 | head -3; break; fi
done
# LISA's Waagent tool reads /usr/share/oem/waagent.conf on Flatcar / CoreOS (named on a first comment line).
s waagent_conf; if [ -r /etc/waagent.conf ]; then C /etc/waagent.conf; elif [ -r /usr/share/oem/waagent.conf ]; then echo "#@read-from /usr/share/oem/waagent.conf"; C /usr/share/oem/waagent.conf; fi
# The main file where LISA looks for it: /etc/ssh, else the vendor's /usr/etc/ssh (named on a first comment line).
# LISA reads them with sudo: RHEL's are root's alone (0600); without sudo -n such a file is "needs-root".
R() { if [ -r "$1" ]; then C "$1"; else asroot head -c 65536 "$1" 2>/dev/null; fi; }
s sshd_config; if [ -f /etc/ssh/sshd_config ]; then R /etc/ssh/sshd_config; else for f in /usr/etc/ssh/sshd_config /usr/local/etc/ssh/sshd_config; do [ -f "$f" ] && { echo "#@read-from $f"; R "$f"; break; }; done; fi
s sshd_dropins; for f in /etc/ssh/sshd_config.d/*.conf /usr/etc/ssh/sshd_config.d/*.conf; do [ -f "$f" ] && { echo "### $f"; R "$f"; }; done
# The value sshd itself takes (LISA asks `sudo sshd -T` first); empty without root or sshd.
s sshd_t; detect_root; [ "$AS" = no ] || asroot sh -c 'for p in /usr/sbin/sshd /usr/bin/sshd /sbin/sshd; do [ -x "$p" ] && { "$p" -T 2>/dev/null | grep -i "^clientaliveinterval "; break; }; done; true'
s sshd_binary; for p in /usr/sbin/sshd /usr/bin/sshd /sbin/sshd; do [ -x "$p" ] && echo "$p"; done
s python; (T python3 --version || T python --version) 2>&1
s python_pyasn1; (T python3 -c 'import pyasn1; print(pyasn1.__version__)' || T python -c 'import pyasn1; print(pyasn1.__version__)') 2>/dev/null
s openssl; T openssl version 2>&1
s omi; o=$(T /opt/omi/bin/omiserver --version 2>/dev/null) || o=$(T dpkg -l omi 2>/dev/null | grep omi) || o=$(T rpm -q omi 2>/dev/null) || o=""; echo "$o"
# Only files count: busybox's shell also "finds" its own applets, which the agent cannot use.
s ifupdown; for c in ifup ifdown; do p=$(command -v "$c" 2>/dev/null); case "$p" in /*) echo "$p";; *) for d in /sbin /usr/sbin; do [ -x "$d/$c" ] && { echo "$d/$c"; break; }; done;; esac; done
s modules; cut -d' ' -f1 /proc/modules 2>/dev/null; ls "/lib/modules/$(uname -r)/kernel/drivers/hv" 2>/dev/null
grep -E 'hv_|hyperv' "/lib/modules/$(uname -r)/modules.builtin" 2>/dev/null
# LISA's KernelConfig: /boot/config-<release> (Flatcar / CoreOS: /usr/boot/config-<release>), grepped with sudo; no file: "none".
s kernel_config; c="/boot/config-$(uname -r)"; [ ! -e "$c" ] && [ -e "/usr/boot/config-$(uname -r)" ] && c="/usr/boot/config-$(uname -r)"
if [ -e "$c" ]; then echo "### $c"; if [ -r "$c" ]; then grep -E '^CONFIG_(WATCHDOG|CIFS)=' "$c"; else asroot grep -E '^CONFIG_(WATCHDOG|CIFS)=' "$c"; fi
elif [ -r /proc/config.gz ]; then echo "### /proc/config.gz"; zcat /proc/config.gz | grep -E '^CONFIG_(WATCHDOG|CIFS)='; else echo none; fi
s resolv; C /etc/resolv.conf
# The boot loader files LISA's verify_grub reads, as root: only the words it looks for leave the VM.
s grub_files; asroot sh -c 'for f in /boot/grub/grub.cfg /boot/grub2/grub.cfg /boot/grub/grub.conf /boot/grub2/grubenv /boot/grub/menu.lst; do
  [ -f "$f" ] && { echo "### $f"; grep -oE "libata\.atapi_enabled=0|reserve=0x1f0,0x8|numa=off" "$f" | sort -u; }; done; true'
s sudoers; if [ -r /etc/sudoers ]; then C /etc/sudoers; else asroot head -c 65536 /etc/sudoers 2>/dev/null; fi
s sudo; detect_root; if [ "$AS" = no ]; then echo no; else echo yes; fi
# Only "user password|locked" leaves the VM, never a hash (LISA: '*' or '!' in it, 'x' or empty is locked).
shadow_state() { awk -F: '!/^[[:space:]]*#/ && NF > 1 { if ($2 == "" || $2 == "x" || index($2, "*") || index($2, "!")) print $1, "locked"; else print $1, "password" }'; }
s shadow; detect_root; if [ -r /etc/shadow ]; then shadow_state < /etc/shadow; elif [ "$AS" = no ]; then echo needs-root; else asroot cat /etc/shadow | shadow_state; fi
# Every login user's authorized_keys, as root: "user path keys|empty|notice" (the keys stay on the VM).
s authorized_keys; asroot sh -c 'awk -F: "!/nologin/ && NF > 5 { print \$1, \$6 }" /etc/passwd | while read -r u h; do f="$h/.ssh/authorized_keys"
  [ -f "$f" ] || continue; if [ ! -s "$f" ]; then echo "$u $f empty"; elif grep -q "Please login as the user" "$f"; then echo "$u $f notice"; else echo "$u $f keys"; fi; done; true'
s network; for f in /etc/network/interfaces /etc/sysconfig/network-scripts/ifcfg-eth0 /etc/netplan/*.yaml /etc/systemd/network/*.network; do [ -r "$f" ] && { echo "### $f"; C "$f"; }; done
s network_files; for f in /etc/sysconfig/network /etc/sysconfig/network-scripts/ifcfg-eth0 /etc/systemd/networkd.conf /etc/sysconfig/network/dhcp /etc/dhcpcd.conf /etc/dhcp/dhclient.conf /etc/yum.conf; do
  [ -f "$f" ] && { echo "### $f"; grep -E '^[[:space:]]*[A-Za-z_]|option|host' "$f" 2>/dev/null | head -200; }; done
for f in /etc/NetworkManager/system-connections/eth0.nmconnection /etc/NetworkManager/system-connections/cloud-init-eth0.nmconnection /lib/udev/rules.d/75-persistent-net-generator.rules /etc/udev/rules.d/70-persistent-net.rules /usr/lib64/udev/rules.d/75-persistent-net-generator.rules /usr/lib64/udev/rules.d/70-persistent-net.rules /usr/sbin/NetworkManager; do
  [ -e "$f" ] && echo "exists $f"; done
s network_manager; for d in /etc/systemd/system/multi-user.target.wants /etc/systemd/system/network-online.target.wants; do ls "$d" 2>/dev/null; done
s repos; for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources /etc/yum.repos.d/*.repo /etc/zypp/repos.d/*.repo; do [ -r "$f" ] && { echo "### $f"; grep -vE '^[[:space:]]*(#|$)' "$f" | head -300; }; done
s ipv6; cat /proc/sys/net/ipv6/conf/all/disable_ipv6 2>/dev/null
s iptables; if command -v iptables >/dev/null 2>&1 || [ -x /sbin/iptables ] || [ -x /usr/sbin/iptables ]; then detect_root; if [ "$AS" = no ]; then echo needs-root; else asroot iptables -S 2>&1; fi; else echo not-installed; fi
s glibc; (ldd --version 2>&1 || getconf GNU_LIBC_VERSION 2>&1) | head -1
# Running-system evidence (online only): processes, the boot log's problem lines, cloud-init, the resource disk.
s processes; for p in /proc/[0-9]*/comm; do cat "$p" 2>/dev/null; done | grep -xE 'hv_kvp_daemon|hypervkvpd'
# LISA's fallback for the serial console: the kernel's "console [ttyS0] enabled" line in the boot log.
# (LISA reads journalctl too when the log files lack it: Fedora 39+ keeps only the journal)
# Read only when the command line has no console= (the case passes on it alone, and the logs are the slow part).
s console_log; case " $(cat /proc/cmdline 2>/dev/null) " in *" console=ttyS0"*|*" console=ttyAMA0"*) ;; *) asroot sh -c '{ dmesg 2>/dev/null; cat /var/log/syslog /var/log/messages 2>/dev/null; journalctl -k --no-pager -q 2>/dev/null; } | grep -m 2 -E "console \[(ttyS0|ttyAMA0)\] enabled|uart0: console"; true';; esac
s boot_log; asroot sh -c '{ dmesg 2>/dev/null; cat /var/log/syslog /var/log/messages 2>/dev/null; } | grep -E "fail|error|warning" | tail -n 400; true'
s cloud_init; asroot sh -c 'if [ -f /var/log/cloud-init.log ]; then echo "log present"; grep -E "\[(ERROR|WARNING)\]:" /var/log/cloud-init.log | tail -n 50; command -v cloud-init >/dev/null 2>&1 && { cloud-init status >/dev/null 2>&1; echo "status $?"; }; else echo "no log"; fi; true'
s resource_disk; asroot sh -c 'm=""; if [ -f /var/log/cloud-init.log ]; then m=/mnt; fi
  [ -n "$m" ] || m=$(sed -n "s/^ResourceDisk.MountPoint=//p" /etc/waagent.conf 2>/dev/null | tail -1); [ -n "$m" ] || m=/mnt/resource
  echo "mountpoint $m"; awk -v m="$m" "\$2 == m { print \"mounted\", \$1, \$3 }" /proc/mounts
  [ -d "$m/lost+found" ] && echo "lost+found"; [ -f "$m/DATALOSS_WARNING_README.txt" ] && { echo "readme"; grep -q "WARNING: THIS IS A TEMPORARY DISK" "$m/DATALOSS_WARNING_README.txt" && echo "readme-warning"; }; true'
s end
