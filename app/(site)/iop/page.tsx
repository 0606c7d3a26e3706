import { DataNotice } from '@/app/_components/data-notice';
import Link from 'next/link';
import { HelpLines } from '@/app/_components/help-lines';
import { iopStatistics } from '@/lib/data/iop';
import type { Observation } from '@/lib/vocabulary/schema';
import { seriesByName } from '@/lib/vocabulary/series';
import { getAllObservations } from '@/lib/data/store';
import { formatObservation, formatPeriod } from '@/lib/format/numbers';
import { pageMetadata } from '@/lib/site/metadata';

export const dynamic = 'force-dynamic';

export const metadata = pageMetadata(
  'Intensive Outpatient Programs (IOP)',
  'What an Intensive Outpatient Program is, who it helps, what a week looks like, what it costs, and where to find one — with the latest national numbers on substance use disorder and treatment.',
  '/iop',
);

/** The 2014 national estimate is the project's reference point. */
const REFERENCE_PERIOD = '2014';

const value = (o: Observation) => formatObservation(o).estimate;

const LEVEL_COLUMNS = ['Level of care', 'Where you live', 'Typical time in treatment', 'Often a fit when'];
const LEVELS: Array<[string, string, string, string]> = [
  ['Outpatient', 'At home', 'A few hours a week or less, often one session a week', 'Things are fairly stable and a regular check-in with a counselor is enough'],
  ['Intensive outpatient (IOP)', 'At home', 'About 3 hours a day, 3–4 days a week, for about 12 weeks', 'You need more support than a weekly visit but can stay safe at home'],
  ['Partial hospitalization (day treatment)', 'At home', 'Most of the day, about 5 days a week', 'You need close daily care but not overnight supervision'],
  ['Residential', 'At the treatment center', 'Around the clock, for weeks or months', 'You need a structured, substance-free place to live while you start recovery'],
];

function Source({ observations }: { observations: Observation[] }) {
  const sources = [...new Set(observations.map((o) => o.source))];
  return <p className="source">Source: {sources.join('; ')}</p>;
}

