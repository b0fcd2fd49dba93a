import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LiveSessionProvider } from '../../../lib/live-session';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Loading } from '../../../ui/Loading';
import { snapshotPatchers } from '../../registry';
import { ScreenView, useScreenTheme } from '../components/ScreenView';
import { useScreenToken } from '../hooks/useScreenToken';

/** /screen/:code — full-screen projector view, no site header. `?theme=contrast` for high contrast. */
export function ScreenPage() {
  const { t } = useTranslation('screen');
  const { code = '' } = useParams();
  const screen = useScreenToken(code.toUpperCase());
  const theme = useScreenTheme();

  return (
    <main id="main" className="screen-main" data-theme={theme}>
      {screen.auth ? (
        <LiveSessionProvider sessionId={screen.auth.session.id} token={screen.auth.token} patchers={snapshotPatchers}>
          <ScreenView onAccessLost={screen.renew} />
        </LiveSessionProvider>
      ) : screen.error ? (
        <div className="stack narrow">
          <ErrorMessage error={screen.error} />
          <button type="button" className="button" onClick={screen.retry}>
            {t('retry')}
          </button>
        </div>
      ) : screen.pairing ? (
        <div className="stack narrow screen-pairing" aria-live="polite">
          <h1>{t('pairing.title')}</h1>
          <p className="lead">{t('pairing.instructions')}</p>
          <p className="screen-pairing-code" aria-label={t('pairing.codeLabel')}>
            {screen.pairing.code}
          </p>
          <p>{t('pairing.staffHint')}</p>
        </div>
      ) : (
        <Loading label={t('joining')} />
      )}
    </main>
  );
}
