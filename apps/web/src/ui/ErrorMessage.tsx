import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/errors';
import { currentLocale } from '../i18n';

/** Shows an error as text the user can act on (server message, contracts message or catalogue). */
export function ErrorMessage({ error, id }: { error: unknown; id?: string }) {
  const { t } = useTranslation('common');
  if (!error) return null;
  return (
    <p className="error" role="alert" id={id}>
      {errorText(error, currentLocale(), (key) => t(key))}
    </p>
  );
}
