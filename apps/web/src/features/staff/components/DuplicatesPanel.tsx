import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { DuplicateGroup, Duplicates } from '@palabre/contracts';
import { apiRequest } from '../../../lib/api';
import { useCommandMutation, useLiveEvent, useLiveSession } from '../../../lib/live';
import { getStaffAuth } from '../../../lib/session-store';
import { ErrorMessage } from '../../../ui/ErrorMessage';

const duplicatesKey = (sessionId: string) => ['duplicates', sessionId] as const;

/**
 * « Doublons possibles »: members who may be one person (same browser, same name, a burst of
 * joins from one address, a roster name picked by a code joiner). The list is the server's,
 * loaded once and then replaced by each `duplicates.updated`. The facilitator confirms a roster
 * name, merges a duplicate into the first of its group, or removes one (a removed code joiner's
 * browser cannot join again).
 */
export function DuplicatesPanel() {
  const { t } = useTranslation('staff');
  const uid = useId();
  const { sessionId } = useLiveSession();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: duplicatesKey(sessionId),
    queryFn: ({ signal }) => apiRequest('participants.duplicates', { params: { id: sessionId }, token: getStaffAuth()?.token, signal }),
    refetchOnWindowFocus: false,
  });
  useLiveEvent('duplicates.updated', (p) => client.setQueryData<Duplicates>(duplicatesKey(sessionId), { groups: p.groups }));
  const merge = useCommandMutation('participant.merge');
  const revoke = useCommandMutation('participant.revoke');
  const confirm = useCommandMutation('participant.confirm');
  const groups = list.data?.groups ?? [];

  return (
    <section className="card stack duplicates-panel" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('duplicates.title', { count: groups.length })}</h2>
      {list.data && groups.length === 0 && <p className="muted">{t('duplicates.empty')}</p>}
      <ErrorMessage error={list.error ?? merge.error ?? revoke.error ?? confirm.error} />
      {groups.map((group) => (
        <DuplicateItem
          key={`${group.reason}:${group.participants.map((p) => p.id).join(',')}`}
          group={group}
          onMerge={(participantId, intoId) => merge.mutate({ participantId, intoId })}
          onRevoke={(participantId) => revoke.mutate({ participantId })}
          onConfirm={(participantId) => confirm.mutate({ participantId })}
        />
      ))}
    </section>
  );
}

function DuplicateItem({
  group,
  onMerge,
  onRevoke,
  onConfirm,
}: {
  group: DuplicateGroup;
  onMerge: (participantId: string, intoId: string) => void;
  onRevoke: (participantId: string) => void;
  onConfirm: (participantId: string) => void;
}) {
  const { t } = useTranslation('staff');
  const [kept, ...others] = group.participants;
  const rows = (
    <ul className="duplicate-list">
      {group.participants.map((p) => (
        <li key={p.id}>
          <span>{p.displayName}</span>
          {p.memberId && <span className="muted"> ({t('duplicates.verified')})</span>}
          <span className="button-row">
            {p.claimedMemberId && (
              <button type="button" className="button" onClick={() => onConfirm(p.id)}>
                {t('duplicates.confirm', { name: p.displayName })}
              </button>
            )}
            {group.reason !== 'burst' && p !== kept && others.length > 0 && (
              <button type="button" className="button" onClick={() => onMerge(p.id, kept.id)}>
                {t('duplicates.merge', { name: p.displayName, into: kept.displayName })}
              </button>
            )}
            <button type="button" className="button" onClick={() => onRevoke(p.id)}>
              {t('duplicates.revoke', { name: p.displayName })}
            </button>
          </span>
        </li>
      ))}
    </ul>
  );
  const label = t(`duplicates.reason.${group.reason}`, { count: group.participants.length });
  // A burst can be dozens of joins: folded.
  return group.reason === 'burst' ? (
    <details className="duplicate-group">
      <summary>{label}</summary>
      {rows}
    </details>
  ) : (
    <div className="duplicate-group stack">
      <h3>{label}</h3>
      {rows}
    </div>
  );
}
