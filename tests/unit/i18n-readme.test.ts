import { describe, expect, it } from 'vitest';
import { readPackage } from '@/lib/data/package';
import { packageReadme } from '@/lib/data/package-readme';

describe('the package README in Spanish (/api/package?lang=es)', () => {
  it('has its headings, columns, measures and breaks in Spanish, and the codes unchanged', async () => {
    const pkg = await readPackage('data');
    const es = packageReadme(pkg, 'https://atlas.example', new Date('2026-12-03T00:00:00Z'), 'es');
    const en = packageReadme(pkg, 'https://atlas.example', new Date('2026-12-03T00:00:00Z'));
    for (const heading of ['## Archivos', '## Columnas', '## Cambios de metodología (series de comparabilidad)', '## Intervalos', '## Calificadores', '## Unidades', '## Grupos de edad', '## Indicadores', '## Cómo citar']) {
      expect(es).toContain(`\n${heading}\n`);
    }
    expect(es).toContain('### Trastorno por consumo de sustancias en el último año (`sud_past_year`)');
    expect(es).toContain('- `estimate` (number): La estimación publicada.');
    expect(es).toContain('significan de 12 años o más; `18-25` significa de 18 a 25 años.');
    expect(es).toContain('`DSM-5_2020` (2020–2020)');
    expect(es).not.toMatch(/\n## (Files|Columns|Indicators|How to cite)\n/);
    // The English README is the stored package's words, untouched by the Spanish beside them.
    expect(en).toContain('### Substance use disorder in the past year (`sud_past_year`)');
    expect(en).not.toContain('translations');
  });
});
