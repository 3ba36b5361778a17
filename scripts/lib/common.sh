# Shared shell functions for virtdeck's scripts (sourced, not executed).
# shellcheck shell=bash

VIRTDECK_URI="qemu:///system"
VIRTDECK_STATE_DIR="/var/lib/virtdeck"
VIRTDECK_GUEST_DIR="$VIRTDECK_STATE_DIR/guest"
VIRTDECK_IMAGES_DIR="$VIRTDECK_STATE_DIR/images"
VIRTDECK_POOL="virtdeck"
VIRTDECK_DEMO_VM="virtdeck-demo"
VIRTDECK_DEMO_VOLUME="virtdeck-demo.qcow2"
LIBVIRT_SOCKET="/run/libvirt/libvirt-sock"
# Kernel command line of every test guest: ttyS0 last so that /dev/console is the serial port.
# cryptomgr.notests and the kdf108 blacklist skip crypto self-tests: about a quarter of the boot under TCG.
VIRTDECK_GUEST_CMDLINE="console=tty0 console=ttyS0 quiet loglevel=3 panic=-1 cryptomgr.notests initcall_blacklist=crypto_kdf108_init"

log() { printf '[virtdeck] %s\n' "$*"; }
warn() { printf '[virtdeck] warning: %s\n' "$*" >&2; }
die() { printf '[virtdeck] error: %s\n' "$*" >&2; exit 1; }

vsh() { virsh -q -c "$VIRTDECK_URI" "$@"; }

# require_root_debian NAME: stop with a message that says what to do when the host
# is not a root shell on a Debian-like system. The two VIRTDECK_CHECK_* variables
# exist only so that the refusal messages can be tested on a real host.
require_root_debian() {
  local what="$1"
  local uid="${VIRTDECK_CHECK_UID:-$(id -u)}"
  local debian_version="${VIRTDECK_CHECK_DEBIAN_VERSION_FILE:-/etc/debian_version}"
  if [ ! -f "$debian_version" ] || ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
    cat >&2 <<EOF
[virtdeck] error: $what supports Debian-like hosts (Debian 12 "bookworm" or newer, with apt-get and dpkg) only.
On another distribution, do by hand what it would do:
  1. install libvirt (9.0 or newer, with the QEMU driver and virsh), qemu-system-x86, qemu-img,
     dnsmasq, iptables, cpio and Chromium;
  2. start virtlogd and libvirtd (the socket /run/libvirt/libvirt-sock must exist);
  3. start the NAT network "default" and define a dir storage pool "virtdeck" at $VIRTDECK_IMAGES_DIR;
  4. put a bootable kernel and busybox initramfs at $VIRTDECK_GUEST_DIR/vmlinuz and initrd.gz.
EOF
    exit 1
  fi
  if [ "$uid" != "0" ]; then
    cat >&2 <<EOF
[virtdeck] error: $what must run as root (it installs packages and starts libvirtd).
Run it again as root, for example:
  sudo bash $0
EOF
    exit 1
  fi
}

# daemon_pid NAME: print the pid of the running daemon NAME (its pidfile first, then /proc).
daemon_pid() {
  local name="$1" pid comm
  if [ -r "/run/$name.pid" ]; then
    pid="$(tr -dc '0-9' <"/run/$name.pid")"
    if [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ]; then
      echo "$pid"
      return 0
    fi
  fi
  for comm in /proc/[0-9]*/comm; do
    if [ "$(cat "$comm" 2>/dev/null)" = "$name" ]; then
      pid="${comm#/proc/}"
      pid="${pid%/comm}"
      # Root's daemon only: scripts/setup-test-hosts runs an unprivileged session libvirtd too.
      [ "$(stat -c %u "/proc/$pid" 2>/dev/null)" = 0 ] || continue
      echo "$pid"
      return 0
    fi
  done
  return 1
}

# wait_for_path PATH SECONDS: wait until PATH exists.
wait_for_path() {
  local path="$1" tries=$(( $2 * 10 ))
  while [ ! -e "$path" ]; do
    tries=$((tries - 1))
    [ "$tries" -gt 0 ] || return 1
    sleep 0.1
  done
}

# apt_lists_present: true when apt has package lists (a fresh image may have none).
apt_lists_present() {
  compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null
}

APT_UPDATED=0
apt_update_once() {
  if [ "$APT_UPDATED" = 0 ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null ||
      die "apt-get update failed; check the network and /etc/apt/sources.list, then run this again"
    APT_UPDATED=1
    apt_lists_present ||
      die "apt-get update fetched no package lists; check the network (is deb.debian.org reachable?) and /etc/apt/sources.list"
  fi
}

# missing_packages PKG...: print the packages that are not installed.
missing_packages() {
  local pkg status
  for pkg in "$@"; do
    status="$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)"
    case "$status" in
      ii*) ;;
      *) printf '%s\n' "$pkg" ;;
    esac
  done
}

# apt_install PKG...: install packages without recommends, keeping existing config files.
apt_install() {
  apt_lists_present || apt_update_once
  local args=(-y -q --no-install-recommends -o Dpkg::Options::=--force-confold install "$@")
  if ! DEBIAN_FRONTEND=noninteractive apt-get "${args[@]}"; then
    [ "$APT_UPDATED" = 0 ] || die "could not install $*; see apt-get's messages above"
    apt_update_once
    DEBIAN_FRONTEND=noninteractive apt-get "${args[@]}" ||
      die "could not install $*; see apt-get's messages above"
  fi
}
