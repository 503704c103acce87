#!/usr/bin/env bash
# Makes sure Debian's Chromium is present for the end-to-end tests and for rendering changed
# diagrams. `npx playwright install` cannot download a browser here, so we use apt-get.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x "${CHROMIUM_PATH:-/nonexistent}" ]; then
  echo "chromium: $( (chromium --version || "$CHROMIUM_PATH" --version) 2>/dev/null | head -1)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
echo "chromium not found; installing Debian's package with apt-get…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
chromium --version
