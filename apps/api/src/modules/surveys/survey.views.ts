import type { QuestionDraft, QuestionView, SurveySettings, SurveyView } from '@palabre/contracts';
import type { Survey, SurveyQuestion } from './survey.entity';

export function settingsOf(s: Survey): SurveySettings {
  return { anonymity: s.anonymity, resultsVisibility: s.resultsVisibility, shuffle: s.shuffle };
}

export function toQuestionView(q: SurveyQuestion): QuestionView {
  return {
    id: q.id,
    activityId: q.activityId,
    position: q.position,
    prompt: q.prompt,
    config: q.config,
    state: q.state,
    openedAt: q.openedAt ? q.openedAt.toISOString() : null,
    closedAt: q.closedAt ? q.closedAt.toISOString() : null,
  };
}

/** Staff see drafts; everyone else only questions that were opened at least once. */
export function toSurveyView(survey: Survey, questions: readonly SurveyQuestion[], withDrafts: boolean): SurveyView {
  return {
    activityId: survey.activityId,
    settings: settingsOf(survey),
    questions: [...questions]
      .filter((q) => withDrafts || q.state !== 'draft')
      .sort((a, b) => a.position - b.position)
      .map(toQuestionView),
  };
}

/** A question back as the draft a facilitator would type (for duplicates and templates). */
export function toDraft(q: SurveyQuestion): QuestionDraft {
  return { ...q.config, prompt: q.prompt } as QuestionDraft;
}

/** Splits a draft into the stored prompt and configuration. */
export function splitDraft(draft: QuestionDraft): { prompt: string; config: SurveyQuestion['config'] } {
  const { prompt, ...config } = draft;
  return { prompt, config: config as SurveyQuestion['config'] };
}
