import { z } from 'zod';
import { AccessMode, ActivityKind, Gender, MemberCategory, ParticipantRole, TerritoryType } from '../enums';
import { Uuid, plainText } from '../common';
import { ResultChart } from '../surveys/questions';

/**
 * Outcomes: the typed, JSON-able description of a session's results that every export
 * (CSV, XLSX, PDF, DOCX, JSON) and the sealed archive are rendered from.
 * Versioned: a breaking change bumps OUTCOME_SCHEMA_VERSION and docs/export-schema.md.
 */
export const OUTCOME_SCHEMA_VERSION = 1;

const Cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One table of results (a tally, a ranking, counts), rendered as is by every exporter. */
export const OutcomeTable = z.object({
  title: z.string().describe('e.g. the question text'),
  method: z.string().nullable().describe('Tally method shown beside the results, e.g. « Méthode de Borda »; null when not a vote'),
  columns: z.array(z.string()).min(1),
  rows: z.array(z.array(Cell)).describe('Each row has one cell per column'),
  note: z.string().nullable().default(null).describe('e.g. « 142 votants, 3 bulletins blancs »'),
  figures: z
    .array(z.object({ label: z.string(), value: Cell }))
    .default([])
    .describe('Key figures printed with the table in every format, e.g. a scale’s « Moyenne » and « Médiane », the voters and members present'),
  chart: ResultChart.nullable().default(null).describe('What the chart of these results plots (libs/domain `resultChart`); null when the table is not a vote'),
});
export type OutcomeTable = z.infer<typeof OutcomeTable>;

export const OutcomeIdea = z.object({
  id: z.string(),
  text: z.string(),
  column: z.string().nullable().default(null).describe('Board column title'),
  supports: z.number().int().nonnegative(),
  comments: z.number().int().nonnegative().default(0),
  author: z.string().nullable().default(null).describe('Display name; personal data: stripped from public results'),
});
export type OutcomeIdea = z.infer<typeof OutcomeIdea>;

export const OutcomeSynthesis = z.object({
  group: z.string().describe('Working group name'),
  text: z.string(),
  author: z.string().nullable().default(null).describe('Rapporteur display name; personal data'),
});
export type OutcomeSynthesis = z.infer<typeof OutcomeSynthesis>;

export const OutcomeQuestion = z.object({
  id: z.string(),
  text: z.string(),
  upvotes: z.number().int().nonnegative(),
  answered: z.boolean(),
  answer: z.string().nullable().default(null),
  author: z.string().nullable().default(null).describe('Display name; personal data'),
});
export type OutcomeQuestion = z.infer<typeof OutcomeQuestion>;

/** Row-level data: raw ballots, supports, ... `named` rows may name people (CSV exports them only then). */
export const OutcomeRaw = z.object({
  title: z.string(),
  named: z.boolean().describe('true only for named surveys/boards: rows carry who voted'),
  columns: z.array(z.string()),
  rows: z.array(z.array(Cell)),
});
export type OutcomeRaw = z.infer<typeof OutcomeRaw>;

/**
 * What a feature module contributes for one activity. Plain data, deterministic for the same
 * database rows (sorted arrays, no clock): sealing hashes it and verification rebuilds it.
 */
export const OutcomeSection = z.object({
  schemaVersion: z.literal(OUTCOME_SCHEMA_VERSION),
  activityId: Uuid.nullable().describe('Agenda item it belongs to; null for session-wide parts'),
  kind: ActivityKind,
  title: z.string(),
  anonymity: z.enum(['named', 'anonymous']).nullable().default(null),
  summary: z.string().nullable().default(null).describe('One paragraph shown under the title'),
  tables: z.array(OutcomeTable).default([]),
  ideas: z.array(OutcomeIdea).default([]).describe('Top ideas first'),
  syntheses: z.array(OutcomeSynthesis).default([]),
  questions: z.array(OutcomeQuestion).default([]),
  raw: z.array(OutcomeRaw).default([]),
  recompute: z.record(z.string(), z.unknown()).nullable().default(null)
    .describe('Inputs of the libs/domain tally (question configs, ballot values) so anyone can recompute the tables; JSON export only'),
});
export type OutcomeSection = z.infer<typeof OutcomeSection>;
export type OutcomeSectionInput = z.input<typeof OutcomeSection>;

export const HiddenCount = z.object({ hidden: z.literal(true), count: z.string().nullable().describe('« <5 » for a small cell, null when hidden so it cannot be deduced') });
export const CountCell = z.union([z.object({ hidden: z.literal(false), count: z.number().int() }), HiddenCount]);
export type CountCell = z.infer<typeof CountCell>;

export const AttendanceBreakdown = z.object({
  minCell: z.number().int(),
  territoryType: z.record(TerritoryType, CountCell),
  category: z.record(MemberCategory, CountCell),
  gender: z.record(Gender, CountCell),
});
export type AttendanceBreakdown = z.infer<typeof AttendanceBreakdown>;

