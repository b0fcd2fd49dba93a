import type { TestApp } from './harness';

/** Imports a roster CSV into the session as its facilitator and returns each member's invitation token. */
export async function invitationTokens(t: TestApp, sessionId: string, staffToken: string, csv: string): Promise<string[]> {
  const auth = { Authorization: `Bearer ${staffToken}` };
  await t.http().post(`/api/sessions/${sessionId}/roster`).set(auth).set('Content-Type', 'text/csv').send(csv).expect(200);
  const invitations = await t.http().get(`/api/sessions/${sessionId}/invitations`).set(auth).expect(200);
  return (invitations.body as { link: string }[]).map((i) => i.link.split('/i/')[1]);
}
