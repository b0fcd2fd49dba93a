import type { ExportFormat } from '@palabre/contracts';
import { apiRequest, apiUrl, ApiError } from '../../lib/api';
import { parseErrorBody } from '../../lib/errors';
import { currentLocale } from '../../i18n';

export const outcomeEndpoints = {
  seal: (token: string, id: string) => apiRequest('archive.seal', { token, params: { id } }),
  list: (token: string, q: string) => apiRequest('archive.list', { token, query: { q } }),
  get: (token: string, id: string) => apiRequest('archive.get', { token, params: { id } }),
  verify: (token: string, id: string) => apiRequest('archive.verify', { token, params: { id } }),
  setPublic: (token: string, id: string, isPublic: boolean) => apiRequest('archive.public', { token, params: { id }, body: { public: isPublic } }),
  pseudonymise: (token: string, id: string) => apiRequest('archive.pseudonymise', { token, params: { id } }),
  publicResults: (code: string) => apiRequest('public.results', { params: { code } }),
};

/**
 * Downloads an export with the staff bearer (a plain link cannot carry it): fetch, then save
 * the bytes under the server's file name.
 */
export async function downloadExport(token: string, sessionId: string, format: ExportFormat, activityId?: string): Promise<string> {
  const path = apiUrl(`exports.${format}`, { params: { id: sessionId }, query: { activityId } });
  const response = await fetch(path, { headers: { Authorization: `Bearer ${token}`, 'Accept-Language': currentLocale() } });
  if (!response.ok) {
    const body = parseErrorBody(((await response.json().catch(() => null)) as { error?: unknown } | null)?.error);
    throw body ? ApiError.fromBody(body, response.status) : new ApiError('NETWORK_ERROR', '', response.status);
  }
  const name = fileNameOf(response.headers.get('Content-Disposition')) ?? `palabre.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** RFC 5987 `filename*` first (accents intact), then the ASCII `filename`. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (star) return decodeURIComponent(star);
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}
