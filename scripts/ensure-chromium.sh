#!/usr/bin/env bash
# Playwright cannot download its own browsers here; it drives Debian's chromium.
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$path" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "[attune] installing Debian's chromium for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "[attune] Chromium not found at $path. Install it (Debian/Ubuntu: sudo apt-get install chromium)" >&2
echo "         or set CHROMIUM_PATH to a Chromium/Chrome binary." >&2
exit 1
