import { useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { shuffledFor } from '@palabre/domain';
import type { BallotValue, QuestionView, SurveySettings } from '@palabre/contracts';
import { useCommandMutation } from '../../../lib/live';
import { anonymousBallot, anonymousCredentials, rememberAnonymous } from '../device-ballots';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useAnnounce } from '../../../ui/Announcer';
import {
  MajorityControls, MultipleControls, PointsControls, RankingControls, ScaleControls, SingleControls, TextControls, YesNoControls,
} from './BallotControls';

// Each control is typed for its own ballot shape; the map is keyed by the question type.
type AnyControls = ComponentType<{ name: string; config: QuestionView['config']; options: { id: string; label: string }[]; value: BallotValue | undefined; onChange: (v: BallotValue) => void }>;
const CONTROLS = {
  single: SingleControls, multiple: MultipleControls, ranking: RankingControls, points: PointsControls,
  scale: ScaleControls, majority: MajorityControls, yesno: YesNoControls, text: TextControls,
} as unknown as Record<QuestionView['config']['type'], AnyControls>;

function initial(question: QuestionView, options: { id: string }[], mine: BallotValue | undefined): BallotValue | undefined {
  if (mine) return mine;
  // A ranking is always complete: the order shown is a ballot the member may send as is.
  if (question.config.type === 'ranking') return { type: 'ranking', ranking: options.map((o) => o.id).slice(0, question.config.topK ?? options.length) };
  return undefined;
}

/** One open question on a member's phone: controls, send, and the receipt once the server acknowledged. */
export function BallotForm({ question, settings, mine: named, participantId }: { question: QuestionView; settings: SurveySettings; mine: BallotValue | undefined; participantId: string }) {
  const { t } = useTranslation('surveys');
  const announce = useAnnounce();
  const anonymous = settings.anonymity === 'anonymous';
  // An anonymous ballot is known to this device only (the server cannot find it for anyone).
  const [kept, setKept] = useState(() => (anonymous ? anonymousBallot(participantId, question.id) : undefined));
  const mine = anonymous ? kept?.value : named;
  const options = 'options' in question.config ? (settings.shuffle ? shuffledFor(question.config.options, `${participantId}:${question.id}`) : question.config.options) : [];
  const [draft, setDraft] = useState<BallotValue | undefined>(() => initial(question, options, mine));
  const [dirty, setDirty] = useState(false);
  const cast = useCommandMutation('ballot.cast');
  const Controls = CONTROLS[question.config.type];
  const recorded = Boolean(mine) && !dirty && !cast.isPending;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!draft || cast.isPending || recorded) return;
    const credentials = anonymous ? anonymousCredentials(participantId, question.id) : undefined;
    const value = draft;
    cast.mutate(
      { questionId: question.id, value, ...(credentials ? { ballotSecret: credentials.ballotSecret } : {}) },
      {
        onSuccess: () => {
          setDirty(false);
          if (credentials) {
            rememberAnonymous(participantId, question.id, value, credentials.receipt);
            setKept({ value, receipt: credentials.receipt });
            announce(t('ballot.recordedWithReceipt', { receipt: credentials.receipt }));
          } else announce(t('ballot.recorded'));
        },
      },
    );
  };

  return (
    <form className="ballot stack" onSubmit={submit} aria-labelledby={`q-${question.id}`}>
      <h3 id={`q-${question.id}`}>{question.prompt}</h3>
      <Controls
        name={`q-${question.id}`}
        config={question.config}
        options={options}
        value={draft}
        onChange={(v) => {
          setDraft(v);
          setDirty(true);
          cast.reset();
        }}
      />
      <div className="button-row">
        {/* aria-disabled, not disabled, while sending and once recorded: a disabled button drops the
            keyboard focus to the top of the page just as the receipt is announced. */}
        <button type="submit" className="button button-primary" disabled={!draft} aria-disabled={cast.isPending || recorded}>
          {mine ? t('ballot.change') : t('ballot.submit')}
        </button>
      </div>
      {recorded && <p className="ballot-receipt">✓ {t('ballot.recorded')}</p>}
      {anonymous && kept && <ReceiptNote receipt={kept.receipt} />}
      <ErrorMessage error={cast.error} />
    </form>
  );
}

/** The receipt code of an anonymous ballot, to note or screenshot (checked later on the public page). */
export function ReceiptNote({ receipt }: { receipt: string }) {
  const { t } = useTranslation('surveys');
  return (
    <p className="ballot-receipt-code" data-testid="receipt-code">
      {t('ballot.receipt')} <strong className="receipt-code">{receipt}</strong>
      <br />
      <span className="muted">{t('ballot.receiptHelp')}</span>
    </p>
  );
}

/** After the vote closed: the receipt this device holds for an anonymous question, if any. */
export function KeptReceipt({ questionId, participantId }: { questionId: string; participantId: string }) {
  const kept = anonymousBallot(participantId, questionId);
  return kept ? <ReceiptNote receipt={kept.receipt} /> : null;
}
