import { Inject, Injectable } from '@nestjs/common';
import type { FollowUpStatus, ResponseDecision } from '@palabre/contracts';
import { isOverdue, quarterOf } from '@palabre/domain';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { renderMinutesDocx, renderMinutesPdf, type Block, type Minutes } from '../outcomes/render/documents';
import { frenchDate, frenchTime, localDate } from '../outcomes/render/labels';
import { followUpRepository } from './followup.repository';
import { todayIn } from './followup.service';

const DECISIONS: Record<ResponseDecision, string> = { accepted: 'Retenue', partial: 'Partiellement retenue', not_retained: 'Non retenue' };
const STATUSES: Record<FollowUpStatus, string> = { pending: 'En attente de réponse', planned: 'Programmée', in_progress: 'En cours', done: 'Réalisée', closed: 'Close' };

/**
 * The quarterly progress report of an assembly's recommendations: what was answered, what
 * progressed and what is overdue, laid out by the minutes' own PDF and DOCX writers.
 */
@Injectable()
export class FollowUpReport {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async build(assemblyId: string, day?: string): Promise<Minutes> {
    const assembly = await followUpRepository.assembly(this.db.manager, assemblyId);
    if (!assembly) throw new AppError('NOT_FOUND');
    const zone = this.config.displayTimeZone;
    const today = todayIn(zone);
    const quarter = quarterOf(day ?? today);
    const recs = await followUpRepository.recommendations(this.db.manager, { assemblyId });
    const entries = recs.length ? await followUpRepository.progressOf(this.db.manager, recs.map((r) => r.id)) : [];
    const title = new Map(recs.map((r) => [r.id, r.title]));
    const inQuarter = (date: string) => quarter.from <= date && date <= quarter.to;
    const answered = recs.filter((r) => r.answeredAt && inQuarter(localDate(new Date(r.answeredAt).toISOString(), zone)));
    const progressed = entries.filter((e) => inQuarter(e.date));
    const overdue = recs.filter((r) => isOverdue(r, today));
    const empty = (text: string): Block => ({ type: 'paragraph', text, muted: true });
    const blocks: Block[] = [
      { type: 'heading', level: 1, text: 'En bref' },
      {
        type: 'paragraph',
        text: `${recs.length} recommandation(s) suivie(s), dont ${recs.filter((r) => r.published).length} publiée(s) ; ${answered.length} réponse(s) de la Région ce trimestre ; ${progressed.length} point(s) d’avancement ; ${overdue.length} en retard.`,
      },
      { type: 'heading', level: 1, text: 'Réponses du trimestre' },
      answered.length === 0
        ? empty('Aucune réponse ce trimestre.')
        : { type: 'table', columns: ['Recommandation', 'Réponse', 'Date', 'Motifs'], rows: answered.map((r) => [r.title, DECISIONS[r.decision as ResponseDecision], frenchDate(localDate(new Date(r.answeredAt as Date).toISOString(), zone)), r.reasons ?? '']) },
      { type: 'heading', level: 1, text: 'Avancement du trimestre' },
      progressed.length === 0
        ? empty('Aucun point d’avancement ce trimestre.')
        : { type: 'table', columns: ['Recommandation', 'Date', 'État', 'Avancement', 'Note'], rows: progressed.map((e) => [title.get(e.recommendationId) ?? '', frenchDate(e.date), STATUSES[e.status], `${e.percent} %`, e.note]), numeric: [false, false, false, true, false] },
      { type: 'heading', level: 1, text: 'En retard' },
      overdue.length === 0
        ? empty('Aucune recommandation en retard.')
        : { type: 'table', columns: ['Recommandation', 'Échéance', 'État', 'Avancement'], rows: overdue.map((r) => [r.title, frenchDate(r.deadline as string), STATUSES[r.status], `${r.percent} %`]), numeric: [false, false, false, true] },
      { type: 'heading', level: 1, text: 'Toutes les recommandations' },
      recs.length === 0
        ? empty('Aucune recommandation.')
        : {
            type: 'table',
            columns: ['Recommandation', 'Thème', 'Réponse', 'État', 'Avancement', 'Échéance', 'Contrat'],
            rows: recs.map((r) => [r.title, r.theme ?? '—', r.decision ? DECISIONS[r.decision] : '—', STATUSES[r.status], `${r.percent} %`, r.deadline ? frenchDate(r.deadline) : '—', r.contractRef ?? '—']),
            numeric: [false, false, false, false, true, false, false],
          },
    ];
    const now = new Date().toISOString();
    return {
      cover: {
        kicker: assembly.name,
        title: `Suivi des recommandations — ${quarter.label}`,
        lines: [`Du ${frenchDate(quarter.from)} au ${frenchDate(quarter.to)}`, `Document généré le ${frenchDate(localDate(now, zone))} à ${frenchTime(now, zone)}`],
      },
      blocks,
    };
  }

  async render(assemblyId: string, format: 'pdf' | 'docx', day?: string): Promise<{ body: Buffer; contentType: string; fileName: { ascii: string; utf8: string } }> {
    const minutes = await this.build(assemblyId, day);
    const meta = { title: minutes.cover.title, subject: 'Rapport trimestriel de suivi des recommandations' };
    const body = format === 'pdf' ? await renderMinutesPdf(minutes, meta) : await renderMinutesDocx(minutes, meta);
    const name = `Suivi des recommandations ${minutes.cover.title.split('— ')[1] ?? ''}`.trim();
    const ascii = name.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/\s+/g, '-');
    return {
      body,
      contentType: format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      fileName: { ascii: `${ascii}.${format}`, utf8: `${name}.${format}` },
    };
  }
}
