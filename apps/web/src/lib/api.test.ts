import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../i18n';
import { FOLLOWUP_ROUTE_META } from '@palabre/contracts/meta';
import { apiRequest, apiUrl, routeClient, routePath } from './api';
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

  it('sends the JSON body with its method and content type, and resolves with the answer', async () => {
    const fetchMock = answer(200, { token: 'S', participant: { id: 'p' } });
    vi.stubGlobal('fetch', fetchMock);
    const joined = await apiRequest('sessions.join', { body: { code: 'AB12', displayName: 'Awa' } });
    expect(joined.token).toBe('S');
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/sessions/join');
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/json' });
    expect(init.headers).not.toHaveProperty('Authorization');
    expect(JSON.parse(init.body as string)).toEqual({ code: 'AB12', displayName: 'Awa' });
  });

  it('puts the query in the URL, encoded, leaving out empty values', async () => {
    const fetchMock = answer(200, []);
    vi.stubGlobal('fetch', fetchMock);
    await apiRequest('archive.list', { token: 'T', query: { q: 'vélo & bus' } });
    await apiRequest('archive.list', { token: 'T', query: { q: '' } });
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/archive?q=v%C3%A9lo+%26+bus', '/api/archive']);
  });

  it('sends a CSV upload as text/csv', async () => {
    const fetchMock = answer(200, { assigned: 2 });
    vi.stubGlobal('fetch', fetchMock);
    await apiRequest('groups.import', { params: { id: 's1', activityId: 'a1' }, body: 'Awa;1', token: 'T' });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/sessions/s1/groups/a1/assignments');
    expect(init.headers).toMatchObject({ 'Content-Type': 'text/csv', Authorization: 'Bearer T' });
    expect(init.body).toBe('Awa;1');
  });

  it('reads a route table given to it: the follow-up routes with their query', async () => {
    const fetchMock = answer(200, []);
    vi.stubGlobal('fetch', fetchMock);
    const followUp = routeClient(FOLLOWUP_ROUTE_META);
    await followUp.request('followup.candidates', { token: 'T', params: { id: 'x y' }, query: { minSupports: 3 } });
    expect(fetchMock.mock.calls[0][0]).toBe('/api/follow-up/sessions/x%20y/candidates?minSupports=3');
    expect(followUp.url('followup.report', { params: { id: 'A' }, query: { format: 'docx' } })).toBe('/api/follow-up/assemblies/A/report?format=docx');
  });

  it('gives addresses for links and downloads', () => {
    expect(apiUrl('auth.oidc.start')).toBe('/api/auth/oidc/start');
    expect(apiUrl('exports.pdf', { params: { id: 'S' }, query: { activityId: 'A' } })).toBe('/api/sessions/S/export.pdf?activityId=A');
    expect(apiUrl('exports.pdf', { params: { id: 'S' }, query: { activityId: undefined } })).toBe('/api/sessions/S/export.pdf');
  });

  it('maps an unreachable server to a network error, and an error body without a known code to a bad response', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(apiRequest('health')).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
    vi.stubGlobal('fetch', answer(404, { error: { code: 'NOT_A_CODE', message: '?' } }));
    await expect(apiRequest('auth.options')).rejects.toMatchObject({ code: 'BAD_RESPONSE', status: 404 });
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
