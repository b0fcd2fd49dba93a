import { useTranslation } from 'react-i18next';
import type { Attendance, AttendanceCount } from '@palabre/contracts';

/** Present / expected as a whole percentage, or null without a roster (no division by zero). */
export function presenceRate(count: AttendanceCount): number | null {
  return count.expected > 0 ? Math.round((100 * count.present) / count.expected) : null;
}

function Rows({ rows }: { rows: Array<AttendanceCount & { label: string }> }) {
  return (
    <>
      {rows.map((row) => {
        const rate = presenceRate(row);
        return (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            <td>{row.present}</td>
            <td>{row.expected}</td>
            <td>{rate === null ? '—' : `${rate} %`}</td>
            <td>{row.connected}</td>
          </tr>
        );
      })}
    </>
  );
}

function CountTable({ caption, head, rows }: { caption: string; head: string; rows: Array<AttendanceCount & { label: string }> }) {
  const { t } = useTranslation('room');
  // Without a roster there is nothing to break down.
  if (rows.length === 0) return null;
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="attendance-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col">{t('participants.present')}</th>
            <th scope="col">{t('participants.expected')}</th>
            <th scope="col">{t('participants.rate')}</th>
            <th scope="col">{t('participants.connected')}</th>
          </tr>
        </thead>
        <tbody>
          <Rows rows={rows} />
        </tbody>
      </table>
    </div>
  );
}

/** Présents / attendus, the quorum indicator and the breakdowns, from one `room.attendance` answer. */
export function AttendanceView({ attendance }: { attendance: Attendance }) {
  const { t } = useTranslation('room');
  const { t: tOutcomes } = useTranslation('outcomes');
  const rate = presenceRate(attendance);
  const quorum =
    attendance.quorumPercent === null
      ? t('participants.noQuorum')
      : attendance.quorumReached === null
        ? t('participants.quorumUnknown')
        : attendance.quorumReached
          ? t('participants.quorumReached')
          : t('participants.quorumNotReached');
  return (
    <div className="stack">
      <p className="attendance-summary">
        <strong>
          {rate === null
            ? t('participants.noRoster', { present: attendance.present })
            : t('participants.summary', { present: attendance.present, expected: attendance.expected, rate: `${rate} %` })}
        </strong>
      </p>
      <p className={attendance.quorumReached === false ? 'quorum quorum-missing' : 'quorum'} data-reached={attendance.quorumReached === null ? undefined : String(attendance.quorumReached)}>
        {attendance.quorumPercent !== null && <>{t('participants.quorumRule', { percent: attendance.quorumPercent })} — </>}
        {quorum}
      </p>
      <CountTable
        caption={t('participants.captionTerritory')}
        head={t('participants.territory')}
        rows={attendance.byTerritoryType.map((r) => ({ ...r, label: tOutcomes(`territory.${r.territoryType}`) }))}
      />
      <CountTable
        caption={t('participants.captionCategory')}
        head={t('participants.category')}
        rows={attendance.byCategory.map((r) => ({ ...r, label: tOutcomes(`category.${r.category}`) }))}
      />
    </div>
  );
}
