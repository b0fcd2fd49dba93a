import { Injectable } from '@nestjs/common';
import type { Ack, GroupMove } from '@palabre/contracts';
import { CommandRunner } from '../../common/realtime/command-runner';
import type { LiveSocket } from '../../common/realtime/live-socket';
import { OnCommand } from '../../common/realtime/on-command';
import { GroupsStore } from './groups.store';
import { PlacementService } from './placement.service';
import { ReportBackService } from './report-back.service';
import { SynthesisService } from './synthesis.service';

@Injectable()
export class GroupsGateway {
  constructor(
    private readonly commands: CommandRunner,
    private readonly placement: PlacementService,
    private readonly synthesis: SynthesisService,
    private readonly reportBack: ReportBackService,
    private readonly store: GroupsStore,
  ) {}

  /** Room membership follows a committed move (never a rolled-back one). */
  private async withRooms<T extends { moves: GroupMove[] }>(ack: Promise<Ack<T>>): Promise<Ack<T>> {
    const answer = await ack;
    if (answer.ok) this.store.applyRooms(answer.data.moves);
    return answer;
  }

  @OnCommand('group.choose')
  choose(s: LiveSocket, body: unknown) {
    return this.withRooms(this.commands.run(s, 'group.choose', body, ({ tx, actor, payload }) => this.placement.choose(tx, actor, payload)));
  }

  @OnCommand('group.assign')
  assign(s: LiveSocket, body: unknown) {
    return this.withRooms(this.commands.run(s, 'group.assign', body, ({ tx, actor, payload }) => this.placement.assign(tx, actor, payload)));
  }

  @OnCommand('group.autoAssign')
  autoAssign(s: LiveSocket, body: unknown) {
    return this.withRooms(this.commands.run(s, 'group.autoAssign', body, ({ tx, actor, payload }) => this.placement.autoAssign(tx, actor, payload)));
  }

  @OnCommand('group.update')
  update(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'group.update', body, ({ tx, actor, payload }) => this.placement.updateGroup(tx, actor, payload));
  }

  @OnCommand('group.setRapporteur')
  setRapporteur(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'group.setRapporteur', body, ({ tx, actor, payload }) => this.synthesis.setRapporteur(tx, actor, payload));
  }

  @OnCommand('group.setFacilitators')
  setFacilitators(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'group.setFacilitators', body, ({ tx, actor, payload }) => this.synthesis.setFacilitators(tx, actor, payload));
  }

  @OnCommand('group.seed')
  seed(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'group.seed', body, ({ tx, actor, payload }) => this.reportBack.seed(tx, actor, payload));
  }

  @OnCommand('synthesis.save')
  save(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'synthesis.save', body, ({ tx, actor, payload }) => this.synthesis.save(tx, actor, payload));
  }

  @OnCommand('synthesis.comment')
  comment(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'synthesis.comment', body, ({ tx, actor, payload }) => this.synthesis.comment(tx, actor, payload));
  }

  @OnCommand('synthesis.validate')
  validate(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'synthesis.validate', body, ({ tx, actor, payload }) => this.synthesis.validate(tx, actor, payload));
  }

  @OnCommand('groups.start')
  start(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'groups.start', body, ({ tx, actor, payload }) => this.reportBack.start(tx, actor, payload));
  }

  @OnCommand('groups.openReportBack')
  openReportBack(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'groups.openReportBack', body, ({ tx, actor, payload }) => this.reportBack.openReportBack(tx, actor, payload));
  }

  @OnCommand('groups.present')
  present(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'groups.present', body, ({ tx, actor, payload }) => this.reportBack.present(tx, actor, payload));
  }

  @OnCommand('groups.createFinalSurvey')
  createFinalSurvey(s: LiveSocket, body: unknown) {
    return this.commands.run(s, 'groups.createFinalSurvey', body, ({ tx, actor, payload }) => this.reportBack.createFinalSurvey(tx, actor, payload));
  }
}
