import { useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { shuffledFor } from '@palabre/domain';
import type { BallotValue, QuestionView, SurveySettings } from '@palabre/contracts';
import { CONTENT_LANG } from '../../../i18n';
import { useCommandMutation, useConnectionState, useQueuedCommands } from '../../../lib/live';
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
}

/**
 * One open question on a member's phone: controls, « Voter » (enabled once the ballot is
 * complete, by the server's own rule), the network state and waiting votes next to it, and the
 * receipt once the server acknowledged.
 */
export function BallotForm({ question, settings, mine, participantId, suggestions }: BallotFormProps) {
  const { t } = useTranslation('surveys');
  const announce = useAnnounce();
  const connection = useConnectionState();
  const waiting = useQueuedCommands().filter((c) => c.name === 'ballot.cast' && c.payload.questionId === question.id).length;
  const options = 'options' in question.config ? (settings.shuffle ? shuffledFor(question.config.options, `${participantId}:${question.id}`) : question.config.options) : [];
  const [draft, setDraft] = useState<BallotValue | undefined>(() => initialBallot(question, options, mine, participantId));
  const [dirty, setDirty] = useState(false);
  const cast = useCommandMutation('ballot.cast');
  const Controls = CONTROLS[question.config.type];
  const recorded = Boolean(mine) && !dirty && !cast.isPending && waiting === 0;
  const sendable = canSend(question, draft);
  const kind = question.config.type === 'ranking' || question.config.type === 'majority' ? question.config.type : null;
  const statusId = `q-${question.id}-status`;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!draft || !sendable || cast.isPending || recorded) return;
    cast.mutate(
      { questionId: question.id, value: draft },
      {
        onSuccess: () => {
          setDirty(false);
          announce(t('ballot.recorded'));
        },
      },
    );
  };

  return (
    <form className="ballot stack" onSubmit={submit} aria-labelledby={`q-${question.id}`}>
      <h3 id={`q-${question.id}`} className="ballot-prompt" lang={CONTENT_LANG}>{question.prompt}</h3>
      <Controls
        name={`q-${question.id}`}
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
      <ErrorMessage error={cast.error} />
    </form>
  );
}
