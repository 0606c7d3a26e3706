import Link from 'next/link';
import { QUALIFIERS } from '@/lib/vocabulary/qualifiers';
import { COMPARABILITY } from '@/lib/vocabulary/comparability';
import { SERIES } from '@/lib/vocabulary/series';
import { getPackage } from '@/lib/store/live';
import { pageMetadata, SITE_NAME } from '@/lib/site/metadata';
import { requestSiteBase } from '@/lib/site/site-url';

export const dynamic = 'force-dynamic';

export const metadata = pageMetadata(
  'Methodology',
  'What the National Survey on Drug Use and Health is, who it covers, what its terms mean, why the charts never join figures across methodology changes, what the intervals are, and how to cite the data.',
  '/methodology',
);

const GLOSSARY: Array<[string, string]> = [
  ['Past year', 'At least once in the 12 months before the survey interview.'],
  ['Past month', 'At least once in the 30 days before the survey interview.'],
  [
    'Substance use disorder (SUD)',
    'A pattern of alcohol or drug use that causes significant problems or distress, judged from a set of survey questions based on the Diagnostic and Statistical Manual of Mental Disorders (DSM). Until 2019 NSDUH used DSM-IV criteria (“dependence or abuse”); since 2020 it uses DSM-5 criteria, which count more people.',
  ],
  ['Alcohol use disorder (AUD)', 'A substance use disorder involving alcohol.'],
  [
    'Illicit drug use',
    'Use of marijuana, cocaine (including crack), heroin, hallucinogens, inhalants or methamphetamine, or misuse of prescription drugs.',
  ],
  [
    'Misuse (of a prescription drug)',
    'Use in any way a doctor did not direct: without a prescription of one’s own; in greater amounts, more often or longer than told; or in any other way not directed by a doctor. Over-the-counter drugs do not count.',
  ],
  [
    'Needing treatment',
    'NSDUH counts a person as needing substance use treatment if they had a substance use disorder or received treatment at a specialty facility in the past year.',
  ],
  [
    'Specialty treatment',
    'Treatment at a drug and alcohol rehabilitation facility (inpatient or outpatient), a hospital (inpatient only) or a mental health center. Treatment in a doctor’s office, an emergency room, a prison or a self-help group is not specialty treatment.',
  ],
];

