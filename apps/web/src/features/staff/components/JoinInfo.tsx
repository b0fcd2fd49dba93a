import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '@palabre/contracts';
import { QrCode } from '../../../ui/QrCode';
import { joinLink, screenPath } from '../../session/links';

/** The code, link and QR code members use to join, and the projector link. */
export function JoinInfo({ session }: { session: SessionSummary }) {
  const { t } = useTranslation('staff');
  const link = joinLink(session.joinCode);
  return (
    <section className="card stack" aria-labelledby="join-info-heading">
      <h2 id="join-info-heading">{t('joinInfo.title')}</h2>
      <p>
        {t('joinInfo.code')} <strong className="join-code-inline">{session.joinCode}</strong>
      </p>
      <p>
        {t('joinInfo.link')} <a href={link}>{link}</a>
      </p>
      <QrCode value={link} alt={t('joinInfo.qrAlt', { code: session.joinCode })} size={200} />
      {session.accessMode === 'roster' && <p className="muted">{t('joinInfo.rosterOnly')}</p>}
      <p>
        <a href={screenPath(session.joinCode)} target="_blank" rel="noopener">
          {t('joinInfo.screen')}
          <span className="visually-hidden"> {t('joinInfo.newWindow')}</span>
        </a>
      </p>
    </section>
  );
}
