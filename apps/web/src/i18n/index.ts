import i18next, { type Resource, type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@palabre/contracts';

/**
 * Catalogues are one JSON file per namespace and language: `fr/<namespace>.json`, `en/<namespace>.json`.
 * A feature adds its own pair of files; they are picked up here without editing this file.
 */
const files = import.meta.glob<Record<string, unknown>>('./*/*.json', { eager: true, import: 'default' });

export const LOCALES = ['fr', 'en'] as const satisfies readonly Locale[];
const STORAGE_KEY = 'palabre.locale';

export function loadCatalogues(): Resource {
  const resources: Record<string, ResourceLanguage> = {};
  for (const [path, content] of Object.entries(files)) {
    const match = /^\.\/(\w+)\/([\w-]+)\.json$/.exec(path);
    if (!match) continue;
    const [, language, namespace] = match;
    (resources[language] ??= {})[namespace] = content as ResourceLanguage[string];
  }
  return resources;
}

function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : 'fr';
  } catch {
    return 'fr';
  }
}

const resources = loadCatalogues();

void i18next.use(initReactI18next).init({
  resources,
  lng: storedLocale(),
  fallbackLng: 'fr',
  supportedLngs: [...LOCALES],
  ns: Object.keys(resources.fr ?? {}),
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
  react: { useSuspense: false },
});

function syncDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
syncDocumentLanguage(i18next.language);
i18next.on('languageChanged', syncDocumentLanguage);

/** The language in use; sent as Accept-Language and in the socket handshake. */
export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : 'fr';
}

export async function setLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not persisted; still switched for this visit.
  }
  await i18next.changeLanguage(locale);
}

export { i18next };
