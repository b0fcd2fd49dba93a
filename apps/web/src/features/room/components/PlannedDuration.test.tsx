// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { loadStaffCatalogues, setLocale } from '../../../i18n';
import { PlannedDurationView } from './PlannedDuration';

describe('planned duration of an agenda item', () => {
  beforeEach(async () => {
    await setLocale('fr');
    await loadStaffCatalogues(); // console strings come with the staff pages
  });
  afterEach(cleanup);

  it('shows the planned duration and changes it with activity.plan', async () => {
    const plan = vi.fn(async () => ({}));
    render(<PlannedDurationView title="Atelier 1" minutes={10} plan={plan} />);
    expect(screen.getByText('Durée prévue : 10 min')).toBeTruthy();
    const edit = screen.getByRole('button', { name: 'Modifier la durée prévue de « Atelier 1 »' });
    expect(edit.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(edit);
    const input = screen.getByLabelText('Durée prévue de « Atelier 1 » en minutes (vide pour aucune)');
    expect(input).toHaveProperty('value', '10');
    fireEvent.change(input, { target: { value: '25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la durée' }));
    await waitFor(() => expect(plan).toHaveBeenCalledWith(25));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Enregistrer la durée' })).toBeNull());
  });

  it('clears the planned duration when the field is emptied', async () => {
    const plan = vi.fn(async () => ({}));
    render(<PlannedDurationView title="Accueil" minutes={5} plan={plan} />);
    fireEvent.click(screen.getByRole('button', { name: 'Modifier la durée prévue de « Accueil »' }));
    fireEvent.change(screen.getByLabelText(/Durée prévue de « Accueil »/), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la durée' }));
    await waitFor(() => expect(plan).toHaveBeenCalledWith(null));
  });

  it('says when there is none, and keeps the form open with the error on a refusal', async () => {
    const plan = vi.fn(async () => {
      throw Object.assign(new Error('Données invalides.'), { code: 'VALIDATION_FAILED' });
    });
    render(<PlannedDurationView title="Accueil" minutes={null} plan={plan} />);
    expect(screen.getByText('Sans durée prévue')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Modifier la durée prévue/ }));
    fireEvent.change(screen.getByLabelText(/Durée prévue de « Accueil »/), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la durée' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Enregistrer la durée' })).toBeTruthy();
  });
});
