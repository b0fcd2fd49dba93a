import { useTranslation } from 'react-i18next';
import type { SessionState } from '@palabre/contracts';

export function SessionStateBadge({ state }: { state: SessionState }) {
  const { t } = useTranslation('session');
  return (
    <span className={`badge badge-${state}`}>
      <span className="visually-hidden">{t('state.label')} </span>
      {t(`state.${state}`)}
    </span>
  );
}
