import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LiveResults, QuestionView, QuestionVoter, QuestionVoters, SurveySettings } from '@palabre/contracts';
import { checkRollCall } from '@palabre/domain';
import { apiRequest } from '../../../lib/api';
import { useCommandMutation, useLiveSession } from '../../../lib/live';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useChannels } from './useChannels';

const votersKey = (questionId: string) => ['survey-voters', questionId];

/**
 * Staff: who already voted on a question and how (`GET …/voters`, docs/proxies.md), in roster
 * order. Not in the live events (never sent per ballot): fetched again when the live tally says
 * something changed (ballots, roll-call progress, state) or a paper entry changed.
 */
export function useQuestionVoters(question: QuestionView, live: LiveResults | undefined) {
  const { sessionId, token } = useLiveSession();
  const { paper } = useChannels();
  const confirmed = paper.filter((e) => e.questionId === question.id && e.confirmedBy).length;
  return useQuery<QuestionVoters>({
    queryKey: [...votersKey(question.id), question.state, live?.ballots, live?.rollCall?.called, confirmed],
    queryFn: ({ signal }) => apiRequest('surveys.voters', { token, signal, params: { id: sessionId, questionId: question.id } }),
    enabled: question.state !== 'draft',
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}

function statusOf(t: (key: string) => string, v: QuestionVoter): string {
  if (v.channel) return t(`voters.channel.${v.channel}`);
  return v.passed ? t('voters.passed') : t('voters.waiting');
}

/** The members and whether (and how) each voted: a teller does not enter a paper ballot for a member who voted on their phone. */
function VotersList({ voters }: { voters: QuestionVoters }) {
  const { t } = useTranslation('surveys');
  const done = voters.voters.filter((v) => v.channel).length;
  return (
    <details className="question-voters">
      <summary>{t('voters.title', { count: done, total: voters.voters.length })}</summary>
      {voters.anonymous && <p className="muted">{t('voters.anonymous')}</p>}
      <ul className="stack" aria-label={t('voters.list')}>
        {voters.voters.map((v) => (
          <li key={v.memberId} data-testid="voter" data-channel={v.channel ?? (v.passed ? 'passed' : 'none')}>
            {v.name} — <span className={v.channel ? undefined : 'muted'}>{statusOf(t, v)}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

const ANSWERS = ['yes', 'no', 'abstain'] as const;

/**
 * Roll call (« appel nominal ») of a named yes / no question: the members one at a time in roster
 * order; each answer is an assisted ballot (`rollcall.answer`, the one ballot path), a member who
 * already voted is skipped, one who does not answer is passed. The projector shows n of N called.
 */
function RollCallPanel({ question, voters }: { question: QuestionView; voters: QuestionVoters }) {
  const { t } = useTranslation('surveys');
  const client = useQueryClient();
  const start = useCommandMutation('rollcall.start');
  const answer = useCommandMutation('rollcall.answer');
  const pass = useCommandMutation('rollcall.pass');
  const refresh = { onSuccess: () => void client.invalidateQueries({ queryKey: votersKey(question.id) }) };
  const roll = voters.rollCall;
  // The first member still to call: the list is in roster order (the server's `rollCallOrder`).
  const called = voters.voters.find((v) => !v.channel && !v.passed);
  const busy = answer.isPending || pass.isPending;
  return (
    <section className="stack rollcall" aria-label={t('rollCall.title')}>
      <h4>{t('rollCall.title')}</h4>
      {!roll ? (
        <button type="button" className="button" disabled={start.isPending} onClick={() => start.mutate({ questionId: question.id }, refresh)}>{t('rollCall.start')}</button>
      ) : (
        <>
          <p data-testid="rollcall-console-progress">{t('rollCall.progress', { called: roll.called, total: roll.total })}</p>
          {called ? (
            <div className="stack">
              <p>{t('rollCall.calling')} <strong data-testid="rollcall-member">{called.name}</strong></p>
              <div className="button-row">
                {ANSWERS.map((choice) => (
                  <button key={choice} type="button" className="button" disabled={busy} onClick={() => answer.mutate({ questionId: question.id, memberId: called.memberId, value: { type: 'yesno', choice } }, refresh)}>
                    {t(`yesno.${choice}`)}
                  </button>
                ))}
                <button type="button" className="button" disabled={busy} onClick={() => pass.mutate({ questionId: question.id, memberId: called.memberId }, refresh)}>{t('rollCall.pass')}</button>
              </div>
            </div>
          ) : (
            <p role="status">{t('rollCall.done')}</p>
          )}
        </>
      )}
      <ErrorMessage error={start.error ?? answer.error ?? pass.error} />
    </section>
  );
}

/** Under a question in the console: who already voted, and the roll call where the question allows one. */
export function QuestionVotersPanel({ question, settings, live }: { question: QuestionView; settings: SurveySettings; live: LiveResults | undefined }) {
  const { data: voters } = useQuestionVoters(question, live);
  if (!voters) return null;
  const rollCall = question.state === 'open' && checkRollCall(question.config, settings.anonymity) === null;
  return (
    <>
      <VotersList voters={voters} />
      {rollCall && <RollCallPanel question={question} voters={voters} />}
    </>
  );
}
