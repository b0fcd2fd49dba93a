import type { ResourceLanguage } from 'i18next';

/** `{ './fr/common.json': {...} }` (an import.meta.glob) → `{ common: {...} }`. */
export function byNamespace(files: Record<string, Record<string, unknown>>): ResourceLanguage {
  const namespaces: ResourceLanguage = {};
  for (const [path, content] of Object.entries(files)) {
    const match = /\/([\w-]+)\.json$/.exec(path);
    if (match) namespaces[match[1]] = content as ResourceLanguage[string];
  }
  return namespaces;
}
