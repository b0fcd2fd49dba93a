import { Injectable } from '@nestjs/common';
import { ProxySettings, type BallotValue, type ChannelsFeature, type CommandPayload, type ProxyRequestView, type ProxyView } from '@palabre/contracts';
import { attendance, checkProxy, DEFAULT_PROXY_SETTINGS, isStaffRole, type ProxyRefusal } from '@palabre/domain';
import type { EntityManager } from 'typeorm';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { rooms } from '../../common/realtime/rooms';
import type { Tx } from '../../common/realtime/transaction';
import { parseWith } from '../../common/validation';
import { returningRows } from '../../database/returning';

interface ProxyRow {
  id: string;
  session_id: string;
  giver_id: string;
  giver_name: string;
  holder_id: string;
  holder_name: string;
  form_ref: string;
  lapsed_at: Date | null;
}

const PROXY_SELECT = `SELECT x.id, x.session_id, x.giver_id, g.display_name AS giver_name, x.holder_id, h.display_name AS holder_name, x.form_ref, x.lapsed_at
  FROM proxy x JOIN participant g ON g.id = x.giver_id JOIN participant h ON h.id = x.holder_id`;

interface RequestRow {
  id: string;
  giver_id: string;
  giver_name: string;
  holder_id: string;
  holder_name: string;
  status: ProxyRequestView['status'];
}

const REQUEST_SELECT = `SELECT r.id, r.giver_id, g.display_name AS giver_name, r.holder_id, h.display_name AS holder_name, r.status
  FROM proxy_request r JOIN participant g ON g.id = r.giver_id JOIN participant h ON h.id = r.holder_id`;

function toRequestView(r: RequestRow): ProxyRequestView {
  return { id: r.id, giverId: r.giver_id, giverName: r.giver_name, holderId: r.holder_id, holderName: r.holder_name, status: r.status };
}

function toView(r: ProxyRow): ProxyView {
  return { id: r.id, giverId: r.giver_id, giverName: r.giver_name, holderId: r.holder_id, holderName: r.holder_name, formRef: r.form_ref, lapsedAt: r.lapsed_at ? new Date(r.lapsed_at).toISOString() : null };
}

/** The session's proxy settings (`session.settings.proxies`), defaults filled in. */
export async function readProxySettings(m: EntityManager, sessionId: string): Promise<ProxySettings> {
  const rows: { proxies: unknown }[] = await m.query("SELECT settings->'proxies' AS proxies FROM session WHERE id = $1", [sessionId]);
  return { ...DEFAULT_PROXY_SETTINGS, ...(rows[0]?.proxies as Partial<ProxySettings> | null) };
}

/**
 * A member joined in person: their live proxy lapses for good, in the join's transaction (the
 * giver's participant row is updated there, so a proxy ballot in flight commits first), and both
 * the giver and the holder are told. Called by SessionsService.join.
 */
export async function lapseProxiesOnJoin(tx: Tx, sessionId: string, giverId: string): Promise<void> {
  const lapsed = returningRows<{ id: string }>(
    await tx.manager.query(
      'UPDATE proxy SET lapsed_at = now() WHERE session_id = $1 AND giver_id = $2 AND lapsed_at IS NULL AND revoked_at IS NULL RETURNING id',
      [sessionId, giverId],
    ),
  );
  for (const { id } of lapsed) {
    const rows: ProxyRow[] = await tx.manager.query(`${PROXY_SELECT} WHERE x.id = $1`, [id]);
    const proxy = toView(rows[0]);
    await tx.audit(sessionId, 'proxy.lapsed', giverId, { proxyId: id, giverId, holderId: proxy.holderId });
    await tx.publish('proxy.updated', sessionId, { proxy }, { room: [rooms.staff(sessionId), rooms.participant(proxy.giverId), rooms.participant(proxy.holderId)] });
  }
}

/**
 * The members represented, given those present (connected now for the live turnout; who came, for
 * the minutes): the rule of libs/domain `attendance` over the session's live proxies. A proxy
 * counts when its holder is present and its giver is not (a member whose request was approved
 * while still in the room is counted once, present, until they leave).
 */
