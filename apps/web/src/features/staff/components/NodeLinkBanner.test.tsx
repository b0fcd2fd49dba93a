// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { loadStaffCatalogues, setLocale } from '../../../i18n';
import { NodeLinkBanner } from './NodeLinkBanner';

/** The health route's answers, in order (the last one repeats): the REST client and react-query are real. */
function healthAnswers(...bodies: { status: string; redis: string }[]) {
  const fetch = vi.fn(async (_url: string) => {
    const body = bodies.length > 1 ? bodies.shift()! : bodies[0];
    return new Response(JSON.stringify({ ...body, database: 'up', embedded: false }), { status: 200 });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function renderBanner() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <NodeLinkBanner />
    </QueryClientProvider>,
  );
}

describe('the console’s "nodes not linked" banner', () => {
  beforeEach(async () => {
    await setLocale('fr');
    await loadStaffCatalogues();
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('says nothing while the nodes are linked, and tells the staff when Redis is down', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const fetch = healthAnswers({ status: 'ok', redis: 'up' }, { status: 'degraded', redis: 'down' }, { status: 'ok', redis: 'up' });
    renderBanner();
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('status').textContent).toBe('');
    expect(fetch.mock.calls[0][0]).toBe('/api/health');

    // The next poll finds the nodes apart.
    await vi.advanceTimersByTimeAsync(10_000);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Nœuds non reliés'));
    expect(screen.getByRole('status').textContent).toContain('reliés à un autre serveur');

    // And the one after finds them linked again.
    await vi.advanceTimersByTimeAsync(10_000);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(''));
  });

  it('speaks English to an English console, and stays quiet with a single node (no Redis)', async () => {
    await setLocale('en');
    await loadStaffCatalogues();
    healthAnswers({ status: 'degraded', redis: 'down' });
    renderBanner();
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Nodes not linked'));
    cleanup();
    healthAnswers({ status: 'ok', redis: 'unused' });
    renderBanner();
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
