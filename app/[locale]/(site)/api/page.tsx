import Link from 'next/link';
import { getPackage } from '@/lib/store/live';
import { pageMetadata } from '@/lib/site/metadata';
import { requestSiteBase } from '@/lib/site/site-url';

export const dynamic = 'force-dynamic';

export const metadata = pageMetadata(
  'API',
  'A read-only JSON and CSV API for every NSDUH figure on the site, with filters, ETags, CORS and an OpenAPI 3.1 description, and examples in curl, R, Python and JavaScript.',
  '/api',
);

const PARAMETERS: Array<[string, string]> = [
  ['indicator', 'Indicator identifiers, e.g. sud_past_year (see each dataset’s page or datapackage.json).'],
  ['geography', 'US; Northeast, Midwest, South, West; or state postal codes such as CA,TX,DC.'],
  ['age_group', '12+, 12-17, 18-25, 26+, 18+, 12-20, 65+ (write + as %2B in a URL).'],
  ['period', 'A survey year (2014) or a pooled pair (2018-2019).'],
  ['unit', 'percent, percent_of_needing, percent_of_aud, percent_of_at_risk, persons, thousands, millions.'],
  ['revision', '0 for figures as first published; 1, 2… for later restatements of the same figure (both are kept). Without it, every revision.'],
  ['from, to', 'Keep periods that start in or after from, and end in or before to (years).'],
  ['format', 'json (default) or csv: the canonical CSV, which data:check accepts as is.'],
];

function Code({ children, label }: { children: string; label: string }) {
  return (
    <pre className="code" tabIndex={0} aria-label={label}>
      <code>{children}</code>
    </pre>
  );
}

export default async function ApiPage() {
  const pkg = await getPackage();
  const base = await requestSiteBase();
  const state = pkg.resources.find((r) => r.name.startsWith('state-'))?.name ?? pkg.resources[0].name;
  const csvUrl = `${base}/api/datasets/${state}?indicator=sud_past_year&geography=CA,TX&age_group=18-25&format=csv`;
  const jsonUrl = `${base}/api/datasets/national-estimates?indicator=sud_past_year&from=2021`;
  return (
    <article className="prose">
      <h1>API</h1>
      <p className="lead">
        Every figure on this site, as JSON or CSV, over plain HTTP. No key, no sign-up; cross-origin requests are allowed. The data are in
        the public domain: please cite SAMHSA (see <Link prefetch={false} href="/data#cite">how to cite</Link>).
      </p>

      <section aria-labelledby="endpoints">
        <h2 id="endpoints">Endpoints</h2>
        <div className="table-scroll" role="region" aria-label="Endpoints of the read API" tabIndex={0}>
          <table className="data">
            <caption>Endpoints of the read API</caption>
            <thead>
              <tr>
                <th scope="col">Request</th>
                <th scope="col">Returns</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">
                  <code>GET /api/datasets</code>
                </th>
                <td>The catalog: each dataset’s coverage, size, hash and links.</td>
              </tr>
              <tr>
                <th scope="row">
                  <code>GET /api/datasets/{'{id}'}</code>
                </th>
                <td>A dataset’s observations, filtered by the parameters below, as JSON or CSV.</td>
              </tr>
              <tr>
                <th scope="row">
                  <code>GET /api/package</code>
                </th>
                <td>Everything as one ZIP: datapackage.json, the CSVs and a README.</td>
              </tr>
              <tr>
                <th scope="row">
                  <code>GET /api/openapi.json</code>
                </th>
                <td>
                  This API described in <a href="/api/openapi.json">OpenAPI 3.1</a>.
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="parameters">
        <h2 id="parameters">Parameters of /api/datasets/{'{id}'}</h2>
        <dl className="glossary">
          {PARAMETERS.map(([name, text]) => (
            <div key={name}>
              <dt>
                <code>{name}</code>
              </dt>
              <dd>{text}</dd>
            </div>
          ))}
        </dl>
        <p>
          Lists are comma-separated. An unknown, repeated, empty or malformed parameter gets a <code>400</code> answer whose JSON names it
          (<code>{'{"error": {"parameter": "geography", "message": "…"}}'}</code>); an unknown dataset gets <code>404</code>.
        </p>
      </section>

      <section aria-labelledby="caching">
        <h2 id="caching">Caching</h2>
        <p>
          Every answer has a strong <code>ETag</code> and <code>Cache-Control: public, no-cache</code>. Send the ETag back in{' '}
          <code>If-None-Match</code> and you get <code>304 Not Modified</code> until the data change — published revisions show at once.
        </p>
      </section>

      <section aria-labelledby="examples">
        <h2 id="examples">Examples</h2>
        <h3>curl</h3>
        <Code label="curl example">{`curl -sS -o sud-18-25.csv '${csvUrl}'
curl -sS '${jsonUrl}'`}</Code>
        <h3>R</h3>
        <Code label="R example">{`sud <- read.csv("${csvUrl}")
# intervals are columns ci_lower, ci_upper; never compare rows of different series
library(jsonlite)
national <- fromJSON("${jsonUrl}")$observations`}</Code>
        <h3>Python</h3>
        <Code label="Python example">{`import pandas as pd, requests
sud = pd.read_csv("${csvUrl}")
r = requests.get("${jsonUrl}")
national = pd.DataFrame(r.json()["observations"])
# ask again later: 304 means nothing changed
again = requests.get("${jsonUrl}", headers={"If-None-Match": r.headers["ETag"]})`}</Code>
        <h3>JavaScript</h3>
        <Code label="JavaScript example">{`const res = await fetch("${jsonUrl}");
if (!res.ok) throw new Error((await res.json()).error.message);
const { observations } = await res.json();`}</Code>
      </section>
    </article>
  );
}
