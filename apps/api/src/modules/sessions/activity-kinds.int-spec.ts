import { TestApp } from '../../common/testing/harness';
import { ActivityKinds, type ActivityKindContract } from './activity-kinds';

/** Issue #14: a kind whose contract misses a hook stops the server before it listens, with a message naming both. */
describe('the activity kinds are checked at boot (real app, real database)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('refuses to start when one kind lacks one hook', async () => {
    const register = ActivityKinds.prototype.register;
    jest.spyOn(ActivityKinds.prototype, 'register').mockImplementation(function (this: ActivityKinds, kind, contract) {
      if (kind !== 'qna') return register.call(this, kind, contract);
      const { close: _dropped, ...rest } = contract;
      return register.call(this, kind, rest as ActivityKindContract);
    });
    await expect(TestApp.start()).rejects.toThrow('Activity kind "qna" is missing its "close" hook');
  });

  it('starts when every kind registers its whole contract', async () => {
    const app = await TestApp.start();
    const kinds = app.palabre.app.get(ActivityKinds);
    expect(kinds.all().map((k) => [k.kind, k.contract.feature])).toEqual([
      ['amendments', 'amendments'],
      ['board', 'boards'],
      ['floor', 'floor'],
      ['groups', 'groups'],
      ['opinions', 'opinions'],
      ['qna', 'qna'],
      ['survey', 'surveys'],
    ]);
    await app.close();
  });
});
