import { Children, isValidElement, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const PAGE_MS = 12_000;

/**
 * A list that never runs past the bottom of the projector: the items that fit make a page, and
 * the pages take turns every few seconds (no mouse, no scroll bar). Items are measured where
 * they are laid out, so a page holds as many as really fit, whatever their length.
 */
export function ScreenPager({ children, label, className = '' }: { children: ReactNode; label: string; className?: string }) {
  const { t } = useTranslation('screen');
  const frame = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const items = Children.toArray(children);
  const [pages, setPages] = useState<number[]>([0]);
  const [page, setPage] = useState(0);

  useLayoutEffect(() => {
    const box = frame.current;
    const ol = list.current;
    if (!box || !ol) return;
    const measure = () => {
      const height = box.clientHeight;
      const starts = [0];
      let top = 0;
      Array.from(ol.children).forEach((child, index) => {
        const li = child as HTMLElement;
        if (index > 0 && li.offsetTop + li.offsetHeight - top > height) {
          starts.push(index);
          top = li.offsetTop;
        }
      });
      setPages((old) => (old.join() === starts.join() ? old : starts));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    observer.observe(ol);
    return () => observer.disconnect();
  }, [items.length]);

  useEffect(() => {
    if (pages.length < 2) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages.length), PAGE_MS);
    return () => clearInterval(timer);
  }, [pages.length]);

  const current = page % pages.length;
  const start = pages[current] ?? 0;
  const end = pages[current + 1] ?? items.length;
  const offset = (list.current?.children[start] as HTMLElement | undefined)?.offsetTop ?? 0;
  return (
    <div className={`screen-pager ${className}`}>
      <div className="screen-pager-frame" ref={frame}>
        <ol className="screen-pager-list" ref={list} aria-label={label} style={{ transform: `translateY(-${offset}px)` }}>
          {items.map((item, index) => (
            <li key={isValidElement(item) && item.key !== null ? item.key : index} className="screen-pager-item" style={index < start || index >= end ? { visibility: 'hidden' } : undefined}>
              {item}
            </li>
          ))}
        </ol>
      </div>
      {pages.length > 1 && (
        <p className="screen-pager-page" data-testid="screen-page">
          {t('page', { page: current + 1, pages: pages.length })}
        </p>
      )}
    </div>
  );
}
