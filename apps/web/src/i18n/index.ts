import i18next, { type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@palabre/contracts';
import { byNamespace } from './catalogue';

/**
 * Catalogues are one JSON file per namespace and language: `fr/<namespace>.json`, `en/<namespace>.json`.
 * A feature adds its own pair of files; they are picked up here without editing this file.
 * French (the default and the fallback) ships in the main bundle; English is one chunk (`en.ts`)
 * fetched the first time it is chosen, which keeps it off the phones that never ask for it.
 * Likewise the French of the staff, projector and archive pages (`fr-staff.ts`) comes with them,
 * and each activity kind's French (`fr/{surveys,boards,qna,groups,floor,opinions,amendments}.json`) with that kind's views: a
 * new kind adds its namespace to FEATURE_FRENCH and passes it to `lazyView`.
 */
const french = byNamespace(
  // The staff pages' own namespaces come with those pages (`loadStaffCatalogues`), and each activity
  // kind's with its lazy views (`loadFeatureCatalogue`), both below.
  import.meta.glob<Record<string, unknown>>(['./fr/*.json', '!./fr/{staff,outcomes,screen,followup}.json', '!./fr/{surveys,boards,qna,groups,floor,opinions,amendments}.json'], { eager: true, import: 'default' }),
);
/** The French of each activity kind's views, fetched with them: a phone downloads only what it shows. */
const FEATURE_FRENCH = import.meta.glob<Record<string, unknown>>('./fr/{surveys,boards,qna,groups,floor,opinions,amendments}.json', { import: 'default' });
export const FEATURE_NAMESPACES = Object.keys(FEATURE_FRENCH).map((path) => /\/([\w-]+)\.json$/.exec(path)![1]);
const LOADERS: Record<Exclude<Locale, 'fr'>, () => Promise<{ default: ResourceLanguage }>> = {
  en: () => import('./en'),
};

export const LOCALES = ['fr', 'en'] as const satisfies readonly Locale[];
const STORAGE_KEY = 'palabre.locale';

function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

/**
 * Content written by the organisers (session, activity and question titles, options, labels) is in
 * French whatever the interface language: it carries lang="fr" so that a screen reader set to
 * English reads it with a French voice (RGAA 8.7).
 */
export const CONTENT_LANG: Locale = 'fr';

/** The first of the browser's languages Palabre speaks, any region (en-GB, fr-CA…); French otherwise. */
export function browserLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return 'fr';
}

/** The language chosen with the switch on an earlier visit, else the browser's. */
function initialLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (isLocale(value)) return value;
  } catch {
    // No storage: follow the browser.
  }
  if (typeof window === 'undefined' || typeof navigator === 'undefined') return 'fr';
  return browserLocale(navigator.languages?.length ? navigator.languages : [navigator.language ?? '']);
}

void i18next.use(initReactI18next).init({
  resources: { fr: french },
  lng: 'fr',
  fallbackLng: 'fr',
  supportedLngs: [...LOCALES],
  ns: Object.keys(french),
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

/** Adds a language's catalogues the first time it is needed (French is always there). */
async function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'fr' || i18next.hasResourceBundle(locale, 'common')) return;
  const { default: bundles } = await LOADERS[locale]();
  for (const [namespace, resources] of Object.entries(bundles)) i18next.addResourceBundle(locale, namespace, resources, true, true);
}

/** Namespaces that only staff, projector and archive pages use (not in the participant's bundle). */
export const STAFF_NAMESPACES = ['staff', 'outcomes', 'screen', 'followup'] as const;

const featuresLoaded = new Map<string, Promise<void>>();

/**
 * Adds the French catalogue of an activity kind's views (`features/<namespace>`); its lazy views
 * wait for it (features/activity-view.ts `lazyView`). Once per namespace; unknown names are a no-op.
 */
export function loadFeatureCatalogue(namespace: string): Promise<void> {
  const load = FEATURE_FRENCH[`./fr/${namespace}.json`];
  if (!load) return Promise.resolve();
  let loaded = featuresLoaded.get(namespace);
  if (!loaded) {
    // Deep, without overwriting: the console's parts of the namespace (fr/console) may be there first.
    loaded = load().then((resources) => void i18next.addResourceBundle('fr', namespace, resources, true, false));
    loaded.catch(() => featuresLoaded.delete(namespace)); // offline: try again next time
    featuresLoaded.set(namespace, loaded);
  }
  return loaded;
}

/** Adds the French catalogues of the staff pages (and of every kind's views they show); their lazy loaders wait for it (app/routes.tsx). */
export async function loadStaffCatalogues(): Promise<void> {
  await Promise.all(FEATURE_NAMESPACES.map(loadFeatureCatalogue));
  if (i18next.hasResourceBundle('fr', STAFF_NAMESPACES[0])) return;
  const { default: bundles } = await import('./fr-staff');
  for (const [namespace, resources] of Object.entries(bundles)) i18next.addResourceBundle('fr', namespace, resources, true, true);
}

/** Bumped by every switch: a slower, earlier one (the browser's language still loading) never overrides a later choice. */
let switches = 0;

/** Switches language (fetching its catalogues if needed); offline, the current language stays. */
async function switchLocale(locale: Locale, remember: boolean): Promise<void> {
  const mine = ++switches;
  try {
    await loadLocale(locale);
  } catch {
    return; // The catalogue could not be fetched (no network): keep the language in use.
  }
  if (mine !== switches) return; // Someone chose another language meanwhile: theirs wins.
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Not persisted; still switched for this visit.
    }
  }
  await i18next.changeLanguage(locale);
}

/** The language switch: the choice is remembered and wins over the browser's language. */
export function setLocale(locale: Locale): Promise<void> {
  return switchLocale(locale, true);
}

/** Resolves once the language to start in (chosen earlier, or the browser's) is loaded: main.tsx renders after it. */
const startLocale = initialLocale();
export const i18nReady: Promise<void> = startLocale === 'fr' ? Promise.resolve() : switchLocale(startLocale, false);

export { i18next };
