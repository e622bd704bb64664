#!/usr/bin/env bash
# Install the Debian packages Qt needs to import and render offscreen, only those missing.
# As root it runs apt-get; otherwise it prints the exact command and fails, so nothing is
# installed behind anyone's back. Idempotent: with everything present it does nothing.
set -euo pipefail

packages=(libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3
  fonts-dejavu-core python3-venv)
if [ "${1:-}" = "--window" ]; then
  # A real window (make run on X11 or under Xvfb) needs the xcb platform plugin's libraries.
  packages+=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0
    libxkbcommon-x11-0)
fi

command -v dpkg-query >/dev/null 2>&1 || exit 0 # not Debian: nothing we know how to check

# The interactive page's test drives a real browser; without one it is skipped (and says
# so), so chromium is installed only where we can (as root), never a reason to fail.
if [ "${1:-}" != "--window" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing chromium for the interactive page's browser test"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium ||
      echo "could not install chromium: the browser test will be skipped" >&2
  else
    echo "note: chromium is missing, so the interactive page's browser test will be skipped" >&2
    echo "      (install it with: sudo apt-get install -y chromium)" >&2
  fi
fi

missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "argmap needs these system packages: ${missing[*]}" >&2
  echo "Install them with:  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing system packages Qt needs: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
