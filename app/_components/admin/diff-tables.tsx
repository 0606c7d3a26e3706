import type { ChangedObservation } from '@/lib/admin/changes';
import type { Observation } from '@/lib/vocabulary/schema';
import { formatPeriod } from '@/lib/format/numbers';

export interface DiffCounts {
  added: Observation[];
  removed: Observation[];
  changed: ChangedObservation[];
  /** How many of each there are in all (the lists may hold only the first few). */
  totals: { added: number; removed: number; changed: number };
}

/** "sud_past_year · US · 12+ · 2014 · millions": an observation's key, readable. */
export const describeObservation = (o: Observation) => `${o.indicator} · ${o.geography} · ${o.age_group} · ${formatPeriod(o.period)} · ${o.unit}${o.revision ? ` · revision ${o.revision}` : ''}`;
const show = (v: unknown) => (v === null || v === '' ? '(empty)' : Array.isArray(v) ? v.join(';') || '(none)' : String(v));
const more = (shown: number, total: number) => (total > shown ? ` (the first ${shown} are listed)` : '');

/**
 * The differences between two versions of a dataset: changed (before → after), added, removed.
 * For the upload report, the restore dialog and the version pages. Below 40rem each row becomes
 * a card (table.stack), so "before → after" stays on screen on a phone.
 */
export function DiffTables({ added, removed, changed, totals }: DiffCounts) {
  return (
    <>
      {totals.changed ? (
        <details open>
          <summary>
            Changed observations: {totals.changed.toLocaleString('en-US')}
            {more(changed.length, totals.changed)}
          </summary>
          <div className="table-scroll">
            <table className="data stack diff-changed" role="table">
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">
                    Observation
                  </th>
                  <th scope="col" role="columnheader">
                    Column
                  </th>
                  <th scope="col" role="columnheader">
                    Before → after
                  </th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {changed.flatMap((c) =>
                  c.fields.map((f, i) => (
                    <tr key={`${describeObservation(c.after)}-${f}`} role="row">
                      {i === 0 ? (
                        <th scope="row" role="rowheader" rowSpan={c.fields.length}>
                          {describeObservation(c.after)}
                        </th>
                      ) : null}
                      <td role="cell" data-label="Column">
                        {f}
                      </td>
                      <td role="cell" data-label="Before → after">
                        <del>{show(c.before[f])}</del> → <ins>{show(c.after[f])}</ins>
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
      {totals.added ? <ObservationList title={`Added observations: ${totals.added.toLocaleString('en-US')}${more(added.length, totals.added)}`} rows={added} /> : null}
      {totals.removed ? <ObservationList title={`Removed observations: ${totals.removed.toLocaleString('en-US')}${more(removed.length, totals.removed)}`} rows={removed} /> : null}
    </>
  );
}

const LIST_COLUMNS = ['Observation', 'Estimate', '95% interval', 'Series'] as const;

function ObservationList({ title, rows }: { title: string; rows: Observation[] }) {
  return (
    <details>
      <summary>{title}</summary>
      <div className="table-scroll">
        <table className="data stack diff-list" role="table">
          <thead role="rowgroup">
            <tr role="row">
              {LIST_COLUMNS.map((c) => (
                <th key={c} scope="col" role="columnheader">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {rows.map((o) => (
              <tr key={describeObservation(o)} role="row">
                <th scope="row" role="rowheader">
                  {describeObservation(o)}
                </th>
                <td className="num" role="cell" data-label={LIST_COLUMNS[1]}>
                  {show(o.estimate)}
                </td>
                <td className="num" role="cell" data-label={LIST_COLUMNS[2]}>
                  {o.ci_lower === null ? '—' : `${o.ci_lower} to ${o.ci_upper}`}
                </td>
                <td role="cell" data-label={LIST_COLUMNS[3]}>
                  {o.series}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
