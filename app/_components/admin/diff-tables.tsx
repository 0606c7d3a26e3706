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

/** The differences between two versions of a dataset: changed (before → after), added, removed. For the upload report and the version pages. */
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
            <table className="data diff-changed">
              <thead>
                <tr>
                  <th scope="col">Observation</th>
                  <th scope="col">Column</th>
                  <th scope="col">Before → after</th>
                </tr>
              </thead>
              <tbody>
                {changed.flatMap((c) =>
                  c.fields.map((f, i) => (
                    <tr key={`${describeObservation(c.after)}-${f}`}>
                      {i === 0 ? (
                        <th scope="row" rowSpan={c.fields.length}>
                          {describeObservation(c.after)}
                        </th>
                      ) : null}
                      <td>{f}</td>
                      <td>
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

function ObservationList({ title, rows }: { title: string; rows: Observation[] }) {
  return (
    <details>
      <summary>{title}</summary>
      <div className="table-scroll">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Observation</th>
              <th scope="col">Estimate</th>
              <th scope="col">95% interval</th>
              <th scope="col">Series</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => (
              <tr key={describeObservation(o)}>
                <th scope="row">{describeObservation(o)}</th>
                <td className="num">{show(o.estimate)}</td>
                <td className="num">{o.ci_lower === null ? '—' : `${o.ci_lower} to ${o.ci_upper}`}</td>
                <td>{o.series}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
