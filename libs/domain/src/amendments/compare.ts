/**
 * Word-level diffs and the comparison tabled text / final text (issue #22), by jsdiff
 * (`diffWordsWithSpace`): every character of both texts is kept, so apostrophes (’), guillemets and
 * the non-breaking spaces before « ; : ! ? » come out exactly as typed.
 */
import { diffWordsWithSpace } from 'diff';
import { consolidate, effectiveWording, type AmendmentItem } from './amendments';
import { wordingLines, type TextLine } from './text';

export interface WordPart {
  text: string;
  /** 'same' in both, 'removed' from the first text, 'added' in the second. */
  op: 'same' | 'removed' | 'added';
}

/** Word-level differences from `before` to `after`; concatenating the non-added parts gives `before` back, the non-removed parts `after`. */
export function wordDiff(before: string, after: string): WordPart[] {
  return diffWordsWithSpace(before, after).map((c) => ({ text: c.value, op: c.added ? 'added' : c.removed ? 'removed' : 'same' }));
}

/** One stretch of the comparison: a tabled line kept as is, or a change made by an adopted amendment. */
export type ComparisonSegment =
  | { kind: 'same'; line: number; text: string }
  | {
      kind: 'change';
      /** The adopted amendment's number. */
      amendment: number;
      /** The adopted sub-amendment whose wording was used, if any. */
      subAmendment: number | null;
      amendmentKind: AmendmentItem['kind'];
      /** Tabled lines replaced or deleted (an insertion: after line `from`, `to` = `from`). */
      from: number;
      to: number;
      before: string;
      after: string;
      parts: WordPart[];
    };

/** The tabled text against the consolidated one, each change labelled with its amendment number. */
export function compareTexts(lines: readonly TextLine[], items: readonly AmendmentItem[]): ComparisonSegment[] {
  const final = consolidate(lines, items);
  const used = new Set(final.map((l) => l.origin.amendment).filter((n): n is number => n !== null));
  const adopted = items.filter((a) => a.parentId === null && a.status === 'admissible' && a.fate === 'adopted');
  // A deletion leaves no line behind: it is applied when none of its lines survive.
  const survivors = new Set(final.map((l) => l.origin.line).filter((n): n is number => n !== null));
  const applied = adopted.filter((a) => used.has(a.number) || (a.kind === 'delete' && !lines.some((l) => l.n >= a.from && l.n <= a.to && survivors.has(l.n))));
  const segments: ComparisonSegment[] = [];
  const change = (a: AmendmentItem): ComparisonSegment => {
    const before = a.kind === 'insert' ? '' : lines.filter((l) => l.n >= a.from && l.n <= a.to).map((l) => l.text).join('\n');
    const after = a.kind === 'delete' ? '' : wordingLines(effectiveWording(items, a)).join('\n');
    const sub = items.filter((s) => s.parentId === a.id && s.status === 'admissible' && s.fate === 'adopted').sort((x, y) => y.number - x.number)[0];
    return { kind: 'change', amendment: a.number, subAmendment: sub?.number ?? null, amendmentKind: a.kind, from: a.from, to: a.to, before, after, parts: wordDiff(before, after) };
  };
  const insertsAt = (k: number) => applied.filter((a) => a.kind === 'insert' && a.from === k).sort((x, y) => x.number - y.number).map(change);
  segments.push(...insertsAt(0));
  for (const l of lines) {
    const covering = applied.find((a) => a.kind !== 'insert' && a.from <= l.n && l.n <= a.to);
    if (!covering) segments.push({ kind: 'same', line: l.n, text: l.text });
    else if (covering.from === l.n) segments.push(change(covering));
    segments.push(...insertsAt(l.n));
  }
  return segments;
}
