// Types for scripts/bundle-size.mjs (imported by apps/web/src/build/bundle-size.test.ts).
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;
export interface ChunkSize {
  file: string;
  bytes: number;
  gzip: number;
}
export interface Measurement {
  entry: string;
  chunks: ChunkSize[];
  bytes: number;
  gzip: number;
  budget: number;
  withinBudget: boolean;
}
export const BUDGET_BYTES: number;
export function entryKey(manifest: Manifest): string;
export function staticChunks(manifest: Manifest, key: string): string[];
export function measureEntry(manifest: Manifest, readFile: (file: string) => Uint8Array, options?: { key?: string; budget?: number }): Measurement;
export function packagesIn(dist: string, chunks: ChunkSize[]): string[];
export function participantViews(manifest: Manifest, readFile: (file: string) => Uint8Array, entry?: string): { view: string; gzip: number }[];