export async function representedCount(m: EntityManager, sessionId: string, present: ReadonlySet<string>): Promise<number> {
  const rows: { giver_id: string; holder_id: string }[] = await m.query(
    `SELECT x.giver_id, x.holder_id FROM proxy x JOIN session s ON s.id = x.session_id
      WHERE x.session_id = $1 AND x.lapsed_at IS NULL AND x.revoked_at IS NULL
        AND COALESCE((s.settings->'proxies'->>'enabled')::boolean, false)`,
    [sessionId],
  );
  return attendance(present, rows.map((r) => ({ giverId: r.giver_id, holderId: r.holder_id }))).represented;
}

/**
 * The members of a session (role member, not revoked), in name order, with whether they joined in
 * person: whom staff pick as givers, holders, paper voters, assisted members, and the roll call's roll.
 */
export async function sessionMembers(m: EntityManager, sessionId: string): Promise<{ id: string; name: string; present: boolean }[]> {
  return m.query(
    `SELECT id, display_name AS name, joined_at IS NOT NULL AS present FROM participant
      WHERE session_id = $1 AND role = 'member' AND revoked_at IS NULL ORDER BY display_name, id`,
    [sessionId],
  );
}

/** Proxies (« pouvoirs »): recorded by staff from the signed forms, lapsing when the giver comes in person. */
@Injectable()
export class ProxiesService {
  async settings(tx: Tx, actor: ParticipantActor, p: CommandPayload<'proxy.settings'>): Promise<ProxySettings> {
    const settings = parseWith(ProxySettings, p.settings);
    await tx.manager.query("UPDATE session SET settings = jsonb_set(settings, '{proxies}', $2::jsonb) WHERE id = $1", [actor.sessionId, JSON.stringify(settings)]);
    await tx.audit(actor.sessionId, 'proxy.settings', actor.participantId, { ...settings });
    await tx.publish('proxy.settings.updated', actor.sessionId, { settings }, { room: rooms.staff(actor.sessionId) });
    return settings;
  }

  async record(tx: Tx, actor: ParticipantActor, p: CommandPayload<'proxy.record'>): Promise<ProxyView> {
    return this.create(tx, actor, p, false);
  }

  /**
   * One proxy, under the rules of libs/domain `checkProxy`. `requested`: the giver asked from
   * their phone (they are leaving), so being in the room now is no refusal; their proxy still
   * lapses if they join again in person.
   */
  private async create(tx: Tx, actor: ParticipantActor, p: { giverId: string; holderId: string; formRef: string }, requested: boolean): Promise<ProxyView> {
    const m = tx.manager;
    const refusal = await this.refusal(m, actor.sessionId, p.giverId, p.holderId, requested);
    if (refusal) throw new AppError(refusal);
    const inserted: { id: string }[] = await m.query(
      'INSERT INTO proxy (session_id, giver_id, holder_id, form_ref, recorded_by) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [actor.sessionId, p.giverId, p.holderId, p.formRef, actor.participantId],
    );
    await tx.audit(actor.sessionId, 'proxy.recorded', actor.participantId, { proxyId: inserted[0].id, giverId: p.giverId, holderId: p.holderId, formRef: p.formRef });
    return this.published(tx, actor.sessionId, inserted[0].id);
  }

