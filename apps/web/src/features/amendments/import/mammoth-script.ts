import mammothUrl from 'mammoth/mammoth.browser.min.js?url';
import type { DocxConverter } from './text-source';

interface MammothGlobal {
  convertToHtml(input: { arrayBuffer: ArrayBuffer }, options?: { ignoreEmptyParagraphs?: boolean }): Promise<{ value: string }>;
}

let loading: Promise<MammothGlobal> | undefined;

/**
 * mammoth's own browser build (400 kB), loaded as a same-origin script the first time a
 * facilitator picks a Word file: it stays out of every bundle (bundled, its CommonJS helpers would
 * be shared with the members' first load).
 */
function mammoth(): Promise<MammothGlobal> {
  loading ??= new Promise<MammothGlobal>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = mammothUrl;
    script.async = true;
    script.onload = () => {
      const found = (window as unknown as { mammoth?: MammothGlobal }).mammoth;
      if (found) resolve(found);
      else reject(new Error('mammoth did not load'));
    };
    script.onerror = () => {
      loading = undefined;
      reject(new Error('mammoth did not load'));
    };
    document.head.append(script);
  });
  return loading;
}

/** The browser's DOCX converter (see text-source.ts `docxToSource`). */
export const browserDocxConverter: DocxConverter = async (file) => (await (await mammoth()).convertToHtml({ arrayBuffer: file }, { ignoreEmptyParagraphs: true })).value;
