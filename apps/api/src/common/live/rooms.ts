/** Room names: one place, so every emitter and every join agree. */
export const rooms = {
  session: (sessionId: string) => `session:${sessionId}`,
  staff: (sessionId: string) => `session:${sessionId}:staff`,
  group: (groupId: string) => `group:${groupId}`,
  participant: (participantId: string) => `participant:${participantId}`,
};
