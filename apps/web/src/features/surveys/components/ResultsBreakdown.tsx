import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveResults, QuestionView } from '@palabre/contracts';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useQuestionBreakdown } from '../hooks/useQuestionBreakdown';
import { BreakdownTables } from './BreakdownTables';

/** Staff console: the territorial breakdown of one question, fetched while the panel is open. */
export function ResultsBreakdown({ question, live }: { question: QuestionView; live: LiveResults }) {
  const { t } = useTranslation('surveys');
  const [open, setOpen] = useState(false);
  const query = useQuestionBreakdown(live, open);
  return (
    <details className="breakdown" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('breakdown.title')}</summary>
      {open && (
        <div className="stack">
          {query.isPending ? (
            <p className="muted">{t('breakdown.loading')}</p>
          ) : query.isError ? (
            <ErrorMessage error={query.error} />
          ) : query.data.breakdown === null ? (
            <p className="muted">{t('breakdown.anonymous')}</p>
          ) : (
            <>
              <p className="muted">{t('breakdown.intro', { min: query.data.breakdown.minCell })}</p>
              <BreakdownTables question={question} breakdown={query.data.breakdown} />
            </>
          )}
        </div>
      )}
    </details>
  );
}
