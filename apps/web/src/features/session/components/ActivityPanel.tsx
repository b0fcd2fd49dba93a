import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivitySummary } from '@palabre/contracts';
import type { ViewSurface } from '../../activity-view';
import { activityView } from '../../registry';
import { CONTENT_LANG } from '../../../i18n';
import { ErrorBoundary } from '../../../ui/ErrorBoundary';
import { Loading } from '../../../ui/Loading';

interface ActivityPanelProps {
  activity: ActivitySummary | undefined;
  surface: ViewSurface;
}

/** Renders the feature view registered for the activity's kind, or a placeholder. */
export function ActivityPanel({ activity, surface }: ActivityPanelProps) {
  const { t } = useTranslation('session');
  if (!activity) {
    return (
      <section className="activity-panel card" aria-label={t('activity.none')}>
        <p>{t('activity.none')}</p>
      </section>
    );
  }
  const View = activityView(activity.kind, surface);
  const headingId = `activity-${activity.id}`;
  return (
    <section className="activity-panel card" aria-labelledby={headingId}>
      <h2 id={headingId} lang={CONTENT_LANG}>{activity.title}</h2>
      {View ? (
        <ErrorBoundary
          fallback={(retry) => (
            <p className="error" role="alert">
              {t('activity.failed')}{' '}
              <button type="button" className="button" onClick={retry}>
                {t('activity.retry')}
              </button>
            </p>
          )}
        >
          <Suspense fallback={<Loading />}>
            <View activity={activity} />
          </Suspense>
        </ErrorBoundary>
      ) : (
        <p className="muted">{t('activity.placeholder')}</p>
      )}
    </section>
  );
}
