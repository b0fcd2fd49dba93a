import { useTranslation } from 'react-i18next';
import { Gender, MemberCategory, TerritoryType, type CountCell, type OutcomeRecord, type OutcomeSection, type OutcomeTable } from '@palabre/contracts';

type Shown = Omit<OutcomeRecord, 'participants'>;

/** The results of a sealed session as readable tables: agenda, attendance, each activity. */
export function RecordView({ record }: { record: Shown }) {
  const { t } = useTranslation('outcomes');
  const b = record.attendance.breakdown;
  const count = (cell: CountCell) => (cell.hidden ? (cell.count ?? t('record.hidden')) : String(cell.count));
  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{t('record.agenda')}</h2>
        <ol>
          {record.agenda.map((a) => (
            <li key={a.activityId}>{a.title}</li>
          ))}
        </ol>
      </section>
      <section className="card stack" aria-labelledby="attendance-heading">
        <h2 id="attendance-heading">{t('record.attendance')}</h2>
        <p>{t('record.present', { present: record.attendance.present, invited: record.attendance.invited })}</p>
        <SimpleTable caption={t('record.byTerritory')} columns={[t('record.territory'), t('record.count')]} rows={TerritoryType.options.map((v) => [t(`territory.${v}`), count(b.territoryType[v])])} />
        <SimpleTable caption={t('record.byCategory')} columns={[t('record.category'), t('record.count')]} rows={MemberCategory.options.map((v) => [t(`category.${v}`), count(b.category[v])])} />
        <SimpleTable caption={t('record.byGender')} columns={[t('record.gender'), t('record.count')]} rows={Gender.options.map((v) => [t(`gender.${v}`), count(b.gender[v])])} />
      </section>
      {record.sections.map((section) => (
        <SectionView key={`${section.kind}-${section.activityId ?? section.title}`} section={section} />
      ))}
    </div>
  );
}

function SectionView({ section }: { section: OutcomeSection }) {
  const { t } = useTranslation('outcomes');
  const id = `section-${section.activityId ?? section.title}`.replace(/[^\w-]/g, '');
  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{section.title}</h2>
      {section.summary && <p>{section.summary}</p>}
      {section.tables.map((table, i) => (
        <ResultTable key={i} table={table} />
      ))}
      {section.ideas.length > 0 && (
        <SimpleTable caption={t('record.ideas')} columns={[t('record.idea'), t('record.supports')]} rows={section.ideas.slice(0, 10).map((i) => [i.text, String(i.supports)])} />
      )}
      {section.syntheses.map((s) => (
        <div key={s.group}>
          <h3>{t('record.synthesis', { group: s.group })}</h3>
          <p>{s.text}</p>
        </div>
      ))}
      {section.questions.length > 0 && (
        <SimpleTable caption={t('record.questions')} columns={[t('record.question'), t('record.votes')]} rows={section.questions.map((q) => [q.text, String(q.upvotes)])} />
      )}
    </section>
  );
}

function ResultTable({ table }: { table: OutcomeTable }) {
  const { t } = useTranslation('outcomes');
  return (
    <div className="stack">
      <SimpleTable caption={table.title} columns={table.columns} rows={table.rows.map((r) => r.map((c) => (c === null ? '—' : String(c))))} />
      {table.method && <p className="muted">{t('record.method', { method: table.method })}</p>}
      {table.note && <p className="muted">{table.note}</p>}
    </div>
  );
}

function SimpleTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: string[][] }) {
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
