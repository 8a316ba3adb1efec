# Read-only evidence probe for the Linux certification checks (issue #5).
# Runs as `sh -s` (fed on standard input: nothing is written to the VM), works on
# busybox and minimal images, prints one "@@@name" section per piece of evidence.
s() { printf '\n@@@%s\n' "$1"; }
s uname_m; uname -m
s uname_r; uname -r
s tcp_sack; cat /proc/sys/net/ipv4/tcp_sack 2>/dev/null
s os_release; cat /etc/os-release 2>/dev/null || cat /usr/lib/os-release 2>/dev/null
s cmdline; cat /proc/cmdline 2>/dev/null
s grub; cat /etc/default/grub 2>/dev/null
for f in /boot/efi/EFI/*/grub.cfg /boot/grub/grub.cfg /boot/grub2/grub.cfg; do
  [ -r "$f" ] && grep -qE '^[[:space:]]*linux' "$f" && { echo "### $f"; grep -E '^[[:space:]]*linux' "$f"; }
done
s swaps; cat /proc/swaps 2>/dev/null
s fstab; cat /etc/fstab 2>/dev/null
s mounts; cat /proc/mounts 2>/dev/null
s history
for home in /root $(cut -d: -f6 /etc/passwd 2>/dev/null | sort -u); do
  for f in .bash_history .sh_history .zsh_history .ash_history; do
    [ -f "$home/$f" ] && printf '%s %s\n' "$(wc -c < "$home/$f" 2>/dev/null || echo unreadable)" "$home/$f"
  done
done
s waagent
for w in /usr/sbin/waagent /usr/bin/waagent /usr/local/sbin/waagent /usr/local/bin/waagent; do
  if [ -x "$w" ]; then echo "path $w"; "$w" -version 2>&1 | head -3; break; fi
done
s waagent_conf; cat /etc/waagent.conf 2>/dev/null
s sshd_config; cat /etc/ssh/sshd_config 2>/dev/null
s sshd_dropins; for f in /etc/ssh/sshd_config.d/*.conf; do [ -r "$f" ] && { echo "### $f"; cat "$f"; }; done
s sshd_binary; for p in /usr/sbin/sshd /usr/bin/sshd /sbin/sshd; do [ -x "$p" ] && echo "$p"; done
s python; (python3 --version || python --version) 2>&1
s python_pyasn1; (python3 -c 'import pyasn1; print(pyasn1.__version__)' || python -c 'import pyasn1; print(pyasn1.__version__)') 2>/dev/null
s openssl; openssl version 2>&1
# Only files count: busybox's shell also "finds" its own applets, which the agent cannot use.
s ifupdown; for c in ifup ifdown; do p=$(command -v "$c" 2>/dev/null); case "$p" in /*) echo "$p";; *) for d in /sbin /usr/sbin; do [ -x "$d/$c" ] && { echo "$d/$c"; break; }; done;; esac; done
s modules; cut -d' ' -f1 /proc/modules 2>/dev/null; ls "/lib/modules/$(uname -r)/kernel/drivers/hv" 2>/dev/null
s resolv; cat /etc/resolv.conf 2>/dev/null
s sudoers; cat /etc/sudoers 2>/dev/null; cat /etc/sudoers.d/* 2>/dev/null
s sudo; if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then echo yes; else echo no; fi
# Only "user password|locked" leaves the VM, never a hash.
shadow_state() { awk -F: '{ if ($2 == "" || $2 ~ /^[*!x]/) print $1, "locked"; else print $1, "password" }'; }
s shadow; if [ -r /etc/shadow ]; then shadow_state < /etc/shadow; elif sudo -n true 2>/dev/null; then sudo -n cat /etc/shadow | shadow_state; else echo needs-root; fi
s network; for f in /etc/network/interfaces /etc/sysconfig/network-scripts/ifcfg-eth0 /etc/netplan/*.yaml /etc/systemd/network/*.network; do [ -r "$f" ] && { echo "### $f"; cat "$f"; }; done
s network_manager; for d in /etc/systemd/system/multi-user.target.wants /etc/systemd/system/network-online.target.wants; do ls "$d" 2>/dev/null; done
s ipv6; cat /proc/sys/net/ipv6/conf/all/disable_ipv6 2>/dev/null
s iptables; if command -v iptables >/dev/null 2>&1 || [ -x /sbin/iptables ] || [ -x /usr/sbin/iptables ]; then if sudo -n true 2>/dev/null; then sudo -n iptables -S 2>&1; else echo needs-root; fi; else echo not-installed; fi
s glibc; (ldd --version 2>&1 || getconf GNU_LIBC_VERSION 2>&1) | head -1
s end
