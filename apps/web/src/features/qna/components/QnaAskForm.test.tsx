// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { QnaConfig, QnaQuestionView } from '@palabre/contracts';
import { loadStaffCatalogues, setLocale } from '../../../i18n';
import { QnaAskForm } from './QnaAskForm';
import { QnaSettingsForm } from './QnaSettingsForm';

const ACTIVITY = '00000000-0000-4000-8000-00000000000a';

function asked(anonymous: boolean, status: QnaQuestionView['status'] = 'visible'): QnaQuestionView {
  return { id: '00000000-0000-4000-8000-0000000000q1', activityId: ACTIVITY, text: 'Quel calendrier ?', anonymous, authorName: anonymous ? null : 'Alice', status, mergedInto: null, votes: 0, createdAt: '2026-12-03T10:00:00.000Z' };
}

function renderAsk(settings: QnaConfig | undefined) {
  const ask = vi.fn(async (p: { anonymous: boolean }) => asked(p.anonymous, settings?.moderation === 'pre' ? 'pending' : 'visible'));
  const onAsked = vi.fn();
  render(<QnaAskForm activityId={ACTIVITY} settings={settings} ask={ask} onAsked={onAsked} />);
  return { ask, onAsked };
}

describe('Q&A ask form', () => {
  beforeEach(async () => {
    await setLocale('fr');
    await loadStaffCatalogues(); // console strings come with the staff pages
  });
  afterEach(cleanup);

  it('offers to ask without one’s name when the Q&A allows it', async () => {
    const { ask, onAsked } = renderAsk({ anonymousAllowed: true, moderation: 'post' });
    fireEvent.change(screen.getByLabelText('Votre question à la présidente'), { target: { value: 'Quel calendrier ?' } });
    fireEvent.click(screen.getByLabelText('Poser la question sans mon nom'));
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer la question' }));
    await waitFor(() => expect(onAsked).toHaveBeenCalledTimes(1));
    expect(ask).toHaveBeenCalledWith({ activityId: ACTIVITY, text: 'Quel calendrier ?', anonymous: true });
    expect(screen.getByLabelText('Votre question à la présidente')).toHaveProperty('value', '');
  });

  it('does not offer anonymity when the Q&A forbids it, and says the name will be shown', async () => {
    const { ask } = renderAsk({ anonymousAllowed: false, moderation: 'post' });
    expect(screen.queryByLabelText('Poser la question sans mon nom')).toBeNull();
    expect(screen.getByText('Votre nom accompagnera votre question.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Votre question à la présidente'), { target: { value: 'Quel calendrier ?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer la question' }));
    await waitFor(() => expect(ask).toHaveBeenCalledWith({ activityId: ACTIVITY, text: 'Quel calendrier ?', anonymous: false }));
  });

  it('offers no anonymity while the settings are unknown', () => {
    renderAsk(undefined);
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('tells the member that questions are reviewed under pre-moderation', () => {
    renderAsk({ anonymousAllowed: true, moderation: 'pre' });
    expect(screen.getByLabelText('Votre question à la présidente').getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/Les questions sont relues par l’animation avant d’être publiées\./)).toBeTruthy();
  });
});

describe('Q&A settings form', () => {
  beforeEach(async () => {
    await setLocale('fr');
    await loadStaffCatalogues(); // console strings come with the staff pages
  });
  afterEach(cleanup);

  it('saves each change at once with qna.configure', async () => {
    const configure = vi.fn(async (p: Partial<QnaConfig>) => ({ anonymousAllowed: true, moderation: 'post' as const, ...p }));
    render(<QnaSettingsForm activityId={ACTIVITY} settings={{ anonymousAllowed: true, moderation: 'post' }} configure={configure} />);
    expect(screen.getByRole('group', { name: 'Réglages de l’échange' })).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Autoriser les questions anonymes'));
    await waitFor(() => expect(configure).toHaveBeenCalledWith({ activityId: ACTIVITY, anonymousAllowed: false }));
    fireEvent.change(screen.getByLabelText('Modération'), { target: { value: 'pre' } });
    await waitFor(() => expect(configure).toHaveBeenCalledWith({ activityId: ACTIVITY, moderation: 'pre' }));
    expect(await screen.findByText('Réglages enregistrés.')).toBeTruthy();
  });
});
