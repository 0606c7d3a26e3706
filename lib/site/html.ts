/**
 * Static HTML written as a string, for large server-rendered parts that never change in the
 * browser (a state profile's 40-odd tables). Handed to React as one string
 * (dangerouslySetInnerHTML), such a part is one element to hydrate instead of thousands, and the
 * page's React payload carries it once as text instead of as a tree of elements.
 *
 * Every value interpolated into `html` is escaped unless it is itself `html`; there is no other way
 * to put raw markup in.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Markup made by `html`, safe to insert as it is. */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

export type HtmlValue = string | number | Html | readonly HtmlValue[] | null | undefined | false;

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** A template tag: text values are escaped, `html` values are inserted, arrays are joined, and null, undefined and false are left out. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}
