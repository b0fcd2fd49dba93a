import type { CommandName, ParticipantRole } from '@palabre/contracts';

const STAFF = ['facilitator', 'organiser'] as const satisfies readonly ParticipantRole[];
const MEMBERS = ['member', 'facilitator', 'organiser'] as const satisfies readonly ParticipantRole[];
const VOTERS = ['member'] as const satisfies readonly ParticipantRole[];

/**
 * Which session roles may send each socket command. Exhaustive: a new command
 * in the contracts fails to compile until it is given its roles here.
 * Observers (projector screens, press) never send commands.
 */
export const COMMAND_ROLES: Record<CommandName, readonly ParticipantRole[]> = {
  'session.transition': STAFF,
  'activity.create': STAFF,
  'activity.update': STAFF,
  'activity.move': STAFF,
  'activity.delete': STAFF,
  'participant.revoke': STAFF,
  'participant.merge': STAFF,
  'participant.confirm': STAFF,
  'idea.post': MEMBERS,
  'idea.edit': MEMBERS,
  'idea.withdraw': MEMBERS,
  'idea.support': MEMBERS,
  'idea.unsupport': MEMBERS,
  'idea.similar': MEMBERS,
  'comment.post': MEMBERS,
  'comment.edit': MEMBERS,
  'comment.delete': MEMBERS,
  'idea.approve': STAFF,
  'idea.reject': STAFF,
  'idea.hide': STAFF,
  'idea.restore': STAFF,
  'idea.pin': STAFF,
  'idea.correct': STAFF,
  'idea.tag': STAFF,
  'idea.merge': STAFF,
  'board.open': STAFF,
  'board.lock': STAFF,
  'board.settings': STAFF,
  'participant.block': STAFF,
  'survey.settings': STAFF,
  'survey.question.add': STAFF,
  'survey.question.update': STAFF,
  'survey.question.remove': STAFF,
  'survey.question.move': STAFF,
  'survey.question.open': STAFF,
  'survey.question.close': STAFF,
  'survey.question.publish': STAFF,
  'survey.question.reopen': STAFF,
  'survey.open': STAFF,
  'survey.close': STAFF,
  'survey.publish': STAFF,
  'survey.duplicate': STAFF,
  'survey.template.save': STAFF,
  // Members vote; staff run the vote and do not weigh on it (turnout counts members only).
  'ballot.cast': VOTERS,
  'qna.ask': MEMBERS,
  'qna.upvote': MEMBERS,
  'qna.unvote': MEMBERS,
  'qna.approve': STAFF,
  'qna.reject': STAFF,
  'qna.hide': STAFF,
  'qna.restore': STAFF,
  'qna.merge': STAFF,
  'qna.markAnswering': STAFF,
  'qna.markAnswered': STAFF,
  'qna.configure': STAFF,
  'opinions.propose': MEMBERS,
  'opinions.answer': MEMBERS,
  'opinions.promote': STAFF,
  'opinions.moderate': STAFF,
  // Members (and staff, for themselves) ask for the floor; only staff order it and give it.
  'floor.request': MEMBERS,
  'floor.withdraw': MEMBERS,
  'floor.add': STAFF,
  'floor.move': STAFF,
  'floor.give': STAFF,
  'floor.timer': STAFF,
  // Members file, co-sign and withdraw their amendments; staff write the text, moderate and put to the vote.
  'amendments.text.set': STAFF,
  'amendments.deadline': STAFF,
  'amendment.file': MEMBERS,
  'amendment.cosign': MEMBERS,
  'amendment.withdraw': MEMBERS,
  'amendment.moderate': STAFF,
  'amendment.move': STAFF,
  'amendment.vote': STAFF,
  'amendments.final': STAFF,
  'activity.plan': STAFF,
  'agenda.startNext': STAFF,
  'activity.start': STAFF,
  'activity.open': STAFF,
  'activity.close': STAFF,
  'timer.extend': STAFF,
  'timer.pause': STAFF,
  'timer.resume': STAFF,
  'screen.show': STAFF,
  'room.setQuorum': STAFF,
  'presence.confirm': ['member'],
  'group.choose': ['member'],
  'group.assign': STAFF,
  'group.autoAssign': STAFF,
  'group.update': STAFF,
  'group.setRapporteur': STAFF,
  'group.setFacilitators': STAFF,
  'group.seed': STAFF,
  // The service also checks that the sender is the group's rapporteur.
  'synthesis.save': MEMBERS,
  // Group members and staff; the service checks membership.
  'synthesis.comment': MEMBERS,
  'synthesis.validate': STAFF,
  'groups.start': STAFF,
  'groups.openReportBack': STAFF,
  'groups.present': STAFF,
  'groups.createFinalSurvey': STAFF,
  'proxy.settings': STAFF,
  'proxy.record': STAFF,
  'proxy.revoke': STAFF,
  // A member asks to be represented; staff approve or decline (docs/proxies.md).
  'proxy.request': ['member'],
  'proxy.decide': STAFF,
  // Staff cast for a present member who asked for help, or enter and confirm paper ballots (two different accounts).
  'ballot.assist': STAFF,
  'paper.enter': STAFF,
  'paper.confirm': STAFF,
  // Roll call: the facilitator calls the members and enters their answers (assisted ballots).
  'rollcall.start': STAFF,
  'rollcall.answer': STAFF,
  'rollcall.pass': STAFF,
};

export function canSend(command: CommandName, role: ParticipantRole): boolean {
  return COMMAND_ROLES[command].includes(role);
}

/** Roles that see staff-only information (who is online, moderation queues, hidden results). */
export function isStaffRole(role: ParticipantRole): boolean {
  return role === 'facilitator' || role === 'organiser';
}

/** The role of a session's screens (a paired projector, an observer): shows, never sends. */
export function isScreenRole(role: ParticipantRole): boolean {
  return role === 'observer';
}

export { MEMBERS as CONTRIBUTOR_ROLES, STAFF as STAFF_ROLES };
