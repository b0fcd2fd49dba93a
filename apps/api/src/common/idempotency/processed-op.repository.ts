import type { EntityManager } from 'typeorm';
import { returningRows } from '../../database/returning';

/** A command's opId claim (or its stored answer) as `processed_op` keeps it. */
export interface OpKey {
  participant_id: string;
  op_id: string;
}

/** A stored answer: the command it answered and its result. */
export interface StoredOp {
  command: string;
  result: unknown;
}

/**
 * The SQL of `processed_op` (docs/decisions.md §3): each command's opId claimed in its own
 * transaction, its result stored with the claim, a refused command's claim released, and the rows
 * of sealed sessions purged.
 */
export const processedOpRepository = {
  /** Claims one opId; false when it was already claimed (a concurrent duplicate waits here for the first to commit). */
  async claim(m: EntityManager, participantId: string, opId: string, command: string): Promise<boolean> {
    const inserted: unknown[] = await m.query('INSERT INTO processed_op (participant_id, op_id, command) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING op_id', [participantId, opId, command]);
    return inserted.length > 0;
  },

  async stored(m: EntityManager, participantId: string, opId: string): Promise<StoredOp | undefined> {
    const rows: StoredOp[] = await m.query('SELECT command, result FROM processed_op WHERE participant_id = $1 AND op_id = $2', [participantId, opId]);
    return rows[0];
  },

  /** `result` is the JSON text of the command's result. */
  async setResult(m: EntityManager, participantId: string, opId: string, result: string): Promise<void> {
    await m.query('UPDATE processed_op SET result = $3 WHERE participant_id = $1 AND op_id = $2', [participantId, opId, result]);
  },

  /** Claims many opIds in key order (a concurrent duplicate waits for the first to commit); returns those claimed here. */
  async claimMany(m: EntityManager, ops: OpKey[], command: string): Promise<OpKey[]> {
    return returningRows<OpKey>(
      await m.query(
        `INSERT INTO processed_op (participant_id, op_id, command)
       SELECT r.participant_id, r.op_id, $2 FROM jsonb_to_recordset($1::jsonb) AS r(participant_id uuid, op_id uuid)
        ORDER BY r.participant_id, r.op_id
       ON CONFLICT DO NOTHING RETURNING participant_id, op_id`,
        [JSON.stringify(ops), command],
      ),
    );
  },

  async storedMany(m: EntityManager, ops: OpKey[]): Promise<(OpKey & StoredOp)[]> {
    return m.query(
      `SELECT o.participant_id, o.op_id, o.command, o.result FROM processed_op o
         JOIN jsonb_to_recordset($1::jsonb) AS r(participant_id uuid, op_id uuid) ON o.participant_id = r.participant_id AND o.op_id = r.op_id`,
      [JSON.stringify(ops)],
    );
  },

  async setResults(m: EntityManager, done: (OpKey & { result: unknown })[]): Promise<void> {
    await m.query(
      `UPDATE processed_op o SET result = r.result FROM jsonb_to_recordset($1::jsonb) AS r(participant_id uuid, op_id uuid, result jsonb)
        WHERE o.participant_id = r.participant_id AND o.op_id = r.op_id`,
      [JSON.stringify(done)],
    );
  },

  /** Releases the claims of refused commands (before the commit: their opIds may be sent again). */
  async release(m: EntityManager, ops: OpKey[]): Promise<void> {
    await m.query(
      `DELETE FROM processed_op o USING jsonb_to_recordset($1::jsonb) AS r(participant_id uuid, op_id uuid)
        WHERE o.participant_id = r.participant_id AND o.op_id = r.op_id`,
      [JSON.stringify(ops)],
    );
  },

  /** Stores results of commands finished after their batch; a claim taken meanwhile by a resend wins. */
  async insertResults(m: EntityManager, done: (OpKey & { result: unknown })[], command: string): Promise<void> {
    await m.query(
      `INSERT INTO processed_op (participant_id, op_id, command, result)
     SELECT r.participant_id, r.op_id, $2, r.result FROM jsonb_to_recordset($1::jsonb) AS r(participant_id uuid, op_id uuid, result jsonb)
      ORDER BY r.participant_id, r.op_id
     ON CONFLICT DO NOTHING`,
      [JSON.stringify(done), command],
    );
  },

  /** Deletes up to `limit` rows of sessions sealed before `cutoff`; returns how many. */
  async purgeSealedBefore(m: EntityManager, cutoff: Date, limit: number): Promise<number> {
    const deleted: [unknown[], number] = await m.query(
      `DELETE FROM processed_op WHERE (participant_id, op_id) IN (
           SELECT o.participant_id, o.op_id FROM processed_op o
             JOIN participant p ON p.id = o.participant_id
             JOIN archive_record a ON a.session_id = p.session_id
            WHERE a.sealed_at < $1
            LIMIT ${Number(limit)})`,
      [cutoff],
    );
    return deleted[1];
  },
};
