import type { ParticipantRole } from '@palabre/contracts';
import { rooms } from '../../common/live/rooms';
import { activityDisplayRooms, activityRooms, isDisplayRole } from './audience';

/** The displays' part of the audience rule: what the console and the projectors get, the phones not. */
describe('the rooms of an activity’s displays (activityDisplayRooms)', () => {
  const sessionId = '00000000-0000-4000-8000-000000000001';
  const groupId = '00000000-0000-4000-8000-000000000002';
  const staff = rooms.staff(sessionId);
  const screens = rooms.screens(sessionId);

  it('sends a plenary activity to the staff and the session’s screens, never to the whole session', () => {
    const plenary = { sessionId, groupId: null, state: 'open' };
    expect(activityDisplayRooms(plenary, false)).toEqual([staff, screens]);
    expect(activityDisplayRooms(plenary, false)).not.toContain(rooms.session(sessionId));
    // The phones are in the session room, which the whole audience rule names.
    expect(activityRooms(plenary, false)).toEqual([rooms.session(sessionId)]);
  });

  it('keeps a draft to the staff', () => {
    expect(activityDisplayRooms({ sessionId, groupId: null, state: 'draft' }, true)).toEqual([staff]);
  });

  it('keeps a working group’s activity to the staff until the report-back, then shows it on the screens', () => {
    const ofGroup = { sessionId, groupId, state: 'open' };
    expect(activityDisplayRooms(ofGroup, false)).toEqual([staff]);
    expect(activityDisplayRooms(ofGroup, false)).not.toContain(rooms.group(groupId));
    expect(activityDisplayRooms(ofGroup, true)).toEqual([staff, screens]);
  });

  it('counts the staff and the screens as displays, not the members', () => {
    const roles: ParticipantRole[] = ['member', 'facilitator', 'organiser', 'observer'];
    expect(roles.filter(isDisplayRole)).toEqual(['facilitator', 'organiser', 'observer']);
  });
});
