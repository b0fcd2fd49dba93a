import { useEffect } from 'react';

/** Each page names itself ("Séances — Palabre"): screen readers and tabs read it. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} — Palabre` : 'Palabre';
  }, [title]);
}
