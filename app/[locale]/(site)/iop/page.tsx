import { DataNotice } from '@/app/_components/data-notice';
import Link from 'next/link';
import { HelpLines } from '@/app/_components/help-lines';
import { citationText, IOP_SOURCES, iopStatistics, type IopSourceId } from '@/lib/data/iop';
import type { Observation } from '@/lib/vocabulary/schema';
import { seriesByName } from '@/lib/vocabulary/series';
import { getAllObservations } from '@/lib/store/live';
import { oncePerRows } from '@/lib/data/per-version';
import { formatObservation, formatPeriod } from '@/lib/format/numbers';
import { pageMetadata } from '@/lib/site/metadata';

export const dynamic = 'force-dynamic';

export const metadata = pageMetadata(
  'Intensive Outpatient Programs (IOP)',
  'What an Intensive Outpatient Program is, how many hours it takes, how to get an assessment, how insurance and Medicaid pay, medication, programs for teenagers, IOP by video and naloxone — each fact with its source — then the latest national numbers on substance use disorder and treatment.',
  '/iop',
);

/** The 2014 national estimate is the project's reference point. */
const REFERENCE_PERIOD = '2014';

/** The figures the page quotes: they scan every observation, so once per version of the data. */
const statisticsOf = oncePerRows((observations: readonly Observation[]) => iopStatistics(observations, REFERENCE_PERIOD));

const value = (o: Observation) => formatObservation(o).estimate;

/** The page's sections, in order: help and what IOP is first, the numbers last. */
const CONTENTS: Array<[id: string, label: string]> = [
  ['help', 'Find help'],
  ['what', 'What is IOP?'],
  ['hours', 'Hours a week'],
  ['assessment', 'Assessment'],
  ['paying', 'Cost and insurance'],
  ['medication', 'Medication'],
  ['teens', 'Teenagers'],
  ['virtual', 'IOP by video'],
  ['naloxone', 'Naloxone'],
  ['levels', 'Levels of care'],
  ['numbers', 'The numbers'],
];

const LEVEL_COLUMNS = ['Level of care', 'Where you live', 'Hours of treatment', 'Often a fit when'];
const LEVELS: Array<[string, string, string, string]> = [
  ['Outpatient (ASAM level 1)', 'At home', 'Fewer than 9 hours a week for adults, fewer than 6 for teenagers', 'Things are fairly stable and regular sessions with a counselor are enough'],
  ['Intensive outpatient, IOP (level 2.1)', 'At home', '9 or more hours a week for adults, 6 or more for teenagers', 'You need more support than a weekly visit but can stay safe at home'],
  ['Partial hospitalization, day treatment (level 2.5)', 'At home', '20 or more hours a week', 'You need close daily care but not overnight supervision'],
  ['Residential (level 3)', 'At the treatment center', 'Care around the clock, 24 hours a day', 'You need a structured place to live while you start recovery'],
];

/** Names the document a fact comes from, right beside the fact, with a link to it. */
function Cite({ ids }: { ids: IopSourceId[] }) {
  return (
    <p className="cite">
      {ids.length > 1 ? 'Sources: ' : 'Source: '}
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 ? '; ' : ''}
          <a href={IOP_SOURCES[id].url}>{citationText(id)}</a>
        </span>
      ))}
      .
    </p>
  );
}

function Source({ observations }: { observations: Observation[] }) {
  const sources = [...new Set(observations.map((o) => o.source))];
  return <p className="source">Source: {sources.join('; ')}</p>;
}

