import { useTranslation } from 'react-i18next';
import type { PresenceView } from '@palabre/contracts';

/** Who is online right now (staff payload of presence.updated / snapshot.presence.online). */
export function OnlineList({ presence }: { presence: PresenceView }) {
  const { t } = useTranslation('staff');
  const { t: tSession } = useTranslation('session');
  const online = presence.online ?? [];
  return (
    <section className="card stack" aria-labelledby="online-heading">
      <h2 id="online-heading">{tSession('presence.connected', { count: presence.connected })}</h2>
      {online.length === 0 ? (
        <p className="muted">{t('online.empty')}</p>
      ) : (
        <ul className="online-list">
          {online.map((person) => (
            <li key={person.id}>
              <span>{person.displayName}</span> <span className="muted">({t(`role.${person.role}`)})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
