import { useTranslation } from 'react-i18next';
import {
  Gender, MAJORITY_GRADES, MemberCategory, TerritoryType,
  type BreakdownCell, type QuestionBreakdown, type QuestionResults, type QuestionView,
} from '@palabre/contracts';
import { currentLocale } from '../../../i18n';

type T = (key: string, opts?: Record<string, unknown>) => string;
type Dimension = 'territoryType' | 'category' | 'gender';

const DIMENSIONS: { key: Dimension; values: readonly string[]; labels: string }[] = [
  { key: 'territoryType', values: TerritoryType.options, labels: 'territory' },
  { key: 'category', values: MemberCategory.options, labels: 'category' },
  { key: 'gender', values: Gender.options, labels: 'gender' },
];

/** The columns a group's results are shown in: one per option, or the type's own figures. */
interface Column { key: string; label: string; value: (r: QuestionResults) => string }

const FIGURE: Record<QuestionResults['type'], string> = {
  single: 'count', multiple: 'count', yesno: 'count', ranking: 'borda', points: 'points', scale: 'scale', majority: 'majority', text: 'words',
};

function columnsOf(question: QuestionView, t: T): Column[] {
  const { config } = question;
  const percent = (n: number) => `${n.toLocaleString(currentLocale())} %`;
  switch (config.type) {
    case 'single':
    case 'multiple':
    case 'ranking':
    case 'points':
    case 'majority':
      return config.options.map((o) => ({
        key: o.id,
        label: o.label,
        value: (r) => {
          switch (r.type) {
            case 'single':
            case 'multiple': {
              const found = r.options.find((x) => x.optionId === o.id);
              return found ? percent(found.percent) : '—';
            }
            case 'ranking': {
              const found = r.options.find((x) => x.optionId === o.id);
              return found ? t('breakdown.rankScore', { rank: found.rank, score: found.score }) : '—';
            }
            case 'points': {
              const found = r.options.find((x) => x.optionId === o.id);
              return found ? percent(found.share) : '—';
            }
            case 'majority': {
              const found = r.options.find((x) => x.optionId === o.id);
              return found && found.majorityGrade !== null ? MAJORITY_GRADES[r.gradeCount][currentLocale()][found.majorityGrade] : '—';
            }
            default:
              return '—';
          }
        },
      }));
    case 'yesno':
      return (['yes', 'no', 'abstain'] as const).map((choice) => ({
        key: choice,
        label: t(`yesno.${choice}`),
        value: (r) => {
          const found = r.type === 'yesno' ? r.choices.find((c) => c.choice === choice) : undefined;
          return found ? percent(found.percent) : '—';
        },
      }));
    case 'scale':
      return [
        { key: 'mean', label: t('breakdown.mean'), value: (r) => (r.type === 'scale' && r.mean !== null ? r.mean.toLocaleString(currentLocale()) : '—') },
        { key: 'median', label: t('breakdown.median'), value: (r) => (r.type === 'scale' && r.median !== null ? r.median.toLocaleString(currentLocale()) : '—') },
      ];
    case 'text':
      return [{ key: 'words', label: t('breakdown.words'), value: (r) => (r.type === 'text' && r.words.length > 0 ? r.words.slice(0, 3).map((w) => w.word).join(', ') : '—') }];
  }
}

function Row({ label, cell, columns, minCell }: { label: string; cell: BreakdownCell; columns: Column[]; minCell: number }) {
  const { t } = useTranslation('surveys');
  if (cell.hidden) {
    return (
      <tr>
        <th scope="row">{label}</th>
        <td className="breakdown-hidden" colSpan={columns.length + 1}>
          {cell.reason === 'small_cell' ? t('breakdown.small', { min: minCell }) : t('breakdown.complementary', { min: minCell })}
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{cell.voters}</td>
      {columns.map((c) => <td key={c.key}>{c.value(cell.results)}</td>)}
    </tr>
  );
}

/**
 * One table per dimension (territory type, category, gender): a row per group with its voters
 * and results. The server has already hidden the groups under `minCell` voters (and any group
 * that would let one be deduced); their row says so and shows no figure.
 */
export function BreakdownTables({ question, breakdown }: { question: QuestionView; breakdown: QuestionBreakdown }) {
  const { t } = useTranslation('surveys');
  const { t: tOutcomes } = useTranslation('outcomes');
  const translate: T = (key, opts) => t(key, opts ?? {});
  const columns = columnsOf(question, translate);
  const figure = t(`breakdown.figure.${FIGURE[question.config.type]}`);
  return (
    <div className="stack">
      {DIMENSIONS.map(({ key, values, labels }) => {
        const cells = breakdown[key] as Record<string, BreakdownCell>;
        return (
          <div key={key} className="table-wrap" role="region" aria-label={t(`breakdown.${key}`)} tabIndex={0}>
            <table className="breakdown-table">
              <caption>{t('breakdown.caption', { dimension: t(`breakdown.${key}`), figure })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('breakdown.group')}</th>
                  <th scope="col">{t('breakdown.voters')}</th>
                  {columns.map((c) => <th key={c.key} scope="col">{c.label}</th>)}
                </tr>
              </thead>
              <tbody>
                {values.map((v) => cells[v] && <Row key={v} label={tOutcomes(`${labels}.${v}`)} cell={cells[v]} columns={columns} minCell={breakdown.minCell} />)}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
}
