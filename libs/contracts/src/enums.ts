import './browser-parsing'; // first: zod must be configured before any schema is built (see the file)
import { z } from 'zod';

/** Role of a person inside one session. */
export const ParticipantRole = z.enum(['member', 'facilitator', 'organiser', 'observer']);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

/**
 * Role of a staff account (signs in with email and password). `instructor` is the Region's
 * « service instructeur »: it answers only the follow-up recommendations assigned to it (docs/follow-up.md).
 */
export const StaffRole = z.enum(['facilitator', 'organiser', 'admin', 'instructor']);
export type StaffRole = z.infer<typeof StaffRole>;

export const SessionState = z.enum(['draft', 'live', 'closed', 'archived']);
export type SessionState = z.infer<typeof SessionState>;

export const AccessMode = z.enum(['open', 'roster']);
export type AccessMode = z.infer<typeof AccessMode>;

export const TerritoryType = z.enum(['metropole', 'agglomeration', 'territoire_projet', 'bourg_centre']);
export type TerritoryType = z.infer<typeof TerritoryType>;

export const MemberCategory = z.enum(['elu', 'citoyen']);
export type MemberCategory = z.infer<typeof MemberCategory>;

export const Gender = z.enum(['femme', 'homme', 'autre']);
export type Gender = z.infer<typeof Gender>;

export const ActivityKind = z.enum(['survey', 'board', 'qna', 'groups', 'opinions', 'floor', 'amendments']);
export type ActivityKind = z.infer<typeof ActivityKind>;

export const Locale = z.enum(['fr', 'en']);
export type Locale = z.infer<typeof Locale>;
