import { describe, expect, it } from 'vitest';

/** Catalogues compared file by file: `<lang>/<namespace>.json`. */
// French keeps the console-only parts of some namespaces in fr/console/ (loaded with the staff pages).
const files = import.meta.glob<Record<string, unknown>>(['./*/*.json', './fr/console/*.json'], { eager: true, import: 'default' });

/** Keys whose English text is rightly the same as the French one (proper nouns, language names). */
const SAME_IN_BOTH: ReadonlySet<string> = new Set(['common:appName', 'common:language.fr', 'common:language.en', 'join:home.title',
  // A pure template: « {{view}} — {{title}} » reads the same in both languages.
  'room:screen.nowActivity',
  // « {{giver}} → {{holder}} »: a proxy, giver to holder, the same in both languages.
  'surveys:proxy.line',
]);

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') {
    out.set(prefix, value);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  }
  return out;
}

function catalogue(language: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const [path, content] of Object.entries(files)) {
    const match = /^\.\/(\w+)\/(?:console\/)?([\w-]+)\.json$/.exec(path);
    if (match?.[1] !== language) continue;
    for (const [key, value] of flatten(content)) all.set(`${match[2]}:${key}`, value);
  }
  return all;
}

function namespaces(language: string): string[] {
  return Object.keys(files)
    .filter((path) => path.startsWith(`./${language}/`) && !path.includes('/console/'))
    .map((path) => path.slice(language.length + 3))
    .sort();
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('translation catalogues', () => {
  const fr = catalogue('fr');
  const en = catalogue('en');

  it('has the same namespace files in French and English', () => {
    expect(namespaces('en')).toEqual(namespaces('fr'));
    expect(namespaces('fr').length).toBeGreaterThan(0);
  });

  it('has every French key in English', () => {
    expect([...fr.keys()].filter((key) => !en.has(key))).toEqual([]);
  });

  it('has every English key in French', () => {
    expect([...en.keys()].filter((key) => !fr.has(key))).toEqual([]);
  });

  it('translates every string longer than 3 characters (allow-list aside)', () => {
    const untranslated = [...fr].filter(([key, text]) => text.length > 3 && en.get(key) === text && !SAME_IN_BOTH.has(key));
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });

  it('uses the same {{placeholders}} in both languages', () => {
    const mismatched = [...fr].filter(([key, text]) => en.has(key) && placeholders(text).join() !== placeholders(en.get(key) ?? '').join());
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it('has no empty string', () => {
    expect([...fr, ...en].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });
});
