import '../opinions.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpinionMapView, OpinionStatementView, OpinionsActivityView } from '@palabre/contracts';
import type { ActivityViewProps } from '../../activity-view';
import { CONTENT_LANG } from '../../../i18n';
import { featureState, useCommand, useSessionSnapshot } from '../../../lib/live';
import { useAnnounce } from '../../../ui/Announcer';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useOpinionMap, useOpinionsEvents, usePatchOpinionMap } from '../hooks/useOpinions';
import { groupLetter, moderationActions, percent, promotableIdeas, statementText, withStatement } from '../model';
import { OpinionMapFigure } from './OpinionMapFigure';
import { ConsensusList, GroupsList } from './OpinionLists';

/**
 * The facilitators' opinion map: write statements, take ideas from a plenary board, moderate
 * members' statements, and follow the map live — groups, consensus, divisive statements and the
 * consensus across the assembly's categories. Opening and closing are the agenda's buttons.
 */
export function OpinionsConsole({ activity }: ActivityViewProps) {
  const { t } = useTranslation('opinions');
  const send = useCommand();
  const announce = useAnnounce();
  useOpinionsEvents(activity.id, true);
  const view = useOpinionMap(activity.id);
  const patch = usePatchOpinionMap(activity.id);
  const [error, setError] = useState<unknown>(null);
  const writable = activity.state === 'draft' || activity.state === 'open';

  if (!view) return <p className="muted">{t('loading')}</p>;

  /** Runs a command; true when it was accepted (the forms then clear). */
  async function run(action: () => Promise<void>): Promise<boolean> {
    setError(null);
    try {
      await action();
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  }
  const record = (statements: OpinionStatementView[]) => patch((v) => statements.reduce((acc, s) => withStatement(acc, s, true), v));

  return (
    <div className="stack opinions-console">
      <p className="muted">
        {t('console.settings', { percent: percent(view.settings.consensusThreshold), mode: t(`console.mode.${view.settings.memberStatements}`) })}
      </p>
      <ErrorMessage error={error} />
      {writable && (
        <div className="opinions-console-tools">
          <WriteForm
            onSubmit={(text) =>
              run(async () => {
                record([await send('opinions.propose', { activityId: activity.id, text })]);
                announce(t('console.added'));
              })
            }
          />
          <PromoteForm
            taken={new Set(view.statements.filter((st) => st.origin === 'idea').map((st) => st.text))}
            onSubmit={(ideaIds) =>
              run(async () => {
                const statements = await send('opinions.promote', { activityId: activity.id, ideaIds });
                record(statements);
                announce(t('console.promoted', { count: statements.length }));
              })
            }
          />
        </div>
      )}
      <StatementsTable view={view} onModerate={(statementId, action) => void run(async () => record([await send('opinions.moderate', { statementId, action })]))} />
      <section className="stack" aria-labelledby={`opinions-map-${activity.id}`}>
        <h3 id={`opinions-map-${activity.id}`}>{t('console.map')}</h3>
        {view.map && view.map.members > 0 ? <MapDetails map={view.map} statements={view.statements} /> : <p className="muted">{t('console.noMap')}</p>}
      </section>
    </div>
  );
}

function WriteForm({ onSubmit }: { onSubmit: (text: string) => Promise<boolean> }) {
  const { t } = useTranslation('opinions');
  const [text, setText] = useState('');
  return (
    <form
      className="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) void onSubmit(text.trim()).then((ok) => ok && setText(''));
      }}
    >
      <h3>{t('console.write')}</h3>
      <label className="field">
        <span>{t('console.writeLabel')}</span>
        <textarea value={text} maxLength={280} rows={2} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit" className="button" disabled={!text.trim()}>
        {t('console.add')}
      </button>
    </form>
  );
}