  /** Why giver → holder may not be recorded now (the session row locked: limits are checked against every live proxy), or null. */
  private async refusal(m: EntityManager, sessionId: string, giverId: string, holderId: string, requested: boolean): Promise<ProxyRefusal | 'NOT_FOUND' | 'PROXY_NOT_A_MEMBER' | null> {
    await m.query('SELECT 1 FROM session WHERE id = $1 FOR UPDATE', [sessionId]);
    const people: { id: string; role: string; joined: boolean }[] = await m.query(
      `SELECT p.id, p.role, (p.joined_at IS NOT NULL OR c.participant_id IS NOT NULL) AS joined
         FROM participant p LEFT JOIN attendance_confirmation c ON c.participant_id = p.id
        WHERE p.session_id = $1 AND p.id = ANY($2::uuid[]) AND p.revoked_at IS NULL`,
      [sessionId, [giverId, holderId]],
    );
    const giver = people.find((x) => x.id === giverId);
    const holder = people.find((x) => x.id === holderId);
    if (!giver || !holder) return 'NOT_FOUND';
    if (giver.role !== 'member' || holder.role !== 'member') return 'PROXY_NOT_A_MEMBER';
    const live: { giver_id: string; holder_id: string }[] = await m.query('SELECT giver_id, holder_id FROM proxy WHERE session_id = $1 AND lapsed_at IS NULL AND revoked_at IS NULL', [sessionId]);
    return checkProxy(await readProxySettings(m, sessionId), live.map((r) => ({ giverId: r.giver_id, holderId: r.holder_id })), { giverId, holderId, giverPresent: giver.joined && !requested });
  }

  /** A member asks to be represented by a colleague: checked now against the rules (so they learn at once), decided by staff. */
  async request(tx: Tx, actor: ParticipantActor, p: CommandPayload<'proxy.request'>): Promise<ProxyRequestView> {
    const m = tx.manager;
    const refusal = await this.refusal(m, actor.sessionId, actor.participantId, p.holderId, true);
    if (refusal) throw new AppError(refusal);
    const pending: unknown[] = await m.query("SELECT 1 FROM proxy_request WHERE session_id = $1 AND giver_id = $2 AND status = 'pending'", [actor.sessionId, actor.participantId]);
    if (pending.length > 0) throw new AppError('PROXY_REQUEST_PENDING');
    const inserted: { id: string }[] = await m.query('INSERT INTO proxy_request (session_id, giver_id, holder_id) VALUES ($1, $2, $3) RETURNING id', [actor.sessionId, actor.participantId, p.holderId]);
    await tx.audit(actor.sessionId, 'proxy.requested', actor.participantId, { requestId: inserted[0].id, giverId: actor.participantId, holderId: p.holderId });
    return this.publishedRequest(tx, actor.sessionId, inserted[0].id);
  }

  /** Staff approve (the proxy is recorded under proxy.record's rules) or decline a member's request. */
  async decide(tx: Tx, actor: ParticipantActor, p: CommandPayload<'proxy.decide'>): Promise<ProxyRequestView> {
    const m = tx.manager;
    const rows: RequestRow[] = await m.query(`${REQUEST_SELECT} WHERE r.id = $1 AND r.session_id = $2 FOR UPDATE OF r`, [p.requestId, actor.sessionId]);
    const request = rows[0];
    if (!request) throw new AppError('NOT_FOUND');
    if (request.status !== 'pending') throw new AppError('PROXY_REQUEST_DECIDED');
    if (p.approve) await this.create(tx, actor, { giverId: request.giver_id, holderId: request.holder_id, formRef: `Demande de ${request.giver_name} depuis l’application` }, true);
    const status = p.approve ? 'approved' : 'declined';
    await m.query('UPDATE proxy_request SET status = $2, decided_by = $3 WHERE id = $1', [request.id, status, actor.participantId]);
    await tx.audit(actor.sessionId, `proxy.request.${status}`, actor.participantId, { requestId: request.id });
    return this.publishedRequest(tx, actor.sessionId, request.id);
  }

  private async publishedRequest(tx: Tx, sessionId: string, id: string): Promise<ProxyRequestView> {
    const rows: RequestRow[] = await tx.manager.query(`${REQUEST_SELECT} WHERE r.id = $1`, [id]);
    const request = toRequestView(rows[0]);
    await tx.publish('proxy.request.updated', sessionId, { request }, { room: [rooms.staff(sessionId), rooms.participant(request.giverId)] });
    return request;
  }

