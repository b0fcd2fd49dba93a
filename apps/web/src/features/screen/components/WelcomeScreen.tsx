import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '@palabre/contracts';
import { QrCode } from '../../../ui/QrCode';
import { joinLink } from '../../session/links';

/** How to join, for the whole room: the QR code as large as the screen allows, the code in large type. */
export function WelcomeScreen({ session }: { session: SessionSummary }) {
  const { t } = useTranslation('screen');
  const link = joinLink(session.joinCode);
  return (
    <section className="screen-welcome" aria-labelledby="screen-join-heading">
      <QrCode value={link} alt={t('join.qrAlt', { code: session.joinCode })} size={600} className="screen-qr" />
      <div className="screen-join">
        <h2 id="screen-join-heading">{t('join.title')}</h2>
        <p className="screen-url">{t('join.url', { url: `${window.location.host}/join` })}</p>
        <p className="screen-code-label">{t('join.codeLabel')}</p>
        <p className="screen-code" data-testid="screen-join-code">
          {session.joinCode}
        </p>
      </div>
    </section>
  );
}
