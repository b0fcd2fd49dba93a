import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** Canonical JSON: keys sorted at every depth, no whitespace; byte-identical for equal values. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface ChainLink {
  sessionId: string;
  seq: number;
  type: string;
  actorId: string | null;
  payload: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export function linkHash(link: Omit<ChainLink, 'hash'>): string {
  const { sessionId, seq, type, actorId, payload, prevHash } = link;
  return sha256(prevHash + canonicalJson({ sessionId, seq, type, actorId, payload }));
}

/** Walks a chain in order; returns the first broken seq, or null when intact. */
export function firstBrokenLink(links: ChainLink[]): number | null {
  let prev = GENESIS_HASH;
  for (const [index, link] of links.entries()) {
    if (link.seq !== index + 1 || link.prevHash !== prev || linkHash(link) !== link.hash) return link.seq;
    prev = link.hash;
  }
  return null;
}
