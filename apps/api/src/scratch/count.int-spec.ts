import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { liveBoard } from '../common/testing/boards';
import { sendOk, type TestApp } from '../common/testing/harness';
import { appForTests } from '../common/testing/lifecycle';
import { snapshotOf } from '../common/testing/snapshot';

describe('scratch: queries per snapshot', () => {
  let t: TestApp;
  appForTests((app) => (t = app));
  it('counts', async () => {
    const { session, activityId, members } = await liveBoard(t, { members: ['A', 'B'] });
    await sendOk(members[0].socket, 'idea.post', { activityId, columnId: 'gouvernance', title: 'x' });
    await snapshotOf(t, members[0].token, session.id);
    const seen: string[] = [];
    const orig = PostgresQueryRunner.prototype.query;
    PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, q: string, ...rest: unknown[]) {
      seen.push(q.replace(/\s+/g, ' ').slice(0, 110));
      return (orig as (...a: unknown[]) => unknown).call(this, q, ...rest);
    } as typeof orig;
    await snapshotOf(t, members[1].token, session.id);
    PostgresQueryRunner.prototype.query = orig;
    console.log(seen.length + '\n' + seen.join('\n'));
  });
});
