/**
 * /widgets/attention-steps.json: the attention stepper's equations (附录 A), typeset by KaTeX at
 * build time with empty number slots; fetched on first use, so the page itself carries none of it.
 */
import type { APIRoute } from 'astro';
import { handTemplates } from '../../lib/transformer/hand-tex';

export const GET: APIRoute = () => new Response(JSON.stringify(handTemplates()), { headers: { 'Content-Type': 'application/json' } });
