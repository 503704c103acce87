#!/usr/bin/env bash
# Runs the whole e2e suite N times in a row (default 3) while a busy process occupies one core,
# as a shared CI machine would. Stops at the first failing run. Needs a build (`npm run build`).
#   bash scripts/e2e-loaded.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
node -e 'for (;;) {}' &
busy=$!
trap 'kill "$busy" 2>/dev/null || true' EXIT
for i in $(seq 1 "$runs"); do
  echo "== e2e run $i of $runs, one core busy (pid $busy) =="
  npx playwright test --config tests/playwright.config.ts
done
echo "== $runs of $runs e2e runs passed with one core busy =="
