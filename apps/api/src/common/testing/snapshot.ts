import type { SessionSnapshot } from '@palabre/contracts';
import type { TestApp } from './harness';

/** The session snapshot as the holder of `token` receives it (fails the test unless 200). */
export async function snapshotOf(t: TestApp, token: string, sessionId: string): Promise<SessionSnapshot> {
  return (await t.http().get(`/api/sessions/${sessionId}/snapshot`).set('Authorization', `Bearer ${token}`).expect(200)).body as SessionSnapshot;
}
