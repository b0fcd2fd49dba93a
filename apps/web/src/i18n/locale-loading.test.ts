import { afterAll, describe, expect, it } from 'vitest';
import { currentLocale, i18next, loadStaffCatalogues, setLocale, STAFF_NAMESPACES } from './index';

afterAll(() => setLocale('fr'));

describe('catalogue loading', () => {
  it('starts in French with only the French catalogues in memory', () => {
    expect(currentLocale()).toBe('fr');
    expect(i18next.t('common:language.label')).toBe('Langue');
    // English is a chunk of its own: it must not be part of the page's first download.
    expect(i18next.hasResourceBundle('en', 'common')).toBe(false);
    // So are the staff pages' namespaces: they come with those pages.
    for (const namespace of STAFF_NAMESPACES) expect(i18next.hasResourceBundle('fr', namespace)).toBe(false);
    expect(i18next.hasResourceBundle('fr', 'surveys')).toBe(true);
  });

  it('keeps the language chosen last, even while an earlier one is still loading', async () => {
    // English needs its catalogues fetched; French is there at once: the slower, earlier switch must not win.
    const english = setLocale('en');
    await setLocale('fr');
    await english;
    expect(currentLocale()).toBe('fr');
  });

  it("adds the staff pages' French when they load", async () => {
    await loadStaffCatalogues();
    for (const namespace of STAFF_NAMESPACES) expect(i18next.hasResourceBundle('fr', namespace)).toBe(true);
  });

  it('fetches the English catalogues when English is chosen, then switches', async () => {
    await setLocale('en');
    expect(currentLocale()).toBe('en');
    expect(i18next.hasResourceBundle('en', 'surveys')).toBe(true);
    expect(i18next.t('common:language.label')).toBe('Language');
    await setLocale('fr');
    expect(i18next.t('common:language.label')).toBe('Langue');
  });
});

describe("the browser's language", () => {
  it('is followed for French and English in any region, French otherwise', async () => {
    const { browserLocale } = await import('./index');
    expect(browserLocale(['en-GB', 'fr'])).toBe('en');
    expect(browserLocale(['fr-CA'])).toBe('fr');
    expect(browserLocale(['de-DE', 'en-US'])).toBe('en');
    expect(browserLocale(['de-DE', 'it'])).toBe('fr');
    expect(browserLocale([])).toBe('fr');
  });
});