  async revoke(tx: Tx, actor: ParticipantActor, p: CommandPayload<'proxy.revoke'>): Promise<ProxyView> {
    const rows = returningRows<{ id: string }>(
      await tx.manager.query('UPDATE proxy SET revoked_at = now() WHERE id = $1 AND session_id = $2 AND revoked_at IS NULL RETURNING id', [p.proxyId, actor.sessionId]),
    );
    if (!rows[0]) throw new AppError('NOT_FOUND');
    await tx.audit(actor.sessionId, 'proxy.revoked', actor.participantId, { proxyId: p.proxyId });
    return this.published(tx, actor.sessionId, p.proxyId, true);
  }

  private async published(tx: Tx, sessionId: string, id: string, revoked = false): Promise<ProxyView> {
    const rows: ProxyRow[] = await tx.manager.query(`${PROXY_SELECT} WHERE x.id = $1`, [id]);
    const proxy = toView(rows[0]);
    // A revoked proxy is shown as lapsed to its two members: neither may use it any more.
    const shown = revoked ? { ...proxy, lapsedAt: proxy.lapsedAt ?? new Date().toISOString() } : proxy;
    await tx.publish('proxy.updated', sessionId, { proxy: shown }, { room: [rooms.staff(sessionId), rooms.participant(proxy.giverId), rooms.participant(proxy.holderId)] });
    return shown;
  }

  /**
   * Snapshot part `features.proxies`: the settings, and the live proxies (staff: all of them;
   * a member: those they give or hold), with the ballots a holder cast for each giver (named surveys).
   */
  async snapshot(actor: ParticipantActor, m: EntityManager): Promise<Omit<ChannelsFeature, 'paper'>> {
    const settings = await readProxySettings(m, actor.sessionId);
    const staff = isStaffRole(actor.role);
    const rows: ProxyRow[] = await m.query(
      `${PROXY_SELECT} WHERE x.session_id = $1 AND x.revoked_at IS NULL ${staff ? '' : 'AND (x.giver_id = $2 OR x.holder_id = $2)'} ORDER BY g.display_name, x.id`,
      staff ? [actor.sessionId] : [actor.sessionId, actor.participantId],
    );
    const ballots: ChannelsFeature['ballots'] = {};
    const held = rows.filter((r) => r.holder_id === actor.participantId && !r.lapsed_at).map((r) => r.giver_id);
    if (held.length > 0) {
      const cast: { participant_id: string; question_id: string; value: BallotValue }[] = await m.query(
        "SELECT participant_id, question_id, value FROM ballot WHERE participant_id = ANY($1::uuid[]) AND channel = 'proxy' AND cast_by = $2",
        [held, actor.participantId],
      );
      for (const b of cast) (ballots[b.participant_id] ??= {})[b.question_id] = b.value;
    }
    // Staff pick givers, holders, paper voters and assisted members from the session's members.
    // Staff pick from the members; a member, while proxies are enabled, names a holder among the others (names only).
    const members = staff
      ? await sessionMembers(m, actor.sessionId)
      : settings.enabled && actor.role === 'member'
        ? (await sessionMembers(m, actor.sessionId)).filter((x) => x.id !== actor.participantId).map((x) => ({ ...x, present: false }))
        : [];
    const requests: RequestRow[] = await m.query(
      staff
        ? `${REQUEST_SELECT} WHERE r.session_id = $1 AND r.status = 'pending' ORDER BY r.created_at, r.id`
        : `${REQUEST_SELECT} WHERE r.session_id = $1 AND r.giver_id = $2 ORDER BY r.created_at DESC, r.id LIMIT 1`,
      staff ? [actor.sessionId] : [actor.sessionId, actor.participantId],
    );
    return { settings, proxies: rows.map(toView), ballots, members, requests: requests.map(toRequestView) };
  }

  /**
   * Members represented now, counted with those present for the turnout (see `representedCount`:
   * a proxy nobody in the room holds cannot be used, and a giver in the room is not represented).
   */
  async represented(m: EntityManager, sessionId: string, present: ReadonlySet<string>): Promise<number> {
    return representedCount(m, sessionId, present);
  }
}
