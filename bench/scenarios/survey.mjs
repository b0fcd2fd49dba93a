// The product scenario: a survey in which every participant votes (some change their vote) while
// projector clients time each ballot from its send to the first `results.updated` that includes it.
// Switched on automatically when the built contracts export `ballot.cast` (see scenarios/index.mjs).
// If the survey contracts change, only `openSurvey`, `ballotValue` and the burst's count query
// need to follow. The wire contract:
//   ballot.cast { opId, questionId, value, ballotSecret? } → ack { ok, data }
//   results.updated { sessionId, version, questionId, ballots, results }
import { randomBytes } from 'node:crypto';
import { command } from '../lib/swarm.mjs';
import { sleep } from '../lib/stats.mjs';

const CHANGE_SHARE = 0.1; // one voter in ten changes their mind
const CHOICES = ['yes', 'no', 'abstain'];

/** Creates a one-question yes/no survey as the facilitator and opens it (contracts on main, 21:40). */
export async function openSurvey(facilitator, title, anonymity = 'named') {
  const created = await command(facilitator, 'activity.create', {
    kind: 'survey',
    title,
    config: { anonymity, questions: [{ type: 'yesno', prompt: 'Approuvez-vous le contrat ?' }] },
  });
  if (!created.ack?.ok) throw new Error(`survey creation refused: ${JSON.stringify(created.ack?.error)}`);
  const opened = await command(facilitator, 'survey.open', { activityId: created.ack.data.id });
  if (!opened.ack?.ok) throw new Error(`survey opening refused: ${JSON.stringify(opened.ack?.error)}`);
  const questionId = opened.ack.data?.questions?.[0]?.id;
  if (!questionId) throw new Error('no question id in the SurveyView: adapt openSurvey()');
  return { activityId: created.ack.data.id, questionId };
}

export function ballotValue(i) {
  return { type: 'yesno', choice: CHOICES[i % CHOICES.length] };
}

/**
 * A ballot is included in an update when the update's version reaches the ack's (if the ack carries
 * one), else by count; `others` ballots already stored on the question by someone else are not counted.
 */
function timeToProjector(ballots, updates, others = 0) {
  const v2p = [];
  const firstVotes = ballots.filter((b) => b.ok && b.first).sort((a, b) => a.ackedAt - b.ackedAt);
  firstVotes.forEach((b, k) => {
    const version = b.ack.data?.version;
    const hit = updates.find((u) => (typeof version === 'number' ? u.version >= version : u.ballots - others >= k + 1) && u.at >= b.sentAt);
    if (hit) v2p.push(hit.at - b.sentAt);
  });
  return v2p;
}

/**
 * Anonymous surveys: each member's question secret, as its phone derives it (a random 64-hex
 * string is all the server sees; the same one for a member's change, from the same device).
 */
const secrets = new WeakMap();
function ballotSecret(member) {
  if (!secrets.has(member)) secrets.set(member, randomBytes(32).toString('hex'));
  return secrets.get(member);
}

