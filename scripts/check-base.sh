#!/usr/bin/env bash
# The book deployed under a sub-path, as GitHub Pages serves a project site: build it with
# --base /book/ into dist-base/ (dist/ is left alone), then run the link checker over that build
# and open it under /book/ to check that the widgets' fetches and search still work
# (tests/e2e/base-path.spec.ts, via tests/playwright.base.config.ts). npm run test:base.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build -- --base /book/ --outDir dist-base
npx playwright test --config tests/playwright.base.config.ts "$@"
