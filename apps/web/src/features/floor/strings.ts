import { useEffect, useState } from 'react';
import i18next from 'i18next';

/**
 * The `floor` namespace in French, loaded with the kind's views rather than in the entry bundle
 * (the English one is in the English chunk, like every namespace).
 */
async function loadFloorStrings(): Promise<void> {
  if (i18next.hasResourceBundle('fr', 'floor')) return;
  const { default: fr } = await import('../../i18n/fr/floor.json');
  i18next.addResourceBundle('fr', 'floor', fr, true, true);
}

/** True once the `floor` strings are there: each view renders nothing until then (a few milliseconds, once). */
export function useFloorStrings(): boolean {
  const [ready, setReady] = useState(() => i18next.hasResourceBundle('fr', 'floor'));
  useEffect(() => {
    if (ready) return;
    let live = true;
    void loadFloorStrings().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [ready]);
  return ready;
}
