import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../i18n';
import { apiRequest, routePath } from './api';
import { ApiError, errorText } from './errors';

afterEach(async () => {
  vi.unstubAllGlobals();
  await setLocale('fr');
});

function answer(status: number, body: unknown) {
  return vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify(body), { status }));
}

describe('apiRequest', () => {
  it('calls the contract route with the bearer token and the current language', async () => {
    const fetchMock = answer(200, []);
    vi.stubGlobal('fetch', fetchMock);
    await setLocale('en');
    await apiRequest('sessions.snapshot', { params: { id: 'abc' }, token: 'T0K' });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/sessions/abc/snapshot');
    expect(init.method).toBe('GET');
    expect(init.headers).toMatchObject({ Authorization: 'Bearer T0K', 'Accept-Language': 'en' });
  });

  it('throws an ApiError with the code, message and status of the error body', async () => {
    vi.stubGlobal('fetch', answer(401, { error: { code: 'INVALID_CREDENTIALS', message: 'Adresse e-mail ou mot de passe incorrect.' } }));
    const failure = apiRequest('auth.login', { body: { email: 'a@b.fr', password: 'x' } });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401, message: 'Adresse e-mail ou mot de passe incorrect.' });
  });

  it('turns a body-less gateway error into a network error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 })));
    await expect(apiRequest('health')).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 502 });
  });

  it('encodes path parameters', () => {
    expect(routePath('/api/sessions/:id/enter', { id: 'a/b' })).toBe('/api/sessions/a%2Fb/enter');
  });
});

describe('errorText', () => {
  const translate = (key: string) => `t(${key})`;

  it('prefers the server message, then the contracts message for the code, then the catalogue', () => {
    expect(errorText(new ApiError('NOT_FOUND', 'Message du serveur', 404), 'fr', translate)).toBe('Message du serveur');
    expect(errorText(new ApiError('NOT_FOUND', '', 404), 'en', translate)).toBe('This item does not exist.');
    expect(errorText(new ApiError('TIMEOUT', '', 0), 'fr', translate)).toBe('t(errors.TIMEOUT)');
    expect(errorText(new Error('boom'), 'fr', translate)).toBe('t(errors.UNEXPECTED)');
  });
});
