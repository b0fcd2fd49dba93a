import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { storedParticipants } from '../../../lib/session-store';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { JoinForm } from '../components/JoinForm';
import { ResumeCard } from '../components/ResumeCard';

/** Where the projector's QR code leads: the code is already there. A participant this browser holds is resumed. */
export function JoinPage() {
  const { t } = useTranslation('join');
  const { code = '' } = useParams();
  const [resumable, setResumable] = useState(() => storedParticipants(code)[0] ?? null);
  useDocumentTitle(t('join.title'));
  return (
    <div className="stack narrow">
      <h1>{t('join.title')}</h1>
      {resumable ? (
        <ResumeCard auth={resumable} onNotMe={() => setResumable(storedParticipants(code)[0] ?? null)} />
      ) : (
        <>
          <p className="lead">{t('join.intro')}</p>
          <JoinForm initialCode={code} />
        </>
      )}
    </div>
  );
}
