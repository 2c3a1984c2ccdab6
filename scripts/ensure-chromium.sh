#!/usr/bin/env bash
# Playwright cannot download its own browsers here; it drives Debian's.
# The e2e tests use the headless shell (chromium-headless-shell: the old
# headless mode, measured 40 % faster than `chromium --headless` on the same
# pages on 2 cores); the screenshots and the benchmark use chromium itself.
set -euo pipefail
shell="${CHROMIUM_PATH:-/usr/lib/chromium/chromium-headless-shell}"
full="${BENCH_CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$shell" ] && [ -x "$full" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "[attune] installing Debian's chromium and chromium-headless-shell for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-headless-shell >/dev/null
  exit 0
fi
echo "[attune] Chromium not found at $shell or $full. Install it (Debian/Ubuntu: sudo apt-get install chromium chromium-headless-shell)" >&2
echo "         or set CHROMIUM_PATH (the e2e tests' browser) and BENCH_CHROMIUM_PATH to a Chromium/Chrome binary." >&2
exit 1
