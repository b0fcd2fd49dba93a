import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { ReadingModeSwitch } from '../ui/ReadingModeSwitch';
import { Loading } from '../ui/Loading';

/** Header (brand, reading mode, language), skip link and main landmark for every page but the projector. */
export function Layout() {
  const { t } = useTranslation('common');
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          {t('appName')}
        </Link>
        <div className="header-tools">
          <ReadingModeSwitch />
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