async function castAll(members, questionId, rate, changes, anonymous = false) {
  const started = performance.now();
  const plan = [...members.map((m, i) => ({ m, i, first: true })), ...members.slice(0, changes).map((m, i) => ({ m, i: i + 1, first: false }))];
  const ops = [];
  for (const [n, p] of plan.entries()) {
    const wait = started + (n * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    const payload = { questionId, value: ballotValue(p.i), ...(anonymous ? { ballotSecret: ballotSecret(p.m) } : {}) };
    ops.push(command(p.m.socket, 'ballot.cast', payload).then((r) => ({ ...r, member: p.m, first: p.first, ok: Boolean(r.ack?.ok) })));
  }
  const ballots = await Promise.all(ops);
  return { ballots, durationMs: performance.now() - started };
}

/**
 * One steady round on a fresh survey: every member votes at `rate`, 10 % change; projector 0 times
 * the updates. `alongside` (the flood phase's flooder) votes once on the question before the round,
 * floods it while the members cast, and is stopped when their last ack is in.
 */
async function steady({ facilitator, members, screens, rate, title, alongside, anonymous = false }) {
  const { questionId } = await openSurvey(facilitator, title, anonymous ? 'anonymous' : 'named');
  const flooder = alongside ? await alongside(questionId) : undefined;
  const updates = [];
  const listener = (p) => p.questionId === questionId && updates.push({ at: performance.now(), version: p.version, ballots: p.ballots });
  screens[0]?.socket.on('results.updated', listener);
  const casting = castAll(members, questionId, rate, Math.floor(members.length * CHANGE_SHARE), anonymous);
  flooder?.go();
  let flood;
  let cast;
  try {
    cast = await casting;
  } finally {
    flood = await flooder?.stop();
  }
  await sleep(1500); // the last coalesced update
  screens[0]?.socket.off('results.updated', listener);
  const { ballots, durationMs } = cast;
  const ok = ballots.filter((b) => b.ok);
  return {
    acks: ok.map((b) => b.ackedAt - b.sentAt),
    // The flooder's one stored ballot (it only changes it) is in every count of this question.
    v2p: timeToProjector(ballots, updates, flooder ? 1 : 0),
    ok: ok.length,
    failed: ballots.length - ok.length,
    durationMs,
    flood,
    questionId,
    voters: new Set(ok.map((b) => b.member)).size,
  };
}

export const surveyScenario = {
  name: 'ballot.cast → results.updated',
  event: 'results.updated',
  writers: () => 0,

  run({ facilitator, members, screens, rate }) {
    return steady({ facilitator, members, screens, rate, title: 'Vote du banc d’essai' });
  },

  /**
   * The same steady round again, on a fresh question, while one more member floods `ballot.cast`
   * on that same question (see lib/flooder.mjs) for as long as the others send. Its ballots are
   * counted apart; it stops before the burst, whose question is fresh again.
   */
  async flood({ facilitator, members, screens, rate, startFlooder }) {
    const { flood, ...round } = await steady({ facilitator, members, screens, rate, title: 'Vote sous inondation', alongside: startFlooder });
    return { ...round, flooder: flood };
  },

  /**
   * The same steady round on an anonymous survey (issue #17): an ack waits for its mixing batch
   * (k ballots or the window, decisions.md, "Secret ballots"), so its p99 is quoted beside the named one.
   */
  anonymous({ facilitator, members, screens, rate }) {
    return steady({ facilitator, members, screens, rate, title: 'Vote secret du banc d’essai', anonymous: true });
  },

  /** Every member votes within one second on a fresh survey; all acked within 5 s; the DB holds exactly one ballot each. */
  async burst({ facilitator, members, target }) {
    const { questionId } = await openSurvey(facilitator, 'Rafale du banc d’essai');
    const started = performance.now();
    const { ballots, durationMs } = await castAll(members, questionId, members.length, 0);
    const ok = ballots.filter((b) => b.ok);
    const acked = ok.filter((b) => b.ackedAt - b.sentAt <= 5000).length;
    const lastAckMs = ok.length ? Math.round(Math.max(...ok.map((b) => b.ackedAt)) - started) : null;
    const ackMs = ok.map((b) => b.ackedAt - b.sentAt).sort((x, y) => x - y);
    const rows = await target.query('SELECT ((SELECT count(*) FROM ballot WHERE question_id = $1) + (SELECT count(*) FROM anonymous_ballot WHERE question_id = $1))::int AS n', [questionId]).catch((e) => [{ n: `? (${e.message})` }]);
    const refused = {};
    for (const b of ballots.filter((x) => !x.ok)) {
      const code = b.ack?.error?.code ?? 'NO_ACK_WITHIN_10S';
      refused[code] = (refused[code] ?? 0) + 1;
    }
    return {
      sent: ballots.length,
      ok: ok.length,
      refused,
      ackedWithin5s: acked,
      sendMs: Math.round(durationMs),
      lastAckMs,
      ackP99: ackMs.length ? Math.round(ackMs[Math.min(ackMs.length - 1, Math.floor(ackMs.length * 0.99))]) : null,
      stored: rows[0]?.n ?? 'n/a (baseline)',
    };
  },
};
