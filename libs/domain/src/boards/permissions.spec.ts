import { ParticipantRole } from '@palabre/contracts';
import { canSend, isStaffRole } from '../permissions/commands';

const MODERATION = ['idea.approve', 'idea.reject', 'idea.hide', 'idea.restore', 'idea.pin', 'idea.correct', 'idea.tag', 'idea.merge', 'board.open', 'board.lock', 'board.settings', 'participant.block'] as const;
const CONTRIBUTION = ['idea.post', 'idea.edit', 'idea.withdraw', 'idea.support', 'idea.unsupport', 'idea.similar', 'comment.post', 'comment.edit', 'comment.delete'] as const;

describe('board permissions', () => {
  it('reserves every moderation command to facilitators and organisers', () => {
    for (const command of MODERATION) for (const role of ParticipantRole.options) expect([command, role, canSend(command, role)]).toEqual([command, role, isStaffRole(role)]);
  });

  it('lets members and staff contribute, never a projector screen', () => {
    for (const command of CONTRIBUTION) for (const role of ParticipantRole.options) expect([command, role, canSend(command, role)]).toEqual([command, role, role !== 'observer']);
  });
});
