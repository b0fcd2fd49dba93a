import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { ActivitySummary } from '@palabre/contracts';
import { CONTENT_LANG } from '../../../i18n';

interface AgendaProps {
  activities: readonly ActivitySummary[];
  /** The activity shown next to the agenda (marked aria-current). */
  selectedId?: string;
  headingId?: string;
  /** Shown under each item, outside its link (the console puts the planned duration there). */
  itemExtra?: (activity: ActivitySummary) => ReactNode;
}

/** The session's agenda; each item opens that activity (?activity=<id>). */
export function Agenda({ activities, selectedId, headingId = 'agenda-heading', itemExtra }: AgendaProps) {
  const { t } = useTranslation('session');
  return (
    <nav className="agenda card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('agenda.title')}</h2>
      {activities.length === 0 ? (
        <p>{t('agenda.empty')}</p>
      ) : (
        <ol className="agenda-list">
          {activities.map((activity) => (
            <li key={activity.id}>
              <Link
                to={{ search: `?activity=${activity.id}` }}
                aria-current={activity.id === selectedId ? 'true' : undefined}
                className="agenda-item"
              >
                <span className="agenda-title" lang={CONTENT_LANG}>{activity.title}</span>
                <span className="agenda-meta">
                  {t(`kind.${activity.kind}`)} · {t(`activityState.${activity.state}`, { defaultValue: activity.state })}
                </span>
              </Link>
              {itemExtra?.(activity)}
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}
