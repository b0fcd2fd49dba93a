import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setReadingMode, storedReadingMode } from './reading-mode';

/** Toggles the large-text, high-contrast mode; the name starts with the visible text (WCAG 2.5.3). */
export function ReadingModeSwitch() {
  const { t } = useTranslation('common');
  const [large, setLarge] = useState(() => storedReadingMode() === 'large');
  const toggle = () => {
    setReadingMode(large ? 'default' : 'large');
    setLarge(!large);
  };
  return (
    <button type="button" className="reading-switch" aria-pressed={large} onClick={toggle}>
      {t('reading.label')}
      <span className="visually-hidden"> {t('reading.more')}</span>
    </button>
  );
}
