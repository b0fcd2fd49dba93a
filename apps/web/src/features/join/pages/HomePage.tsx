import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { JoinForm } from '../components/JoinForm';

export function HomePage() {
  const { t } = useTranslation('join');
  useDocumentTitle(undefined);
  return (
    <div className="stack narrow">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.tagline')}</p>
      <JoinForm />
      <p>
        <Link to="/staff/login">{t('home.staffLink')}</Link>
      </p>
    </div>
  );
}
