import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewData } from '@/lib/admin/preview';
import { ingest } from '@/lib/import/ingest';

const ROOT = path.resolve(__dirname, '..', '..');
const read = async (file: string) => (await ingest(readFileSync(path.join(ROOT, file)), { knownIndicators: new Set(), collect: true })).rows;

describe('previewData', () => {
  it('opens on the period an upload changes, not the newest one, and names the places it changes', async () => {
    const y2019 = await read('data/sources/samhsa-sae-2018-2019/percentages/NSDUHsaeExcelTab01-2019.csv');
    const y2021 = await read('data/sources/samhsa-sae-2021/percentages/NSDUHsaeExcelTab01-2021.csv');
    const live = [...y2019, ...y2021];
    // A correction of one 2018-2019 figure, while 2021 is live too.
    const candidate = live.map((o) => (o.period === '2018-2019' && o.geography === 'AL' && o.age_group === '12+' ? { ...o, estimate: 10.6 } : o));
    const p = previewData('illicit_drug_use_past_month', undefined, live, candidate);
    expect(p.changedPeriods).toEqual(['2018-2019']);
    expect(p.changedPlaces).toEqual(['2018-2019|AL']);
    expect(p.changedAges).toEqual(['12+']);
    expect(p.live).toHaveLength(560);

    const added = previewData('illicit_drug_use_past_month', undefined, y2019, live);
    expect(added.changedPeriods).toEqual(['2021']);
    expect(added.changedPlaces).toHaveLength(56);
  });
});
