import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../../lib/api';

/** How often the console asks the node it is connected to whether it still reaches the others. */
export const NODE_LINK_POLL_MS = 10_000;

/**
 * While Redis is away, each node keeps working alone (docs/decisions.md §8): members and screens
 * attached to another node stop hearing what happens here. The health route already says
 * `redis: down` (status `degraded`); the console reads it every 10 s and tells the staff, so a
 * projector frozen on another node is not a silent surprise. Nothing is shown otherwise.
 */
export function NodeLinkBanner() {
  const { t } = useTranslation('staff');
  const { data } = useQuery({
    queryKey: ['health'],
    queryFn: () => apiRequest('health'),
    refetchInterval: NODE_LINK_POLL_MS,
    refetchIntervalInBackground: true,
    retry: false,
  });
  const unlinked = data?.redis === 'down';
  return (
    <div role="status" className={unlinked ? 'banner banner-reconnecting' : 'banner-idle'}>
      {unlinked && (
        <>
          <strong>{t('console.nodesNotLinked')}</strong> <span>{t('console.nodesNotLinkedHelp')}</span>
        </>
      )}
    </div>
  );
}
