import { z } from 'zod';

/*
 * In a browser, zod compiles object parsers with `new Function` once it has probed that eval is
 * allowed — at schema construction, so this must run before any schema below is built. Under
 * Palabre's Content-Security-Policy (no 'unsafe-eval') the probe is refused and reported as a
 * violation on every page, drowning real ones. Browsers parse without it; the API keeps its JIT.
 */
if (typeof document !== 'undefined') z.config({ jitless: true });
