// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { loadStaffCatalogues, setLocale } from '../../../i18n';
import { SubscribeForm, SubscriptionLink } from './FollowUpSubscription';

const ASSEMBLY = '0b6f4c2e-1d1a-4c1e-8f3a-0000000000a1';

function renderWith(node: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
}

/** The REST client and the components are real; the network answers what the server would. */
function answer(status: number, body: unknown) {
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('follow-up email subscription (public page)', () => {
  beforeEach(async () => {
    await loadStaffCatalogues(); // the follow-up pages' namespace comes with them in the app
  });
  afterEach(async () => {
    cleanup();
    vi.unstubAllGlobals();
    await setLocale('fr');
  });

  it('asks for the email and the consent, then says a confirmation link was sent (the same words for any address)', async () => {
    await setLocale('fr');
    const fetch = answer(202, { requested: true });
    renderWith(<SubscribeForm assemblyId={ASSEMBLY} />);
    expect(screen.getByRole('form', { name: 'Recevoir les avis par courriel' })).toBeTruthy();
    const email = screen.getByLabelText('Votre adresse électronique (celle de votre invitation)');
    const consent = screen.getByRole('checkbox', { name: /J’accepte que la Région m’écrive à cette adresse/ });
    expect(email).toHaveProperty('required', true);
    expect(consent).toHaveProperty('required', true);
    fireEvent.change(email, { target: { value: ' membre@exemple.test ' } });
    // Without the consent nothing is sent.
    fireEvent.submit(email.closest('form')!);
    expect(fetch).not.toHaveBeenCalled();
    fireEvent.click(consent);
    fireEvent.click(screen.getByRole('button', { name: 'M’abonner' }));
    expect(await screen.findByText(/Si membre@exemple\.test est l’adresse d’un membre qui a participé, un courriel vient d’y être envoyé/)).toBeTruthy();
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`/api/public/assemblies/${ASSEMBLY}/follow-up/subscription`);
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ email: 'membre@exemple.test', consent: true });
  });

  it('is in English too', async () => {
    await setLocale('en');
    answer(202, { requested: true });
    renderWith(<SubscribeForm assemblyId={ASSEMBLY} />);
    expect(screen.getByLabelText('Your email address (the one you were invited with)')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /I agree that the Region may write to this address/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Subscribe' })).toBeTruthy();
  });

  it('unsubscribes from an email’s link with one button, without an account', async () => {
    await setLocale('fr');
    const fetch = answer(200, { assembly: { id: ASSEMBLY, name: 'Assemblée des Territoires' }, subscribed: false });
    renderWith(<SubscriptionLink kind="unsubscribe" token="eyJwIjoidW5zdWJzY3JpYmUifQ.c2lnbmF0dXJl" />);
    // Opening the page changes nothing (a mail scanner may fetch the link).
    expect(fetch).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Me désabonner' }));
    expect(await screen.findByText(/Vous êtes désabonné·e/)).toBeTruthy();
    expect(screen.getByText('Assemblée des Territoires')).toBeTruthy();
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/public/follow-up/subscription/unsubscribe');
    expect(JSON.parse(String(init?.body))).toEqual({ token: 'eyJwIjoidW5zdWJzY3JpYmUifQ.c2lnbmF0dXJl' });
    expect(init?.headers).not.toHaveProperty('Authorization');
  });

  it('says when a confirmation link is no longer valid', async () => {
    await setLocale('fr');
    answer(400, { error: { code: 'SUBSCRIPTION_LINK_INVALID', message: 'Ce lien n’est pas valide ou a expiré.' } });
    renderWith(<SubscriptionLink kind="confirm" token="eyJwIjoiY29uZmlybSJ9.c2lnbmF0dXJl" />);
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer mon abonnement' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Ce lien n’est pas valide ou a expiré.');
  });
});