export default async function IopPage() {
  const stats = statisticsOf(await getAllObservations());
  const { reference, latest, gap, receivedAny, stateGap } = stats;
  const latestCount = latest?.values.find((o) => o.unit !== 'percent');
  const latestPercent = latest?.values.find((o) => o.unit === 'percent');
  const referenceCount = reference?.values[0];
  const latestSeries = latest ? seriesByName(latest.series) : undefined;

  return (
    <article className="prose iop">
      <DataNotice />
      <h1>Intensive Outpatient Programs (IOP)</h1>
      <p className="lead">IOP is treatment for drug or alcohol problems, a few hours a day on several days a week. You live at home.</p>

      <nav aria-labelledby="contents" className="iop-toc">
        <h2 id="contents">On this page</h2>
        <ol>
          {CONTENTS.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ol>
      </nav>

      <section aria-labelledby="help" className="help-panel iop-help">
        <h2 id="help">Find help now</h2>
        <p>You do not have to figure it out alone.</p>
        <HelpLines />
        <p>
          If someone may have overdosed, call 911 and give <a href="#naloxone">naloxone</a>.
        </p>
        <Cite ids={['helpline', 'findTreatment', 'lifeline988', 'overdoseResponse']} />
      </section>

      <section aria-labelledby="what">
        <h2 id="what">What is IOP?</h2>
        <p>
          IOP is a planned schedule of treatment. Most of the time is spent in small groups led by a counselor, along with one-on-one
          counseling, learning about substance use and recovery, help for the family, and help with things like work, school or housing.
        </p>
        <p>
          It can be a first step into treatment, a step down after a hospital stay, detox or a residential program, or a step up from
          weekly counseling.
        </p>
        <p>
          IOP is a place to practice recovery skills: handling cravings and triggers, dealing with stress and conflict without using, and
          rebuilding routines and relationships. You try a skill in the group, use it in daily life, and come back to talk about what
          worked.
        </p>
        <Cite ids={['tip47']} />
        <p>
          Because you go home after each session, IOP can fit around work, school and family. A clinician can help you decide whether IOP
          or another level of care fits you best (see <a href="#assessment">getting an assessment</a>).
        </p>
      </section>

      <section aria-labelledby="hours">
        <h2 id="hours">How many hours a week?</h2>
        <ul>
          <li>
            <strong>Adults:</strong> at least 9 hours of treatment a week.
          </li>
          <li>
            <strong>Teenagers:</strong> at least 6 hours a week.
          </li>
          <li>At 20 hours a week or more, the program is called partial hospitalization (day treatment) instead.</li>
          <li>Programs may meet during the day, before or after work or school, in the evening or at weekends.</li>
        </ul>
        <p>
          These are the hours of level 2.1, “intensive outpatient services”, in the ASAM Criteria, the most widely used guide for
          matching people with a level of care. For example, 3 hours on 3 days makes 9 hours.
        </p>
        <Cite ids={['asam', 'asamAbout']} />
      </section>

      <section aria-labelledby="assessment">
        <h2 id="assessment">Getting an assessment</h2>
        <p>
          Before IOP starts, a counselor, doctor or other clinician does an assessment. Under the ASAM Criteria they look at six areas of
          your life: withdrawal risk, physical health, mental health and mood, how ready you feel to change, the chance of using again, and
          your home and the people around you. Together these point to the level of care that fits.
        </p>
        <Cite ids={['asamAbout']} />
        <p>To find a place for an assessment:</p>
        <ul>
          <li>
            Call SAMHSA’s National Helpline (number in <a href="#help">Find help</a>). It is free, confidential, open 24 hours a day,
            every day, in English and Spanish. It refers callers to local treatment programs, support groups and community organizations.
            It does not give counseling itself.
          </li>
          <li>Search FindTreatment.gov, SAMHSA’s directory of treatment programs. You can search for intensive outpatient programs near you.</li>
          <li>In a crisis, call or text 988, the Suicide &amp; Crisis Lifeline.</li>
        </ul>
        <Cite ids={['helpline', 'findTreatment', 'lifeline988']} />
      </section>

      <section aria-labelledby="paying">
        <h2 id="paying">Insurance, Medicaid and cost</h2>
        <ul>
          <li>
            <strong>The parity law.</strong> Under the Mental Health Parity and Addiction Equity Act of 2008, when a group health plan or health insurance
            company covers substance use treatment, its limits on that treatment — such as copays, deductibles and visit limits — can be no stricter than
            its limits on medical and surgical care.
            <Cite ids={['parity']} />
          </li>
          <li>
            <strong>Marketplace plans.</strong> Every plan sold on the HealthCare.gov Marketplace must cover substance use disorder
            treatment as an “essential health benefit”, with parity protections.
            <Cite ids={['marketplace']} />
          </li>
          <li>
            <strong>Medicaid.</strong> Medicaid is the largest payer for mental health services in the United States and pays for more and
            more substance use treatment. The parity law also applies to Medicaid managed care plans and to CHIP.
            <Cite ids={['medicaid']} />
          </li>
          <li>
            <strong>What Medicaid pays for.</strong> For adults, many substance use services are optional for states, so whether Medicaid
            pays for IOP depends on your state. Children and young people under 21 on Medicaid are entitled to behavioral health care that
            is medically necessary.
            <Cite ids={['macpac']} />
          </li>
          <li>
            <strong>No insurance?</strong> The National Helpline refers people without insurance to their state’s office for state-funded
            treatment, and often to programs that charge on a sliding fee scale or accept Medicare or Medicaid.
            <Cite ids={['helpline']} />
          </li>
        </ul>
        <p>Before you start, ask the program and your health plan what is covered and what you will pay.</p>
      </section>

      <section aria-labelledby="medication">
        <h2 id="medication">Medication alongside IOP</h2>
        <p>
          <strong>Opioids</strong> (such as heroin, fentanyl or prescription painkillers): the FDA has approved three medicines for opioid
          use disorder — <strong>buprenorphine</strong>, <strong>methadone</strong> and <strong>naltrexone</strong>. People taking them
          should also have access to counseling, medical and mental health care, and recovery support. Methadone for opioid use disorder is
          given at certified opioid treatment programs.
        </p>
        <Cite ids={['tip63']} />
        <p>
          <strong>Alcohol:</strong> three medicines are approved for alcohol use disorder — <strong>naltrexone</strong>,{' '}
          <strong>acamprosate</strong> and <strong>disulfiram</strong>. None of them is addictive, and they can be used together with
          counseling or support groups.
        </p>
        <Cite ids={['niaaa']} />
        <p>Ask whether the IOP offers these medicines or works with a doctor who prescribes them.</p>
      </section>

      <section aria-labelledby="teens">
        <h2 id="teens">Programs for teenagers</h2>
        <p>IOP for teenagers means at least 6 hours of treatment a week (ASAM level 2.1).</p>
        <Cite ids={['asam']} />
        <p>Research on treatment for young people aged 12 to 17 finds that:</p>
        <ul>
          <li>treatment should be fitted to the young person;</li>
          <li>it should look at their whole life — health, mental health, school and family — not only drug use;</li>
          <li>families and the community are an important part of treatment;</li>
          <li>any other mental health problems should be treated at the same time;</li>
          <li>staying in treatment long enough, and continuing care afterwards, matter.</li>
        </ul>
        <Cite ids={['nidaTeens']} />
      </section>

      <section aria-labelledby="virtual">
        <h2 id="virtual">IOP by video (virtual IOP)</h2>
        <p>
          Some programs hold IOP by video (telehealth), fully or partly. In one large U.S. study of people in IOP in 2020–2021, those
          treated by video, in person or a mix of both reported similar rates of staying sober 3 months after leaving. Fewer than a third
          of them answered the follow-up survey, so this is early evidence.
        </p>
        <Cite ids={['virtualIop']} />
        <p>
          A review found eight studies comparing addiction treatment by telehealth with in-person treatment; seven found telehealth as
          effective, but not more effective.
        </p>
        <Cite ids={['telehealthReview']} />
        <p>Ask the program whether it offers IOP by video, and your health plan whether it pays for it.</p>
      </section>

      <section aria-labelledby="naloxone">
        <h2 id="naloxone">Naloxone: reversing an opioid overdose</h2>
        <p>
          Naloxone is a medicine that quickly reverses an opioid overdose. On March 29, 2023, the FDA approved Narcan naloxone nasal spray
          for sale without a prescription — the first naloxone product approved for use without one. That lets it be sold in drug stores,
          grocery stores, gas stations and online.
        </p>
        <Cite ids={['narcanOtc']} />
        <p>
          If you think someone has overdosed, give naloxone and call 911. Acting fast can prevent brain injury and death.
        </p>
        <Cite ids={['overdoseResponse']} />
      </section>

      <section aria-labelledby="levels">
        <h2 id="levels">Where IOP fits among levels of care</h2>
        <p>
          Treatment comes in levels, from a weekly visit to living at a treatment center. This table shows what each level typically looks
          like. It is general information, not medical advice: programs vary, and a clinician can help you find the right level.
        </p>
        <table className="data stack" role="table">
          <caption>Levels of care for substance use, as the ASAM Criteria describe them</caption>
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
        <Cite ids={['asam', 'tip47']} />
      </section>

      <section aria-labelledby="numbers" className="stat-panel">
        <h2 id="numbers">The numbers: substance use disorder and treatment in the U.S.</h2>
        <p>Figures from the National Survey on Drug Use and Health (NSDUH), run by SAMHSA, as held in this site’s data. Each names where it was taken from.</p>
        <ul className="stats">
          {referenceCount ? (
            <li>
              <p className="stat-figure">{value(referenceCount)}</p>
              <p>
                people aged 12 or older had a substance use disorder in the past year in {formatPeriod(REFERENCE_PERIOD)}.
              </p>
              <Source observations={[referenceCount]} />
              <p>
                <Link prefetch={false} href="/?indicator=sud_past_year&trend=count">See the national trend</Link>
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
                <Link prefetch={false} href="/?indicator=needed_tx_any&trend=count">See who needed treatment, year by year</Link>
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
                <Link prefetch={false} href="/?indicator=needing_not_receiving_specialty_tx">See the map of the treatment gap by state</Link>
              </p>
            </li>
          ) : null}
        </ul>
      </section>

      <section aria-labelledby="thanks">
        <h2 id="thanks">Thank you</h2>
        <p>
          To the counselors, nurses, doctors, peer supporters and everyone else who works in treatment programs: thank you for showing up
          for people on their hardest days. And to the many people in recovery who are now living full lives — working, raising families,
          helping others find their way — thank you for showing that recovery is possible.
        </p>
      </section>
    </article>
  );
}
