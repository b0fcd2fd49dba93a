import type { QuestionDraft, QuestionView, SurveySettings, SurveyView } from '@palabre/contracts';
import type { Survey, SurveyQuestion } from './survey.entities';

export function settingsOf(survey: Survey): SurveySettings {
  return { anonymity: survey.anonymity, resultsVisibility: survey.resultsVisibility, shuffle: survey.shuffle };
}

export function toQuestionView(question: SurveyQuestion): QuestionView {
  return {
    id: question.id,
    activityId: question.activityId,
    position: question.position,
    prompt: question.prompt,
    config: question.config,
    state: question.state,
    openedAt: question.openedAt ? question.openedAt.toISOString() : null,
    closedAt: question.closedAt ? question.closedAt.toISOString() : null,
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
export function toDraft(question: SurveyQuestion): QuestionDraft {
  return { ...question.config, prompt: question.prompt } as QuestionDraft;
}

/** Splits a draft into the stored prompt and configuration. */
export function splitDraft(draft: QuestionDraft): { prompt: string; config: SurveyQuestion['config'] } {
  const { prompt, ...config } = draft;
  return { prompt, config: config as SurveyQuestion['config'] };
}
