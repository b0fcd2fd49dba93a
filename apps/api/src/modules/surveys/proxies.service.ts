import { Injectable } from '@nestjs/common';
import { ProxySettings, type ChannelsFeature, type CommandPayload, type ProxyRequestView, type ProxyView } from '@palabre/contracts';
import { attendance, checkProxy, DEFAULT_PROXY_SETTINGS, isStaffRole, type ProxyRefusal } from '@palabre/domain';
import type { EntityManager } from 'typeorm';
import type { ParticipantActor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { rooms } from '../../common/live/rooms';
import type { Tx } from '../../common/db/transaction';
import { parseWith } from '../../common/validation';
import { readSessionSettings } from '../sessions/audience';
import { proxiesRepository, type ProxyRow, type RequestRow, type SessionMember } from './proxies.repository';

function toRequestView(row: RequestRow): ProxyRequestView {
  return { id: row.id, giverId: row.giver_id, giverName: row.giver_name, holderId: row.holder_id, holderName: row.holder_name, status: row.status };
}

function toView(row: ProxyRow): ProxyView {
  return { id: row.id, giverId: row.giver_id, giverName: row.giver_name, holderId: row.holder_id, holderName: row.holder_name, formRef: row.form_ref, lapsedAt: row.lapsed_at ? new Date(row.lapsed_at).toISOString() : null };
}

/** The session's proxy settings (`session.settings.proxies`), defaults filled in. */
export async function readProxySettings(m: EntityManager, sessionId: string): Promise<ProxySettings> {
  const stored = (await readSessionSettings(m, sessionId)).proxies;
  return { ...DEFAULT_PROXY_SETTINGS, ...(stored as Partial<ProxySettings> | null | undefined) };
}

/**
 * A member joined in person: their live proxy lapses for good, in the join's transaction (the
 * giver's participant row is updated there, so a proxy ballot in flight commits first), and both
 * the giver and the holder are told. Called by SessionsService.join.
 */
export async function lapseProxiesOnJoin(tx: Tx, sessionId: string, giverId: string): Promise<void> {
  const lapsed = await proxiesRepository.lapseGiven(tx.manager, sessionId, giverId);
  for (const { id } of lapsed) {
    const proxy = toView(await proxiesRepository.proxy(tx.manager, id));
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
  const rows = await proxiesRepository.liveIfEnabled(m, sessionId);
  return attendance(present, rows.map((r) => ({ giverId: r.giver_id, holderId: r.holder_id }))).represented;
}

/**
 * The members of a session (role member, not revoked), in name order, with whether they joined in
 * person: whom staff pick as givers, holders, paper voters, assisted members, and the roll call's roll.
 */
export function sessionMembers(m: EntityManager, sessionId: string): Promise<SessionMember[]> {
  return proxiesRepository.members(m, sessionId);
}

/** Proxies (« pouvoirs »): recorded by staff from the signed forms, lapsing when the giver comes in person. */
@Injectable()
export class ProxiesService {
  async settings(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'proxy.settings'>): Promise<ProxySettings> {
    const settings = parseWith(ProxySettings, payload.settings);
    await proxiesRepository.saveSettings(tx.manager, actor.sessionId, JSON.stringify(settings));
    await tx.audit(actor.sessionId, 'proxy.settings', actor.participantId, { ...settings });
    await tx.publish('proxy.settings.updated', actor.sessionId, { settings }, { room: rooms.staff(actor.sessionId) });
    return settings;
  }

  async record(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'proxy.record'>): Promise<ProxyView> {
    return this.create(tx, actor, payload, false);
  }

  /**
   * One proxy, under the rules of libs/domain `checkProxy`. `requested`: the giver asked from
   * their phone (they are leaving), so being in the room now is no refusal; their proxy still
   * lapses if they join again in person.
   */
  private async create(tx: Tx, actor: ParticipantActor, payload: { giverId: string; holderId: string; formRef: string }, requested: boolean): Promise<ProxyView> {
    const m = tx.manager;
    const refusal = await this.refusal(m, actor.sessionId, payload.giverId, payload.holderId, requested);
    if (refusal) throw new AppError(refusal);
    const proxyId = await proxiesRepository.insertProxy(m, actor.sessionId, payload, actor.participantId);
    await tx.audit(actor.sessionId, 'proxy.recorded', actor.participantId, { proxyId, giverId: payload.giverId, holderId: payload.holderId, formRef: payload.formRef });
    return this.published(tx, actor.sessionId, proxyId);
  }

  /** Why giver → holder may not be recorded now (the session row locked: limits are checked against every live proxy), or null. */
  private async refusal(m: EntityManager, sessionId: string, giverId: string, holderId: string, requested: boolean): Promise<ProxyRefusal | 'NOT_FOUND' | 'PROXY_NOT_A_MEMBER' | null> {
    await proxiesRepository.lockSession(m, sessionId);
    const people = await proxiesRepository.people(m, sessionId, [giverId, holderId]);
    const giver = people.find((x) => x.id === giverId);
    const holder = people.find((x) => x.id === holderId);
    if (!giver || !holder) return 'NOT_FOUND';
    if (giver.role !== 'member' || holder.role !== 'member') return 'PROXY_NOT_A_MEMBER';
    const live = await proxiesRepository.live(m, sessionId);
    return checkProxy(await readProxySettings(m, sessionId), live.map((r) => ({ giverId: r.giver_id, holderId: r.holder_id })), { giverId, holderId, giverPresent: giver.joined && !requested });
  }

  /** A member asks to be represented by a colleague: checked now against the rules (so they learn at once), decided by staff. */
  async request(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'proxy.request'>): Promise<ProxyRequestView> {
    const m = tx.manager;
    const refusal = await this.refusal(m, actor.sessionId, actor.participantId, payload.holderId, true);
    if (refusal) throw new AppError(refusal);
    if (await proxiesRepository.hasPendingRequest(m, actor.sessionId, actor.participantId)) throw new AppError('PROXY_REQUEST_PENDING');
    const requestId = await proxiesRepository.insertRequest(m, actor.sessionId, actor.participantId, payload.holderId);
    await tx.audit(actor.sessionId, 'proxy.requested', actor.participantId, { requestId, giverId: actor.participantId, holderId: payload.holderId });
    return this.publishedRequest(tx, actor.sessionId, requestId);
  }

  /** Staff approve (the proxy is recorded under proxy.record's rules) or decline a member's request. */
  async decide(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'proxy.decide'>): Promise<ProxyRequestView> {
    const m = tx.manager;
    const request = await proxiesRepository.lockRequest(m, payload.requestId, actor.sessionId);
    if (!request) throw new AppError('NOT_FOUND');
    if (request.status !== 'pending') throw new AppError('PROXY_REQUEST_DECIDED');
    if (payload.approve) await this.create(tx, actor, { giverId: request.giver_id, holderId: request.holder_id, formRef: `Demande de ${request.giver_name} depuis l’application` }, true);
    const status = payload.approve ? 'approved' : 'declined';
    await proxiesRepository.decideRequest(m, request.id, status, actor.participantId);
    await tx.audit(actor.sessionId, `proxy.request.${status}`, actor.participantId, { requestId: request.id });
    return this.publishedRequest(tx, actor.sessionId, request.id);
  }

  private async publishedRequest(tx: Tx, sessionId: string, id: string): Promise<ProxyRequestView> {
    const request = toRequestView(await proxiesRepository.request(tx.manager, id));
    await tx.publish('proxy.request.updated', sessionId, { request }, { room: [rooms.staff(sessionId), rooms.participant(request.giverId)] });
    return request;
  }

  async revoke(tx: Tx, actor: ParticipantActor, payload: CommandPayload<'proxy.revoke'>): Promise<ProxyView> {
    const rows = await proxiesRepository.revoke(tx.manager, payload.proxyId, actor.sessionId);
    if (!rows[0]) throw new AppError('NOT_FOUND');
    await tx.audit(actor.sessionId, 'proxy.revoked', actor.participantId, { proxyId: payload.proxyId });
    return this.published(tx, actor.sessionId, payload.proxyId, true);
  }

  private async published(tx: Tx, sessionId: string, id: string, revoked = false): Promise<ProxyView> {
    const proxy = toView(await proxiesRepository.proxy(tx.manager, id));
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
    const rows = await proxiesRepository.visible(m, actor.sessionId, staff ? null : actor.participantId);
    const ballots: ChannelsFeature['ballots'] = {};
    const held = rows.filter((r) => r.holder_id === actor.participantId && !r.lapsed_at).map((r) => r.giver_id);
    if (held.length > 0) {
      const cast = await proxiesRepository.heldBallots(m, held, actor.participantId);
      for (const b of cast) (ballots[b.participant_id] ??= {})[b.question_id] = b.value;
    }
    // Staff pick givers, holders, paper voters and assisted members from the session's members.
    // Staff pick from the members; a member, while proxies are enabled, names a holder among the others (names only).
    const members = staff
      ? await sessionMembers(m, actor.sessionId)
      : settings.enabled && actor.role === 'member'
        ? (await sessionMembers(m, actor.sessionId)).filter((x) => x.id !== actor.participantId).map((x) => ({ ...x, present: false }))
        : [];
    const requests = await proxiesRepository.visibleRequests(m, actor.sessionId, staff ? null : actor.participantId);
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
