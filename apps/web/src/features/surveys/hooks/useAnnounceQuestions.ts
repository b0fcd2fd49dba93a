import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionView } from '@palabre/contracts';
import { useAnnounce } from '../../../ui/Announcer';

/**
 * Announces (politely, focus untouched) a question opening, closing or its results being
 * published, by comparing successive states, so a screen-reader user on the ballot hears it.
 */
export function useAnnounceQuestions(questions: readonly QuestionView[] | undefined): void {
  const { t } = useTranslation('surveys');
  const announce = useAnnounce();
  const seen = useRef<Map<string, QuestionView['state']> | null>(null);

  useEffect(() => {
    if (!questions) return;
    const previous = seen.current;
    seen.current = new Map(questions.map((q) => [q.id, q.state]));
    if (!previous) return; // first render: nothing changed yet
    const messages = questions
      .filter((q) => q.state !== 'draft' && previous.get(q.id) !== q.state)
      .map((q) => t(`announce.${q.state}`, { prompt: q.prompt }));
    if (messages.length > 0) announce(messages.join(' '));
  }, [questions, announce, t]);
}
