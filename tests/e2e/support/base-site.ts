/**
 * The book built and served under a sub-path, as GitHub Pages serves a project site:
 * `astro build --base /book/ --outDir dist-base`, then `astro preview --base /book/ --outDir dist-base`
 * (scripts/check-base.sh; tests/playwright.base.config.ts).
 */
import { join } from 'node:path';
import { ROOT } from './site';

export const BASE_PATH = '/book/';
/** Overridable so the check can run over another build (for example one of older code). */
export const DIST_BASE = process.env.E2E_DIST_BASE || join(ROOT, 'dist-base');
