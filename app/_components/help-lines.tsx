import { getTranslations } from 'next-intl/server';
import { HELP_LINES } from '@/lib/site/metadata';

/**
 * Where to get help now: SAMHSA's National Helpline, FindTreatment.gov and the 988 Lifeline.
 * `compact` (the footer) keeps each line to one sentence; the full form puts the number or address
 * right after the name (once, when they are the same), as a large tap target, and the details beneath it.
 */
export async function HelpLines({ compact = false }: { compact?: boolean }) {
  const t = await getTranslations('common.help');
  const lines = HELP_LINES.map((line) => ({ ...line, name: t(`${line.key}.name`), action: t(`${line.key}.action`), detail: t(`${line.key}.detail`) }));
  if (compact) {
    return (
      <ul className="help-lines">
        {lines.map((line) => (
          <li key={line.key}>
            <strong>{line.name}</strong>: <a href={line.href}>{line.action}</a>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul className="help-lines help-lines-full">
      {lines.map((line) => (
        <li key={line.key}>
          {line.name === line.action ? null : <strong>{line.name}</strong>}{' '}
          <a className="help-action" href={line.href}>
            {line.action}
          </a>
          <span className="help-detail">{line.detail}</span>
        </li>
      ))}
    </ul>
  );
}
