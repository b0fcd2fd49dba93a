import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Ack, QuestionView, SurveyView } from '@palabre/contracts';
import { CommandRunner } from '../../common/realtime/command-runner';
import type { LiveSocket } from '../../common/realtime/live-socket';
import { BallotBatcher } from './ballot-batcher';
import { LiveResultsService } from './live-results.service';
import { SurveyLifecycleService, type QuestionMove } from './survey-lifecycle.service';
import { SurveysService } from './surveys.service';

type S = LiveSocket;

/** Survey commands. After a committed ballot or state change, the live results are scheduled. */
@WebSocketGateway({ namespace: '/live' })
export class SurveysGateway {
  constructor(
    private readonly commands: CommandRunner,
    private readonly surveys: SurveysService,
    private readonly lifecycle: SurveyLifecycleService,
    private readonly batcher: BallotBatcher,
    private readonly results: LiveResultsService,
  ) {}

  @SubscribeMessage('ballot.cast')
  async cast(@ConnectedSocket() s: S, @MessageBody() body: unknown) {
    // Checked at once, written in group commits; the batcher schedules the live results.
    return this.commands.answer(s, 'ballot.cast', body, (actor, payload) => this.batcher.cast(actor, payload));
  }

  @SubscribeMessage('survey.settings')
  async settings(@ConnectedSocket() s: S, @MessageBody() body: unknown) {
    return this.touchSurvey(await this.commands.run(s, 'survey.settings', body, ({ tx, actor, payload }) => this.surveys.settings(tx, actor, payload)));
  }

  @SubscribeMessage('survey.question.add')
  add(@ConnectedSocket() s: S, @MessageBody() body: unknown) {
    return this.commands.run(s, 'survey.question.add', body, ({ tx, actor, payload }) => this.surveys.addQuestion(tx, actor, payload));
  }

  @SubscribeMessage('survey.question.update')
  update(@ConnectedSocket() s: S, @MessageBody() body: unknown) {
    return this.commands.run(s, 'survey.question.update', body, ({ tx, actor, payload }) => this.surveys.updateQuestion(tx, actor, payload));
  }

  @SubscribeMessage('survey.question.remove')
  remove(@ConnectedSocket() s: S, @MessageBody() body: unknown) {
    return this.commands.run(s, 'survey.question.remove', body, ({ tx, actor, payload }) => this.surveys.removeQuestion(tx, actor, payload));
  }

  @SubscribeMessage('survey.question.move')
  move(@ConnectedSocket() s: S, @MessageBody() body: unknown) {
    return this.commands.run(s, 'survey.question.move', body, ({ tx, actor, payload }) => this.surveys.moveQuestion(tx, actor, payload));
  }

  @SubscribeMessage('survey.question.open')
  open(@ConnectedSocket() s: S, @MessageBody() body: unknown) {
    return this.moveQuestion(s, 'survey.question.open', 'open', body);
  }

  @SubscribeMessage('survey.question.close')
  close(@ConnectedSocket() s: S, @MessageBody() body: unknown) {
    return this.moveQuestion(s, 'survey.question.close', 'close', body);
  }

  @SubscribeMessage('survey.question.publish')
  publish(@ConnectedSocket() s: S, @MessageBody() body: unknown) {
    return this.moveQuestion(s, 'survey.question.publish', 'publish', body);
  }

  @SubscribeMessage('survey.question.reopen')
  reopen(@ConnectedSocket() s: S, @MessageBody() body: unknown) {
    return this.moveQuestion(s, 'survey.question.reopen', 'reopen', body);
  }

  @SubscribeMessage('survey.open')
  async openAll(@ConnectedSocket() s: S, @MessageBody() body: unknown) {
    return this.touchSurvey(await this.commands.run(s, 'survey.open', body, ({ tx, actor, payload }) => this.lifecycle.moveSurvey(tx, actor, payload.activityId, 'open')));
  }

  @SubscribeMessage('survey.close')
  async closeAll(@ConnectedSocket() s: S, @MessageBody() body: unknown) {
    return this.touchSurvey(await this.commands.run(s, 'survey.close', body, ({ tx, actor, payload }) => this.lifecycle.moveSurvey(tx, actor, payload.activityId, 'close')));
  }

  @SubscribeMessage('survey.publish')
  async publishAll(@ConnectedSocket() s: S, @MessageBody() body: unknown) {
    return this.touchSurvey(await this.commands.run(s, 'survey.publish', body, ({ tx, actor, payload }) => this.lifecycle.moveSurvey(tx, actor, payload.activityId, 'publish')));
  }

  @SubscribeMessage('survey.duplicate')
  duplicate(@ConnectedSocket() s: S, @MessageBody() body: unknown) {
    return this.commands.run(s, 'survey.duplicate', body, ({ tx, actor, payload }) => this.surveys.duplicate(tx, actor, payload));
  }

  @SubscribeMessage('survey.template.save')
  saveTemplate(@ConnectedSocket() s: S, @MessageBody() body: unknown) {
    return this.commands.run(s, 'survey.template.save', body, ({ tx, actor, payload }) => this.surveys.saveTemplate(tx, actor, payload));
  }

  private async moveQuestion(
    s: S,
    name: 'survey.question.open' | 'survey.question.close' | 'survey.question.publish' | 'survey.question.reopen',
    move: QuestionMove,
    body: unknown,
  ): Promise<Ack<QuestionView>> {
    const ack = await this.commands.run(s, name, body, ({ tx, actor, payload }) => this.lifecycle.moveQuestion(tx, actor, payload.questionId, move));
    // The state (and so who may see the results) changed: everyone gets a fresh tally.
    if (ack.ok) this.results.touch(ack.data.id);
    return ack;
  }

  private touchSurvey(ack: Ack<SurveyView>): Ack<SurveyView> {
    if (ack.ok) for (const q of ack.data.questions) if (q.state !== 'draft') this.results.touch(q.id);
    return ack;
  }
}
