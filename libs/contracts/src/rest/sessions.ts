import { z } from 'zod';
import { AccessMode, ActivityKind, Gender, MemberCategory, ParticipantRole, SessionState, TerritoryType } from '../enums';
import { DisplayName, JoinCode, Uuid, plainText, text } from '../common';
import { AmendmentsSnapshot } from '../amendments/schemas';
import { BoardsFeature } from '../boards/board';
import { ChannelsFeature } from '../channels/schemas';
import { FloorSnapshot } from '../floor/schemas';
import { OpinionsSnapshot } from '../opinions/schemas';
import { QnaSnapshot } from '../qna/schemas';
import { RoomSnapshot } from '../room/schemas';
import { SurveysFeature } from '../surveys/survey';
import { GroupsSnapshot } from './groups';

const HexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/).describe('A colour as #rrggbb');

/** The organiser's look on the projector, set per assembly. */
export const AssemblyTheme = z
  .object({
    primary: HexColour.describe('Main colour: headings, bars, the join code (text on white: keep 4.5:1 contrast)'),
    logo: z
      .string()
      .max(200_000)
      .regex(/^(\/[^/]|data:image\/(png|jpeg|webp|svg\+xml);base64,)/)
      .optional()
      .describe('Logo shown on the projector: a path on this server or a base64 image data URL'),
  })
  .strict();
export type AssemblyTheme = z.infer<typeof AssemblyTheme>;

/** `PUT /api/sessions/:id/theme`: the theme of the session's assembly; null restores Palabre's look. */
export const SetThemeBody = z.object({ theme: AssemblyTheme.nullable() }).strict();
export type SetThemeBody = z.infer<typeof SetThemeBody>;

export const SessionSummary = z.object({
  id: Uuid,
  title: z.string(),
  date: z.string().describe('ISO date (YYYY-MM-DD) of the session'),
  joinCode: z.string(),
  accessMode: AccessMode,
  state: SessionState,
  assemblyName: z.string().nullable(),
  theme: AssemblyTheme.optional().describe("The assembly's projector theme, when the organiser set one"),
  version: z.number().int(),
  hasRoster: z.boolean().describe('Members were imported: questions are then for verified members unless the facilitator opens them to everyone present'),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

export const CreateSessionBody = z.object({
  title: text(3, 160),
  date: z.iso.date(),
  joinCode: JoinCode.optional().describe('Chosen code; generated when omitted'),
  accessMode: AccessMode.default('open'),
  assemblyId: Uuid.optional(),
});
export type CreateSessionBody = z.infer<typeof CreateSessionBody>;

export const UpdateSessionBody = z
  .object({ title: text(3, 160), date: z.iso.date(), joinCode: JoinCode, accessMode: AccessMode })
  .partial();
export type UpdateSessionBody = z.infer<typeof UpdateSessionBody>;

export const TransitionSessionBody = z.object({ to: SessionState });
export type TransitionSessionBody = z.infer<typeof TransitionSessionBody>;

export const ParticipantView = z.object({
  id: Uuid,
  displayName: z.string(),
  role: ParticipantRole,
  memberId: Uuid.nullable(),
  groupId: Uuid.nullable().describe('Working group the participant belongs to, if any'),
  verified: z.boolean().describe('A roster member (personal invitation, or a roster name a facilitator confirmed)'),
  claimedMemberId: Uuid.nullable().describe('Roster member this code joiner says they are, waiting for a facilitator'),
});
export type ParticipantView = z.infer<typeof ParticipantView>;

/** A browser's random id, kept in its storage: rejoining from it resumes, and a revoked one stays out. */
export const DeviceId = Uuid.describe("Random id the browser keeps for this install (never a hardware id)");

/**
 * Join an open session by code, or any session with a personal invitation. Projector screens do
 * not join: they are paired by staff (`screens.*` routes).
 */
export const JoinBody = z.union([
  z.object({
    code: JoinCode,
    displayName: DisplayName,
    device: DeviceId.optional(),
    memberId: Uuid.optional().describe('Open session with a roster: the roster member the joiner says they are; verified once a facilitator confirms it'),
  }),
  z.object({ invitation: plainText().min(16).max(128).describe('Personal invitation token from the link or QR code'), device: DeviceId.optional() }),
]);
export type JoinBody = z.infer<typeof JoinBody>;

export const JoinResponse = z.object({
  token: z.string().describe('Session bearer token for REST and the socket handshake'),
  participant: ParticipantView,
  session: SessionSummary,
});
export type JoinResponse = z.infer<typeof JoinResponse>;

export const ActivitySummary = z.object({
  id: Uuid,
  kind: ActivityKind,
  title: z.string(),
  position: z.number().int(),
  state: z.string().describe('State in the activity kind own state machine'),
  groupId: Uuid.nullable(),
});
export type ActivitySummary = z.infer<typeof ActivitySummary>;

export const PresenceView = z.object({
  connected: z.number().int().describe('Participants with at least one live connection'),
  online: z.array(z.object({ id: Uuid, displayName: z.string(), role: ParticipantRole })).optional().describe('Staff only: who is online'),
});
export type PresenceView = z.infer<typeof PresenceView>;

/**
 * The snapshot's per-feature state, one key per feature (activity kinds and the room). Each part is
 * optional: a client built against a newer server reads what it knows. A new feature adds its key here.
 */
export const SnapshotFeatures = z
  .object({
    surveys: SurveysFeature,
    channels: ChannelsFeature,
    boards: BoardsFeature,
    groups: GroupsSnapshot,
    qna: QnaSnapshot,
    room: RoomSnapshot,
    floor: FloorSnapshot,
    amendments: AmendmentsSnapshot,
    opinions: OpinionsSnapshot,
  })
  .partial();
export type SnapshotFeatures = z.infer<typeof SnapshotFeatures>;
export type SnapshotFeatureName = keyof SnapshotFeatures;

/** Everything a client needs to render a session, at one version. */
export const SessionSnapshot = z.object({
  version: z.number().int(),
  session: SessionSummary,
  me: ParticipantView,
  activities: z.array(ActivitySummary),
  presence: PresenceView,
  features: SnapshotFeatures.describe('Per-feature state keyed by feature name'),
});
export type SessionSnapshot = z.infer<typeof SessionSnapshot>;

/** One roster line as imported from CSV. */
export const RosterLine = z.object({
  name: text(1, 120),
  email: z.email().max(254).optional().or(z.literal('').transform(() => undefined)),
  perimeter: text(1, 160),
  territoryType: TerritoryType,
  category: MemberCategory,
  gender: Gender,
});
export type RosterLine = z.infer<typeof RosterLine>;

export const RosterImportReport = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), code: z.string(), message: z.string() })),
});
export type RosterImportReport = z.infer<typeof RosterImportReport>;

export const Invitation = z.object({
  memberId: Uuid,
  name: z.string(),
  perimeter: z.string(),
  link: z.string(),
});
export type Invitation = z.infer<typeof Invitation>;
