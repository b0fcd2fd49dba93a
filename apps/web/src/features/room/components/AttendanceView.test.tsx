// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { Attendance } from '@palabre/contracts';
import { loadStaffCatalogues, setLocale } from '../../../i18n';
import { AttendanceView, presenceRate } from './AttendanceView';

const attendance: Attendance = {
  expected: 40,
  present: 22,
  connected: 18,
  quorumPercent: 50,
  quorumReached: true,
  byTerritoryType: [
    { territoryType: 'metropole', expected: 10, present: 9, connected: 8 },
    { territoryType: 'bourg_centre', expected: 30, present: 13, connected: 10 },
  ],
  byCategory: [
    { category: 'elu', expected: 25, present: 12, connected: 10 },
    { category: 'citoyen', expected: 15, present: 10, connected: 8 },
  ],
};

describe('attendance view', () => {
  beforeEach(async () => {
    await setLocale('fr');
    await loadStaffCatalogues(); // a console panel: its page loads them in the app
  });
  afterEach(cleanup);

  it('shows présents / attendus with the rate, and the quorum reached', () => {
    render(<AttendanceView attendance={attendance} />);
    expect(screen.getByText('22 présents / 40 attendus (55 %)')).toBeTruthy();
    expect(screen.getByText(/Quorum : 50 % des membres présents/).textContent).toContain('Quorum atteint.');
  });

  it('breaks the figures down by territory type and category in captioned tables', () => {
    render(<AttendanceView attendance={attendance} />);
    const territory = screen.getByRole('table', { name: 'Présents / attendus par type de territoire' });
    const row = within(territory).getByRole('row', { name: /Commune \(bourg-centre\)/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['13', '30', '43 %', '10']);
    expect(within(territory).getByRole('columnheader', { name: 'Attendus' })).toBeTruthy();
    const category = screen.getByRole('table', { name: 'Présents / attendus par catégorie' });
    expect(within(category).getByRole('rowheader', { name: 'Élu·e·s' })).toBeTruthy();
  });

  it('says when the quorum is not reached, or cannot be computed', () => {
    render(<AttendanceView attendance={{ ...attendance, present: 12, quorumReached: false }} />);
    expect(screen.getByText(/Quorum non atteint\./)).toBeTruthy();
    cleanup();
    render(<AttendanceView attendance={{ ...attendance, expected: 0, present: 3, quorumReached: null, byTerritoryType: [], byCategory: [] }} />);
    expect(screen.getByText('3 présents (pas de liste de membres attendus)')).toBeTruthy();
    expect(screen.getByText(/Quorum non calculable/)).toBeTruthy();
    cleanup();
    render(<AttendanceView attendance={{ ...attendance, quorumPercent: null, quorumReached: null }} />);
    expect(screen.getByText('Aucun quorum défini.')).toBeTruthy();
  });

  it('rounds rates and never divides by zero', () => {
    expect(presenceRate({ expected: 3, present: 2, connected: 0 })).toBe(67);
    expect(presenceRate({ expected: 0, present: 2, connected: 0 })).toBeNull();
  });
});
