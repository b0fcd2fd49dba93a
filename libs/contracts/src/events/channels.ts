import { z } from 'zod';
import { Uuid, Versioned } from '../common';
import { FORM_REF, PaperEntryView, PaperTotals, ProxyRequestView, ProxySettings, ProxyView, RollCallProgress } from '../channels/schemas';
import { BallotValue } from '../surveys/questions';
import { BallotReceipt } from '../surveys/survey';
import { command, event } from './define';

const ballotSecret = z.string().regex(/^[0-9a-f]{64}$/).optional()
  .describe('Anonymous surveys only, required there: a question secret generated on the console for this ballot (never stored)');

/** Proxies, paper ballots and assisted ballots (issue #25, docs/proxies.md): all written by the one ballot path. */
export const CHANNEL_COMMANDS = {
  'proxy.settings': command(
    { settings: ProxySettings },
    ProxySettings,
    'Enable or disable proxies for the session and set how many one member may hold (default 1).',
  ),
  'proxy.record': { ...command(
    {
      giverId: Uuid.describe('The member who cannot attend (participant id, from the roster)'),
      holderId: Uuid.describe('The member who will vote for them (participant id)'),
      formRef: FORM_REF.describe('Reference of the signed proxy form (scan file name or register number)'),
    },
    ProxyView,
    'Record a proxy from the roster: the holder then gets one ballot per question for the giver, until the giver joins in person.',
  ), errors: ['NOT_FOUND', 'PROXIES_DISABLED', 'PROXY_SELF', 'PROXY_GIVER_HAS_PROXY', 'PROXY_CHAIN', 'PROXY_LIMIT', 'PROXY_GIVER_PRESENT', 'PROXY_NOT_A_MEMBER'] },
  'proxy.request': { ...command(
    { holderId: Uuid.describe('The colleague (participant id, from the roster) who would vote for me') },
    ProxyRequestView,
    'A member asks, from their phone, to be represented by a colleague (they are leaving): the organiser approves or declines it.',
  ), errors: ['NOT_FOUND', 'PROXIES_DISABLED', 'PROXY_SELF', 'PROXY_GIVER_HAS_PROXY', 'PROXY_CHAIN', 'PROXY_LIMIT', 'PROXY_NOT_A_MEMBER', 'PROXY_REQUEST_PENDING'] },
  'proxy.decide': { ...command(
    { requestId: Uuid, approve: z.boolean().describe('true: record the proxy (the rules of proxy.record apply); false: decline') },
    ProxyRequestView,
    "Approve or decline a member's proxy request. Approving records the proxy under the same rules as proxy.record (limits, no chain).",
  ), errors: ['NOT_FOUND', 'PROXY_REQUEST_DECIDED', 'PROXIES_DISABLED', 'PROXY_GIVER_HAS_PROXY', 'PROXY_CHAIN', 'PROXY_LIMIT', 'PROXY_NOT_A_MEMBER'] },
  'proxy.revoke': { ...command({ proxyId: Uuid }, ProxyView, 'Withdraw a proxy (the form was withdrawn or entered by mistake). Ballots already cast stay.'), errors: ['NOT_FOUND'] },
  'ballot.assist': { ...command(
    {
      questionId: Uuid,
      memberId: Uuid.describe('The present member who asked for help (participant id)'),
      value: BallotValue,
      consent: z.literal(true).describe("The member's consent, stated to the facilitator"),
      ballotSecret,
    },
    BallotReceipt,
    "Cast a ballot from the console for a present member who asked for help: the same checks as the member's own ballot; the facilitator and the consent are recorded.",
  ), errors: ['NOT_FOUND', 'ASSIST_NOT_PRESENT', 'BALLOT_CAST_ON_PAPER', 'VOTING_CLOSED', 'QUESTION_NOT_OPEN', 'NOT_ELIGIBLE'] },
  'paper.enter': { ...command(
    {
      questionId: Uuid,
      memberId: Uuid.optional().describe('Named surveys: the member whose paper ballot this is'),
      value: BallotValue.optional().describe('Named surveys: the ballot as written on paper'),
      totals: PaperTotals.optional().describe('Anonymous surveys: ballots counted per option id, or per yes / no / abstain'),
      voterIds: z.array(Uuid).max(1000).default([]).describe('Anonymous surveys: the members who handed in a paper ballot'),
    },
    PaperEntryView,
    'A teller enters a paper ballot (named) or paper totals (anonymous). It counts only once another staff account confirms it.',
  ), errors: ['NOT_FOUND', 'PAPER_NAMED_ONLY', 'PAPER_TOTALS_UNSUPPORTED', 'PAPER_TOTALS_UNKNOWN_OPTION', 'PAPER_TOTALS_EMPTY'] },
  'paper.confirm': { ...command(
    { entryId: Uuid },
    PaperEntryView,
    'A second staff account confirms a paper entry: it is written through the ballot path and counted.',
  ), errors: ['NOT_FOUND', 'PAPER_SAME_STAFF', 'PAPER_ALREADY_CONFIRMED', 'BALLOT_CAST_ON_DEVICE', 'VOTING_CLOSED'] },
  'rollcall.start': { ...command(
    { questionId: Uuid },
    RollCallProgress,
    'Start (or resume) a roll call (« appel nominal ») on an open named yes / no / abstain question: the console walks the members in roster order, the projector shows the progress.',
  ), errors: ['NOT_FOUND', 'ROLLCALL_NAMED_YESNO', 'QUESTION_NOT_OPEN', 'VOTING_CLOSED'] },
  'rollcall.answer': { ...command(
    {
      questionId: Uuid,
      memberId: Uuid.describe('The member called (participant id)'),
      value: BallotValue.describe('Their answer, as said aloud'),
    },
    BallotReceipt,
    "Enter a called member's answer: an assisted ballot through the one ballot path (the same checks as the member's own). Refused for a member who already voted another way.",
  ), errors: ['NOT_FOUND', 'ROLLCALL_NOT_STARTED', 'ROLLCALL_ALREADY_VOTED', 'ASSIST_NOT_PRESENT', 'VOTING_CLOSED', 'QUESTION_NOT_OPEN', 'NOT_ELIGIBLE'] },
  'rollcall.pass': { ...command(
    { questionId: Uuid, memberId: Uuid.describe('The member called who did not answer (participant id)') },
    RollCallProgress,
    'A called member did not answer: the roll moves on (they may still vote on their phone or be called again).',
  ), errors: ['NOT_FOUND', 'ROLLCALL_NOT_STARTED'] },
} as const;

export const CHANNEL_EVENTS = {
  'proxy.updated': event(
    Versioned.extend({ proxy: ProxyView }),
    'participant',
    'A proxy was recorded, revoked, or lapsed (its giver joined in person). Sent to staff, the giver and the holder.',
    true,
  ),
  'proxy.request.updated': event(
    Versioned.extend({ request: ProxyRequestView }),
    'participant',
    'A proxy request was made, approved or declined. Sent to staff and to the member who asked.',
    true,
  ),
  'proxy.settings.updated': event(Versioned.extend({ settings: ProxySettings }), 'staff', 'The session’s proxy settings changed.', true),
  'paper.updated': event(
    Versioned.extend({ entry: PaperEntryView }),
    'staff',
    'A paper entry was entered or confirmed (staff only).',
    true,
  ),
} as const;
