// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import type { ActivitySummary } from '@palabre/contracts';
import { setLocale } from '../../../i18n';
import { AnnouncerProvider } from '../../../ui/Announcer';
import { useAnnounceChanges } from './useAnnounceChanges';

type Shell = Parameters<typeof useAnnounceChanges>[0];
const activity = (title: string, state: string) => ({ id: title, kind: 'qna', title, position: 1, state, groupId: null }) as unknown as ActivitySummary;

function Page({ shell }: { shell: Shell }) {
  useAnnounceChanges(shell);
  return null;
}

describe('what a phone hears when the agenda changes', () => {
  it('hears an item launched from the agenda as opened, and a new draft (staff only) as added', async () => {
    await setLocale('fr');
    const shell = (activities: ActivitySummary[]): Shell => ({ session: { state: 'live' }, activities });
    const view = render(
      <AnnouncerProvider>
        <Page shell={shell([])} />
      </AnnouncerProvider>,
    );
    const rerender = (next: Shell) =>
      act(() =>
        view.rerender(
          <AnnouncerProvider>
            <Page shell={next} />
          </AnnouncerProvider>,
        ),
      );
    // Members never saw the draft: the item appears open when the facilitator launches it.
    rerender(shell([activity('Échange avec la présidente', 'open')]));
    expect(await screen.findByText('Échange avec la présidente : Ouvert.')).toBeTruthy();
    // The console sees drafts: a new one is announced as added.
    rerender(shell([activity('Échange avec la présidente', 'open'), activity('Atelier 3', 'draft')]));
    expect(await screen.findByText('Nouvelle activité : Atelier 3.')).toBeTruthy();
  });
});
