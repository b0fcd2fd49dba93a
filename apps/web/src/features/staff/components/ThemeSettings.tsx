import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AssemblyTheme, SessionSummary } from '@palabre/contracts';
import { ROUTE_RULES } from '@palabre/domain';
import { apiRequest } from '../../../lib/api';
import { useStaffAuth } from '../../../lib/use-stored-auth';
import { ErrorMessage } from '../../../ui/ErrorMessage';

const LOGO_MAX_BYTES = 140_000; // under the contract's 200,000 characters once in base64

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Organisers: the projector's colours and logo for the session's assembly. */
export function ThemeSettings({ session }: { session: SessionSummary }) {
  const { t } = useTranslation('staff');
  const auth = useStaffAuth();
  const ids = { colour: useId(), logo: useId(), hint: useId() };
  const [colour, setColour] = useState(session.theme?.primary ?? '#1d3f8f');
  const [logo, setLogo] = useState<string | undefined>(session.theme?.logo);
  const [tooLarge, setTooLarge] = useState(false);
  const save = useMutation<SessionSummary, Error, AssemblyTheme | null>({
    mutationFn: (theme) => apiRequest('sessions.theme', { token: auth?.token, params: { id: session.id }, body: { theme } }),
  });
  const rule = ROUTE_RULES['sessions.theme'];
  const allowed = auth !== null && rule.auth === 'staff' && rule.roles.some((role) => role === auth.account.role);
  if (!allowed || session.assemblyName === null) return null;

  async function pickLogo(file: File | undefined) {
    setTooLarge(false);
    if (!file) return setLogo(undefined);
    if (file.size > LOGO_MAX_BYTES) return setTooLarge(true);
    setLogo(await readAsDataUrl(file));
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({ primary: colour, ...(logo ? { logo } : {}) });
  }

  return (
    <section className="card stack" aria-labelledby="theme-heading">
      <h2 id="theme-heading">{t('theme.title')}</h2>
      <p className="hint" id={ids.hint}>
        {t('theme.hint', { assembly: session.assemblyName })}
      </p>
      <form className="stack" onSubmit={submit} aria-describedby={ids.hint}>
        <div className="field field-inline">
          <label htmlFor={ids.colour}>{t('theme.colour')}</label>
          <input id={ids.colour} type="color" value={colour} onChange={(e) => setColour(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.logo}>{t('theme.logo')}</label>
          <input id={ids.logo} type="file" accept="image/png,image/jpeg,image/webp,image/svg+xml" onChange={(e) => void pickLogo(e.target.files?.[0])} />
          {tooLarge && <p className="error">{t('theme.tooLarge')}</p>}
          {logo && <img className="theme-logo-preview" src={logo} alt={t('theme.logoPreview')} />}
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {t('theme.save')}
          </button>
          <button type="button" className="button" disabled={save.isPending} onClick={() => save.mutate(null)}>
            {t('theme.reset')}
          </button>
        </div>
        {save.isSuccess && <p role="status">{save.data.theme ? t('theme.saved') : t('theme.cleared')}</p>}
      </form>
      <ErrorMessage error={save.error} />
    </section>
  );
}
