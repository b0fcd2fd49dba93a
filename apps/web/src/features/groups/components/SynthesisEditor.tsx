import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SynthesisView } from '@palabre/contracts';
import { useCommandMutation } from '../../../lib/live';
import { useAnnounce } from '../../../ui/Announcer';
import { ErrorMessage } from '../../../ui/ErrorMessage';

/** The rapporteur's editor: three fields and the proposals (one per line). */
export function SynthesisEditor({ groupId, synthesis }: { groupId: string; synthesis: SynthesisView }) {
  const { t } = useTranslation('groups');
  const announce = useAnnounce();
  const save = useCommandMutation('synthesis.save');
  const [findings, setFindings] = useState(synthesis.findings);
  const [proposals, setProposals] = useState(synthesis.proposals.join('\n'));
  const [disagreements, setDisagreements] = useState(synthesis.disagreements);

  const send = (submit: boolean) => {
    const list = proposals.split('\n').map((p) => p.trim()).filter(Boolean);
    save.mutate({ groupId, findings, proposals: list, disagreements, submit }, { onSuccess: () => announce(t(submit ? 'synthesis.submitted' : 'synthesis.saved')) });
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send(false);
  };

  return (
    <form className="stack" onSubmit={onSubmit} aria-busy={save.isPending}>
      <div className="field">
        <label htmlFor={`findings-${groupId}`}>{t('synthesis.findings')}</label>
        <textarea id={`findings-${groupId}`} rows={4} maxLength={4000} value={findings} onChange={(e) => setFindings(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`proposals-${groupId}`}>{t('synthesis.proposals')}</label>
        <p className="hint" id={`proposals-hint-${groupId}`}>{t('synthesis.proposalsHint')}</p>
        <textarea id={`proposals-${groupId}`} aria-describedby={`proposals-hint-${groupId}`} rows={4} value={proposals} onChange={(e) => setProposals(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`disagreements-${groupId}`}>{t('synthesis.disagreements')}</label>
        <textarea id={`disagreements-${groupId}`} rows={3} maxLength={4000} value={disagreements} onChange={(e) => setDisagreements(e.target.value)} />
      </div>
      <ErrorMessage error={save.error} />
      <div className="button-row">
        <button type="submit" className="button" disabled={save.isPending}>{t('synthesis.save')}</button>
        <button type="button" className="button button-primary" disabled={save.isPending} onClick={() => send(true)}>{t('synthesis.submit')}</button>
      </div>
    </form>
  );
}
