import { z } from 'zod';

/**
 * `GET /api/health`: `ok` when everything answers; `degraded` when Redis is configured but down;
 * `down` (503) without the database; `starting` (503) until the node is ready.
 */
export const Health = z.object({
  status: z.enum(['ok', 'degraded', 'down', 'starting']),
  database: z.enum(['up', 'down']),
  redis: z.enum(['up', 'down', 'unused']).describe('unused: a single node without Redis'),
  embedded: z.boolean().describe('The embedded database (PGlite) serves this node'),
});
export type Health = z.infer<typeof Health>;
