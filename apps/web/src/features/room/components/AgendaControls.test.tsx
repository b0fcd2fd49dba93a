// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { loadStaffCatalogues, setLocale } from '../../../i18n';

const sent: string[] = [];
let release: () => void = () => undefined;
const room = { currentActivityId: null, plan: {}, timer: { activityId: 'a1', endsAt: new Date(Date.now() + 120_000).toISOString(), pausedRemainingMs: null, durationMs: 120_000 }, serverNow: new Date().toISOString() };

vi.mock('../../../lib/live', () => ({
  // The extension stays on its way until the test releases it; the pause answers at once.
  useCommand: () => (name: string) => {
    sent.push(name);
    return name === 'timer.extend' ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve({});
  },
  useSessionSnapshot: () => ({ data: [] }),
}));
vi.mock('../hooks/useRoom', () => ({ useRoom: () => room }));
vi.mock('./Countdown', () => ({ Countdown: () => null }));

const { AgendaControls } = await import('./AgendaControls');

describe('the presenter’s timer controls', () => {
  beforeEach(async () => {
    sent.length = 0;
    await setLocale('fr');
    await loadStaffCatalogues();
  });
  afterEach(cleanup);

  it('sends a pause clicked while an extension is still on its way, instead of dropping it', async () => {
    render(<AgendaControls />);
    fireEvent.click(screen.getByRole('button', { name: 'Prolonger d’une minute' }));
    fireEvent.click(screen.getByRole('button', { name: 'Mettre en pause' }));
    await waitFor(() => expect(sent).toEqual(['timer.extend', 'timer.pause']));
    release();
  });
});
