import { afterAll, describe, expect, it } from 'vitest';
import { currentLocale, i18next, setLocale } from './index';

afterAll(() => setLocale('fr'));

describe('catalogue loading', () => {
  it('starts in French with only the French catalogues in memory', () => {
    expect(currentLocale()).toBe('fr');
    expect(i18next.t('common:language.label')).toBe('Langue');
    // English is a chunk of its own: it must not be part of the page's first download.
    expect(i18next.hasResourceBundle('en', 'common')).toBe(false);
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
