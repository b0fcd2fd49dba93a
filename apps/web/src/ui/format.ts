import { currentLocale } from '../i18n';

/** "12 mars 2026" from an ISO date (YYYY-MM-DD), read as a calendar day (no timezone shift). */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'long' }).format(new Date(year, month - 1, day));
}

/** A figure as the locale writes it: "33,3" in French, "33.3" in English (one decimal at most). */
export function formatNumber(value: number, locale: string = currentLocale()): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}
