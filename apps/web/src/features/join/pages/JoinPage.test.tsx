// @vitest-environment jsdom
// @vitest-environment-options { "url": "http://127.0.0.1:9/" }
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { setLocale } from '../../../i18n';
import { AppProviders } from '../../../app/App';
import { AppRoutes } from '../../../app/routes';

function renderAt(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <AppProviders client={client}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </AppProviders>,
  );
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('join page (/join/:code)', () => {
  beforeEach(async () => {
    localStorage.clear();
    await setLocale('fr');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('prefills the code from the link', () => {
    renderAt('/join/plen-2026');
    expect(screen.getByLabelText(/Code de la séance/)).toHaveProperty('value', 'PLEN-2026');
  });

  it("shows the server's French message when the code matches no session", async () => {
    const fetchMock = vi.fn(async () =>
      jsonResponse(404, { error: { code: 'SESSION_NOT_FOUND', message: 'Aucune séance ne correspond à ce code.' } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderAt('/join/INCONNU');

    fireEvent.change(screen.getByLabelText(/Votre nom/), { target: { value: 'Camille' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rejoindre' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Aucune séance ne correspond à ce code.');
    const calls = fetchMock.mock.calls as unknown as [string, RequestInit][];
    const [, init] = calls.find(([url]) => url === '/api/sessions/join') ?? ['', {}];
    expect(init.method).toBe('POST');
    // With this browser's device id: joining again from it resumes the same participant.
    expect(JSON.parse(String(init.body))).toEqual({ code: 'INCONNU', displayName: 'Camille', device: localStorage.getItem('palabre.device') });
    expect(localStorage.getItem('palabre.device')).toMatch(/^[0-9a-f-]{36}$/);
    expect((init.headers as Record<string, string>)['Accept-Language']).toBe('fr');
  });

  it('says the server is unreachable when the network fails', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    renderAt('/join/PLENIERE');

    fireEvent.change(screen.getByLabelText(/Votre nom/), { target: { value: 'Camille' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rejoindre' }));

    expect((await screen.findByRole('alert')).textContent).toMatch(/Le serveur ne répond pas/);
  });

  it('offers to resume the participant this browser holds for the code, or to join as someone else', async () => {
    const session = { id: '6f1c2c64-8a0e-4d43-9a7e-0f5f3b6f2a11', title: 'Plénière', date: '2026-03-12', joinCode: 'PLENIERE', accessMode: 'open', state: 'live', assemblyName: null, version: 1 };
    const participant = { id: 'b3f0c1e2-1d2c-4b5a-9e8f-7a6b5c4d3e2f', displayName: 'Alice Martin', role: 'member', memberId: null, groupId: null, verified: false, claimedMemberId: null };
    localStorage.setItem(`palabre.participant.${session.id.toUpperCase()}`, JSON.stringify({ token: 'tok', participant, session }));
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(200, [])));
    renderAt('/join/pleniere');

    expect(screen.getByRole('heading', { name: 'Vous êtes Alice Martin' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Continuer' }).getAttribute('href')).toBe(`/s/${session.id}`);
    expect(screen.queryByLabelText(/Votre nom/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: "Ce n'est pas moi" }));
    expect(screen.getByLabelText(/Votre nom/)).toBeTruthy();
    expect(localStorage.getItem(`palabre.participant.${session.id.toUpperCase()}`)).toBeNull();
  });

  it('keeps the token and opens the session after a successful join', async () => {
    const session = {
      id: '6f1c2c64-8a0e-4d43-9a7e-0f5f3b6f2a11',
      title: 'Plénière',
      date: '2026-03-12',
      joinCode: 'PLENIERE',
      accessMode: 'open',
      state: 'live',
      assemblyName: null,
      version: 1,
    };
    const participant = { id: 'b3f0c1e2-1d2c-4b5a-9e8f-7a6b5c4d3e2f', displayName: 'Camille', role: 'member', memberId: null, groupId: null };
    const snapshot = { version: 1, session, me: participant, activities: [], presence: { connected: 1 }, features: {} };
    // The join answers the token; the session page that takes over then asks for its snapshot.
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => (String(url).endsWith('/snapshot') ? jsonResponse(200, snapshot) : jsonResponse(200, { token: 'tok', participant, session }))),
    );
    renderAt('/join/PLENIERE');

    fireEvent.change(screen.getByLabelText(/Votre nom/), { target: { value: 'Camille' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rejoindre' }));

    // The session page takes over (its socket and snapshot are not part of this test).
    await vi.waitFor(() => expect(localStorage.getItem(`palabre.participant.${session.id.toUpperCase()}`)).toContain('"token":"tok"'));
  });
});
