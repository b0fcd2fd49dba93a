import { Injectable } from '@nestjs/common';
import type { OutcomeSectionInput, OutcomeTable } from '@palabre/contracts';
import { compareTexts, consolidate, type ComparisonSegment } from '@palabre/domain';
import type { EntityManager } from 'typeorm';
import { amendmentsStore, toItem } from './amendments.store';

const KIND = { replace: 'Remplacement', insert: 'Ajout', delete: 'Suppression' } as const;
const STATUS = { filed: 'Non examiné', admissible: 'Recevable', inadmissible: 'Irrecevable', withdrawn: 'Retiré' } as const;
const FATE = { adopted: 'Adopté', rejected: 'Rejeté', fallen: 'Tombé' } as const;

const where = (kind: keyof typeof KIND, from: number, to: number) => (kind === 'insert' ? `après l. ${from}` : from === to ? `l. ${from}` : `l. ${from}-${to}`);

/** A change as the comparison prints it: removed words [-…-], added words {+…+}, the rest as is. */
function marked(segment: Extract<ComparisonSegment, { kind: 'change' }>): string {
  return segment.parts.map((p) => (p.op === 'same' ? p.text : p.op === 'removed' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('');
}

/**
 * Each text's record: the table of amendments with their authors, fate and votes; the comparison
 * tabled text / final text, each change labelled with its amendment number; the final text, each
 * line traced to a tabled line or an amendment. Deterministic for the same rows (the seal hashes it).
 */
@Injectable()
export class AmendmentsOutcomes {
  async sections(sessionId: string, manager: EntityManager): Promise<OutcomeSectionInput[]> {
    const sections: OutcomeSectionInput[] = [];
    for (const t of await amendmentsStore.textIds(manager, sessionId)) {
      const s = await amendmentsStore.state(manager, t.id);
      const items = s.amendments.map(toItem);
      const byId = new Map(s.amendments.map((a) => [a.id, a]));
      const amendmentsTable: OutcomeTable = {
        title: 'Amendements',
        method: 'Majorité des suffrages exprimés (pour > contre)',
        columns: ['N°', 'Sous-amendement de', 'Auteur(s)', 'Place', 'Type', 'Rédaction proposée', 'Motif', 'Examen', 'Sort', 'Pour', 'Contre', 'Abstention'],
        rows: s.amendments.map((a) => {
          const cosigners = s.cosigns.filter((c) => c.amendmentId === a.id).map((c) => c.name).sort((x, y) => x.localeCompare(y, 'fr'));
          return [
            a.number,
            a.parentId ? (byId.get(a.parentId)?.number ?? null) : null,
            [a.groupName ? `${a.groupName} (rapporteur·e : ${a.authorName})` : a.authorName, ...cosigners].join(', '),
            where(a.kind, a.lineFrom, a.lineTo),
            KIND[a.kind],
            a.wording,
            a.reason,
            a.status === 'inadmissible' && a.moderationReason ? `${STATUS[a.status]} : ${a.moderationReason}` : STATUS[a.status],
            a.fate ? FATE[a.fate] : a.status === 'withdrawn' ? 'Retiré' : a.status === 'inadmissible' ? 'Irrecevable' : 'Non voté',
            a.votes?.yes ?? null,
            a.votes?.no ?? null,
            a.votes?.abstain ?? null,
          ];
        }),
        note: null,
        figures: [],
        chart: null,
      };
      const comparison: OutcomeTable = {
        title: 'Comparaison : texte initial et texte final',
        method: null,
        columns: ['Amendement', 'Place', 'Texte initial', 'Texte final', 'Modifications'],
        rows: compareTexts(s.text.lines, items)
          .filter((seg): seg is Extract<ComparisonSegment, { kind: 'change' }> => seg.kind === 'change')
          .map((seg) => [seg.subAmendment ? `n° ${seg.amendment} (sous-amendé par le n° ${seg.subAmendment})` : `n° ${seg.amendment}`, where(seg.amendmentKind, seg.from, seg.to), seg.before, seg.after, marked(seg)]),
        note: 'Mots supprimés entre [- -], mots ajoutés entre {+ +}.',
        figures: [],
        chart: null,
      };
      const finalText: OutcomeTable = {
        title: 'Texte final',
        method: null,
        columns: ['Ligne', 'Texte', 'Origine'],
        rows: consolidate(s.text.lines, items).map((l) => [l.n, l.text, l.origin.line !== null ? `ligne ${l.origin.line} du texte initial` : `amendement n° ${l.origin.amendment}`]),
        note: null,
        figures: [],
        chart: null,
      };
      const fv = s.text.finalVotes;
      const adopted = s.amendments.filter((a) => a.fate === 'adopted').length;
      const summary = [
        `${s.text.lines.length} lignes, ${s.amendments.length} amendement(s) déposé(s), ${adopted} adopté(s).`,
        fv ? `Vote sur l’ensemble : ${fv.yes} pour, ${fv.no} contre, ${fv.abstain} abstention(s) — texte ${fv.yes > fv.no ? 'adopté' : 'rejeté'}.` : 'Pas de vote sur l’ensemble du texte.',
      ].join(' ');
      sections.push({ schemaVersion: 1, activityId: t.id, kind: 'amendments', title: s.activity.title, anonymity: s.anonymity, summary, tables: [amendmentsTable, comparison, finalText] });
    }
    return sections;
  }
}
