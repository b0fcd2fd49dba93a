import { useTranslation } from 'react-i18next';

export function PresenceCount({ count, className }: { count: number; className?: string }) {
  const { t } = useTranslation('session');
  return <p className={['presence-count', className].filter(Boolean).join(' ')}>{t('presence.connected', { count })}</p>;
}