export default async function IopPage() {
  const stats = iopStatistics(await getAllObservations(), REFERENCE_PERIOD);
  const { reference, latest, gap, receivedAny, stateGap } = stats;
  const latestCount = latest?.values.find((o) => o.unit !== 'percent');
  const latestPercent = latest?.values.find((o) => o.unit === 'percent');
  const referenceCount = reference?.values[0];
  const latestSeries = latest ? seriesByName(latest.series) : undefined;

  return (
    <article className="prose">
      <DataNotice />
      <h1>Intensive Outpatient Programs (IOP)</h1>
      <p className="lead">
        An Intensive Outpatient Program is a type of treatment for substance use. You go to the program several days a week for a few
        hours at a time, and you keep living at home.
      </p>

      <section aria-labelledby="numbers" className="stat-panel">
        <h2 id="numbers">Why it matters: the numbers</h2>
        <ul className="stats">
          {referenceCount ? (
            <li>
              <p className="stat-figure">{value(referenceCount)}</p>
              <p>
                people aged 12 or older had a substance use disorder in the past year in {formatPeriod(REFERENCE_PERIOD)}.
              </p>
              <Source observations={[referenceCount]} />
              <p>
                <Link href="/?indicator=sud_past_year&trend=count">See the national trend</Link>
              </p>
            </li>
          ) : null}
          {latest && latestCount ? (
            <li>
              <p className="stat-figure">{value(latestCount)}</p>
              <p>
                people aged 12 or older had a substance use disorder in {formatPeriod(latest.period)}
                {latestPercent ? <> — {value(latestPercent)} of everyone that age</> : null}.
              </p>
              {latestSeries ? (
                <p className="caveat">
                  This newer number is not comparable with {formatPeriod(REFERENCE_PERIOD)}. {latestSeries.change}
                </p>
              ) : null}
              <Source observations={latest.values} />
            </li>
          ) : null}
          {gap ? (
            <li>
              <p className="stat-figure">{value(gap.receivedSpecialty)}</p>
              <p>
                of the {value(gap.needed)} people aged 12 or older who needed substance use treatment in {formatPeriod(gap.period)} received
                it at a specialty facility, such as a treatment center or an outpatient program.
              </p>
              <Source observations={[gap.needed, gap.receivedSpecialty]} />
              <p>
                <Link href="/?indicator=needed_tx_any&trend=count">See who needed treatment, year by year</Link>
              </p>
            </li>
          ) : null}
          {receivedAny ? (
            <li>
              <p className="stat-figure">{value(receivedAny)}</p>
              <p>
                of people who needed substance use treatment in {formatPeriod(receivedAny.period)} received any treatment, in any setting.
              </p>
              <Source observations={[receivedAny]} />
            </li>
          ) : null}
          {stateGap ? (
            <li>
              <p className="stat-figure">{value(stateGap.us)}</p>
              <p>
                of people aged 12 or older in the United States needed treatment but did not receive it at a specialty facility (
                {formatPeriod(stateGap.period)} average). Across the states this ranged from {value(stateGap.lowest.observation)} in{' '}
                {stateGap.lowest.name} to {value(stateGap.highest.observation)} in {stateGap.highest.name}.
              </p>
              <Source observations={[stateGap.us, stateGap.lowest.observation, stateGap.highest.observation]} />
              <p>
                <Link href="/?indicator=needing_not_receiving_specialty_tx">See the map of the treatment gap by state</Link>
              </p>
            </li>
          ) : null}
        </ul>
      </section>

      <section aria-labelledby="what">
        <h2 id="what">What is IOP?</h2>
        <p>
          Many people know therapy as one visit a week. An Intensive Outpatient Program meets much more often. Most of the time is spent
          in small groups with other people working on their recovery, led by a trained counselor, along with one-on-one sessions.
        </p>
        <p>
          IOP is a place to practise recovery skills, not just talk about them: how to handle cravings and triggers, how to deal with
          stress and conflict without using, and how to rebuild routines and relationships. The setting is supportive and focused on
          learning. You try a skill in the group, use it in daily life, and come back to talk about what worked.
        </p>
      </section>

      <section aria-labelledby="who">
        <h2 id="who">Who is it for?</h2>
        <p>IOP can help:</p>
        <ul>
          <li>a person with a substance use disorder who is working to stop or cut back, and who can stay safe living at home;</li>
          <li>
            a person who has already cleared major hurdles — for example after detox, a hospital stay or a residential program — and
            needs help adjusting to daily life without the substance.
          </li>
        </ul>
        <p>
          Because you go home after each session, IOP can fit around work, school and family. A clinician can help you decide whether IOP
          or another level of care fits you best.
        </p>
      </section>

      <section aria-labelledby="week">
        <h2 id="week">What does it look like?</h2>
        <p>Programs differ, but a typical IOP:</p>
        <ul>
          <li>lasts about 12 weeks;</li>
          <li>meets 3 or 4 days a week;</li>
          <li>has sessions of about 3 hours each.</li>
        </ul>
        <p>
          People who take part deeply gain the most: sharing their own stories, naming their triggers, and talking through how they
          handled a hard moment or a conflict. That openness also helps everyone else in the group, who learn from each other’s
          experiences.
        </p>
      </section>

      <section aria-labelledby="cost">
        <h2 id="cost">Cost and support</h2>
        <ul>
          <li>IOP is usually covered by health insurance, including many public plans. Ask the program or your insurer what is covered.</li>
          <li>Families and loved ones are encouraged to take part, for example in family sessions, so recovery has support at home too.</li>
          <li>Trained providers — counselors, therapists and other clinicians — work with each person in groups and in private sessions.</li>
        </ul>
      </section>

      <section aria-labelledby="levels">
        <h2 id="levels">Where IOP fits among levels of care</h2>
        <p>
          Treatment comes in levels, from a weekly visit to living at a treatment center. This table shows what each level typically looks
          like. It is general information, not medical advice: programs vary, and a clinician can help you find the right level.
        </p>
        <table className="data stack" role="table">
          <caption>Levels of care for substance use, as they typically work</caption>
          <thead role="rowgroup">
            <tr role="row">
              {LEVEL_COLUMNS.map((c) => (
                <th key={c} scope="col" role="columnheader">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {LEVELS.map(([level, ...cells]) => (
              <tr key={level} role="row">
                <th scope="row" role="rowheader">
                  {level}
                </th>
                {cells.map((cell, i) => (
                  <td key={LEVEL_COLUMNS[i + 1]} role="cell" data-label={LEVEL_COLUMNS[i + 1]}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="thanks">
        <h2 id="thanks">Thank you</h2>
        <p>
          To the counselors, nurses, doctors, peer supporters and everyone else who works in treatment programs: thank you for showing up
          for people on their hardest days. And to the many people in recovery who are now living full lives — working, raising families,
          helping others find their way — thank you for showing that recovery is possible.
        </p>
      </section>

      <section aria-labelledby="help" className="help-panel">
        <h2 id="help">Find help</h2>
        <p>If you or someone you care about is struggling with substance use, you do not have to figure it out alone.</p>
        <HelpLines />
      </section>
    </article>
  );
}
