import { z } from 'zod';
import { Uuid, text } from '../common';
import { BallotValue } from '../surveys/questions';

/**
 * How a ballot reached the tally (docs/proxies.md). Every channel goes through the one ballot
 * write path (BallotBatcher → BallotsService.castMany) and is counted by the same `tally()`.
 */
export const BallotChannel = z.enum(['device', 'proxy', 'paper', 'assisted']);
export type BallotChannel = z.infer<typeof BallotChannel>;

/** Proxy rules of a session, kept in `session.settings.proxies`. */
export const ProxySettings = z
  .object({
    enabled: z.boolean().default(false).describe('Members may be represented by a colleague holding their written proxy'),
    maxPerHolder: z.number().int().min(1).max(5).default(1).describe('Proxies one member may hold (1 in municipal and regional councils)'),
  })
  .strict();
export type ProxySettings = z.infer<typeof ProxySettings>;

/** One proxy (« pouvoir ») of a session, as staff and the two members concerned see it. */
export const ProxyView = z.object({
  id: Uuid,
  giverId: Uuid.describe('The represented member (participant id)'),
  giverName: z.string(),
  holderId: Uuid.describe('The member who votes for the giver (participant id)'),
  holderName: z.string(),
  formRef: z.string().describe('Reference of the signed proxy form (scan file name or register number)'),
  lapsedAt: z.string().nullable().describe('Set when the giver joined in person: their own vote takes over'),
});
export type ProxyView = z.infer<typeof ProxyView>;

/** Who is counted at a moment: present in person, represented by a proxy, and both (may vote). */
export const VotingAttendance = z.object({
  present: z.number().int().nonnegative(),
  represented: z.number().int().nonnegative(),
  voting: z.number().int().nonnegative().describe('present + represented: the members whose ballot can be cast'),
});
export type VotingAttendance = z.infer<typeof VotingAttendance>;

/** Paper totals of an anonymous question: counted ballots per option id (single choice) or per choice (yes / no / abstain). */
export const PaperTotals = z.record(z.string().min(1).max(64), z.number().int().min(0).max(10_000));
export type PaperTotals = z.infer<typeof PaperTotals>;

/** A paper entry as staff see it: entered by one teller, counted once a second staff account confirms. */
export const PaperEntryView = z.object({
  id: Uuid,
  questionId: Uuid,
  kind: z.enum(['named', 'totals']),
  memberId: Uuid.nullable().describe('Named entries: the member (participant id) whose paper ballot this is'),
  memberName: z.string().nullable(),
  value: BallotValue.nullable().describe('Named entries: the ballot as written on paper'),
  totals: PaperTotals.nullable().describe('Totals entries: ballots counted per option'),
  voterIds: z.array(Uuid).describe('Totals entries: the members who voted on paper (they can no longer vote on a device)'),
  enteredBy: z.string().describe('Display name of the teller who entered it'),
  confirmedBy: z.string().nullable().describe('Display name of the second staff account who confirmed it; null while pending'),
});
export type PaperEntryView = z.infer<typeof PaperEntryView>;

/** Ballots of a question split by how they were cast: what the projector and exports show beside the total. */
export const BallotParts = z.object({
  device: z.number().int().nonnegative().describe('Cast by members on their own phone'),
  proxy: z.number().int().nonnegative().describe('Cast by a proxy holder for a represented member'),
  assisted: z.number().int().nonnegative().describe('Cast from the console by a facilitator for a present member, with consent'),
  paper: z.number().int().nonnegative().describe('Paper ballots entered by a teller and confirmed by a second staff account'),
});
export type BallotParts = z.infer<typeof BallotParts>;

export const FORM_REF = text(1, 120);

/** A member's request, from their phone, to be represented by a colleague: the organiser approves (a proxy is recorded) or declines it. */
export const ProxyRequestView = z.object({
  id: Uuid,
  giverId: Uuid.describe('The member who asks to be represented (participant id)'),
  giverName: z.string(),
  holderId: Uuid.describe('The colleague they name (participant id)'),
  holderName: z.string(),
  status: z.enum(['pending', 'approved', 'declined']),
});
export type ProxyRequestView = z.infer<typeof ProxyRequestView>;

/** A roll call's progress (« appel nominal »): members called (answered, skipped because they already voted, or passed) out of the roll. */
export const RollCallProgress = z.object({
  called: z.number().int().nonnegative().describe('Members called so far: answered, already voted another way, or passed'),
  total: z.number().int().nonnegative().describe('Members on the roll (the session members)'),
});
export type RollCallProgress = z.infer<typeof RollCallProgress>;

/** One member of the session and whether (and how) they voted on a question, as staff see it in the console. */
export const QuestionVoter = z.object({
  memberId: Uuid,
  name: z.string(),
  present: z.boolean().describe('Joined the session in person'),
  channel: BallotChannel.nullable().describe('How their ballot was cast; null if they have not voted (anonymous questions: only paper voters are shown)'),
  passed: z.boolean().describe('Roll call: called and did not answer'),
});
export type QuestionVoter = z.infer<typeof QuestionVoter>;

/** Staff: who already voted on a question (never what), in roster order, and the roll call if one was started. */
export const QuestionVoters = z.object({
  questionId: Uuid,
  anonymous: z.boolean().describe('Anonymous question: only the members who voted on paper are known to staff'),
  voters: z.array(QuestionVoter),
  rollCall: RollCallProgress.nullable().describe('Null until a roll call is started on this question'),
});
export type QuestionVoters = z.infer<typeof QuestionVoters>;

/** `snapshot.features.channels`: proxies (a member sees those they give or hold), and for staff the members and paper entries. */
export const ChannelsFeature = z.object({
  settings: ProxySettings,
  proxies: z.array(ProxyView),
  ballots: z.record(Uuid, z.record(Uuid, BallotValue)).describe('Holder: per represented member id, the named ballots I cast for them, per question id'),
  members: z.array(z.object({ id: Uuid, name: z.string(), present: z.boolean() })).describe('Staff: the members of the session, in name order; members, while proxies are enabled: the others, to name a holder (`present` false: not told to members)'),
  requests: z.array(ProxyRequestView).describe('Proxy requests: staff, the pending ones; a member, their own latest'),
  paper: z.array(PaperEntryView).describe('Staff: every paper entry (empty for members)'),
});
export type ChannelsFeature = z.infer<typeof ChannelsFeature>;
