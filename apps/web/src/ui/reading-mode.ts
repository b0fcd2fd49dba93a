/**
 * Large-text, high-contrast reading mode for participants. The choice is kept in localStorage
 * and applied as `data-reading="large"` on <html>, where styles.css enlarges the root font and
 * swaps the palette for stronger contrasts.
 */
export type ReadingMode = 'default' | 'large';

export const READING_MODE_KEY = 'palabre.readingMode';

export function storedReadingMode(): ReadingMode {
  try {
    return localStorage.getItem(READING_MODE_KEY) === 'large' ? 'large' : 'default';
  } catch {
    return 'default';
  }
}

export function applyReadingMode(mode: ReadingMode): void {
  if (typeof document === 'undefined') return;
  if (mode === 'large') document.documentElement.dataset.reading = 'large';
  else delete document.documentElement.dataset.reading;
}

export function setReadingMode(mode: ReadingMode): void {
  try {
    localStorage.setItem(READING_MODE_KEY, mode);
  } catch {
    // Not persisted; still applied for this visit.
  }
  applyReadingMode(mode);
}

// Applied before the first render, so the page never flashes at the small size.
applyReadingMode(storedReadingMode());
