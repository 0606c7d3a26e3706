import { HELP_LINES } from '@/lib/site/metadata';

/** Where to get help now: SAMHSA's National Helpline, FindTreatment.gov and the 988 Lifeline. */
export function HelpLines({ compact = false }: { compact?: boolean }) {
  return (
    <ul className="help-lines">
      {HELP_LINES.map((line) => (
        <li key={line.name}>
          <strong>{line.name}</strong>
          {compact ? ': ' : <> — {line.detail}: </>}
          <a href={line.href}>{line.action}</a>
        </li>
      ))}
    </ul>
  );
}
