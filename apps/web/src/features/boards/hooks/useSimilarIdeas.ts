import { useEffect, useState } from 'react';
import type { SimilarIdea } from '@palabre/contracts';
import { useCommand } from '../../../lib/live';

const DEBOUNCE_MS = 400;

/** Ideas that look like `text`, asked while the member types (debounced, latest answer wins). */
export function useSimilarIdeas(activityId: string, text: string, excludeIdeaId?: string): SimilarIdea[] {
  const send = useCommand();
  const [similar, setSimilar] = useState<SimilarIdea[]>([]);
  const query = text.trim();
  useEffect(() => {
    if (query.length < 4) {
      setSimilar([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      send('idea.similar', { activityId, text: query.slice(0, 400), ...(excludeIdeaId ? { excludeIdeaId } : {}) })
        .then((found) => current && setSimilar(found))
        .catch(() => current && setSimilar([]));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [activityId, query, excludeIdeaId, send]);
  return similar;
}