export const OutcomeAgendaItem = z.object({
  activityId: Uuid,
  kind: ActivityKind,
  title: z.string(),
  position: z.number().int(),
  state: z.string(),
  groupId: Uuid.nullable(),
  startedAt: z.string().nullable().describe('First opening recorded in the audit log (ISO)'),
  endedAt: z.string().nullable().describe('Last closing recorded in the audit log (ISO)'),
});
export type OutcomeAgendaItem = z.infer<typeof OutcomeAgendaItem>;

export const OutcomeParticipant = z.object({
  id: Uuid,
  displayName: z.string(),
  role: ParticipantRole,
  invited: z.boolean().describe('A roster member invited to the session (the roster itself stays out of the record)'),
  perimeter: z.string().nullable(),
  territoryType: TerritoryType.nullable(),
  category: MemberCategory.nullable(),
  gender: Gender.nullable(),
  present: z.boolean(),
});
export type OutcomeParticipant = z.infer<typeof OutcomeParticipant>;

/** The deterministic record of a session: what is sealed (canonical JSON) and verified. */
export const OutcomeRecord = z.object({
  schemaVersion: z.literal(OUTCOME_SCHEMA_VERSION),
  session: z.object({ id: Uuid, title: z.string(), date: z.string(), joinCode: z.string(), accessMode: AccessMode, assembly: z.string().nullable() }),
  agenda: z.array(OutcomeAgendaItem),
  attendance: z.object({
    invited: z.number().int().describe('Roster members invited'),
    present: z.number().int().describe('Members who joined'),
    represented: z.number().int().optional().describe('Members represented by a proxy whose giver never came (only when proxies were used)'),
    voting: z.number().int().optional().describe('present + represented: members whose vote could be cast (only when proxies were used)'),
    turnout: z.number().nullable().describe('present / invited, null without a roster'),
    byRole: z.record(ParticipantRole, z.number().int()),
    breakdown: AttendanceBreakdown.describe('Members present by territory type, category and gender; cells under minCell hidden'),
  }),
  participants: z.array(OutcomeParticipant).describe('Personal data: never in public results'),
  sections: z.array(OutcomeSection),
  audit: z.object({ length: z.number().int(), head: z.string(), types: z.record(z.string(), z.number().int()) }).describe('Audit chain up to the seal (or now)'),
});
export type OutcomeRecord = z.infer<typeof OutcomeRecord>;

export const ExportStatus = z.enum(['draft', 'final', 'sealed']);
export type ExportStatus = z.infer<typeof ExportStatus>;

/** The JSON export: the record plus when and how it was produced (not part of the sealed digest). */
export const OutcomeExport = OutcomeRecord.extend({
  export: z.object({
    generatedAt: z.string(),
    status: ExportStatus,
    activityId: Uuid.nullable(),
    timeZone: z.string().default('Europe/Paris').describe('IANA zone the documents print times in (TZ_DISPLAY); every time in the JSON stays in UTC'),
  }),
});
export type OutcomeExport = z.infer<typeof OutcomeExport>;

export const ExportFormat = z.enum(['csv', 'xlsx', 'pdf', 'docx', 'json']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ArchiveSummary = z.object({
  sessionId: Uuid,
  title: z.string(),
  date: z.string(),
  joinCode: z.string(),
  digest: z.string(),
  sealedAt: z.string(),
  public: z.boolean(),
  pseudonymisedAt: z.string().nullable(),
});
export type ArchiveSummary = z.infer<typeof ArchiveSummary>;

export const ArchiveDetail = ArchiveSummary.extend({ auditHead: z.string(), record: OutcomeRecord });
export type ArchiveDetail = z.infer<typeof ArchiveDetail>;

export const ArchiveVerification = z.object({
  intact: z.boolean(),
  digest: z.object({ stored: z.string(), recomputed: z.string(), matches: z.boolean() }),
  live: z.object({ digest: z.string(), matches: z.boolean() }).describe('Record rebuilt from the live tables'),
  chain: z.object({ intact: z.boolean(), length: z.number().int(), head: z.string(), brokenAt: z.number().int().nullable(), sealLinked: z.boolean().describe('The chain records the stored digest') }),
  problems: z.array(z.string()).describe('Human-readable findings (French)'),
});
export type ArchiveVerification = z.infer<typeof ArchiveVerification>;

export const SetPublicBody = z.object({ public: z.boolean() });
export type SetPublicBody = z.infer<typeof SetPublicBody>;

export const ArchiveListQuery = z.object({ q: plainText().max(200).optional().describe('Words searched in titles, dates, ideas and syntheses') });

export const ExportQuery = z.object({ activityId: Uuid.optional().describe('Only this activity') });

/** Public results: aggregates only (no participants, no authors, no raw rows). */
export const PublicResults = OutcomeRecord.omit({ participants: true }).extend({ sealedAt: z.string(), digest: z.string() });
export type PublicResults = z.infer<typeof PublicResults>;
