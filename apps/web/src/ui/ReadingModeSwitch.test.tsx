// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { setLocale } from '../i18n';
import { READING_MODE_KEY, applyReadingMode, storedReadingMode } from './reading-mode';
import { ReadingModeSwitch } from './ReadingModeSwitch';

describe('large-text, high-contrast reading mode', () => {
  beforeEach(async () => {
    localStorage.clear();
    applyReadingMode('default');
    await setLocale('fr');
  });
  afterEach(cleanup);

  it('turns on and off from a pressed button, on <html> and in localStorage', () => {
    render(<ReadingModeSwitch />);
    const button = screen.getByRole('button', { name: 'Grand texte et contrastes renforcés' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.dataset.reading).toBe('large');
    expect(localStorage.getItem(READING_MODE_KEY)).toBe('large');
    fireEvent.click(button);
    expect(document.documentElement.dataset.reading).toBeUndefined();
    expect(storedReadingMode()).toBe('default');
  });

  it('starts pressed when the choice was kept from an earlier visit', () => {
    localStorage.setItem(READING_MODE_KEY, 'large');
    render(<ReadingModeSwitch />);
    expect(screen.getByRole('button', { name: /^Grand texte/ }).getAttribute('aria-pressed')).toBe('true');
  });

  it('is translated in English', async () => {
    await setLocale('en');
    render(<ReadingModeSwitch />);
    expect(screen.getByRole('button', { name: 'Large text with stronger contrast' })).toBeTruthy();
  });
});
