import { Injectable } from '@nestjs/common';
import type { CommandContext } from '../../common/commands/command-runner';
import { OnCommand } from '../../common/commands/on-command';
import { PlacementService } from './placement.service';
import { ReportBackService } from './report-back.service';
import { SynthesisService } from './synthesis.service';

@Injectable()
export class GroupsCommands {
  constructor(
    private readonly placement: PlacementService,
    private readonly synthesis: SynthesisService,
    private readonly reportBack: ReportBackService,
  ) {}

  @OnCommand('group.choose')
  choose({ tx, actor, payload }: CommandContext<'group.choose'>) {
    return this.placement.choose(tx, actor, payload);
  }

  @OnCommand('group.assign')
  assign({ tx, actor, payload }: CommandContext<'group.assign'>) {
    return this.placement.assign(tx, actor, payload);
  }

  @OnCommand('group.autoAssign')
  autoAssign({ tx, actor, payload }: CommandContext<'group.autoAssign'>) {
    return this.placement.autoAssign(tx, actor, payload);
  }

  @OnCommand('group.update')
  update({ tx, actor, payload }: CommandContext<'group.update'>) {
    return this.placement.updateGroup(tx, actor, payload);
  }

  @OnCommand('group.setRapporteur')
  setRapporteur({ tx, actor, payload }: CommandContext<'group.setRapporteur'>) {
    return this.synthesis.setRapporteur(tx, actor, payload);
  }

  @OnCommand('group.setFacilitators')
  setFacilitators({ tx, actor, payload }: CommandContext<'group.setFacilitators'>) {
    return this.synthesis.setFacilitators(tx, actor, payload);
  }

  @OnCommand('group.seed')
  seed({ tx, actor, payload }: CommandContext<'group.seed'>) {
    return this.reportBack.seed(tx, actor, payload);
  }

  @OnCommand('synthesis.save')
  save({ tx, actor, payload }: CommandContext<'synthesis.save'>) {
    return this.synthesis.save(tx, actor, payload);
  }

  @OnCommand('synthesis.comment')
  comment({ tx, actor, payload }: CommandContext<'synthesis.comment'>) {
    return this.synthesis.comment(tx, actor, payload);
  }

  @OnCommand('synthesis.validate')
  validate({ tx, actor, payload }: CommandContext<'synthesis.validate'>) {
    return this.synthesis.validate(tx, actor, payload);
  }

  @OnCommand('groups.start')
  start({ tx, actor, payload }: CommandContext<'groups.start'>) {
    return this.reportBack.start(tx, actor, payload);
  }

  @OnCommand('groups.openReportBack')
  openReportBack({ tx, actor, payload }: CommandContext<'groups.openReportBack'>) {
    return this.reportBack.openReportBack(tx, actor, payload);
  }

  @OnCommand('groups.present')
  present({ tx, actor, payload }: CommandContext<'groups.present'>) {
    return this.reportBack.present(tx, actor, payload);
  }

  @OnCommand('groups.createFinalSurvey')
  createFinalSurvey({ tx, actor, payload }: CommandContext<'groups.createFinalSurvey'>) {
    return this.reportBack.createFinalSurvey(tx, actor, payload);
  }
}
