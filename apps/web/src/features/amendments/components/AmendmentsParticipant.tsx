import '../amendments.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmendmentKind, AmendmentView } from '@palabre/contracts';
import type { ActivityViewProps } from '../../activity-view';
import { useCommand, useSessionSnapshot } from '../../../lib/live';
import { useAnnounce } from '../../../ui/Announcer';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { BallotForm } from '../../surveys/components/BallotForm';
import { groupsState } from '../../groups/patchers';
import { useSurvey } from '../../surveys/hooks/useSurvey';
import { useAmendmentsEvents, useAmendmentText } from '../hooks/useAmendments';
import { Author, Change, Counts, Fate, NumberedText, Place, consolidated } from './shared';

interface Draft {
  parentId: string | null;
  kind: AmendmentKind;
  from: number;
  to: number;
  wording: string;
  reason: string;
  forGroup: boolean;
}

/** A member's phone: read the numbered text, file an amendment on a line, co-sign, vote, read the consolidated text. */
export function AmendmentsParticipant({ activity }: ActivityViewProps) {
  const { t } = useTranslation('amendments');
  useAmendmentsEvents();
  const text = useAmendmentText(activity.id);
  const { survey, myBallots, me } = useSurvey(text?.surveyActivityId ?? '');
  const send = useCommand();
  const announce = useAnnounce();
  const { data: snapshot } = useSessionSnapshot();
  // The working group I speak for, as its rapporteur (the server checks it again when I file).
  const myGroup = snapshot?.me.groupId
    ? groupsState(snapshot)?.activities.flatMap((a) => a.groups).find((g) => g.id === snapshot.me.groupId && g.rapporteurParticipantId === snapshot.me.id)
    : undefined;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [showFinal, setShowFinal] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!text || !me) return <p className="muted">{t('loading')}</p>;

  const voting = text.amendments.find((a) => a.voting);
  const questionId = voting?.questionId ?? (text.final.state === 'open' ? text.final.questionId : null);
  const question = questionId ? survey?.questions.find((q) => q.id === questionId && q.state === 'open') : undefined;

  async function run(action: () => Promise<void>) {
    setError(null);
    setBusy(true);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const lineText = (from: number, to: number) => text.lines.filter((l) => l.n >= from && l.n <= to).map((l) => l.text).join('\n');
  const start = (n: number) => setDraft({ parentId: null, kind: 'replace', from: n, to: n, wording: lineText(n, n), reason: '', forGroup: false });
  const subAmend = (a: AmendmentView) => setDraft({ parentId: a.id, kind: a.kind, from: a.from, to: a.to, wording: a.wording, reason: '', forGroup: false });
  const file = (d: Draft) =>
    run(async () => {
      const filed = await send('amendment.file', { activityId: activity.id, parentId: d.parentId, kind: d.kind, from: d.from, to: d.kind === 'insert' ? d.from : d.to, wording: d.kind === 'delete' ? '' : d.wording, reason: d.reason, forGroup: d.forGroup && myGroup !== undefined });
      setDraft(null);
      announce(t('filed', { number: filed.number }));
    });
  const cosign = (a: AmendmentView, support: boolean) =>
    run(async () => {
      await send('amendment.cosign', { amendmentId: a.id, support });
      announce(support ? t('cosigned') : t('uncosigned'));
    });
  const withdraw = (a: AmendmentView) => run(async () => void (await send('amendment.withdraw', { amendmentId: a.id })));

  return (
    <div className="stack amend-phone">
      {question && survey && (
        <section className="card amend-vote stack" aria-live="polite">
          <h2>{voting ? t('voteOn', { number: voting.number }) : t('finalVote')}</h2>
          {voting && <Change text={text} a={voting} />}
          <BallotForm question={question} settings={survey.settings} mine={myBallots[question.id]} participantId={me.id} />
        </section>
      )}
      <p className="muted">{text.open ? (text.deadline ? t('deadline', { date: new Date(text.deadline).toLocaleString() }) : t('openHelp')) : t('closedHelp')}</p>
      <div className="row">
        <button type="button" className="button" aria-pressed={showFinal} onClick={() => setShowFinal((v) => !v)}>
          {showFinal ? t('showTabled') : t('showConsolidated')}
        </button>
      </div>
      {showFinal ? (
        <NumberedText lines={consolidated(text)} />
      ) : (
        <NumberedText lines={text.lines} highlight={draft && !draft.parentId ? { from: draft.from, to: draft.kind === 'insert' ? draft.from : draft.to } : null} onLine={text.open ? start : undefined} lineLabel={(n) => t('amendLine', { line: n })} />
      )}
      {draft && (
        <form
          className="card stack amend-form"
          aria-label={t('formTitle')}
          onSubmit={(e) => {
            e.preventDefault();
            void file(draft);
          }}
        >
          <h2>{draft.parentId ? t('subFormTitle') : t('formTitle')}</h2>
          {!draft.parentId && (
            <>
              <fieldset className="amend-kinds">
                <legend>{t('kind.legend')}</legend>
                {(['replace', 'insert', 'delete'] as const).map((k) => (
                  <label key={k} className="amend-choice">
                    <input type="radio" name="amend-kind" checked={draft.kind === k} onChange={() => setDraft({ ...draft, kind: k, wording: k === 'replace' ? lineText(draft.from, draft.to) : k === 'insert' ? '' : draft.wording })} /> {t(`kind.${k}`)}
                  </label>
                ))}
              </fieldset>
              <div className="row">
                <label>
                  {draft.kind === 'insert' ? t('afterLine') : t('fromLine')}{' '}
                  <input type="number" inputMode="numeric" min={draft.kind === 'insert' ? 0 : 1} max={text.lines.length} value={draft.from} onChange={(e) => setDraft({ ...draft, from: Number(e.target.value), to: Math.max(Number(e.target.value), draft.to) })} />
                </label>
                {draft.kind !== 'insert' && (
                  <label>
                    {t('toLine')} <input type="number" inputMode="numeric" min={draft.from} max={text.lines.length} value={draft.to} onChange={(e) => setDraft({ ...draft, to: Number(e.target.value) })} />
                  </label>
                )}
              </div>
            </>
          )}
          {draft.kind !== 'delete' && (
            <label className="stack">
              {t('wording')}
              <textarea rows={4} value={draft.wording} onChange={(e) => setDraft({ ...draft, wording: e.target.value })} lang="fr" />
            </label>
          )}
          <label className="stack">
            {t('reason')}
            <input type="text" required maxLength={1000} value={draft.reason} onChange={(e) => setDraft({ ...draft, reason: e.target.value })} />
          </label>
          {myGroup && (
            <label className="amend-choice">
              <input type="checkbox" checked={draft.forGroup} onChange={(e) => setDraft({ ...draft, forGroup: e.target.checked })} /> {t('forGroup', { group: myGroup.name })}
            </label>
          )}
          <div className="row">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('file')}
            </button>
            <button type="button" className="button" onClick={() => setDraft(null)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      <ErrorMessage error={error} />
      <section className="stack" aria-labelledby={`amend-list-${activity.id}`}>
        <h2 id={`amend-list-${activity.id}`}>{t('listTitle', { count: text.amendments.length })}</h2>
        <ul className="amend-list">
          {text.amendments.map((a) => {
            const mine = a.authorId === me.id;
            const signed = a.cosigners.some((c) => c.id === me.id);
            return (
              <li key={a.id} className="card stack" data-testid={`amendment-${a.number}`}>
                <p>
                  <strong>{a.parentId ? t('subNumber', { number: a.number }) : t('number', { number: a.number })}</strong> · <Place a={a} /> · <Fate a={a} />
                </p>
                <Change text={text} a={a} />
                <p className="muted"><Author a={a} /></p>
                {a.reason && <p className="muted" lang="fr">{a.reason}</p>}
                {a.moderationReason && <p>{t('inadmissibleBecause', { reason: a.moderationReason })}</p>}
                <Counts votes={a.votes} />
                {text.open && a.fate === null && !a.voting && (
                  <div className="row">
                    {!mine && a.status === 'admissible' && (
                      <button type="button" className="button" aria-pressed={signed} disabled={busy} onClick={() => void cosign(a, !signed)}>
                        {signed ? t('uncosign') : t('cosign')}
                      </button>
                    )}
                    {a.status === 'admissible' && !a.parentId && a.kind !== 'delete' && (
                      <button type="button" className="button" onClick={() => subAmend(a)}>
                        {t('subAmend')}
                      </button>
                    )}
                    {mine && a.status !== 'withdrawn' && (
                      <button type="button" className="button" disabled={busy} onClick={() => void withdraw(a)}>
                        {t('withdraw')}
                      </button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
