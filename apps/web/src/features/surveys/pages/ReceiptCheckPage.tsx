import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { normaliseReceiptCode } from '@palabre/domain';
import type { BallotBoardQuestion, BallotValue, PublicBallotBoard } from '@palabre/contracts';
import { apiRequest } from '../../../lib/api';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { formatDate } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';

/** A ballot as a person reads it: option labels, the yes/no answer, or the value itself. */
function BallotText({ question, value }: { question: BallotBoardQuestion; value: BallotValue }) {
  const { t } = useTranslation('surveys');
  const options = 'options' in question.config ? question.config.options : [];
  const label = (id: string) => options.find((o) => o.id === id)?.label ?? id;
  switch (value.type) {
    case 'yesno':
      return <>{t(`yesno.${value.choice}`)}</>;
    case 'single':
      return <>{label(value.optionId)}</>;
    case 'multiple':
      return <>{value.optionIds.map(label).join(' ; ')}</>;
    case 'ranking':
      return <>{value.ranking.map((id, i) => `${i + 1}. ${label(id)}`).join(' ; ')}</>;
    default:
      return <code>{JSON.stringify(value)}</code>;
  }
}

/**
 * The public receipt check (issue #17): anyone with a receipt code finds the ballot on the
 * ballot board of the sealed session, without an account. The boards come from the sealed
 * record, covered by the seal digest shown below; scripts/tally-ballot-board.mjs recomputes
 * the tally from them.
 */
export function ReceiptCheckPage() {
  const { t } = useTranslation('surveys');
  const { code = '' } = useParams();
  const board = useQuery<PublicBallotBoard>({
    queryKey: ['ballot-board', code],
    queryFn: () => apiRequest('surveys.ballotBoard', { params: { code } }),
    retry: false,
  });
  const [typed, setTyped] = useState('');
  const [searched, setSearched] = useState<string | null | undefined>(undefined);
  useDocumentTitle(t('receiptCheck.title'));
  if (board.isPending) return <Loading />;
  if (board.isError) return <ErrorMessage error={board.error} />;
  const b = board.data;
  const hits = searched ? b.questions.flatMap((q) => q.ballots.filter((e) => e.receipt === searched).map((e) => ({ question: q, entry: e }))) : [];
  return (
    <div className="stack">
      <div className="page-heading">
        <h1>{t('receiptCheck.title')}</h1>
        <p className="muted">{t('receiptCheck.subtitle', { title: b.session.title, date: formatDate(b.session.date) })}</p>
      </div>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          setSearched(normaliseReceiptCode(typed));
        }}
      >
        <label htmlFor="receipt-code">{t('receiptCheck.label')}</label>
        <input id="receipt-code" className="input" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" placeholder="A1B2-C3D4-E5F6" />
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('receiptCheck.search')}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {searched === null && <p>{t('receiptCheck.malformed')}</p>}
        {searched && hits.length === 0 && <p>{t('receiptCheck.notFound', { receipt: searched })}</p>}
        {hits.map(({ question, entry }) => (
          <p key={`${question.questionId}:${entry.commitment}`} className="receipt-found">
            ✓ {t('receiptCheck.found', { receipt: entry.receipt, prompt: question.prompt, count: question.ballots.length })}{' '}
            <strong>
              <BallotText question={question} value={entry.value} />
            </strong>
          </p>
        ))}
      </div>
      <section className="stack">
        <h2>{t('receiptCheck.boards')}</h2>
        <ul>
          {b.questions.map((q) => (
            <li key={q.questionId}>
              {q.activityTitle} — {q.prompt} : {t('receiptCheck.ballots', { count: q.ballots.length })}
            </li>
          ))}
        </ul>
        <p className="muted">{t('receiptCheck.recompute')}</p>
      </section>
      <p className="muted">
        {t('receiptCheck.digest')} <code>{b.digest}</code>
      </p>
    </div>
  );
}
