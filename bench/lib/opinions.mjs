// The opinion-map benches' shared set-up (bench/opinion-acks.mjs, bench/opinion-inputs.mjs).

/**
 * Writes `statementCount` visible statements in the map, then the members' earlier answers in bulk:
 * each member answers about `answered` of the statements, in three planted opinion groups, a tenth
 * of the answers 'pass'. Deterministic for the same ids. Returns the statements' ids.
 */
export async function plantOpinions(target, activityId, participantIds, { statementCount, answered, text = (g) => `'Affirmation ' || ${g}` }) {
  const [author] = await target.query(`SELECT id FROM participant WHERE session_id = $1 AND role <> 'member' LIMIT 1`, [target.sessionId]);
  const statements = await target.query(
    `INSERT INTO opinion_statement (session_id, activity_id, author_id, origin, text, status)
     SELECT $1, $2, $3, 'facilitator', ${text('g')}, 'visible' FROM generate_series(1, $4) g RETURNING id`,
    [target.sessionId, activityId, author.id, statementCount],
  );
  await target.query(
    `INSERT INTO opinion_answer (statement_id, participant_id, activity_id, vote)
     SELECT s.id, p.pid, $2,
            CASE WHEN abs(hashtext(p.pid::text || s.id::text)::bigint) % 10 = 0 THEN 'pass'
                 WHEN abs(hashtext(s.id::text || (abs(hashtext(p.pid::text)::bigint) % 3)::text)::bigint) % 2 = 0 THEN 'agree' ELSE 'disagree' END
       FROM unnest($1::uuid[]) AS p(pid) CROSS JOIN opinion_statement s
      WHERE s.activity_id = $2 AND abs(hashtext(s.id::text || p.pid::text)::bigint) % 1000 < $3`,
    [participantIds, activityId, Math.round(answered * 1000)],
  );
  return statements.map((s) => s.id);
}
