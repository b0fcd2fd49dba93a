import type { FollowUpStatus, PublicFollowUp, PublicRecommendation, ResponseDecision } from '@palabre/contracts';

const DECISIONS: Record<ResponseDecision, string> = { accepted: 'Retenue', partial: 'Partiellement retenue', not_retained: 'Non retenue' };
const STATUSES: Record<FollowUpStatus, string> = { pending: 'En attente de réponse', planned: 'Programmée', in_progress: 'En cours', done: 'Réalisée', closed: 'Close' };

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);

/** One paragraph of plain text: the answer, the state and what it comes from. */
export function summaryText(rec: PublicRecommendation): string {
  return [
    rec.response ? `Réponse de la Région : ${DECISIONS[rec.response.decision]}. ${rec.response.reasons}` : 'Réponse de la Région : en attente.',
    `État : ${STATUSES[rec.status]} (${rec.percent} %)${rec.overdue ? ' — en retard' : ''}.`,
    `Origine : ${rec.evidence.sectionTitle} — ${rec.evidence.text}${rec.evidence.figure ? ` (${rec.evidence.figure})` : ''}.`,
    `Séance scellée du ${rec.session.date}, empreinte ${rec.archiveDigest}.`,
  ].join('\n');
}

const updated = (data: PublicFollowUp) => data.recommendations.map((r) => r.updatedAt).sort().at(-1) ?? new Date(0).toISOString();

/** Atom 1.0 (RFC 4287): one entry per published recommendation, newest change first. */
export function atomFeed(data: PublicFollowUp, pageUrl: string, selfUrl: string): string {
  const entries = [...data.recommendations].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).map(
    (r) => `  <entry>
    <id>urn:uuid:${r.id}</id>
    <title>${escapeXml(r.title)}</title>
    <updated>${r.updatedAt}</updated>
    <published>${r.createdAt}</published>
    <link rel="alternate" type="text/html" href="${escapeXml(`${pageUrl}#rec-${r.id}`)}"/>
${[r.theme, ...r.territories].filter((c): c is string => c !== null).map((c) => `    <category term="${escapeXml(c)}"/>`).join('\n')}
    <summary type="text">${escapeXml(summaryText(r))}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <id>urn:uuid:${data.assembly.id}</id>
  <title>${escapeXml(`Suivi des recommandations — ${data.assembly.name}`)}</title>
  <updated>${updated(data)}</updated>
  <author><name>${escapeXml(data.assembly.name)}</name></author>
  <link rel="self" type="application/atom+xml" href="${escapeXml(selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(pageUrl)}"/>
${entries.join('\n')}
</feed>
`;
}

/** JSON Feed 1.1 (jsonfeed.org). */
export function jsonFeed(data: PublicFollowUp, pageUrl: string, selfUrl: string): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `Suivi des recommandations — ${data.assembly.name}`,
    home_page_url: pageUrl,
    feed_url: selfUrl,
    language: 'fr',
    items: [...data.recommendations]
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .map((r) => ({
        id: r.id,
        url: `${pageUrl}#rec-${r.id}`,
        title: r.title,
        content_text: summaryText(r),
        date_published: r.createdAt,
        date_modified: r.updatedAt,
        tags: [r.theme, ...r.territories].filter((c): c is string => c !== null),
        _palabre: { status: r.status, percent: r.percent, overdue: r.overdue, decision: r.response?.decision ?? null, archiveDigest: r.archiveDigest, source: r.source, evidenceUrl: r.evidenceUrl },
      })),
  };
}
