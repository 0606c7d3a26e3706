/**
 * The statistics the IOP explainer quotes, chosen from the data at render time. Nothing here is
 * typed in: each figure is an observation, shown with its source.
 */
import { toStatesModel, type StateValue } from '../charts/states';
import { figureFor, latestFigure, type Figure } from './headline';
import type { Observation } from '../vocabulary/schema';
import { periodYears } from '../vocabulary/series';

export interface TreatmentGap {
  period: string;
  /** People who needed substance use treatment (a count). */
  needed: Observation;
  /** Of them, the percent who received it at a specialty facility. */
  receivedSpecialty: Observation;
}

export interface StateGap {
  period: string;
  us: Observation;
  highest: StateValue;
  lowest: StateValue;
}

export interface IopStatistics {
  reference: Figure | null;
  latest: Figure | null;
  gap: TreatmentGap | null;
  /** The latest percent of those needing treatment who received any treatment, in any setting. */
  receivedAny: Observation | null;
  stateGap: StateGap | null;
}

const US_12 = { geography: 'US', age_group: '12+' } as const;
const lastYear = (period: string) => periodYears(period)?.[1] ?? 0;
const latestRevision = (rows: Observation[]) => rows.sort((a, b) => b.revision - a.revision)[0];

export function iopStatistics(observations: readonly Observation[], referencePeriod: string): IopStatistics {
  const us = observations.filter((o) => o.geography === US_12.geography && o.age_group === US_12.age_group && o.estimate !== null);

  let gap: TreatmentGap | null = null;
  const neededPeriods = [...new Set(us.filter((o) => o.indicator === 'needed_tx_any' && ['millions', 'thousands', 'persons'].includes(o.unit)).map((o) => o.period))].sort(
    (a, b) => lastYear(b) - lastYear(a),
  );
  for (const period of neededPeriods) {
    const share = us.filter(
      (o) =>
        o.period === period &&
        ((o.indicator === 'received_specialty_tx_among_needing' && o.unit === 'percent') ||
          (o.indicator === 'received_specialty_tx_any_among_needing' && o.unit === 'percent_of_needing')),
    );
    if (share.length) {
      const needed = us.filter((o) => o.period === period && o.indicator === 'needed_tx_any' && ['millions', 'thousands', 'persons'].includes(o.unit));
      gap = { period, needed: latestRevision(needed), receivedSpecialty: latestRevision(share) };
      break;
    }
  }

  const any = us.filter((o) => o.indicator === 'received_any_su_tx_among_needing').sort((a, b) => lastYear(b.period) - lastYear(a.period) || b.revision - a.revision);

  let stateGap: StateGap | null = null;
  const statePeriods = [...new Set(observations.filter((o) => o.indicator === 'needing_not_receiving_specialty_tx' && o.geography !== 'US').map((o) => o.period))].sort(
    (a, b) => lastYear(b) - lastYear(a),
  );
  if (statePeriods.length) {
    const model = toStatesModel(observations, {
      indicator: 'needing_not_receiving_specialty_tx',
      indicatorTitle: '',
      ageGroup: '12+',
      measure: 'percent',
      period: statePeriods[0],
    });
    if (model.us && model.states.length) {
      stateGap = { period: statePeriods[0], us: model.us.observation, highest: model.states[0], lowest: model.states[model.states.length - 1] };
    }
  }

  return {
    reference: figureFor(observations, { indicator: 'sud_past_year', ...US_12, period: referencePeriod }),
    latest: latestFigure(us, { indicator: 'sud_past_year', ...US_12 }),
    gap,
    receivedAny: any[0] ?? null,
    stateGap,
  };
}
