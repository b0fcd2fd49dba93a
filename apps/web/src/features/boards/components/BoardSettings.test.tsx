// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { BoardSnapshot, BoardView, IdeaView } from '@palabre/contracts';
import { loadStaffCatalogues, setLocale } from '../../../i18n';
import { BoardSettingsForm, type SendCommand } from './BoardSettings';

const ACTIVITY = '00000000-0000-4000-8000-000000000001';

const view: BoardView = {
  activityId: ACTIVITY,
  state: 'open',
  columns: [
    { id: 'idees', title: 'Idées' },
    { id: 'freins', title: 'Freins' },
  ],
  moderation: 'post',
  supportMode: 'single',
  dotsPerMember: 5,
  dotsPerIdeaMax: 1,
  supportsHidden: false,
  anonymousAllowed: false,
  supportEligibility: null,
};

function idea(columnId: string): IdeaView {
  return {
    id: '00000000-0000-4000-8000-0000000000aa',
    activityId: ACTIVITY,
    columnId,
    title: 'Covoiturage',
    body: '',
    status: 'visible',
    anonymous: false,
    authorId: null,
    authorName: null,
    pinned: false,
    editedByStaff: false,
    locked: false,
    reason: null,
    tags: [],
    cluster: null,
    mergedInto: null,
    mergedFrom: [],
    createdAt: '2026-11-26T10:00:00.000Z',
    rev: 1,
  };
}

function setup(ideas: IdeaView[] = []) {
  const board: BoardSnapshot = { board: view, ideas, comments: [], counts: [], mine: { supports: [], dotsLeft: null, ideaIds: [] } };
  const send = vi.fn(async () => view);
  render(<BoardSettingsForm board={board} send={send as unknown as SendCommand} />);
  return send;
}

const save = () => fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les réglages' }));

describe('board settings form', () => {
  beforeEach(async () => {
    await setLocale('fr');
    await loadStaffCatalogues(); // console strings come with the staff pages
  });
  afterEach(cleanup);

  it('adds a column at the end, without an id, keeping the existing ids', async () => {
    const send = setup();
    fireEvent.change(screen.getByLabelText('Nouvelle colonne'), { target: { value: '  Leviers ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter la colonne' }));
    expect(screen.getByLabelText('Titre de la colonne 3')).toHaveProperty('value', 'Leviers');
    save();
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send).toHaveBeenCalledWith('board.settings', {
      activityId: ACTIVITY,
      columns: [{ id: 'idees', title: 'Idées' }, { id: 'freins', title: 'Freins' }, { title: 'Leviers' }],
    });
  });

  it('renames and reorders columns with the up/down buttons', async () => {
    const send = setup();
    fireEvent.change(screen.getByLabelText('Titre de la colonne 2'), { target: { value: 'Obstacles' } });
    fireEvent.click(screen.getByRole('button', { name: 'Monter « Obstacles »' }));
    expect(screen.getByRole('button', { name: 'Monter « Obstacles »' })).toHaveProperty('disabled', true);
    save();
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send).toHaveBeenCalledWith('board.settings', {
      activityId: ACTIVITY,
      columns: [{ id: 'freins', title: 'Obstacles' }, { id: 'idees', title: 'Idées' }],
    });
  });

  it('removes only empty columns', async () => {
    const send = setup([idea('idees')]);
    expect(screen.getByRole('button', { name: 'Supprimer « Idées »' })).toHaveProperty('disabled', true);
    expect(screen.getByText('1 idée : la colonne ne peut pas être supprimée.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Supprimer « Freins »' }));
    save();
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send).toHaveBeenCalledWith('board.settings', { activityId: ACTIVITY, columns: [{ id: 'idees', title: 'Idées' }] });
  });

  it('switches to dot voting with the chosen dots, sending only what changed', async () => {
    const send = setup();
    fireEvent.click(screen.getByLabelText('Vote par gommettes'));
    fireEvent.change(screen.getByLabelText('Gommettes par membre'), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('Gommettes au plus par idée'), { target: { value: '2' } });
    fireEvent.click(screen.getByLabelText('A priori : l’animation valide chaque idée'));
    save();
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send).toHaveBeenCalledWith('board.settings', { activityId: ACTIVITY, supportMode: 'dots', dotsPerMember: 3, dotsPerIdeaMax: 2, moderation: 'pre' });
    expect(await screen.findByText('Réglages enregistrés.')).toBeTruthy();
  });

  it('follows a change made elsewhere while nothing is being edited', () => {
    const board: BoardSnapshot = { board: view, ideas: [], comments: [], counts: [], mine: { supports: [], dotsLeft: null, ideaIds: [] } };
    const send = vi.fn();
    const { rerender } = render(<BoardSettingsForm board={board} send={send as unknown as SendCommand} />);
    const next = { ...board, board: { ...view, columns: [...view.columns, { id: 'leviers', title: 'Leviers' }], supportsHidden: true } };
    rerender(<BoardSettingsForm board={next} send={send as unknown as SendCommand} />);
    expect(screen.getByLabelText('Titre de la colonne 3')).toHaveProperty('value', 'Leviers');
    expect(screen.getByLabelText('Masquer les soutiens jusqu’à leur révélation')).toHaveProperty('checked', true);
  });

  it('shows a refusal from the server', async () => {
    const board: BoardSnapshot = { board: view, ideas: [], comments: [], counts: [], mine: { supports: [], dotsLeft: null, ideaIds: [] } };
    const send = vi.fn(async () => {
      throw new Error('Refusé');
    });
    render(<BoardSettingsForm board={board} send={send as unknown as SendCommand} />);
    save();
    expect(await screen.findByRole('alert')).toBeTruthy();
  });
});
