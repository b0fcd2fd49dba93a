import { useTranslation } from 'react-i18next';
import type { AmendmentTextView, AmendmentView, LiveResults } from '@palabre/contracts';
import { consolidate, wordDiff, type AmendmentItem, type ConsolidatedLine } from '@palabre/domain';
import { CONTENT_LANG } from '../../../i18n';

/** The domain's view of an amendment from the contract's. */
export function toItem(a: AmendmentView): AmendmentItem {
  return { id: a.id, number: a.number, parentId: a.parentId, kind: a.kind, from: a.from, to: a.to, wording: a.wording, status: a.status, fate: a.fate, pinned: a.pinned };
}

export function consolidated(text: AmendmentTextView): ConsolidatedLine[] {
  return consolidate(text.lines, text.amendments.map(toItem));
}

/** « l. 12 », « l. 12-14 », « après l. 12 ». */
export function Place({ a }: { a: Pick<AmendmentView, 'kind' | 'from' | 'to'> }) {
  const { t } = useTranslation('amendments');
  if (a.kind === 'insert') return <>{t('place.after', { line: a.from })}</>;
  return <>{a.from === a.to ? t('place.line', { line: a.from }) : t('place.lines', { from: a.from, to: a.to })}</>;
}

/** The amendment's change against the tabled lines, word by word (removed struck through, added underlined). */
export function Change({ text, a }: { text: AmendmentTextView; a: AmendmentView }) {
  const parent = a.parentId ? text.amendments.find((p) => p.id === a.parentId) : undefined;
  const before = parent ? parent.wording : a.kind === 'insert' ? '' : text.lines.filter((l) => l.n >= a.from && l.n <= a.to).map((l) => l.text).join('\n');
  const after = a.kind === 'delete' ? '' : a.wording;
  return (
    <p className="amend-change" lang={CONTENT_LANG}>
      {wordDiff(before, after).map((p, i) =>
        p.op === 'same' ? <span key={i}>{p.text}</span> : p.op === 'removed' ? <del key={i}>{p.text}</del> : <ins key={i}>{p.text}</ins>,
      )}
    </p>
  );
}

/** Status or fate, in one word. */
export function Fate({ a }: { a: AmendmentView }) {
  const { t } = useTranslation('amendments');
  const key = a.voting ? 'voting' : a.fate ?? a.status;
  return <span className={`amend-badge amend-${key}`}>{t(`state.${key}`)}</span>;
}

/** Yes / no / abstain counts: stored at the close, else the survey's live results. */
export function Counts({ votes, live }: { votes: AmendmentView['votes']; live?: LiveResults }) {
  const { t } = useTranslation('amendments');
  let counts = votes;
  const results = live?.results;
  if (!counts && results && results.type === 'yesno') {
    const of = (c: string) => results.choices.find((x) => x.choice === c)?.count ?? 0;
    counts = { yes: of('yes'), no: of('no'), abstain: of('abstain') };
  }
  if (!counts) return null;
  return <span className="amend-counts">{t('counts', counts)}</span>;
}

/** Who filed it: the member, or the working group through its rapporteur; and how many co-signed. */
export function Author({ a }: { a: Pick<AmendmentView, 'authorName' | 'groupName' | 'cosigners'> }) {
  const { t } = useTranslation('amendments');
  const name = a.groupName ? t('groupAuthor', { group: a.groupName, name: a.authorName }) : a.authorName;
  return <>{t('by', { name, count: a.cosigners.length })}</>;
}

/** The numbered text (tabled or consolidated): each line with its number, consolidated lines with their origin. */
export function NumberedText({ lines, highlight, onLine, lineLabel }: {
  lines: readonly { n: number; paragraph: number; text: string; origin?: ConsolidatedLine['origin'] }[];
  highlight?: { from: number; to: number } | null;
  onLine?: (n: number) => void;
  lineLabel?: (n: number) => string;
}) {
  const { t } = useTranslation('amendments');
  return (
    <ol className="amend-text" lang={CONTENT_LANG}>
      {lines.map((l, i) => {
        const first = i === 0 || lines[i - 1].paragraph !== l.paragraph;
        const lit = highlight && l.n >= highlight.from && l.n <= highlight.to;
        return (
          <li key={l.n} className={`amend-line${first ? ' amend-para' : ''}${lit ? ' amend-lit' : ''}${l.origin?.amendment ? ' amend-new' : ''}`} data-line={l.n}>
            <span className="amend-n" aria-hidden="true">{l.n}</span>
            {onLine ? (
              <button type="button" className="amend-line-button" onClick={() => onLine(l.n)} aria-label={lineLabel?.(l.n) ?? String(l.n)}>
                {l.text}
              </button>
            ) : (
              <span>{l.text}</span>
            )}
            {l.origin?.amendment ? <span className="amend-origin">{t('origin', { number: l.origin.amendment })}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
