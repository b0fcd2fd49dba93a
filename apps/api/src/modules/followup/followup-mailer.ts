import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type { FollowUpStatus, ResponseDecision } from '@palabre/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';

const DECISIONS: Record<ResponseDecision, string> = { accepted: 'retenue', partial: 'partiellement retenue', not_retained: 'non retenue' };
const STATUSES: Record<FollowUpStatus, string> = { pending: 'en attente de réponse', planned: 'programmée', in_progress: 'en cours', done: 'réalisée', closed: 'close' };
const CHANGES = { published: 'Nouvelle recommandation suivie', updated: 'Recommandation mise à jour', answered: 'Réponse de la Région', progress: 'Avancement' } as const;

export interface ChangeMail {
  title: string;
  change: keyof typeof CHANGES;
  decision: ResponseDecision | null;
  reasons: string | null;
  status: FollowUpStatus;
  percent: number;
  url: string;
  /** The page that ends this subscriber's subscription (a signed link, no account). */
  unsubscribeUrl: string;
}

/** Sends follow-up notifications through the configured SMTP server (SMTP_URL); plain text, French. */
@Injectable()
export class FollowUpMailer implements OnModuleDestroy {
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  async sendChange(to: string, mail: ChangeMail): Promise<void> {
    if (!this.transport) return;
    const lines = [
      `${CHANGES[mail.change]} : « ${mail.title} »`,
      '',
      mail.decision ? `Réponse de la Région : ${DECISIONS[mail.decision]}.` : 'La Région n’a pas encore répondu.',
      ...(mail.reasons ? [`Motifs : ${mail.reasons}`] : []),
      `État : ${STATUSES[mail.status]} (${mail.percent} %).`,
      '',
      `Suivre la recommandation : ${mail.url}`,
      '',
      'Vous recevez ce message parce que vous avez demandé à suivre les recommandations de votre assemblée.',
      `Pour ne plus les recevoir : ${mail.unsubscribeUrl}`,
    ];
    await this.transport.sendMail({
      from: this.from,
      to,
      subject: `[Suivi] ${CHANGES[mail.change]} — ${mail.title}`,
      text: lines.join('\n'),
      headers: { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>` },
    });
  }

  /** The link a member follows to confirm a subscription asked from the public page. */
  async sendConfirmation(to: string, mail: { assembly: string; url: string; days: number }): Promise<void> {
    if (!this.transport) return;
    const lines = [
      `Vous avez demandé à suivre les recommandations de l’assemblée « ${mail.assembly} » : un courriel à chaque réponse de la Région ou étape d’avancement.`,
      '',
      `Pour confirmer, ouvrez ce lien (valable ${mail.days} jours) : ${mail.url}`,
      '',
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne vous sera envoyé.',
    ];
    await this.transport.sendMail({ from: this.from, to, subject: `[Suivi] Confirmez votre abonnement — ${mail.assembly}`, text: lines.join('\n') });
  }

  private get from(): string {
    return this.config.smtpFrom ?? 'Palabre <no-reply@localhost>';
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
