import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { JoinForm } from '../components/JoinForm';

/** Where the projector's QR code leads: the code is already there. */
export function JoinPage() {
  const { t } = useTranslation('join');
  const { code = '' } = useParams();
  useDocumentTitle(t('join.title'));
  return (
    <div className="stack narrow">
      <h1>{t('join.title')}</h1>
      <p className="lead">{t('join.intro')}</p>
      <JoinForm initialCode={code} />
    </div>
  );
}
