import { COMMAND_NAMES, ParticipantRole, ROUTES, type RouteKey } from '@palabre/contracts';
import { canSend, COMMAND_ROLES, ROUTE_RULES, isStaffRole } from '../index';

describe('command permissions', () => {
  it('gives every command of the contracts a rule', () => {
    expect(Object.keys(COMMAND_ROLES).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it('never lets an observer send a command', () => {
    for (const command of COMMAND_NAMES) expect(canSend(command, 'observer')).toBe(false);
  });

  it('lets only staff run the agenda and the session state', () => {
    for (const command of ['session.transition', 'activity.create', 'activity.move', 'activity.delete'] as const) {
      for (const role of ParticipantRole.options) {
        expect([command, role, canSend(command, role)]).toEqual([command, role, isStaffRole(role)]);
      }
    }
  });
});

describe('route rules', () => {
  it('matches the auth kind declared by every route of the contracts', () => {
    for (const key of Object.keys(ROUTES) as RouteKey[]) {
      expect([key, ROUTE_RULES[key].auth]).toEqual([key, ROUTES[key].auth]);
    }
  });

  it('reserves account creation to admins', () => {
    expect(ROUTE_RULES['staff.create']).toEqual({ auth: 'staff', roles: ['admin'] });
  });
});
