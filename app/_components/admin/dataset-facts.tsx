import type { DataResource, DatasetCoverage } from '@/lib/data/package';
import { formatPeriod } from '@/lib/format/numbers';
import { seriesByName } from '@/lib/vocabulary/series';

const title = (name: string) => seriesByName(name)?.title ?? name;

/**
 * What a dataset holds (its coverage, computed from its rows) and what it may hold (its scope:
 * the series staff agreed it is for), side by side on its staff page.
 */
export function DatasetFacts({ resource, coverage }: { resource: DataResource; coverage: DatasetCoverage | null }) {
  const scope = resource.scope?.series ?? null;
  return (
    <dl className="facts dataset-facts">
      <div>
        <dt>Periods</dt>
        <dd>{coverage ? `${coverage.periods.length}: ${coverage.periods.map(formatPeriod).join(', ')}` : 'Unknown: the live file does not load.'}</dd>
      </div>
      <div>
        <dt>Series it holds</dt>
        <dd>
          {coverage ? (
            coverage.series.map((s) => (
              <div key={s}>
                {title(s)} <code>{s}</code>
              </div>
            ))
          ) : (
            'Unknown'
          )}
        </dd>
      </div>
      <div>
        <dt>Indicators</dt>
        <dd>
          {coverage ? coverage.indicators.toLocaleString('en-US') : 'Unknown'}
          {coverage ? (coverage.states ? ', for states as well as the nation' : ', for the nation and regions only') : ''}
        </dd>
      </div>
      <div>
        <dt>Scope: the series it is for</dt>
        <dd>
          {scope ? (
            scope.map((s) => (
              <div key={s}>
                {title(s)} <code>{s}</code>
              </div>
            ))
          ) : (
            'Not declared: a file of any series can be published into it.'
          )}
        </dd>
      </div>
    </dl>
  );
}