/** Ideas of a plenary board, ticked then turned into statements (the server skips ideas already taken). */
function PromoteForm({ taken, onSubmit }: { taken: ReadonlySet<string>; onSubmit: (ideaIds: string[]) => Promise<boolean> }) {
  const { t } = useTranslation('opinions');
  const { data } = useSessionSnapshot((s) => ({ activities: s.activities, boards: featureState(s, 'boards')?.boards ?? {} }));
  const boards = (data?.activities ?? []).filter((a) => a.kind === 'board' && a.groupId === null);
  const [boardId, setBoardId] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const chosen = boardId ?? boards[0]?.id ?? null;
  const ideas = promotableIdeas(chosen ? data?.boards[chosen]?.ideas : undefined);
  if (boards.length === 0) return null;
  return (
    <form
      className="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (picked.length > 0) void onSubmit(picked).then((ok) => ok && setPicked([]));
      }}
    >
      <h3>{t('console.promote')}</h3>
      <label className="field">
        <span>{t('console.board')}</span>
        <select
          value={chosen ?? ''}
          onChange={(e) => {
            setBoardId(e.target.value);
            setPicked([]);
          }}
        >
          {boards.map((b) => (
            <option key={b.id} value={b.id} lang={CONTENT_LANG}>
              {b.title}
            </option>
          ))}
        </select>
      </label>
      {ideas.length === 0 ? (
        <p className="muted">{t('console.noIdeas')}</p>
      ) : (
        <fieldset className="opinions-ideas">
          <legend>{t('console.ideas')}</legend>
          {ideas.map((idea) => (
            <label key={idea.id} className="opinions-choice">
              <input
                type="checkbox"
                // An idea becomes a statement once (the server ignores it a second time).
                disabled={taken.has(idea.title.slice(0, 280))}
                checked={picked.includes(idea.id)}
                onChange={(e) => setPicked((p) => (e.target.checked ? [...p, idea.id] : p.filter((id) => id !== idea.id)))}
              />{' '}
              <span>
                <span lang={CONTENT_LANG}>{idea.title}</span>
                {taken.has(idea.title.slice(0, 280)) && <span className="muted"> ({t('console.taken')})</span>}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" className="button" disabled={picked.length === 0}>
        {picked.length === 0 ? t('console.promoteNone') : t('console.promoteButton', { count: picked.length })}
      </button>
    </form>
  );
}

function StatementsTable({ view, onModerate }: { view: OpinionsActivityView; onModerate: (statementId: string, action: 'approve' | 'reject' | 'hide' | 'restore') => void }) {
  const { t } = useTranslation('opinions');
  return (
    <section className="stack" aria-labelledby="opinions-statements-title">
      <h3 id="opinions-statements-title">{t('console.statements', { count: view.statements.length })}</h3>
      {view.statements.length === 0 ? (
        <p className="muted">{t('console.noStatements')}</p>
      ) : (
        <ul className="opinions-list opinions-statements">
          {view.statements.map((s) => (
            <li key={s.id} className={`card opinions-statement-row opinions-status-${s.status}`} data-testid="opinions-console-statement">
              <p>
                <span lang={CONTENT_LANG}>{s.text}</span>
              </p>
              <p className="muted">
                <span className="badge">{t(`status.${s.status}`)}</span> {t(`origin.${s.origin}`)}
              </p>
              <div className="row opinions-actions">
                {moderationActions(s.status).map((action) => (
                  <button key={action} type="button" className="button" aria-label={t('console.actionFor', { action: t(`console.${action}`), text: s.text })} onClick={() => onModerate(s.id, action)}>
                    {t(`console.${action}`)}
                  </button>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Everything the map says, live: the figure, groups, consensus, divisive statements, the lenses. */
function MapDetails({ map, statements }: { map: OpinionMapView; statements: readonly OpinionStatementView[] }) {
  const { t } = useTranslation('opinions');
  const divisive = map.divisive.filter((d) => statementText(statements, d.statementId) !== null);
  return (
    <div className="stack">
      <p data-testid="opinions-console-summary">{t('console.summary', { members: map.members, answers: map.answers, count: map.groups.length })}</p>
      <OpinionMapFigure map={map} />
      <GroupsList map={map} statements={statements} title={t('console.groups')} level="h3" />
      <ConsensusList map={map} statements={statements} title={t('console.consensus')} empty={t('screen.noConsensus')} level="h3" />
      <section className="stack">
        <h3>{t('console.divisive')}</h3>
        {divisive.length === 0 ? (
          <p className="muted">{t('console.noDivisive')}</p>
        ) : (
          <ul className="opinions-list" data-testid="opinions-divisive">
            {divisive.map((d) => (
              <li key={d.statementId}>
                <span lang={CONTENT_LANG}>{statementText(statements, d.statementId)}</span>{' '}
                <span className="muted">{t('groupShares', { shares: d.groupNet.map((n, g) => `${groupLetter(g)} ${n > 0 ? '+' : ''}${Math.round(n * 100)}`).join(', ') })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Lenses map={map} statements={statements} />
    </div>
  );
}

function Lenses({ map, statements }: { map: OpinionMapView; statements: readonly OpinionStatementView[] }) {
  const { t } = useTranslation('opinions');
  return (
    <section className="stack" data-testid="opinions-lenses">
      <h3>{t('console.lenses')}</h3>
      <div className="opinions-group-grid">
        {map.lenses.map((lens) => (
          <article key={lens.dimension} className="card stack opinions-lens">
            <h4>{t(`lens.${lens.dimension}`)}</h4>
            {lens.cells.length === 0 ? (
              <p className="muted">{t('console.lensEmpty')}</p>
            ) : (
              <>
                <ul className="opinions-cells">
                  {lens.cells.map((cell) => (
                    <li key={cell.value}>
                      {t(`value.${cell.value}`, { defaultValue: cell.value })} :{' '}
                      {cell.hidden ? (cell.reason === 'small_cell' ? t('console.cellHidden') : t('console.cellComplementary')) : t('console.members', { count: cell.members })}
                    </li>
                  ))}
                </ul>
                {!lens.comparable ? (
                  <p className="muted">{t('console.lensNotComparable')}</p>
                ) : lens.consensus.length === 0 ? (
                  <p className="muted">{t('console.lensNone')}</p>
                ) : (
                  <>
                    <p>{t('console.lensConsensus')}</p>
                    <ul className="opinions-list">
                      {lens.consensus
                        .filter((c) => statementText(statements, c.statementId) !== null)
                        .map((c) => (
                          <li key={c.statementId}>
                            <span lang={CONTENT_LANG}>{statementText(statements, c.statementId)}</span>{' '}
                            <span className="muted">
                              ({t(`direction.${c.direction}`)}, {c.cellShares.map(percent).join(' · ')})
                            </span>
                          </li>
                        ))}
                    </ul>
                  </>
                )}
              </>
            )}
          </article>
        ))}
      </div>
    </section>
  );
}
