/**
 * /widgets/backprop-steps.json: the §4.2 stepper's equations, typeset by KaTeX at build time
 * with empty number slots. The stepper fetches it on first use, together with TF.js, so the
 * chapter page itself carries none of it.
 */
import type { APIRoute } from 'astro';
import { stepTemplates } from '../../lib/nn/explain-tex';
import { STEPPER_SPEC } from '../../lib/nn/stepper';

export const GET: APIRoute = () => new Response(JSON.stringify(stepTemplates(STEPPER_SPEC.sizes)), { headers: { 'Content-Type': 'application/json' } });
