import type { VotingAttendance, BallotChannel, BallotParts, BallotValue, PaperTotals, ProxySettings, QuestionConfig, YesNoBallot } from '@palabre/contracts';

/**
 * Ballot channels (issue #25): one ballot per member and question whatever the channel (the
 * `ballot` / `ballot_receipt` primary keys), and these rules on which channel may replace which.
 */

/** Why a ballot is refused because the member already voted through another channel. */
export type ChannelRefusal = 'BALLOT_CAST_ON_PAPER' | 'BALLOT_CAST_ON_DEVICE' | 'BALLOT_CAST_IN_PERSON';

export const BALLOT_CHANNELS: readonly BallotChannel[] = ['device', 'proxy', 'paper', 'assisted'];

/**
 * May a ballot cast through `incoming` replace the member's ballot cast through `existing`?
 * - A paper ballot is final for devices, and a ballot cast in the app is final for paper: a
 *   member votes on paper or in the app, never both.
 * - The member's own vote (device, or assisted at their request) takes over a proxy's ballot;
 *   a proxy never replaces the member's own ballot.
 * - Otherwise a ballot may be changed through the channel that cast it (and device ⇄ assisted:
 *   both are the member's own vote, present in the room).
 */
export function channelConflict(existing: BallotChannel, incoming: BallotChannel): ChannelRefusal | null {
  if (existing === 'paper') return incoming === 'paper' ? null : 'BALLOT_CAST_ON_PAPER';
  if (incoming === 'paper') return 'BALLOT_CAST_ON_DEVICE';
  if (incoming === 'proxy' && existing !== 'proxy') return 'BALLOT_CAST_IN_PERSON';
  return null;
}

/** Every (existing, incoming) pair that may replace, as `existing>incoming`: the SQL upsert checks this list (one rule, written once here). */
export const REPLACEABLE_CHANNELS: readonly string[] = BALLOT_CHANNELS.flatMap((e) => BALLOT_CHANNELS.filter((i) => channelConflict(e, i) === null).map((i) => `${e}>${i}`));

// ---------------------------------------------------------------- proxies

export const DEFAULT_PROXY_SETTINGS: ProxySettings = { enabled: false, maxPerHolder: 1 };

/** A proxy of a session: `giverId` is represented by `holderId` (participant ids). */
export interface ProxyLink {
  giverId: string;
  holderId: string;
  /** Lapsed proxies (the giver came in person) no longer count. */
  lapsed?: boolean;
}

export type ProxyRefusal = 'PROXIES_DISABLED' | 'PROXY_SELF' | 'PROXY_GIVER_HAS_PROXY' | 'PROXY_CHAIN' | 'PROXY_LIMIT' | 'PROXY_GIVER_PRESENT';

/**
 * May `giverId` give a proxy to `holderId`, given the session's other live proxies? One proxy per
 * giver, none to oneself, no chains (a giver does not hold proxies, a holder has not given one),
 * at most `maxPerHolder` per holder, and not while the giver is in the room.
 */
export function checkProxy(settings: ProxySettings, live: readonly ProxyLink[], candidate: { giverId: string; holderId: string; giverPresent: boolean }): ProxyRefusal | null {
  if (!settings.enabled) return 'PROXIES_DISABLED';
  if (candidate.giverId === candidate.holderId) return 'PROXY_SELF';
  const active = live.filter((p) => !p.lapsed);
  if (active.some((p) => p.giverId === candidate.giverId)) return 'PROXY_GIVER_HAS_PROXY';
  if (active.some((p) => p.holderId === candidate.giverId || p.giverId === candidate.holderId)) return 'PROXY_CHAIN';
  if (active.filter((p) => p.holderId === candidate.holderId).length >= settings.maxPerHolder) return 'PROXY_LIMIT';
  if (candidate.giverPresent) return 'PROXY_GIVER_PRESENT';
  return null;
}

/** The proxies that lapse now: live ones whose giver is present in person (their own vote takes over). */
export function lapsingProxies<P extends ProxyLink>(proxies: readonly P[], present: ReadonlySet<string>): P[] {
  return proxies.filter((p) => !p.lapsed && present.has(p.giverId));
}

/**
 * Present, represented and voting members (minutes and turnout). A member is represented by a
 * live proxy whose holder is present (a proxy nobody in the room holds cannot be used); a proxy
 * whose giver is present has lapsed and represents no one, and a giver is never counted twice.
 */
export function attendance(present: ReadonlySet<string>, proxies: readonly ProxyLink[]): VotingAttendance {
  const represented = new Set(proxies.filter((p) => !p.lapsed && !present.has(p.giverId) && present.has(p.holderId)).map((p) => p.giverId));
  return { present: present.size, represented: represented.size, voting: present.size + represented.size };
}

// ---------------------------------------------------------------- paper

export type PaperRefusal = 'PAPER_TOTALS_UNSUPPORTED' | 'PAPER_TOTALS_UNKNOWN_OPTION' | 'PAPER_TOTALS_EMPTY' | 'PAPER_SAME_STAFF';

/** The options a question's paper totals count: option ids (single choice) or yes / no / abstain. */
export function paperTotalKeys(config: QuestionConfig): readonly string[] | null {
  if (config.type === 'single') return config.options.map((o) => o.id);
  if (config.type === 'yesno') return ['yes', 'no', 'abstain'];
  return null;
}

/** Checks a teller's totals against the question; returns them without zero counts. */
export function checkPaperTotals(config: QuestionConfig, totals: PaperTotals): { ok: true; totals: PaperTotals; ballots: number } | { ok: false; code: PaperRefusal } {
  const keys = paperTotalKeys(config);
  if (!keys) return { ok: false, code: 'PAPER_TOTALS_UNSUPPORTED' };
  const clean: PaperTotals = {};
  let ballots = 0;
  for (const [key, count] of Object.entries(totals)) {
    if (!keys.includes(key)) return { ok: false, code: 'PAPER_TOTALS_UNKNOWN_OPTION' };
    if (count > 0) {
      clean[key] = count;
      ballots += count;
    }
  }
  return ballots === 0 ? { ok: false, code: 'PAPER_TOTALS_EMPTY' } : { ok: true, totals: clean, ballots };
}

/** The ballots a confirmed totals entry stands for, so one `tally()` counts paper and devices alike. Unknown keys are skipped. */
export function paperBallots(config: QuestionConfig, totals: PaperTotals): BallotValue[] {
  const keys = paperTotalKeys(config) ?? [];
  const ballots: BallotValue[] = [];
  for (const key of keys) {
    const n = totals[key] ?? 0;
    for (let i = 0; i < n; i++) ballots.push(config.type === 'single' ? { type: 'single', optionId: key } : { type: 'yesno', choice: key as YesNoBallot['choice'] });
  }
  return ballots;
}

/** A paper entry counts only once a second, different staff account confirms it. */
export function checkPaperConfirmation(enteredBy: string, confirmedBy: string): PaperRefusal | null {
  return enteredBy === confirmedBy ? 'PAPER_SAME_STAFF' : null;
}

/** Ballots per channel: the named/receipt rows' channels plus the confirmed paper totals. */
export function ballotParts(channels: readonly BallotChannel[], paperTotalBallots = 0): BallotParts {
  const parts: BallotParts = { device: 0, proxy: 0, assisted: 0, paper: paperTotalBallots };
  for (const c of channels) parts[c]++;
  return parts;
}
