import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SynthesisCommentView } from '@palabre/contracts';
import { useCommandMutation } from '../../../lib/live';
import { useAnnounce } from '../../../ui/Announcer';
import { ErrorMessage } from '../../../ui/ErrorMessage';

/** Comments on the draft synthesis; members of the group may add one. */
export function Comments({ groupId, comments, canWrite }: { groupId: string; comments: SynthesisCommentView[]; canWrite: boolean }) {
  const { t } = useTranslation('groups');
  const announce = useAnnounce();
  const comment = useCommandMutation('synthesis.comment');
  const [body, setBody] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    comment.mutate({ groupId, body: body.trim() }, { onSuccess: () => { setBody(''); announce(t('comments.sent')); } });
  };
  return (
    <section className="stack" aria-labelledby={`comments-${groupId}`}>
      <h3 id={`comments-${groupId}`}>{t('comments.title')}</h3>
      {comments.length === 0 ? <p className="muted">{t('comments.none')}</p> : (
        <ul className="group-comments">
          {comments.map((c) => (
            <li key={c.id}><strong>{c.authorName}</strong> : <span className="pre-line">{c.body}</span></li>
          ))}
        </ul>
      )}
      {canWrite && (
        <form className="stack" onSubmit={submit} aria-busy={comment.isPending}>
          <div className="field">
            <label htmlFor={`comment-${groupId}`}>{t('comments.label')}</label>
            <textarea id={`comment-${groupId}`} rows={2} maxLength={1000} required value={body} onChange={(e) => setBody(e.target.value)} />
          </div>
          <ErrorMessage error={comment.error} />
          <button type="submit" className="button" disabled={comment.isPending || body.trim() === ''}>{t('comments.send')}</button>
        </form>
      )}
    </section>
  );
}
