import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { storedParticipants } from '../../../lib/session-store';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { JoinForm } from '../components/JoinForm';
import { ResumeCard } from '../components/ResumeCard';

export function HomePage() {
  const { t } = useTranslation('join');
  const [resumable, setResumable] = useState(() => storedParticipants());
  useDocumentTitle(undefined);
  return (
    <div className="stack narrow">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.tagline')}</p>
      {resumable.map((auth) => (
        <ResumeCard key={auth.session.id} auth={auth} onNotMe={() => setResumable(storedParticipants())} />
      ))}
      <JoinForm />
      <p>
        <Link to="/staff/login">{t('home.staffLink')}</Link>
      </p>
    </div>
  );
}
