import { Injectable } from '@nestjs/common';
import type { CommandPayload } from '@palabre/contracts';
import type { ParticipantActor } from '../../common/auth/actor';
import type { CommandContext } from '../../common/commands/command-runner';
import { OnBatchedCommand, OnCommand } from '../../common/commands/on-command';
import { BallotBatcher } from './ballot-batcher';
import { SurveyLifecycleService } from './survey-lifecycle.service';
import { SurveysService } from './surveys.service';

/** Survey commands on /live. The use cases schedule the live results once their change is committed. */
@Injectable()
export class SurveysCommands {
  constructor(
    private readonly surveys: SurveysService,
    private readonly lifecycle: SurveyLifecycleService,
    private readonly batcher: BallotBatcher,
  ) {}

  @OnBatchedCommand('ballot.cast')
  cast(actor: ParticipantActor, payload: CommandPayload<'ballot.cast'>) {
    // Checked at once, written in group commits; the batcher schedules the live results.
    return this.batcher.cast(actor, payload);
  }

  @OnCommand('survey.settings')
  settings({ tx, actor, payload }: CommandContext<'survey.settings'>) {
    return this.surveys.settings(tx, actor, payload);
  }

  @OnCommand('survey.question.add')
  add({ tx, actor, payload }: CommandContext<'survey.question.add'>) {
    return this.surveys.addQuestion(tx, actor, payload);
  }

  @OnCommand('survey.question.update')
  update({ tx, actor, payload }: CommandContext<'survey.question.update'>) {
    return this.surveys.updateQuestion(tx, actor, payload);
  }

  @OnCommand('survey.question.remove')
  remove({ tx, actor, payload }: CommandContext<'survey.question.remove'>) {
    return this.surveys.removeQuestion(tx, actor, payload);
  }

  @OnCommand('survey.question.move')
  move({ tx, actor, payload }: CommandContext<'survey.question.move'>) {
    return this.surveys.moveQuestion(tx, actor, payload);
  }

  @OnCommand('survey.question.open')
  open({ tx, actor, payload }: CommandContext<'survey.question.open'>) {
    return this.lifecycle.moveQuestion(tx, actor, payload.questionId, 'open');
  }

  @OnCommand('survey.question.close')
  close({ tx, actor, payload }: CommandContext<'survey.question.close'>) {
    return this.lifecycle.moveQuestion(tx, actor, payload.questionId, 'close');
  }

  @OnCommand('survey.question.publish')
  publish({ tx, actor, payload }: CommandContext<'survey.question.publish'>) {
    return this.lifecycle.moveQuestion(tx, actor, payload.questionId, 'publish');
  }

  @OnCommand('survey.question.reopen')
  reopen({ tx, actor, payload }: CommandContext<'survey.question.reopen'>) {
    return this.lifecycle.moveQuestion(tx, actor, payload.questionId, 'reopen');
  }

  @OnCommand('survey.open')
  openAll({ tx, actor, payload }: CommandContext<'survey.open'>) {
    return this.lifecycle.moveSurvey(tx, actor, payload.activityId, 'open');
  }

  @OnCommand('survey.close')
  closeAll({ tx, actor, payload }: CommandContext<'survey.close'>) {
    return this.lifecycle.moveSurvey(tx, actor, payload.activityId, 'close');
  }

  @OnCommand('survey.publish')
  publishAll({ tx, actor, payload }: CommandContext<'survey.publish'>) {
    return this.lifecycle.moveSurvey(tx, actor, payload.activityId, 'publish');
  }

  @OnCommand('survey.duplicate')
  duplicate({ tx, actor, payload }: CommandContext<'survey.duplicate'>) {
    return this.surveys.duplicate(tx, actor, payload);
  }

  @OnCommand('survey.template.save')
  saveTemplate({ tx, actor, payload }: CommandContext<'survey.template.save'>) {
    return this.surveys.saveTemplate(tx, actor, payload);
  }
}
