import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveResults, QuestionView } from '@palabre/contracts';
import { CONTENT_LANG } from '../../../i18n';
import type { ActivityViewProps } from '../../activity-view';
import { newlyOpened, splitQuestions } from '../follow';
import { useAnnounceQuestions } from '../hooks/useAnnounceQuestions';
import { useSurvey } from '../hooks/useSurvey';
import { ProxyRequestForm } from '../channels/ProxyRequest';
import { useChannels, useChannelsEvents } from '../channels/useChannels';
import { BallotForm, KeptReceipt } from './BallotForm';
import { QuestionResultsView } from './ResultsChart';
import './surveys.css';

const SUGGESTIONS_MAX = 8;

/** The words others gave to a word-cloud question, when this member may see its results. */
function suggestionsOf(live: LiveResults | undefined): string[] {
  return live?.results?.type === 'text' ? live.results.words.slice(0, SUGGESTIONS_MAX).map((w) => w.word) : [];
}

/** A question's results; `receipt`: the member whose kept anonymous receipt is shown with it. */
function QuestionResults({ question, live, receipt }: { question: QuestionView; live: LiveResults | undefined; receipt: string | null }) {
  const { t } = useTranslation('surveys');
  return (
    <section className="stack survey-result" aria-labelledby={`qr-${question.id}`}>
      <h3 id={`qr-${question.id}`} lang={CONTENT_LANG}>{question.prompt}</h3>
      <p className="muted">{t(`state.${question.state}`)}</p>
      {receipt && <KeptReceipt questionId={question.id} participantId={receipt} />}
      {live?.results && <QuestionResultsView question={question} live={live} />}
    </section>
  );
}

/**
 * A member's phone follows the room: the open question first, full width (or the last results
 * when none is open), earlier questions folded into « Résultats précédents ». A question that
 * opens is announced and scrolled into view.
 */
export function SurveyActivity({ activity }: ActivityViewProps) {
  const { t } = useTranslation('surveys');
  const { survey, myBallots, results, me } = useSurvey(activity.id);
  const channels = useChannels();
  useChannelsEvents();
  useAnnounceQuestions(survey?.questions);
  const openSeen = useRef<Set<string> | null>(null);
  const questions = survey?.questions;
  useEffect(() => {
    if (!questions) return;
    const opened = newlyOpened(openSeen.current, questions);
    openSeen.current = new Set(questions.filter((q) => q.state === 'open').map((q) => q.id));
    // Do not pull the page away from an answer being typed.
    const typing = document.activeElement instanceof HTMLInputElement && document.activeElement.type === 'text';
    if (opened.length === 0 || typing) return;
    const target = document.getElementById(`q-${opened[0]}`)?.closest('form');
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    target?.scrollIntoView({ block: 'start', behavior: reduced ? 'auto' : 'smooth' });
  }, [questions]);

  if (!survey || !me) return <p className="muted">{t('survey.waiting')}</p>;
  const { current, previous } = splitQuestions(survey.questions);
  // An anonymous ballot's receipt is kept on this device: shown with the results once the vote closed.
  const receipt = survey.settings.anonymity === 'anonymous' && me.role === 'member' ? me.id : null;
  if (current.length === 0) return <p className="muted">{t('survey.waiting')}</p>;
  // Proxies I hold (one ballot per represented member), and those that lapsed because their giver came in person.
  const held = channels.proxies.filter((p) => p.holderId === me.id && p.lapsedAt === null);
  const lapsed = channels.proxies.filter((p) => p.lapsedAt !== null && (p.holderId === me.id || p.giverId === me.id));
  return (
    <div className="stack survey-activity">
      {me.role === 'member' && <ProxyRequestForm meId={me.id} />}
      {lapsed.length > 0 && (
        <div role="status" className="proxy-notices">
          {lapsed.map((p) => (
            <p key={p.id} className="muted">{p.giverId === me.id ? t('proxy.lapsedGiver', { name: p.holderName }) : t('proxy.lapsedHolder', { name: p.giverName })}</p>
          ))}
        </div>
      )}
      {current.map((q) =>
        q.state === 'open' && me.role === 'member' ? (
          <div key={q.id} className="stack">
            <BallotForm question={q} settings={survey.settings} mine={myBallots[q.id]} participantId={me.id} suggestions={suggestionsOf(results[q.id])} />
            {held.map((p) => (
              <BallotForm key={p.id} question={q} settings={survey.settings} mine={channels.ballots[p.giverId]?.[q.id]} participantId={me.id} forMember={{ id: p.giverId, name: p.giverName }} />
            ))}
          </div>
        ) : (
          <QuestionResults key={q.id} question={q} live={results[q.id]} receipt={receipt} />
        ),
      )}
      {previous.length > 0 && (
        <details className="previous-results">
          <summary>{t('survey.previous', { count: previous.length })}</summary>
          <div className="stack">
            {previous.map((q) => (
              <QuestionResults key={q.id} question={q} live={results[q.id]} receipt={receipt} />
            ))}
          </div>
        </details>
      )}
    </div>
  );
}
