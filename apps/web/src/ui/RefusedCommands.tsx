import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n';
import { errorText } from '../lib/errors';
import { useRefusedCommands } from '../lib/live';

/**
 * A vote tapped offline, kept across a reload and refused once it could be sent (the question
 * closed meanwhile, say): nobody was waiting for its answer, so the member is told here, with the
 * server's reason, until they dismiss it.
 */
export function RefusedCommands() {
  const { t } = useTranslation('common');
  const { refused, dismiss } = useRefusedCommands();
  if (refused.length === 0) return null;
  return (
    <div role="alert" className="banner banner-refused">
      <ul>
        {refused.map(({ name, payload, error }) => (
          <li key={payload.opId}>
            {t(name === 'ballot.cast' ? 'connection.refusedVote' : 'connection.refusedOther')} {errorText(error, currentLocale(), (key) => t(key))}
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={dismiss}>
        {t('connection.refusedOk')}
      </button>
    </div>
  );
}
