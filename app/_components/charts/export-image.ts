'use client';

/**
 * Turns a chart on the page into a standalone image: the SVG with its computed colours inlined
 * (the page's CSS variables do not travel), the title and subtitle drawn above, the legend and the
 * source, site address and date drawn below. PNG is the same SVG drawn on a canvas.
 */

export interface ImageInfo {
  title: string;
  subtitle: string;
  /** The source line, in the page's language: "Source: SAMHSA…". */
  source: string;
  /** The credit line: the page's address and the date ("… · downloaded 2026-05-01"). */
  credit: string;
  legend: Array<{ color: string; label: string }>;
}

/** What went wrong making an image, as a code the page can say in its own language. */
export class ExportError extends Error {
  readonly code: 'noCanvas' | 'encoding' | 'draw';
  constructor(code: 'noCanvas' | 'encoding' | 'draw', message: string) {
    super(message);
    this.code = code;
  }
}

const STYLE_PROPERTIES = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'fill-opacity', 'stroke-opacity', 'font-size', 'font-weight', 'font-family', 'visibility'];
const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 16;

const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

/** Width of a text in px, in the font it will be drawn in. */
export type Measure = (text: string) => number;

/** Characters after which a long address may break (a path, a query, a list). */
const BREAK_AFTER = /[/?&=,.#_-]/;

/**
 * Lines of at most `width` px: words wrap, and a word wider than a line (a page address) is cut
 * after a "/", "?", "&" or similar when one falls in its second half, else between characters.
 */
export function wrapText(text: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (measure(rest) > width && rest.length > 1) {
      let fits = 1;
      while (fits < rest.length && measure(rest.slice(0, fits + 1)) <= width) fits++;
      let cut = fits;
      for (let i = fits; i > fits / 2; i--) {
        if (BREAK_AFTER.test(rest[i - 1])) {
          cut = i;
          break;
        }
      }
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

/** Measures with the browser's canvas in the export's font; an estimate where there is no canvas. */
function measureIn(size: number, weight = 400): Measure {
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return (text) => text.length * size * 0.6;
  context.font = `${weight} ${size}px ${FONT_FAMILY}`;
  return (text) => context.measureText(text).width;
}

function wrap(text: string, width: number, fontSize: number, weight = 400): string[] {
  return wrapText(text, width, measureIn(fontSize, weight));
}

function textBlock(doc: Document, lines: string[], x: number, y: number, size: number, color: string, weight = 400): SVGGElement {
  const g = doc.createElementNS(SVG_NS, 'g');
  lines.forEach((line, i) => {
    const t = doc.createElementNS(SVG_NS, 'text');
    t.setAttribute('x', String(x));
    t.setAttribute('y', String(y + (i + 1) * size * 1.3));
    t.setAttribute('style', `font: ${weight} ${size}px ${FONT_FAMILY}; fill: ${color}`);
    t.textContent = line;
    g.appendChild(t);
  });
  return g;
}

export function chartSvg(svg: SVGSVGElement, info: ImageInfo): string {
  const box = svg.viewBox.baseVal;
  const width = Math.round(box && box.width ? box.width : svg.getBoundingClientRect().width);
  const height = Math.round(box && box.height ? box.height : svg.getBoundingClientRect().height);
  const page = getComputedStyle(document.body);
  const fg = page.color;
  const bg = page.backgroundColor;

  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((el, i) => {
    const computed = getComputedStyle(el);
    const copy = copies[i] as SVGElement;
    copy.removeAttribute('tabindex');
    copy.removeAttribute('class');
    // Attributes such as fill="var(--map-3)" mean nothing outside the page; the computed style
    // written below carries the resolved colour instead.
    for (const attr of [...copy.attributes]) if (attr.value.includes('var(')) copy.removeAttribute(attr.name);
    if (computed.display === 'none') {
      copy.setAttribute('display', 'none');
      return;
    }
    copy.setAttribute('style', STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';'));
  });
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  clone.setAttribute('x', String(PAD));

  const full = width + 2 * PAD;
  const doc = document;
  const title = wrap(info.title, full - 2 * PAD, 18, 700);
  const subtitle = wrap(info.subtitle, full - 2 * PAD, 12);
  const footer = [...wrap(info.source, full - 2 * PAD, 11), ...wrap(info.credit, full - 2 * PAD, 11)];
  const top = PAD + (title.length * 18 + subtitle.length * 12) * 1.3 + 12;
  const legendHeight = info.legend.length ? 24 : 0;
  const total = Math.round(top + height + 12 + legendHeight + footer.length * 11 * 1.3 + PAD);

  const out = doc.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(full));
  out.setAttribute('height', String(total));
  out.setAttribute('viewBox', `0 0 ${full} ${total}`);
  const background = doc.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', bg);
  out.appendChild(background);
  const heading = doc.createElementNS(SVG_NS, 'title');
  heading.textContent = info.title;
  out.appendChild(heading);
  out.appendChild(textBlock(doc, title, PAD, PAD - 4, 18, fg, 700));
  out.appendChild(textBlock(doc, subtitle, PAD, PAD - 4 + title.length * 18 * 1.3, 12, fg));
  clone.setAttribute('y', String(top));
  out.appendChild(clone);
  let y = top + height + 12;
  if (info.legend.length) {
    let x = PAD;
    for (const item of info.legend) {
      const swatch = doc.createElementNS(SVG_NS, 'rect');
      swatch.setAttribute('x', String(x));
      swatch.setAttribute('y', String(y + 4));
      swatch.setAttribute('width', '14');
      swatch.setAttribute('height', '10');
      swatch.setAttribute('fill', item.color);
      out.appendChild(swatch);
      out.appendChild(textBlock(doc, [item.label], x + 18, y - 1.5, 11, fg));
      x += 26 + item.label.length * 11 * 0.56;
    }
    y += legendHeight;
  }
  out.appendChild(textBlock(doc, footer, PAD, y - 4, 11, fg));
  return new XMLSerializer().serializeToString(out);
}

/** The chart's legend as colour and label pairs, read from the page. */
export function legendOf(section: Element): Array<{ color: string; label: string }> {
  return [...section.querySelectorAll('.legend li')].map((li) => {
    const swatch = li.querySelector('.series-swatch, rect');
    const style = swatch ? getComputedStyle(swatch) : null;
    const color = style ? (swatch?.tagName.toLowerCase() === 'rect' ? style.fill : style.backgroundColor) : 'transparent';
    return { color, label: (li.textContent ?? '').trim() };
  });
}

export function pngFromSvg(svgText: string, scale = 2): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = img.width * scale;
      canvas.height = img.height * scale;
      const ctx = canvas.getContext('2d');
      if (!ctx) return reject(new ExportError('noCanvas', 'no canvas'));
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new ExportError('encoding', 'PNG encoding failed'))), 'image/png');
    };
    img.onerror = () => reject(new ExportError('draw', 'could not draw the chart'));
    img.src = url;
  });
}

export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
