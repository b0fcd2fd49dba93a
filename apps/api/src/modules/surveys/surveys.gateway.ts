import { Injectable } from '@nestjs/common';
import type { Ack, QuestionView, SurveyView } from '@palabre/contracts';
import { CommandRunner } from '../../common/realtime/command-runner';
import type { LiveSocket } from '../../common/realtime/live-socket';
import { OnCommand } from '../../common/realtime/on-command';
import { BallotBatcher } from './ballot-batcher';
import { LiveResultsService } from './live-results.service';
import { SurveyLifecycleService, type QuestionMove } from './survey-lifecycle.service';
import { SurveysService } from './surveys.service';

type S = LiveSocket;

/** Survey commands. After a committed ballot or state change, the live results are scheduled. */
@Injectable()
export class SurveysGateway {
  constructor(
    private readonly commands: CommandRunner,
    private readonly surveys: SurveysService,
    private readonly lifecycle: SurveyLifecycleService,
    private readonly batcher: BallotBatcher,
    private readonly results: LiveResultsService,
  ) {}

  @OnCommand('ballot.cast')
  async cast(s: S, body: unknown) {
    // Checked at once, written in group commits; the batcher schedules the live results.
    return this.commands.answer(s, 'ballot.cast', body, (actor, payload) => this.batcher.cast(actor, payload));
  }

  @OnCommand('survey.settings')
  async settings(s: S, body: unknown) {
    return this.touchSurvey(await this.commands.run(s, 'survey.settings', body, ({ tx, actor, payload }) => this.surveys.settings(tx, actor, payload)));
  }

  @OnCommand('survey.question.add')
  add(s: S, body: unknown) {
    return this.commands.run(s, 'survey.question.add', body, ({ tx, actor, payload }) => this.surveys.addQuestion(tx, actor, payload));
  }

  @OnCommand('survey.question.update')
  update(s: S, body: unknown) {
    return this.commands.run(s, 'survey.question.update', body, ({ tx, actor, payload }) => this.surveys.updateQuestion(tx, actor, payload));
  }

  @OnCommand('survey.question.remove')
  remove(s: S, body: unknown) {
    return this.commands.run(s, 'survey.question.remove', body, ({ tx, actor, payload }) => this.surveys.removeQuestion(tx, actor, payload));
  }

  @OnCommand('survey.question.move')
  move(s: S, body: unknown) {
    return this.commands.run(s, 'survey.question.move', body, ({ tx, actor, payload }) => this.surveys.moveQuestion(tx, actor, payload));
  }

  @OnCommand('survey.question.open')
  open(s: S, body: unknown) {
    return this.moveQuestion(s, 'survey.question.open', 'open', body);
  }

  @OnCommand('survey.question.close')
  close(s: S, body: unknown) {
    return this.moveQuestion(s, 'survey.question.close', 'close', body);
  }

  @OnCommand('survey.question.publish')
  publish(s: S, body: unknown) {
    return this.moveQuestion(s, 'survey.question.publish', 'publish', body);
  }

  @OnCommand('survey.question.reopen')
  reopen(s: S, body: unknown) {
    return this.moveQuestion(s, 'survey.question.reopen', 'reopen', body);
  }

  @OnCommand('survey.open')
  async openAll(s: S, body: unknown) {
    return this.touchSurvey(await this.commands.run(s, 'survey.open', body, ({ tx, actor, payload }) => this.lifecycle.moveSurvey(tx, actor, payload.activityId, 'open')));
  }

  @OnCommand('survey.close')
  async closeAll(s: S, body: unknown) {
    return this.touchSurvey(await this.commands.run(s, 'survey.close', body, ({ tx, actor, payload }) => this.lifecycle.moveSurvey(tx, actor, payload.activityId, 'close')));
  }

  @OnCommand('survey.publish')
  async publishAll(s: S, body: unknown) {
    return this.touchSurvey(await this.commands.run(s, 'survey.publish', body, ({ tx, actor, payload }) => this.lifecycle.moveSurvey(tx, actor, payload.activityId, 'publish')));
  }

  @OnCommand('survey.duplicate')
  duplicate(s: S, body: unknown) {
    return this.commands.run(s, 'survey.duplicate', body, ({ tx, actor, payload }) => this.surveys.duplicate(tx, actor, payload));
  }

  @OnCommand('survey.template.save')
  saveTemplate(s: S, body: unknown) {
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
