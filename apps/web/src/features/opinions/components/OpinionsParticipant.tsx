import '../opinions.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpinionStatementView, OpinionsActivityView, OpinionVote } from '@palabre/contracts';
import type { ActivityViewProps } from '../../activity-view';
import { CONTENT_LANG } from '../../../i18n';
import { useCommand } from '../../../lib/live';
import { useAnnounce } from '../../../ui/Announcer';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useOpinionMap, useOpinionsEvents, usePatchOpinionMap } from '../hooks/useOpinions';
import { assemblyConsensus, groupAgreesMost, groupLetter, groupSize, nextStatement, percent, progress, VOTES, withAnswer, withStatement } from '../model';

/**
 * A member's phone: one statement at a time (the server's order, fewest answers first),
 * « D'accord / Pas d'accord / Passer », what one's opinion group agrees with most, one's answers
 * to review, and a statement to propose when the facilitators allow it.
 */
export function OpinionsParticipant({ activity }: ActivityViewProps) {
  const { t } = useTranslation('opinions');
  const send = useCommand();
  const announce = useAnnounce();
  useOpinionsEvents(activity.id, false);
  const view = useOpinionMap(activity.id);
  const patch = usePatchOpinionMap(activity.id);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const statementRef = useRef<HTMLDivElement>(null);
  const moveFocus = useRef(false);
  const open = activity.state === 'open';
  const nextId = view ? nextStatement(view) : null;

  // After an answer the next statement takes the focus, so a screen reader reads it at once.
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    statementRef.current?.focus();
  }, [nextId]);

  // A polite word when one's group changes (never on the first render).
  const groupSeen = useRef<number | null | undefined>(undefined);
  const myGroup = view?.myGroup ?? null;
  useEffect(() => {
    if (groupSeen.current !== undefined && myGroup !== null && myGroup !== groupSeen.current) announce(t('announce.group', { group: groupLetter(myGroup) }));
    groupSeen.current = myGroup;
  }, [myGroup, announce, t]);

  if (!view) return <p className="muted">{t('loading')}</p>;

  async function answer(statementId: string, vote: OpinionVote, follow: boolean) {
    setError(null);
    setBusy(true);
    try {
      const result = await send('opinions.answer', { statementId, vote });
      moveFocus.current = follow;
      patch((v) => withAnswer(v, result));
      announce(t(`announce.${vote}`));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const statement = view.statements.find((s) => s.id === nextId);
  const { answered, total } = progress(view);
  const answeredStatements = view.statements.filter((s) => s.status === 'visible' && view.myAnswers[s.id]);
  const pendingMine = view.statements.filter((s) => s.status === 'pending');

  return (
    <div className="stack opinions-phone">
      {!open && <p className="muted">{t(activity.state === 'draft' ? 'draft' : 'closed')}</p>}
      {open && total > 0 && (
        <p className="muted" data-testid="opinions-progress">
          {t('progress', { answered, total })}
        </p>
      )}
      {open && statement ? (
        <section className="card stack opinions-current" aria-labelledby={`opinions-q-${activity.id}`}>
          <div ref={statementRef} tabIndex={-1} className="opinions-statement" data-testid="opinions-statement">
            <p className="muted opinions-kicker" id={`opinions-q-${activity.id}`}>
              {t('statement')}
            </p>
            <p className="opinions-statement-text" lang={CONTENT_LANG}>
              {statement.text}
            </p>
          </div>
          <div className="opinions-votes" role="group" aria-label={t('question')}>
            {VOTES.map((vote) => (
              <button
                key={vote}
                type="button"
                className={`button opinions-vote opinions-vote-${vote}${vote === 'agree' ? ' button-primary' : ''}`}
                disabled={busy}
                onClick={() => void answer(statement.id, vote, true)}
              >
                {t(`vote.${vote}`)}
              </button>
            ))}
          </div>
        </section>
      ) : open ? (
        <p className="card" data-testid="opinions-done">
          {t(total === 0 ? 'none' : 'done')}
        </p>
      ) : null}
      <ErrorMessage error={error} />
      <GroupPanel view={view} />
      {answeredStatements.length > 0 && open && (
        <details className="opinions-review">
          <summary>{t('review.summary', { count: answeredStatements.length })}</summary>
          <p className="muted">{t('review.hint')}</p>
          <ul className="opinions-list">
            {answeredStatements.map((s) => (
              <li key={s.id}>
                <fieldset className="opinions-review-item">
                  <legend lang={CONTENT_LANG}>{s.text}</legend>
                  {VOTES.map((vote) => (
                    <label key={vote} className="opinions-choice">
                      <input type="radio" name={`opinion-${s.id}`} checked={view.myAnswers[s.id] === vote} disabled={busy} onChange={() => void answer(s.id, vote, false)} />{' '}
                      {t(`vote.${vote}`)}
                    </label>
                  ))}
                </fieldset>
              </li>
            ))}
          </ul>
        </details>
      )}
      {pendingMine.length > 0 && (
        <section className="stack">
          <h3>{t('propose.mine')}</h3>
          <ul className="opinions-list">
            {pendingMine.map((s) => (
              <li key={s.id} lang={CONTENT_LANG}>
                {s.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      {open && view.settings.memberStatements !== 'off' && <ProposeForm activityId={activity.id} mode={view.settings.memberStatements} onSent={(s) => patch((v) => withStatement(v, s, false))} />}
    </div>
  );
}

/** "Your group agrees most with…" and what unites the assembly, from the last map's agreements (the phone never gets the map). */
function GroupPanel({ view }: { view: OpinionsActivityView }) {
  const { t } = useTranslation('opinions');
  if (Object.keys(view.myAnswers).length === 0) return null;
  const group = view.myGroup;
  const size = groupSize(view.agreements, group);
  const most = groupAgreesMost(view.agreements, group, view.statements);
  const consensus = assemblyConsensus(view.agreements, view.statements);
  return (
    <>
      <section className="card stack opinions-my-group" data-testid="opinions-my-group" aria-labelledby="opinions-my-group-title">
        <h3 id="opinions-my-group-title">{t('group.title')}</h3>
        {group === null ? (
          <p className="muted">{t('group.waiting')}</p>
        ) : (
          <>
            <p>{t('group.yours', { group: groupLetter(group), count: size })}</p>
            {most.length === 0 ? (
              <p className="muted">{t('group.nothing')}</p>
            ) : (
              <>
                <p>{t('group.agreesMost')}</p>
                <ul className="opinions-list">
                  {most.map((m) => (
                    <li key={m.statementId}>
                      <span lang={CONTENT_LANG}>{m.text}</span> <span className="opinions-share">({t('share', { percent: percent(m.share) })})</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </section>
      {consensus.length > 0 && (
        <section className="card stack" data-testid="opinions-phone-consensus" aria-labelledby="opinions-phone-consensus-title">
          <h3 id="opinions-phone-consensus-title">{t('phoneConsensus.title')}</h3>
          <ul className="opinions-list">
            {consensus.map((c) => (
              <li key={c.statementId}>
                <span lang={CONTENT_LANG}>{c.text}</span> <span className="opinions-share">({t(c.direction === 'agree' ? 'share' : 'shareAgainst', { percent: percent(c.share) })})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function ProposeForm({ activityId, mode, onSent }: { activityId: string; mode: 'pre' | 'post'; onSent: (statement: OpinionStatementView) => void }) {
  const { t } = useTranslation('opinions');
  const send = useCommand();
  const announce = useAnnounce();
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [empty, setEmpty] = useState(false);
  const [busy, setBusy] = useState(false);
  const hintId = `opinions-propose-hint-${activityId}`;
  return (
    <details className="opinions-propose">
      <summary>{t('propose.summary')}</summary>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          setEmpty(!text.trim());
          if (!text.trim()) return;
          setBusy(true);
          setError(null);
          send('opinions.propose', { activityId, text: text.trim() })
            .then((statement) => {
              onSent(statement);
              setText('');
              announce(t(statement.status === 'visible' ? 'announce.visible' : 'announce.pending'));
            })
            .catch(setError)
            .finally(() => setBusy(false));
        }}
      >
        <label className="field">
          <span>{t('propose.label')}</span>
          <textarea value={text} maxLength={280} rows={3} aria-describedby={hintId} onChange={(e) => setText(e.target.value)} />
        </label>
        <p className="muted" id={hintId}>
          {t(mode === 'pre' ? 'propose.hintPre' : 'propose.hintPost')}
        </p>
        {empty && (
          <p className="error" role="alert">
            {t('propose.empty')}
          </p>
        )}
        <ErrorMessage error={error} />
        <button type="submit" className="button" disabled={busy}>
          {t('propose.submit')}
        </button>
      </form>
    </details>
  );
}
