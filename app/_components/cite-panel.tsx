'use client';

import { useState } from 'react';
import type { Citation } from '@/lib/site/citation';

const FORMATS = [
  ['text', 'Plain text'],
  ['bibtex', 'BibTeX'],
  ['ris', 'RIS'],
] as const;

/** Suggested citations in three formats, each copyable with one click. */
export function CitePanel({ citations }: { citations: Citation[] }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async (id: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(id);
    } catch {
      setCopied(`${id}:failed`);
    }
  };
  return (
    <div className="cite-panel">
      {citations.map((c, i) => (
        <section key={c.label} aria-labelledby={`cite-${i}`}>
          <h3 id={`cite-${i}`}>{c.label}</h3>
          {FORMATS.map(([key, label]) => {
            const id = `${i}-${key}`;
            return (
              <div key={key} className="cite-format">
                <div className="cite-head">
                  <span>{label}</span>
                  <button type="button" className="secondary" onClick={() => copy(id, c[key])} aria-describedby={`${id}-status`}>
                    Copy {label}
                  </button>
                  <span id={`${id}-status`} role="status" className="copy-status">
                    {copied === id ? 'Copied' : copied === `${id}:failed` ? 'Could not copy: select the text instead' : ''}
                  </span>
                </div>
                <pre className="code" tabIndex={0} aria-label={`${c.label}, ${label}`}>
                  <code>{c[key]}</code>
                </pre>
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
