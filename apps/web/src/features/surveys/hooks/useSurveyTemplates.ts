import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { SurveyCreateConfig, SurveyTemplate } from '@palabre/contracts';
import { apiRequest } from '../../../lib/api';
import { useStaffAuth } from '../../../lib/use-stored-auth';

/** Query key of the signed-in staff account's templates (`GET /api/survey-templates`). */
export const surveyTemplatesKey = ['staff', 'survey-templates'] as const;

/** The signed-in account's survey templates, newest first; idle without a staff sign-in. */
export function useSurveyTemplates(enabled = true) {
  const token = useStaffAuth()?.token;
  return useQuery<SurveyTemplate[]>({
    queryKey: [...surveyTemplatesKey, token],
    queryFn: ({ signal }) => apiRequest('surveys.templates', { token, signal }),
    enabled: enabled && Boolean(token),
    staleTime: 30_000,
  });
}

/** Refetches the template list (after `survey.template.save`). */
export function useRefreshTemplates(): () => void {
  const client = useQueryClient();
  return useCallback(() => void client.invalidateQueries({ queryKey: surveyTemplatesKey }), [client]);
}

/** The `activity.create` config of a survey started from a template: its settings and draft questions. */
export function templateConfig(template: SurveyTemplate): SurveyCreateConfig {
  return { ...template.settings, questions: template.questions };
}
