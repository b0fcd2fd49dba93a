import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutcomeRecord, ROUTES, Uuid, type ExportFormat, type ExportStatus, type OutcomeExport } from '@palabre/contracts';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { TransactionRunner } from '../../common/db/transaction';
import { OutcomeRecordService } from './outcome-record.service';
import { outcomesRepository } from './outcomes.repository';
import { renderCsv } from './render/csv';
import { renderDocx } from './render/docx';
import { exportFileName } from './render/labels';
import { renderPdf } from './render/pdf';
import { renderXlsx } from './render/xlsx';

export interface ExportFile {
  body: Buffer;
  contentType: string;
  fileName: { ascii: string; utf8: string };
}

const RENDERERS: Record<ExportFormat, (doc: OutcomeExport) => Buffer | Promise<Buffer>> = {
  csv: renderCsv,
  xlsx: renderXlsx,
  pdf: renderPdf,
  docx: renderDocx,
  json: (doc) => Buffer.from(JSON.stringify(doc, null, 2), 'utf8'),
};

@Injectable()
export class ExportsService {
  constructor(
    private readonly db: DataSource,
    private readonly records: OutcomeRecordService,
    private readonly transactions: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A sealed session is exported from its stored record (the sealed truth); otherwise the
   * record is built from the live tables: a draft while live, final once closed.
   */
  async document(sessionId: string, activityId?: string): Promise<OutcomeExport> {
    const session = await outcomesRepository.findSession(this.db.manager, sessionId);
    if (!session) throw new AppError('SESSION_NOT_FOUND');
    let record: OutcomeRecord;
    let status: ExportStatus;
    const archived = session.state === 'archived' ? await outcomesRepository.findArchive(this.db.manager, sessionId) : null;
    if (archived) {
      record = OutcomeRecord.parse(JSON.parse(archived.canonicalJson));
      status = 'sealed';
    } else {
      record = await this.records.build(sessionId);
      status = session.state === 'closed' || session.state === 'archived' ? 'final' : 'draft';
    }
    if (activityId !== undefined) record = narrow(record, activityId);
    return { ...record, export: { generatedAt: new Date().toISOString(), status, activityId: activityId ?? null, timeZone: this.config.displayTimeZone } };
  }

  async export(sessionId: string, format: ExportFormat, activityId: string | undefined): Promise<ExportFile> {
    if (activityId !== undefined && !Uuid.safeParse(activityId).success) throw new AppError('NOT_FOUND');
    const doc = await this.document(sessionId, activityId);
    const body = await RENDERERS[format](doc);
    // Who exported what stays on record; the payload names no person.
    await this.transactions.run((tx) => tx.audit(sessionId, 'export.generated', null, { format, activityId: activityId ?? null, status: doc.export.status }));
    const activityTitle = activityId ? doc.agenda[0]?.title : undefined;
    return { body, contentType: ROUTES[`exports.${format}`].contentType ?? 'application/octet-stream', fileName: exportFileName(doc.session.title, doc.session.date, format, activityTitle) };
  }
}

/** The record reduced to one activity (agenda line and its sections); attendance stays whole. */
function narrow(record: OutcomeRecord, activityId: string): OutcomeRecord {
  const agenda = record.agenda.filter((item) => item.activityId === activityId);
  if (agenda.length === 0) throw new AppError('NOT_FOUND');
  return { ...record, agenda, sections: record.sections.filter((section) => section.activityId === activityId) };
}
