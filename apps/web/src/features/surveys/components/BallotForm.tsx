import { useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { shuffledFor } from '@palabre/domain';
import type { BallotValue, QuestionView, SurveySettings } from '@palabre/contracts';
import { CONTENT_LANG } from '../../../i18n';
import { useCommandMutation, useConnectionState, useQueuedCommands } from '../../../lib/live';
import { anonymousBallot, anonymousCredentials, rememberAnonymous } from '../device-ballots';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useAnnounce } from '../../../ui/Announcer';
import { canSend, initialBallot, progress } from '../ballots/ballot-model';
import { BallotStatus } from '../ballots/BallotStatus';
import type { ControlsProps } from '../ballots/types';
import {
  MajorityControls, MultipleControls, PointsControls, RankingControls, ScaleControls, SingleControls, TextControls, YesNoControls,
} from './BallotControls';

// Each control is typed for its own ballot shape; the map is keyed by the question type.
type AnyControls = ComponentType<ControlsProps<BallotValue>>;
const CONTROLS = {
  single: SingleControls, multiple: MultipleControls, ranking: RankingControls, points: PointsControls,
  scale: ScaleControls, majority: MajorityControls, yesno: YesNoControls, text: TextControls,
} as unknown as Record<QuestionView['config']['type'], AnyControls>;

interface BallotFormProps {
  question: QuestionView;
  settings: SurveySettings;
  mine: BallotValue | undefined;
  participantId: string;
  /** Words already given (word cloud), offered as one-tap answers. */
  suggestions?: readonly string[];
  /** A ballot cast for a member whose proxy I hold (docs/proxies.md): labelled with their name. */
  forMember?: { id: string; name: string };
}

/**
 * One open question on a member's phone: controls, « Voter » (enabled once the ballot is
 * complete, by the server's own rule), the network state and waiting votes next to it, and the
 * receipt once the server acknowledged (with its code for an anonymous question).
 */
export function BallotForm({ question, settings, mine: named, participantId, suggestions, forMember }: BallotFormProps) {
  const { t } = useTranslation('surveys');
  const announce = useAnnounce();
  const connection = useConnectionState();
  const waiting = useQueuedCommands().filter((c) => c.name === 'ballot.cast' && c.payload.questionId === question.id && c.payload.forMemberId === forMember?.id).length;
  const anonymous = settings.anonymity === 'anonymous';
  // A represented member's anonymous ballots have their own device secret and store (another voter, same phone).
  const deviceKey = forMember ? `${participantId}:${forMember.id}` : participantId;
  const formId = forMember ? `${question.id}-${forMember.id}` : question.id;
  // An anonymous ballot is known to this device only (the server cannot find it for anyone).
  const [kept, setKept] = useState(() => (anonymous ? anonymousBallot(deviceKey, question.id) : undefined));
  const mine = anonymous ? kept?.value : named;
  const options = 'options' in question.config ? (settings.shuffle ? shuffledFor(question.config.options, `${participantId}:${question.id}`) : question.config.options) : [];
  const [draft, setDraft] = useState<BallotValue | undefined>(() => initialBallot(question, options, mine, participantId));
  const [dirty, setDirty] = useState(false);
  const cast = useCommandMutation('ballot.cast');
  const Controls = CONTROLS[question.config.type];
  const recorded = Boolean(mine) && !dirty && !cast.isPending && waiting === 0;
  const sendable = canSend(question, draft);
  const kind = question.config.type === 'ranking' || question.config.type === 'majority' ? question.config.type : null;
  const statusId = `q-${formId}-status`;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!draft || !sendable || cast.isPending || recorded) return;
    const credentials = anonymous ? anonymousCredentials(deviceKey, question.id) : undefined;
    const value = draft;
    cast.mutate(
      { questionId: question.id, value, ...(credentials ? { ballotSecret: credentials.ballotSecret } : {}), ...(forMember ? { forMemberId: forMember.id } : {}) },
      {
        onSuccess: () => {
          setDirty(false);
          if (credentials) {
            rememberAnonymous(deviceKey, question.id, value, credentials.receipt);
            setKept({ value, receipt: credentials.receipt });
            announce(t('ballot.recordedWithReceipt', { receipt: credentials.receipt }));
          } else announce(t('ballot.recorded'));
        },
      },
    );
  };

  return (
    <form className={forMember ? 'ballot ballot-proxy stack' : 'ballot stack'} onSubmit={submit} aria-labelledby={`q-${formId}`}>
      {forMember && <p className="ballot-for">{t('ballot.forMember', { name: forMember.name })}</p>}
      <h3 id={`q-${formId}`} className="ballot-prompt" lang={CONTENT_LANG}>
        {question.prompt}
        {forMember && <span className="visually-hidden"> — {t('ballot.forMember', { name: forMember.name })}</span>}
      </h3>
      <Controls
        name={`q-${formId}`}
        config={question.config}
        options={options}
        value={draft}
        suggestions={suggestions}
        onChange={(v) => {
          setDraft(v);
          setDirty(true);
          cast.reset();
        }}
      />
      <div className="ballot-actions">
        {/* aria-disabled, not disabled, while sending and once recorded: a disabled button drops the
            keyboard focus to the top of the page just as the receipt is announced. An incomplete
            ballot is disabled: it cannot be sent as it stands (the line below says what is missing). */}
        <button type="submit" className="button button-primary" disabled={!sendable} aria-disabled={cast.isPending || recorded} aria-describedby={statusId}>
          {mine ? t('ballot.change') : t('ballot.submit')}
        </button>
        <BallotStatus id={statusId} connection={connection} waiting={waiting} progress={progress(question, draft)} kind={kind} />
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
