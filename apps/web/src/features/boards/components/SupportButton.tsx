import { useTranslation } from 'react-i18next';
import type { BoardSnapshot, IdeaView, SupportResult } from '@palabre/contracts';
import { useCommandMutation } from '../../../lib/live';
import { useAnnounce } from '../../../ui/Announcer';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { usePatchBoard } from '../hooks/usePatchBoard';
import { countOf, myDots } from '../model';

/** Support toggle (single mode) or add/remove a dot (dots mode), with the count when shown. */
export function SupportButton({ board, idea, disabled }: { board: BoardSnapshot; idea: IdeaView; disabled: boolean }) {
  const { t } = useTranslation('boards');
  const announce = useAnnounce();
  const support = useCommandMutation('idea.support');
  const unsupport = useCommandMutation('idea.unsupport');
  const mine = myDots(board, idea.id);
  const count = countOf(board, idea.id);
  const activityId = board.board.activityId;
  const busy = support.isPending || unsupport.isPending;
  const { supported } = usePatchBoard();
  const onDone = (key: string) => (result: SupportResult) => {
    supported(activityId, result);
    announce(t(key));
  };
  const countText = count ? t('support.count', { count: count.supports }) : t('support.hiddenCount');

  if (board.board.supportMode === 'single') {
    return (
      <div className="board-support">
        <button
          type="button"
          className={mine > 0 ? 'button button-primary' : 'button'}
          aria-pressed={mine > 0}
          disabled={disabled || busy}
          onClick={() =>
            mine > 0
              ? unsupport.mutate({ activityId, ideaId: idea.id }, { onSuccess: onDone('support.removed') })
              : support.mutate({ activityId, ideaId: idea.id }, { onSuccess: onDone('support.added') })
          }
        >
          {t('support.button', { title: idea.title })}
        </button>
        <span className="board-count">{countText}</span>
        <ErrorMessage error={support.error ?? unsupport.error} />
      </div>
    );
  }
  return (
    <div className="board-support">
      <button type="button" className="button" disabled={disabled || busy} onClick={() => support.mutate({ activityId, ideaId: idea.id }, { onSuccess: onDone('support.dotAdded') })} aria-label={t('support.addDot', { title: idea.title })}>
        +
      </button>
      <span className="board-count">{t('support.myDots', { count: mine })}</span>
      <button type="button" className="button" disabled={disabled || busy || mine === 0} onClick={() => unsupport.mutate({ activityId, ideaId: idea.id }, { onSuccess: onDone('support.dotRemoved') })} aria-label={t('support.removeDot', { title: idea.title })}>
        −
      </button>
      <span className="board-count">{countText}</span>
      <ErrorMessage error={support.error ?? unsupport.error} />
    </div>
  );
}
