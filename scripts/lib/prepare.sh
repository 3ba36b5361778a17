# Preparation shared by scripts/start, scripts/test and scripts/dev (sourced from the repo root).
# shellcheck shell=bash

# Debian packages `npm ci` needs to build native addons: authenticate-pam compiles against libpam's headers.
NPM_BUILD_PACKAGES=(libpam0g-dev g++ make python3)

# prepare_build_tools: install NPM_BUILD_PACKAGES that are missing (root on Debian only; otherwise say what is needed).
prepare_build_tools() {
  command -v dpkg-query >/dev/null || return 0
  local missing
  mapfile -t missing < <(missing_packages "${NPM_BUILD_PACKAGES[@]}")
  [ "${#missing[@]}" -gt 0 ] || return 0
  [ "$(id -u)" = 0 ] || die "npm ci needs ${missing[*]} to build native addons: sudo apt-get install ${missing[*]}"
  log "installing build dependencies of npm packages: ${missing[*]}"
  apt_install "${missing[@]}"
}

# prepare_npm: install npm dependencies when node_modules is missing or older than the lock file.
prepare_npm() {
  command -v npm >/dev/null || die "Node.js 20 (with npm) is required: apt-get install nodejs npm, or see https://nodejs.org"
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    prepare_build_tools
    log "installing npm dependencies (npm ci)"
    local ci_log
    ci_log="$(mktemp)"
    if ! npm ci --no-audit --no-fund </dev/null >"$ci_log" 2>&1; then
      cat "$ci_log" >&2
      rm -f "$ci_log"
      die "npm ci refused package-lock.json; regenerate it with 'npm install' and commit it (scripts/check-lockfile tells why)"
    fi
    grep -v -E 'EBADENGINE|Unknown (user|env) config' "$ci_log" || true
    rm -f "$ci_log"
  fi
}

# prepare_host: run the idempotent host setup (fast when nothing is missing). Without root it
# can only check that libvirt answers.
prepare_host() {
  if [ "$(id -u)" = 0 ]; then
    bash scripts/setup-host
  elif [ -S "$LIBVIRT_SOCKET" ]; then
    warn "not root: skipping scripts/setup-host (libvirt answers at $LIBVIRT_SOCKET)"
  else
    die "libvirt is not running and setting it up needs root: sudo bash scripts/setup-host"
  fi
}

# prepare_test_hosts: the remote listeners the transport tests use (scripts/setup-test-hosts);
# root only, like prepare_host.
prepare_test_hosts() {
  if [ "$(id -u)" = 0 ]; then
    bash scripts/setup-test-hosts
  else
    warn "not root: skipping scripts/setup-test-hosts (the SSH, TLS and TCP transport tests will fail)"
  fi
}
