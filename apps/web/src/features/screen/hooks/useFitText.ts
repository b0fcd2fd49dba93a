import { useLayoutEffect, useRef } from 'react';

/**
 * Shrinks an element's font size until its content fits the box CSS gives it (long questions,
 * many options), never below `min` × its styled size. Children sized in `em` shrink with it.
 * The element needs a bounded height (e.g. `flex: 1; min-height: 0; overflow: hidden`).
 */
export function useFitText<T extends HTMLElement>(content: unknown, min = 0.5) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      el.style.fontSize = '';
      const styled = parseFloat(getComputedStyle(el).fontSize);
      let size = styled;
      while ((el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) && size > styled * min) {
        size = Math.max(styled * min, size * 0.94);
        el.style.fontSize = `${size}px`;
      }
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, [content, min]);
  return ref;
}
