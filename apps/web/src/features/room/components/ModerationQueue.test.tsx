// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { loadStaffCatalogues, setLocale } from '../../../i18n';
import type { ModerationQueue, QueueItem } from '../moderation-queue';
import { ModerationQueueView, type SendCommand } from './ModerationQueue';

const BOARD = '00000000-0000-4000-8000-0000000000b1';
const QNA = '00000000-0000-4000-8000-0000000000c1';
const item = (over: Partial<QueueItem>): QueueItem => ({
  kind: 'idea', id: '00000000-0000-4000-8000-0000000000a1', activityId: BOARD, activityTitle: 'Atelier 2', text: 'Covoiturage rural',
  author: 'Alice', status: 'pending', pinned: false, createdAt: '2026-12-03T10:00:00.000Z', ...over,
});

function setup(queue: ModerationQueue, send = vi.fn(async () => ({}))) {
  render(<ModerationQueueView queue={queue} send={send as unknown as SendCommand} />);
  return send;
}

describe('console moderation queue', () => {
  beforeEach(async () => {
    await setLocale('fr');
    await loadStaffCatalogues(); // console strings come with the staff pages
  });
  afterEach(cleanup);

  it('shows pending items of every activity with their counts, and approves in one click', async () => {
    const question = item({ kind: 'question', id: '00000000-0000-4000-8000-0000000000a2', activityId: QNA, activityTitle: 'Échange', text: 'Et les bourgs ?', author: null });
    const send = setup({ pending: [item({}), question], hidden: [], recent: [] });
    const pending = screen.getByRole('region', { name: 'En attente de validation (2)' });
    expect(within(pending).getByText('Idée · Atelier 2 · Alice')).toBeTruthy();
    expect(within(pending).getByText(/Anonyme/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Publier : « Covoiturage rural »' }));
    fireEvent.click(screen.getByRole('button', { name: 'Publier : « Et les bourgs ? »' }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(send).toHaveBeenCalledWith('idea.approve', { activityId: BOARD, ideaId: item({}).id });
    expect(send).toHaveBeenCalledWith('qna.approve', { questionId: question.id });
    expect(screen.getByText('Rien de masqué.')).toBeTruthy();
  });

  it('asks for a reason before refusing an idea, not a question', async () => {
    const question = item({ kind: 'question', id: '00000000-0000-4000-8000-0000000000a2', activityId: QNA, text: 'Hors sujet ?' });
    const send = setup({ pending: [item({}), question], hidden: [], recent: [] });
    fireEvent.click(screen.getByRole('button', { name: 'Refuser : « Covoiturage rural »' }));
    expect(send).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Motif du refus (communiqué à l’auteur)'), { target: { value: 'Déjà proposé' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer le refus' }));
    await waitFor(() => expect(send).toHaveBeenCalledWith('idea.reject', { activityId: BOARD, ideaId: item({}).id, reason: 'Déjà proposé' }));
    fireEvent.click(screen.getByRole('button', { name: 'Refuser : « Hors sujet ? »' }));
    await waitFor(() => expect(send).toHaveBeenCalledWith('qna.reject', { questionId: question.id }));
  });

  it('restores hidden items (undo), and hides or pins the newest published ones', async () => {
    const hiddenQuestion = item({ kind: 'question', activityId: QNA, status: 'hidden', text: 'Question masquée' });
    const visible = item({ id: '00000000-0000-4000-8000-0000000000a3', status: 'visible', text: 'Idée publiée', pinned: true });
    const send = setup({ pending: [], hidden: [hiddenQuestion], recent: [visible] });
    expect(screen.getByText(/Question · .* · masqué/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Rétablir : « Question masquée »' }));
    await waitFor(() => expect(send).toHaveBeenCalledWith('qna.restore', { questionId: hiddenQuestion.id }));
    const pin = screen.getByRole('button', { name: 'Épingler : « Idée publiée »' });
    expect(pin.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(pin);
    await waitFor(() => expect(send).toHaveBeenCalledWith('idea.pin', { activityId: BOARD, ideaId: visible.id, pinned: false }));
    fireEvent.click(screen.getByRole('button', { name: 'Masquer : « Idée publiée »' }));
    await waitFor(() => expect(send).toHaveBeenCalledWith('idea.hide', { activityId: BOARD, ideaId: visible.id }));
  });

  it('shows the server’s refusal', async () => {
    const send = vi.fn(async () => {
      throw Object.assign(new Error('Action impossible dans cet état.'), { code: 'INVALID_TRANSITION' });
    });
    setup({ pending: [item({})], hidden: [], recent: [] }, send);
    fireEvent.click(screen.getByRole('button', { name: 'Publier : « Covoiturage rural »' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
  });
});
