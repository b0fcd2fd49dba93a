import { Injectable } from '@nestjs/common';
import type { OutcomeSectionInput, OutcomeTable } from '@palabre/contracts';
import { compareTexts, consolidate, type ComparisonSegment } from '@palabre/domain';
import type { EntityManager } from 'typeorm';
import { amendmentsRepository } from './amendments.repository';
import { toItem } from './amendments.views';

const KIND = { replace: 'Remplacement', insert: 'Ajout', delete: 'Suppression' } as const;
const STATUS = { filed: 'Non examiné', admissible: 'Recevable', inadmissible: 'Irrecevable', withdrawn: 'Retiré' } as const;
const FATE = { adopted: 'Adopté', rejected: 'Rejeté', fallen: 'Tombé' } as const;

const where = (kind: keyof typeof KIND, from: number, to: number) => (kind === 'insert' ? `après l. ${from}` : from === to ? `l. ${from}` : `l. ${from}-${to}`);

/** A change as the comparison prints it: removed words [-…-], added words {+…+}, the rest as is. */
function marked(segment: Extract<ComparisonSegment, { kind: 'change' }>): string {
  return segment.parts.map((part) => (part.op === 'same' ? part.text : part.op === 'removed' ? `[-${part.text}-]` : `{+${part.text}+}`)).join('');
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
    for (const t of await amendmentsRepository.textIds(manager, sessionId)) {
      const state = await amendmentsRepository.state(manager, t.id);
      const items = state.amendments.map(toItem);
      const byId = new Map(state.amendments.map((amendment) => [amendment.id, amendment]));
      const amendmentsTable: OutcomeTable = {
        title: 'Amendements',
        method: 'Majorité des suffrages exprimés (pour > contre)',
        columns: ['N°', 'Sous-amendement de', 'Auteur(s)', 'Place', 'Type', 'Rédaction proposée', 'Motif', 'Examen', 'Sort', 'Pour', 'Contre', 'Abstention'],
        rows: state.amendments.map((amendment) => {
          const cosigners = state.cosigns.filter((c) => c.amendmentId === amendment.id).map((c) => c.name).sort((x, y) => x.localeCompare(y, 'fr'));
          return [
            amendment.number,
            amendment.parentId ? (byId.get(amendment.parentId)?.number ?? null) : null,
            [amendment.groupName ? `${amendment.groupName} (rapporteur·e : ${amendment.authorName})` : amendment.authorName, ...cosigners].join(', '),
            where(amendment.kind, amendment.lineFrom, amendment.lineTo),
            KIND[amendment.kind],
            amendment.wording,
            amendment.reason,
            amendment.status === 'inadmissible' && amendment.moderationReason ? `${STATUS[amendment.status]} : ${amendment.moderationReason}` : STATUS[amendment.status],
            amendment.fate ? FATE[amendment.fate] : amendment.status === 'withdrawn' ? 'Retiré' : amendment.status === 'inadmissible' ? 'Irrecevable' : 'Non voté',
            amendment.votes?.yes ?? null,
            amendment.votes?.no ?? null,
            amendment.votes?.abstain ?? null,
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
        rows: compareTexts(state.text.lines, items)
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
        rows: consolidate(state.text.lines, items).map((l) => [l.n, l.text, l.origin.line !== null ? `ligne ${l.origin.line} du texte initial` : `amendement n° ${l.origin.amendment}`]),
        note: null,
        figures: [],
        chart: null,
      };
      const fv = state.text.finalVotes;
      const adopted = state.amendments.filter((amendment) => amendment.fate === 'adopted').length;
      const summary = [
        `${state.text.lines.length} lignes, ${state.amendments.length} amendement(s) déposé(s), ${adopted} adopté(s).`,
        fv ? `Vote sur l’ensemble : ${fv.yes} pour, ${fv.no} contre, ${fv.abstain} abstention(s) — texte ${fv.yes > fv.no ? 'adopté' : 'rejeté'}.` : 'Pas de vote sur l’ensemble du texte.',
      ].join(' ');
      sections.push({ schemaVersion: 1, activityId: t.id, kind: 'amendments', title: state.activity.title, anonymity: state.anonymity, summary, tables: [amendmentsTable, comparison, finalText] });
    }
    return sections;
  }
}
