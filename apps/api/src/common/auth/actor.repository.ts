import type { EntityManager } from 'typeorm';
import type { ParticipantRole } from '@palabre/contracts';

/** A participant token's row, as the ActorResolver checks it. */
export interface ParticipantTokenRow {
  id: string;
  session_id: string;
  role: ParticipantRole;
  display_name: string;
  group_id: string | null;
  revoked: boolean;
  blocked: boolean;
  verified: boolean;
}

/** The SQL of the ActorResolver (the `participant` table read by column, like the command runner's sender check). */
export const actorRepository = {
  async participant(m: EntityManager, participantId: string): Promise<ParticipantTokenRow | null> {
    const rows: ParticipantTokenRow[] = await m.query(
      `SELECT id, session_id, role, display_name, group_id, revoked_at IS NOT NULL AS revoked, blocked_at IS NOT NULL AS blocked, member_id IS NOT NULL AS verified
         FROM participant WHERE id = $1`,
      [participantId],
    );
    return rows[0] ?? null;
  },
};
