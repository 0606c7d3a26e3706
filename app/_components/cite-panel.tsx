'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import type { Citation } from '@/lib/site/citation';

/** The formats shown, with their names (BibTeX and RIS are names in every language). */
const FORMATS = [
  { key: 'text', name: null },
  { key: 'bibtex', name: 'BibTeX' },
  { key: 'ris', name: 'RIS' },
] as const;

/** Suggested citations in three formats, each copyable with one click. The citations come in the page's language. */
export function CitePanel({ citations }: { citations: Citation[] }) {
  const t = useTranslations('cite');
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
          {FORMATS.map(({ key, name }) => {
            const id = `${i}-${key}`;
            const label = name ?? t('panel.plainText');
            return (
              <div key={key} className="cite-format">
                <div className="cite-head">
                  <span>{label}</span>
                  <button type="button" className="secondary" onClick={() => copy(id, c[key])} aria-describedby={`${id}-status`}>
                    {name ? t('panel.copy', { format: name }) : t('panel.copyPlainText')}
                  </button>
                  <span id={`${id}-status`} role="status" className="copy-status">
                    {copied === id ? t('panel.copied') : copied === `${id}:failed` ? t('panel.copyFailed') : ''}
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
