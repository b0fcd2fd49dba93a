import type { OutcomeCandidate, OutcomeEvidence, OutcomeItemKind, OutcomeItemRef, OutcomeRecord, OutcomeSection } from '@palabre/contracts';

/**
 * Reads the items a recommendation can come from out of a sealed record. Pure: the record is
 * the archived canonical JSON, so the same record always yields the same items and ids.
 * Each kind is a `candidates` reader over a section of the record.
 */
interface ItemReader {
  candidates(section: OutcomeSection, minSupports: number): OutcomeCandidate[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

const READERS: Record<OutcomeItemKind, ItemReader> = {
  idea: {
    candidates: (section, minSupports) =>
      section.ideas
        .filter((i) => i.supports >= minSupports)
        .map((i) => ({
          ref: ref('idea', section, i.id),
          evidence: { sectionTitle: section.title, text: i.text, figure: plural(i.supports, 'soutien', 'soutiens'), group: null },
          supports: i.supports,
        })),
  },
  synthesis: {
    candidates: (section) =>
      section.syntheses.flatMap((s, j) =>
        synthesisPoints(s.text).map((text, p) => ({
          ref: ref('synthesis', section, `${j}.${p}`),
          evidence: { sectionTitle: section.title, text, figure: `Synthèse du groupe « ${s.group} »`, group: s.group },
          supports: null,
        })),
      ),
  },
  survey: {
    candidates: (section) =>
      section.kind !== 'survey'
        ? []
        : section.tables.flatMap((table, t) =>
            table.rows.map((row, r) => ({
              ref: ref('survey', section, `${t}.${r}`),
              evidence: { sectionTitle: `${section.title} — ${table.title}`, text: rowLabel(row), figure: rowFigure(table.columns, row), group: null },
              supports: null,
            })),
          ),
  },
  amendment: {
    // A text put to amendment: each adopted amendment, and the text itself when the assembly adopted it.
    candidates: (section) => {
      if (section.kind !== 'amendments') return [];
      const table = section.tables.find((t) => t.title === 'Amendements');
      const col = (name: string) => table?.columns.indexOf(name) ?? -1;
      const [number, fate, place, type, wording, yes, no, abstain] = ['N°', 'Sort', 'Place', 'Type', 'Rédaction proposée', 'Pour', 'Contre', 'Abstention'].map(col);
      const adopted: OutcomeCandidate[] = (table?.rows ?? [])
        .filter((row) => row[fate] === 'Adopté')
        .map((row) => ({
          ref: ref('amendment', section, `a.${String(row[number])}`),
          evidence: {
            sectionTitle: `${section.title} — amendement n° ${String(row[number])}`,
            text: `${String(row[type])} (${String(row[place])})${row[wording] ? ` : ${String(row[wording])}` : ''}`,
            figure: `Adopté — ${String(row[yes] ?? 0)} pour, ${String(row[no] ?? 0)} contre, ${String(row[abstain] ?? 0)} abstention(s)`,
            group: null,
          },
          supports: null,
        }));
      // The whole text, when its final vote adopted it (the summary line says so).
      const vote = /Vote sur l’ensemble : [^—]*— texte adopté\./.exec(section.summary ?? '');
      const whole: OutcomeCandidate[] = vote
        ? [{ ref: ref('amendment', section, 'text'), evidence: { sectionTitle: section.title, text: `Texte adopté : « ${section.title} »`, figure: vote[0].replace(/\.$/, ''), group: null }, supports: null }]
        : [];
      return [...whole, ...adopted];
    },
  },
};

function ref(kind: OutcomeItemKind, section: OutcomeSection, itemId: string): OutcomeItemRef {
  return { kind, activityId: section.activityId as string, itemId };
}

/** The points of a synthesis: each line, the numbered proposals one by one (see groups' synthesisText). */
export function synthesisPoints(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => {
      const proposals = /^Propositions : (.*)$/.exec(line.trim());
      if (!proposals) return [line.trim()];
      return proposals[1].split(/ ; (?=\d+\. )/).map((p) => p.replace(/^\d+\. /, '').trim());
    })
    .filter((p) => p.length > 0);
}

/** A result row's label: its first text cell (the option), else all its cells. */
function rowLabel(row: (string | number | boolean | null)[]): string {
  const label = row.find((c) => typeof c === 'string' && c.trim() !== '');
  return typeof label === 'string' ? label : row.map((c) => String(c ?? '')).join(' · ');
}

function rowFigure(columns: string[], row: (string | number | boolean | null)[]): string | null {
  const label = rowLabel(row);
  const parts = row.map((c, i) => (c === null || c === label ? null : `${columns[i] ?? ''} ${String(c)}`.trim())).filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** Every item of the record a recommendation can come from, in record order. */
export function outcomeCandidates(record: OutcomeRecord, minSupports: number): OutcomeCandidate[] {
  return record.sections
    .filter((s) => s.activityId !== null)
    .flatMap((s) => (Object.keys(READERS) as OutcomeItemKind[]).flatMap((kind) => READERS[kind].candidates(s, minSupports)));
}

/**
 * The evidence of one item, or why not: `missing` when the record has no such item,
 * `below` when an idea has fewer supports than the threshold.
 */
export function resolveItem(record: OutcomeRecord, item: OutcomeItemRef, minSupports: number): { evidence: OutcomeEvidence } | { refused: 'missing' | 'below' } {
  const sections = record.sections.filter((s) => s.activityId === item.activityId);
  const all = sections.flatMap((s) => READERS[item.kind].candidates(s, 0));
  const found = all.find((c) => c.ref.itemId === item.itemId);
  if (!found) return { refused: 'missing' };
  if (item.kind === 'idea' && (found.supports ?? 0) < minSupports) return { refused: 'below' };
  return { evidence: found.evidence };
}
