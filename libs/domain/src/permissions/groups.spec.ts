import { ParticipantRole } from '@palabre/contracts';
import { canReadActivity, canWriteActivity } from '../index';

const base = { actorGroupId: 'g1', activityGroupId: 'g2', reportBackOpen: false } as const;

describe('working-group isolation', () => {
  it('keeps a member out of another group before the report-back', () => {
    expect(canReadActivity({ ...base, role: 'member' })).toBe(false);
    expect(canWriteActivity({ ...base, role: 'member' })).toBe(false);
  });

  it('lets a member read, but never write, other groups once the report-back is open', () => {
    expect(canReadActivity({ ...base, role: 'member', reportBackOpen: true })).toBe(true);
    expect(canWriteActivity({ ...base, role: 'member', reportBackOpen: true })).toBe(false);
  });

  it('lets a member act in their own group and in the plenary', () => {
    expect(canWriteActivity({ ...base, role: 'member', activityGroupId: 'g1' })).toBe(true);
    expect(canWriteActivity({ ...base, role: 'member', activityGroupId: null })).toBe(true);
  });

  it('lets staff see and act everywhere; screens see another group only after the report-back, and never act', () => {
    expect(canReadActivity({ ...base, role: 'observer', actorGroupId: null })).toBe(false);
    expect(canReadActivity({ ...base, role: 'observer', actorGroupId: null, reportBackOpen: true })).toBe(true);
    for (const role of ParticipantRole.options) {
      expect(canReadActivity({ ...base, role })).toBe(role === 'facilitator' || role === 'organiser');
      expect(canWriteActivity({ ...base, role })).toBe(role === 'facilitator' || role === 'organiser');
    }
  });
});
