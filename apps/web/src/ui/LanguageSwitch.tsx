import { useTranslation } from 'react-i18next';
import { LOCALES, currentLocale, setLocale } from '../i18n';

/** FR / EN toggle; the choice is kept in localStorage. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('common');
  const active = currentLocale();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')} data-lang={i18n.language}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={active === locale}
          aria-label={`${locale.toUpperCase()} — ${t(`language.${locale}`)}`}
          onClick={() => void setLocale(locale)}
        >
          {locale.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
