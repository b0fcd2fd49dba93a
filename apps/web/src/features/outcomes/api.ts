import type { ArchiveDetail, ArchiveSummary, ArchiveVerification, ExportFormat, PublicResults } from '@palabre/contracts';
import { ROUTE_META } from '@palabre/contracts/meta';
import { apiFetch, apiRequest, ApiError, routePath } from '../../lib/api';
import { parseErrorBody } from '../../lib/errors';
import { currentLocale } from '../../i18n';

export const outcomeEndpoints = {
  seal: (token: string, id: string) => apiRequest<ArchiveSummary>('archive.seal', { token, params: { id } }),
  list: (token: string, q: string) =>
    apiFetch<ArchiveSummary[]>('GET', `${ROUTE_META['archive.list'].path}${q ? `?q=${encodeURIComponent(q)}` : ''}`, { token }),
  get: (token: string, id: string) => apiRequest<ArchiveDetail>('archive.get', { token, params: { id } }),
  verify: (token: string, id: string) => apiRequest<ArchiveVerification>('archive.verify', { token, params: { id } }),
  setPublic: (token: string, id: string, isPublic: boolean) => apiRequest<ArchiveSummary>('archive.public', { token, params: { id }, body: { public: isPublic } }),
  pseudonymise: (token: string, id: string) => apiRequest<ArchiveSummary>('archive.pseudonymise', { token, params: { id } }),
  publicResults: (code: string) => apiRequest<PublicResults>('public.results', { params: { code } }),
};

/**
 * Downloads an export with the staff bearer (a plain link cannot carry it): fetch, then save
 * the bytes under the server's file name.
 */
export async function downloadExport(token: string, sessionId: string, format: ExportFormat, activityId?: string): Promise<string> {
  const base = routePath(ROUTE_META[`exports.${format}`].path, { id: sessionId });
  const path = activityId ? `${base}?activityId=${encodeURIComponent(activityId)}` : base;
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