export default async function MethodologyPage() {
  const pkg = await getPackage();
  const accessed = new Date().toISOString().slice(0, 10);
  const site = await requestSiteBase();
  return (
    <article className="prose">
      <h1>Methodology</h1>
      <p className="lead">How the numbers on this site are made, what they cover, and how to read them honestly.</p>

      <section aria-labelledby="nsduh">
        <h2 id="nsduh">What NSDUH is</h2>
        <p>
          The National Survey on Drug Use and Health (NSDUH) is the main source of statistics on substance use and mental health in the
          United States. It is run every year by the Substance Abuse and Mental Health Services Administration (SAMHSA), part of the U.S.
          Department of Health and Human Services. Trained interviewers ask a large random sample of people about their use of alcohol,
          tobacco and drugs, substance use disorders, and treatment; their answers are weighted to represent the whole population.
        </p>
        <h3>Who is covered, and who is not</h3>
        <p>
          NSDUH covers the civilian, noninstitutionalized population aged 12 or older: people living in households and in group quarters
          such as college dorms, shelters and rooming houses. It does not cover people on active military duty, people in jails and
          prisons, people in nursing homes, long-term hospitals and other institutions, or homeless people who do not use shelters. Some
          of these groups have high rates of substance use disorder, so NSDUH figures are likely to understate the true total.
        </p>
        <p>
          Answers are self-reported. People may not report use they are ashamed of, and a survey-based disorder is not a diagnosis by a
          clinician.
        </p>
      </section>

      <section aria-labelledby="glossary">
        <h2 id="glossary">Glossary</h2>
        <dl className="glossary">
          {GLOSSARY.map(([term, definition]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{definition}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="breaks">
        <h2 id="breaks">Methodology changes, and why the charts never join them</h2>
        <p>
          SAMHSA changed how NSDUH is done several times. After each change, SAMHSA advises against comparing the new estimates with
          the old ones: a rise or fall across a change may come from the new method, not from real change in people’s lives. Every
          figure on this site carries its <strong>comparability series</strong>. Charts draw each series as its own line, never join
          points across a change, mark each change with a labelled break, and summaries never compare figures across one.
        </p>
        <div className="table-scroll" role="region" aria-label="Comparability series" tabIndex={0}>
          <table className="data">
            <caption>NSDUH comparability series used on this site</caption>
            <thead>
              <tr>
                <th scope="col">Series</th>
                <th scope="col">Survey years</th>
                <th scope="col">What changed</th>
                <th scope="col">Comparable with</th>
              </tr>
            </thead>
            <tbody>
              {SERIES.map((s) => (
                <tr key={s.name}>
                  <th scope="row">
                    {s.title}
                    <br />
                    <code>{s.name}</code>
                  </th>
                  <td>
                    {s.firstYear}–{s.lastYear ?? 'present'}
                  </td>
                  <td>{s.change}</td>
                  <td>{s.comparability}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3 id="per-measure">Which measures continue across the 2015 redesign</h3>
        <p>
          The 2015 redesign broke some measures and not others. SAMHSA pooled 2014 with 2015 in its 2014-2015 state estimates only for
          measures it found comparable (“{COMPARABILITY.measures[0].evidence[0].quote}”), so those measures form one series from 2002 to
          2019 here and their charts join 2014 to 2015. Every other measure breaks in 2015 (“{COMPARABILITY.default.evidence[0].quote}”).
          The registry, with the evidence for every claim, is <code>comparability</code> in{' '}
          <a href="/data/datapackage.json">datapackage.json</a>.
        </p>
        <div className="table-scroll" role="region" aria-label="Measures comparable across 2015" tabIndex={0}>
          <table className="data">
            <caption>Measures comparable across the 2015 redesign, and SAMHSA’s evidence</caption>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col">Evidence</th>
              </tr>
            </thead>
            <tbody>
              {COMPARABILITY.measures.map((m) => (
                <tr key={m.indicators.join()}>
                  <th scope="row">
                    {m.indicators.map((i) => (
                      <code key={i} className="block">
                        {i}
                      </code>
                    ))}
                  </th>
                  <td>
                    {m.evidence
                      .filter((e) => /2014 and 2015/.test(e.quote))
                      .map((e) => (
                        <span key={e.quote}>
                          “{e.quote}” ({e.source})
                        </span>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          Sometimes SAMHSA restates a figure in a later report (for example, 2021 figures revised in the 2024 report). Both versions are
          kept; charts show the latest revision and the first published value is listed beside it. SAMHSA compares 2022 and later years
          with 2021 only through its restated 2021 figures (“{COMPARABILITY.restatements[0].evidence[0].quote}”), so a 2021 figure
          known only as first published stands alone: no line joins it to 2022.
        </p>
      </section>

      <section aria-labelledby="intervals">
        <h2 id="intervals">What the intervals mean</h2>
        <p>
          A survey estimate is uncertain because it comes from a sample. Where the publisher gives a 95% interval, this site shows it in
          every chart, tooltip and table.
        </p>
        <ul>
          <li>
            <strong>National estimates</strong> come with <strong>design-based 95% confidence intervals</strong>, computed from the survey
            design. If the survey were repeated many times, intervals built this way would contain the true value about 95% of the time.
          </li>
          <li>
            <strong>State and census-region estimates</strong> are <strong>small-area estimates</strong>: a statistical model combines each
            state’s survey answers with information from other states and other sources, because each state alone has too few interviews.
            They come with <strong>95% Bayesian credible intervals</strong>: given the model and the data, the true value lies in the
            interval with 95% probability.
          </li>
          <li>
            Many national figures were published in report text without an interval. The site shows none for them rather than invent one.
          </li>
        </ul>
        <p>
          When a state’s whole interval lies above or below the U.S. estimate, the ranking marks it “higher” or “lower”. Overlapping
          intervals do not prove two figures equal; they mean the survey cannot tell them apart. This is a plain reading of the
          intervals, not a formal significance test.
        </p>
      </section>

      <section aria-labelledby="pooled">
        <h2 id="pooled">Pooled two-year state estimates</h2>
        <p>
          State figures are annual averages of two consecutive survey years — for example 2018–2019 — because one year of interviews is
          not enough for precise state estimates. A two-year average is a different kind of figure from a single year, so trend charts
          draw it as its own mark across both years and never join it to annual figures. Pooled estimates never span a methodology
          change.
        </p>
      </section>

      <section aria-labelledby="qualifiers">
        <h2 id="qualifiers">Notes on how figures were published</h2>
        <dl className="glossary">
          {QUALIFIERS.map((q) => (
            <div key={q.code}>
              <dt>{q.label}</dt>
              <dd>{q.description}</dd>
            </div>
          ))}
        </dl>
        <p>Missing figures are gaps, never zeros. No figure on this site is estimated, interpolated or filled in by us.</p>
      </section>

      <section aria-labelledby="cite">
        <h2 id="cite">How to cite</h2>
        <p>The data are public-domain works of the U.S. government. Please cite SAMHSA as the source, for example:</p>
        <blockquote className="citation">
          Substance Abuse and Mental Health Services Administration. National Survey on Drug Use and Health: 2018–2019 state-specific
          tables. Rockville, MD: Center for Behavioral Health Statistics and Quality, SAMHSA.
        </blockquote>
        <p>and, if you used this site’s compiled data:</p>
        <blockquote className="citation">
          {SITE_NAME}. {pkg.title}, version {pkg.version}. {site}/data (accessed {accessed}).
        </blockquote>
        <p>
          Every figure’s own source — the SAMHSA table or the published text it comes from — is in the <Link prefetch={false} href="/data">data</Link> and in
          each chart’s table.
        </p>
      </section>
    </article>
  );
}
