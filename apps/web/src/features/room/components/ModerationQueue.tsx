import '../room.css';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_LIMITS } from '@palabre/contracts/meta';
import type { CommandName, CommandResult } from '@palabre/contracts';
import { featureState, useCommand, useSessionSnapshot, type CommandArgs } from '../../../lib/live';
import { useAnnounce } from '../../../ui/Announcer';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { moderationQueue, type ModerationQueue as Queue, type QueueItem } from '../moderation-queue';

export type SendCommand = <C extends CommandName>(name: C, payload: CommandArgs<C>) => Promise<CommandResult<C>>;

/** Console: what waits for moderation in every board and Q&A of the session, with quick actions. */
export function ModerationQueue() {
  const send = useCommand();
  const queue = useSessionSnapshot((s) => moderationQueue(s.activities, featureState(s, 'boards'), featureState(s, 'qna'))).data;
  return queue ? <ModerationQueueView queue={queue} send={send} /> : null;
}

export function ModerationQueueView({ queue, send }: { queue: Queue; send: SendCommand }) {
  const { t } = useTranslation('room');
  const uid = useId();
  const announce = useAnnounce();
  const [error, setError] = useState<unknown>(null);

  async function run(promise: Promise<unknown>, done: string): Promise<boolean> {
    setError(null);
    try {
      await promise;
      announce(done);
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  }

  const section = (key: 'pending' | 'hidden' | 'recent', items: QueueItem[]) => (
    <section className="stack" aria-labelledby={`${uid}-${key}`}>
      <h3 id={`${uid}-${key}`}>{t(`moderation.${key}`, { count: items.length })}</h3>
      {items.length === 0 ? (
        <p className="muted">{t(`moderation.${key}Empty`)}</p>
      ) : (
        <ul className="stack moderation-list">
          {items.map((item) => (
            <QueueEntry key={item.id} item={item} send={send} run={run} />
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <section className="card stack moderation-queue" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('moderation.title')}</h2>
      <ErrorMessage error={error} />
      {section('pending', queue.pending)}
      {section('hidden', queue.hidden)}
      {section('recent', queue.recent)}
    </section>
  );
}

type Run = (promise: Promise<unknown>, done: string) => Promise<boolean>;

function QueueEntry({ item, send, run }: { item: QueueItem; send: SendCommand; run: Run }) {
  const { t } = useTranslation('room');
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const ref = { activityId: item.activityId, ideaId: item.id };
  const question = { questionId: item.id };
  const done = (action: string) => t(`moderation.done.${action}`, { text: item.text });
  const label = (action: string) => t(`moderation.actions.${action}`);
  const named = (action: string) => t('moderation.actionOn', { action: label(action), text: item.text });

  const button = (action: string, onClick: () => void, extra: { pressed?: boolean; primary?: boolean } = {}) => (
    <button
      type="button"
      className={extra.primary ? 'button button-primary' : 'button'}
      aria-label={named(action)}
      aria-pressed={extra.pressed}
      onClick={onClick}
    >
      {label(action)}
    </button>
  );

  const rejectIdea = (event: FormEvent) => {
    event.preventDefault();
    void run(send('idea.reject', { ...ref, reason }), done('reject')).then((ok) => ok && (setRejecting(false), setReason('')));
  };

  const actions = () => {
    if (item.status === 'pending') {
      return item.kind === 'idea' ? (
        <>
          {button('approve', () => void run(send('idea.approve', ref), done('approve')), { primary: true })}
          {button('reject', () => setRejecting(!rejecting))}
        </>
      ) : (
        <>
          {button('approve', () => void run(send('qna.approve', question), done('approve')), { primary: true })}
          {button('reject', () => void run(send('qna.reject', question), done('reject')))}
        </>
      );
    }
    if (item.status === 'hidden' || item.status === 'rejected') {
      return button('restore', () => void run(item.kind === 'idea' ? send('idea.restore', ref) : send('qna.restore', question), done('restore')));
    }
    return item.kind === 'idea' ? (
      <>
        {button('hide', () => void run(send('idea.hide', ref), done('hide')))}
        {button('pin', () => void run(send('idea.pin', { ...ref, pinned: !item.pinned }), done(item.pinned ? 'unpin' : 'pin')), { pressed: item.pinned })}
      </>
    ) : (
      button('hide', () => void run(send('qna.hide', question), done('hide')))
    );
  };

  return (
    <li className="moderation-item" data-kind={item.kind}>
      <p className="moderation-text">{item.text}</p>
      <p className="muted">
        {t(`moderation.kind.${item.kind}`)} · {item.activityTitle} · {item.author ?? t('moderation.anonymous')}
        {item.status !== 'pending' && item.status !== 'visible' && <> · {t(`moderation.status.${item.status}`)}</>}
      </p>
      <div className="button-row">{actions()}</div>
      {rejecting && (
        <form className="stack" onSubmit={rejectIdea}>
          <div className="field">
            <label htmlFor={reasonId}>{t('moderation.reason')}</label>
            <input id={reasonId} value={reason} required maxLength={BOARD_LIMITS.reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <button type="submit" className="button button-primary">
            {t('moderation.confirmReject')}
          </button>
        </form>
      )}
    </li>
  );
}
