// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { loadStaffCatalogues, setLocale } from '../../../i18n';
import { readStaffRaw, setStaffAuth } from '../../../lib/session-store';
import { SignOutButton } from '../components/SignOutButton';
import { StaffLoginPage } from './StaffLoginPage';

const ACCOUNT = { id: '0b6f4c2e-1d1a-4c1e-8f3a-0000000000f1', email: 'camille.martin@region.fr', displayName: 'Camille Martin', role: 'facilitator' };

/** The network is the only fake: each API path answers as the server would. */
function serve(answers: Record<string, { status: number; body?: unknown }>) {
  const fetch = vi.fn(async (path: string) => {
    const answer = answers[path] ?? { status: 404, body: { error: { code: 'NOT_FOUND', message: '' } } };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function renderLogin(url: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/staff/login" element={<StaffLoginPage />} />
          <Route path="/staff" element={<p>Accueil animation</p>} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('staff sign-in page', () => {
  beforeEach(async () => {
    await setLocale('fr');
    await loadStaffCatalogues();
    setStaffAuth(null);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('offers the organisation directory when the install has one', async () => {
    serve({ '/api/auth/options': { status: 200, body: { password: true, oidc: true } } });
    renderLogin('/staff/login');
    const link = await screen.findByRole('link', { name: "Se connecter avec l'annuaire de l'organisation" });
    expect(link.getAttribute('href')).toBe('/api/auth/oidc/start');
  });

  it('offers passwords only without a directory', async () => {
    const fetch = serve({ '/api/auth/options': { status: 200, body: { password: true, oidc: false } } });
    renderLogin('/staff/login');
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(screen.queryByRole('link', { name: /annuaire/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Se connecter' })).toBeTruthy();
  });

  it('signs in with the token the directory sign-in brought back', async () => {
    serve({ '/api/auth/options': { status: 200, body: { password: true, oidc: true } }, '/api/auth/me': { status: 200, body: ACCOUNT } });
    renderLogin('/staff/login#token=JETON-ANNUAIRE');
    await screen.findByText('Accueil animation');
    expect(JSON.parse(readStaffRaw()!)).toEqual({ token: 'JETON-ANNUAIRE', account: ACCOUNT });
  });

  it('says why the directory sign-in was refused', async () => {
    serve({ '/api/auth/options': { status: 200, body: { password: true, oidc: true } } });
    renderLogin('/staff/login#error=OIDC_NO_ROLE');
    expect((await screen.findByRole('alert')).textContent).toMatch(/ne donne aucun rôle dans Palabre/);
    expect(readStaffRaw()).toBeNull();
  });
});

describe('staff sign-out', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('asks the server to revoke the token, then forgets it and the console tokens', async () => {
    await setLocale('fr');
    await loadStaffCatalogues();
    setStaffAuth({ token: 'JETON', account: ACCOUNT as never });
    localStorage.setItem('palabre.console.S1', '{"token":"CONSOLE"}');
    const fetch = serve({ '/api/auth/logout': { status: 204 } });
    render(<SignOutButton token="JETON" />);
    fireEvent.click(screen.getByRole('button', { name: 'Se déconnecter' }));
    await waitFor(() => expect(readStaffRaw()).toBeNull());
    expect(localStorage.getItem('palabre.console.S1')).toBeNull();
    const [path, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect([path, init.method, (init.headers as Record<string, string>).Authorization]).toEqual(['/api/auth/logout', 'POST', 'Bearer JETON']);
  });
});
