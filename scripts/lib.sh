# Shared set-up steps for scripts/run and scripts/test (sourced, not run).
# Installs what is missing and nothing else, so a second run is quick.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${MPWIZARD_VENV:-$ROOT/.venv}"
PY="$VENV/bin/python"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Qt's runtime libraries and fonts with Japanese glyphs: what the app itself needs.
APP_DEBS="libegl1 libgl1 libglib2.0-0 libfontconfig1 libxkbcommon0 libdbus-1-3 libxcb-cursor0 libxcb-icccm4
  libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1
  libxkbcommon-x11-0 fonts-vlgothic fonts-dejavu-core python3-venv"
# Real services and producers the tests use.
TEST_DEBS="xvfb xauth openssh-server openssh-client busybox-static dbus gnome-keyring libsecret-tools qemu-utils fdisk e2fsprogs dosfstools mtools
  poppler-utils desktop-file-utils shared-mime-info binutils passwd nodejs npm"

install_debs() {
  command -v dpkg-query >/dev/null 2>&1 || { say "not a Debian/Ubuntu system: install the packages in README.md by hand"; return 0; }
  local missing=()
  for pkg in $*; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  # Node.js may come from elsewhere (nvm, NodeSource); then do not ask apt for it.
  if command -v node >/dev/null && command -v npm >/dev/null; then
    missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
  fi
  local want=()
  for pkg in "${missing[@]}"; do [ -n "$pkg" ] && want+=("$pkg"); done
  [ ${#want[@]} -eq 0 ] && return 0
  say "installing system packages: ${want[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
}

ensure_venv() {
  local extra="$1"
  if [ ! -x "$PY" ]; then
    say "creating $VENV"
    python3 -m venv "$VENV"
  fi
  local stamp="$VENV/.mpwizard-installed-$extra"
  if [ ! -f "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ]; then
    say "installing Python packages ($extra)"
    "$PY" -m pip install -q --upgrade pip >/dev/null
    if [ "$extra" = "app" ]; then
      "$PY" -m pip install -q -e "$ROOT"
    else
      "$PY" -m pip install -q -e "$ROOT[$extra]"
    fi
    touch "$stamp"
  fi
}

build_translations() {
  local lrelease="$VENV/bin/pyside6-lrelease"
  for ts in "$ROOT"/resources/i18n/*.ts; do
    [ -e "$ts" ] || continue
    local qm="${ts%.ts}.qm"
    if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
      "$lrelease" -silent "$ts" -qm "$qm"
    fi
  done
}
