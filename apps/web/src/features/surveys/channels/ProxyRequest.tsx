import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommandMutation } from '../../../lib/live';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useChannels } from './useChannels';

/**
 * A member's phone, while proxies are enabled: « Donner procuration » names a colleague from the
 * roster; the organiser approves (the proxy is recorded) or declines (docs/proxies.md). Hidden
 * while the member's proxy is live.
 */
export function ProxyRequestForm({ meId }: { meId: string }) {
  const { t } = useTranslation('surveys');
  const { settings, members, proxies, requests } = useChannels();
  const ask = useCommandMutation('proxy.request');
  const [holder, setHolder] = useState('');
  const mine = requests.filter((r) => r.giverId === meId).at(-1);
  // While my proxy is live (or my request awaits an answer) there is nothing to ask: only where it stands.
  const canAsk = settings.enabled && members.length > 0 && mine?.status !== 'pending' && !proxies.some((p) => p.giverId === meId && !p.lapsedAt);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (holder) ask.mutate({ holderId: holder }, { onSuccess: () => setHolder('') });
  };
  if (!mine && !canAsk) return null;
  return (
    <div className="stack proxy-request">
      {mine && <p role="status" data-testid="proxy-request-status">{t(`proxyRequest.${mine.status}`, { name: mine.holderName })}</p>}
      {canAsk && (
        <details>
          <summary>{t('proxyRequest.title')}</summary>
          <form className="stack" onSubmit={submit}>
            <label className="field">
              <span>{t('proxyRequest.holder')}</span>
              <select value={holder} onChange={(e) => setHolder(e.target.value)} required>
                <option value="">—</option>
                {members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
              </select>
            </label>
            <button type="submit" className="button" disabled={ask.isPending}>{t('proxyRequest.submit')}</button>
          </form>
        </details>
      )}
      <ErrorMessage error={ask.error} />
    </div>
  );
}
