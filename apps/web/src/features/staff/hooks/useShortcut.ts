import { useEffect, useRef } from 'react';

/** The presenter's single-key shortcuts (docs/presenter.md). */
export const SHORTCUTS = { next: 'n', previous: 'b', openClose: 'o', publish: 'p', screen: 's' } as const;

/** Typing in a field, or a key chord, is never a shortcut. */
function isTyping(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return true;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Runs `action` when the presenter presses `key` anywhere on the page (outside form fields). */
export function useShortcut(key: string, action: (() => void) | null): void {
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event) || event.key.toLowerCase() !== key || !latest.current) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key]);
}
