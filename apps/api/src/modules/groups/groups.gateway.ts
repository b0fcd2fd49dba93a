import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Ack, GroupMove } from '@palabre/contracts';
import { CommandRunner } from '../../common/realtime/command-runner';
import type { LiveSocket } from '../../common/realtime/live-socket';
import { GroupsStore } from './groups.store';
import { PlacementService } from './placement.service';
import { ReportBackService } from './report-back.service';
import { SynthesisService } from './synthesis.service';

@WebSocketGateway({ namespace: '/live' })
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

  @SubscribeMessage('group.choose')
  choose(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.withRooms(this.commands.run(s, 'group.choose', body, ({ tx, actor, payload }) => this.placement.choose(tx, actor, payload)));
  }

  @SubscribeMessage('group.assign')
  assign(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.withRooms(this.commands.run(s, 'group.assign', body, ({ tx, actor, payload }) => this.placement.assign(tx, actor, payload)));
  }

  @SubscribeMessage('group.autoAssign')
  autoAssign(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.withRooms(this.commands.run(s, 'group.autoAssign', body, ({ tx, actor, payload }) => this.placement.autoAssign(tx, actor, payload)));
  }

  @SubscribeMessage('group.update')
  update(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'group.update', body, ({ tx, actor, payload }) => this.placement.updateGroup(tx, actor, payload));
  }

  @SubscribeMessage('group.setRapporteur')
  setRapporteur(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'group.setRapporteur', body, ({ tx, actor, payload }) => this.synthesis.setRapporteur(tx, actor, payload));
  }

  @SubscribeMessage('group.setFacilitators')
  setFacilitators(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'group.setFacilitators', body, ({ tx, actor, payload }) => this.synthesis.setFacilitators(tx, actor, payload));
  }

  @SubscribeMessage('group.seed')
  seed(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'group.seed', body, ({ tx, actor, payload }) => this.reportBack.seed(tx, actor, payload));
  }

  @SubscribeMessage('synthesis.save')
  save(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'synthesis.save', body, ({ tx, actor, payload }) => this.synthesis.save(tx, actor, payload));
  }

  @SubscribeMessage('synthesis.comment')
  comment(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'synthesis.comment', body, ({ tx, actor, payload }) => this.synthesis.comment(tx, actor, payload));
  }

  @SubscribeMessage('synthesis.validate')
  validate(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'synthesis.validate', body, ({ tx, actor, payload }) => this.synthesis.validate(tx, actor, payload));
  }

  @SubscribeMessage('groups.start')
  start(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'groups.start', body, ({ tx, actor, payload }) => this.reportBack.start(tx, actor, payload));
  }

  @SubscribeMessage('groups.openReportBack')
  openReportBack(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'groups.openReportBack', body, ({ tx, actor, payload }) => this.reportBack.openReportBack(tx, actor, payload));
  }

  @SubscribeMessage('groups.present')
  present(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'groups.present', body, ({ tx, actor, payload }) => this.reportBack.present(tx, actor, payload));
  }

  @SubscribeMessage('groups.createFinalSurvey')
  createFinalSurvey(@ConnectedSocket() s: LiveSocket, @MessageBody() body: unknown) {
    return this.commands.run(s, 'groups.createFinalSurvey', body, ({ tx, actor, payload }) => this.reportBack.createFinalSurvey(tx, actor, payload));
  }
}
