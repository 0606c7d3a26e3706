/** Static HTML as a string (lib/site/html.ts): text is always escaped, markup only via html. */
import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from '@/lib/site/html';

describe('html', () => {
  it('escapes every interpolated text, in content and in attributes', () => {
    const name = `<script>alert("x")</script> & 'quotes'`;
    const out = html`<td data-label="${name}">${name}</td>`.value;
    expect(out).toBe('<td data-label="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;quotes&#x27;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;quotes&#x27;</td>');
    expect(out).not.toContain('<script>');
  });

  it('inserts nested html as markup, joins arrays, and leaves out null, undefined and false', () => {
    const cell = (v: string) => html`<td>${v}</td>`;
    expect(html`<tr>${['a', 'b&c'].map(cell)}${null}${undefined}${false}${0}</tr>`.value).toBe('<tr><td>a</td><td>b&amp;c</td>0</tr>');
    expect(html`<p>${[html`<b>${'x'}</b>`, ' < ', [html`<i>y</i>`]]}</p>`.value).toBe('<p><b>x</b> &lt; <i>y</i></p>');
  });

  it('escapes the five characters that matter and nothing else', () => {
    expect(escapeHtml(`&<>"' 12.5% – “Higher”`)).toBe('&amp;&lt;&gt;&quot;&#x27; 12.5% – “Higher”');
  });
});
