import { describe, expect, it } from 'vitest';
import { fileNameOf } from './api';

describe('export file names', () => {
  it('keeps the accents of the RFC 5987 name', () => {
    const header = `attachment; filename="Compte rendu - Seance.pdf"; filename*=UTF-8''${encodeURIComponent('Compte rendu — Séance.pdf')}`;
    expect(fileNameOf(header)).toBe('Compte rendu — Séance.pdf');
  });

  it('falls back to the ASCII name, then to nothing', () => {
    expect(fileNameOf('attachment; filename="resultats.csv"')).toBe('resultats.csv');
    expect(fileNameOf(null)).toBeNull();
  });
});
