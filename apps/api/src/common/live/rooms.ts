/** Room names: one place, so every emitter and every join agree. */
export const rooms = {
  session: (sessionId: string) => `session:${sessionId}`,
  staff: (sessionId: string) => `session:${sessionId}:staff`,
  /** The session's screens (projectors, observers): what the room's displays show, not the phones. */
  screens: (sessionId: string) => `session:${sessionId}:screens`,
  group: (groupId: string) => `group:${groupId}`,
  participant: (participantId: string) => `participant:${participantId}`,
};
