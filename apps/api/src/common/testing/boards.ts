import type { BoardsFeature, JoinResponse } from '@palabre/contracts';
import { sendOk, type TestApp, type TestSocket } from './harness';
import { snapshotOf } from './snapshot';

/** The demo's four columns (ids gouvernance, financement, animation, evaluation). */
export const BOARD_COLUMNS = [{ title: 'Gouvernance' }, { title: 'Financement' }, { title: 'Animation' }, { title: 'Évaluation' }];

export interface BoardMember extends JoinResponse {
  socket: TestSocket;
}

/**
 * A live session with an open board: the facilitator's socket and session token, the staff
 * account behind it, and one connected member per name given.
 */
export async function liveBoard(t: TestApp, opts: { columns?: { title: string }[]; config?: Record<string, unknown>; members?: string[]; title?: string } = {}) {
  const { session, facilitator, staff: account } = await t.liveSession();
  const staff = await t.connect(facilitator.token);
  const activity = await sendOk(staff, 'activity.create', { kind: 'board', title: opts.title ?? 'Faire vivre les contrats', config: { columns: opts.columns ?? BOARD_COLUMNS, ...opts.config } });
  await sendOk(staff, 'board.open', { activityId: activity.id });
  const members: BoardMember[] = [];
  for (const name of opts.members ?? []) {
    const joined = await t.join(session.joinCode, name);
    members.push({ ...joined, socket: await t.connect(joined.token) });
  }
  return { session, facilitator, account, staff, activityId: activity.id, members };
}

/** The boards part of the session snapshot as the holder of `token` receives it. */
export async function boardsOf(t: TestApp, token: string, sessionId: string): Promise<BoardsFeature> {
  return (await snapshotOf(t, token, sessionId)).features.boards as BoardsFeature;
}
