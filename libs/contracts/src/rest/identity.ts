import { z } from 'zod';
import { Uuid } from '../common';
import { JoinResponse } from './sessions';

/** A projector asks to be paired: it shows `code`, and polls with `pairingId` (its secret). */
export const ScreenPairing = z.object({
  pairingId: Uuid.describe('Secret of this projector page: only it polls with it'),
  code: z.string().regex(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/).describe('Short code the projector shows, for a facilitator to approve'),
  expiresAt: z.iso.datetime(),
});
export type ScreenPairing = z.infer<typeof ScreenPairing>;

export const ScreenPairingStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('waiting') }),
  z.object({ state: z.literal('paired'), auth: JoinResponse.describe('The screen token (role observer), given once') }),
]);
export type ScreenPairingStatus = z.infer<typeof ScreenPairingStatus>;

export const ApprovePairingBody = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .transform((c) => c.replace(/[^A-Z0-9]/g, ''))
    .pipe(z.string().regex(/^[A-Z0-9]{6}$/))
    .transform((c) => `${c.slice(0, 3)}-${c.slice(3)}`)
    .describe('The code shown on the projector (dash and case optional)'),
});
export type ApprovePairingBody = z.infer<typeof ApprovePairingBody>;

/** Why two or more participants may be one person. */
export const DuplicateReason = z.enum(['device', 'name', 'burst', 'claim']);
export type DuplicateReason = z.infer<typeof DuplicateReason>;

export const DuplicateGroup = z.object({
  reason: DuplicateReason.describe('device: joined from one browser; name: same name; burst: many joins from one address within seconds; claim: picked a roster name (to confirm), possibly a member already present or picked twice'),
  participants: z.array(
    z.object({
      id: Uuid,
      displayName: z.string(),
      memberId: Uuid.nullable(),
      claimedMemberId: Uuid.nullable(),
      joinedAt: z.iso.datetime().nullable(),
    }),
  ),
});
export type DuplicateGroup = z.infer<typeof DuplicateGroup>;

export const Duplicates = z.object({ groups: z.array(DuplicateGroup) });
export type Duplicates = z.infer<typeof Duplicates>;

/** Roster names a code joiner may pick from (open sessions with a roster). */
export const RosterNames = z.array(z.object({ memberId: Uuid, name: z.string(), perimeter: z.string() }));
export type RosterNames = z.infer<typeof RosterNames>;
