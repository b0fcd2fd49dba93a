import '../amendments.css';
import { useTranslation } from 'react-i18next';
import type { ActivityViewProps } from '../../activity-view';
import { useSurvey } from '../../surveys/hooks/useSurvey';
import { useAmendmentsEvents, useAmendmentText } from '../hooks/useAmendments';
import { Author, Change, Counts, NumberedText, Place, consolidated } from './shared';

/** The projector: the change under vote in its context, else the consolidated text, with line numbers. */
export function AmendmentsScreen({ activity }: ActivityViewProps) {
  const { t } = useTranslation('amendments');
  useAmendmentsEvents();
  const text = useAmendmentText(activity.id);
  const { results } = useSurvey(text?.surveyActivityId ?? '');
  if (!text) return null;
  const voting = text.amendments.find((a) => a.voting);
  if (voting) {
    const context = text.lines.filter((l) => l.n >= voting.from - 2 && l.n <= voting.to + 2);
    return (
      <div className="amend-screen stack" data-testid="amend-screen-vote">
        <h2>
          {voting.parentId ? t('subNumber', { number: voting.number }) : t('number', { number: voting.number })} · <Place a={voting} />
        </h2>
        <NumberedText lines={context} highlight={voting.kind === 'insert' ? null : { from: voting.from, to: voting.to }} />
        <div className="amend-screen-change">
          <Change text={text} a={voting} />
        </div>
        <p className="muted"><Author a={voting} /></p>
        <Counts votes={null} live={voting.questionId ? results[voting.questionId] : undefined} />
      </div>
    );
  }
  const lastDecided = [...text.amendments].filter((a) => a.fate !== null && a.votes !== null).sort((a, b) => b.number - a.number)[0];
  return (
    <div className="amend-screen stack" data-testid="amend-screen-text">
      {text.final.state !== 'none' ? (
        <h2>
          {t('finalVote')} <Counts votes={text.final.votes} live={text.final.questionId ? results[text.final.questionId] : undefined} />
        </h2>
      ) : (
        lastDecided && <p className="muted">{t('lastDecided', { number: lastDecided.number, fate: t(`state.${lastDecided.fate}`) })}</p>
      )}
      <NumberedText lines={consolidated(text)} />
    </div>
  );
}
