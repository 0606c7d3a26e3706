'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { MAP, MAP_COLORS } from '@/lib/charts/constants';
import { arrowDirection, nearestInDirection, pathBounds, targetSquare } from '@/lib/charts/hit-areas';
import { classOf, type MapClass, type StateValue, type StatesModel } from '@/lib/charts/states';
import { figureText } from '@/lib/charts/trend';
import { englishT, statesByName, type ChartsT } from '@/lib/charts/words';
import type { StateShape } from '@/lib/geo/state-shapes';
import { comparePlaces, placeName } from '@/lib/i18n/vocabulary';
import { localePath, type Locale } from '@/lib/i18n/locales';
import { formatPeriod } from '@/lib/format/numbers';
import { EmptyChart } from './chart-frame';
import { KeysHint } from './keys-hint';
import { Tooltip, type TooltipContent } from './tooltip';
import { useChartWidth } from './use-chart-width';
import { useHydrated } from './use-coarse-pointer';
import { useRovingPoints } from './use-roving-points';
import { useTapToOpen } from './use-tap-to-open';

/** What the tooltip says of a state against the U.S.: nothing in numbers of people, never compared. */
function comparisonText(comparison: StateValue['comparison'], t: ChartsT): string {
  if (comparison === 'above') return t('comparison.above');
  if (comparison === 'below') return t('comparison.below');
  if (comparison === 'overlaps') return t('comparison.overlaps');
  return '';
}

export function stateText(s: StateValue, period: string, t: ChartsT = englishT(), locale: Locale = 'en'): TooltipContent {
  const lines = [figureText(s.observation, t, locale), /-/.test(period) ? t('tooltip.periodAverage', { period: formatPeriod(period) }) : formatPeriod(period)];
  const comparison = comparisonText(s.comparison, t);
  if (comparison) lines.push(comparison);
  return { title: placeName(s.code, locale), lines };
}

/** Choropleth of the states (and DC, marked off the coast so it can be found); Enter or a click opens a state's profile. */
export function StateMap({ shapes: given, model, classes, label }: { shapes: StateShape[]; model: StatesModel; classes: MapClass[]; label: string }) {
  const t = useTranslations('charts');
  const locale = useLocale();
  // Tab order follows the names shown: in Spanish, Nueva York comes under N.
  const shapes = useMemo(() => {
    if (locale === 'en') return given;
    const compare = comparePlaces(locale);
    return [...given].sort((a, b) => compare(a.code, b.code));
  }, [given, locale]);
  const { ref, width } = useChartWidth<HTMLDivElement>();
  const byCode = useMemo(() => new Map(model.states.map((s) => [s.code, s])), [model]);
  // Each state's words, written once per map and language (not again on every hover).
  const texts = useMemo(
    () =>
      new Map(
        shapes.map((shape) => {
          const value = byCode.get(shape.code);
          const name = placeName(shape.code, locale);
          const text = value ? stateText(value, model.period, t, locale) : { title: name, lines: [t('map.noFigureShort')] };
          // DC's shape shows the letters "DC": its name starts with them, so a voice user can say what they see.
          const dc = shape.code === 'DC';
          const label = t('map.stateLabel', { prefix: dc ? 'DC, ' : '', title: text.title, lines: text.lines.join('. '), name, dc: dc ? 'yes' : 'no' });
          return [shape.code, { text, label }];
        }),
      ),
    [shapes, byCode, model.period, t, locale],
  );
  // Tab order: alphabetical by state name, DC included; arrow keys move geographically, to the
  // nearest state in the arrow's direction (DC from its marker off the coast, where it is drawn).
  const order = useMemo(() => shapes.map((s) => s.code), [shapes]);
  const sites = useMemo(() => shapes.map((s) => (s.code === 'DC' ? { x: MAP.DC_MARKER.x, y: MAP.DC_MARKER.y } : { x: s.centroid[0], y: s.centroid[1] })), [shapes]);
  const neighbour = useCallback((from: number, key: string) => {
    const direction = arrowDirection(key);
    return direction ? nearestInDirection(sites, from, direction) : undefined;
  }, [sites]);
  const { active, setActive, bind } = useRovingPoints(order.length, neighbour);
  const bounds = useMemo(() => new Map(shapes.map((s) => [s.code, pathBounds(s.d)])), [shapes]);
  const callouts = useMemo(() => new Set<string>(MAP.CALLOUTS), []);
  const { tapped, handlers } = useTapToOpen(setActive);

  if (model.emptyReason) return <EmptyChart reason={model.emptyReason} height={Math.round((width * MAP.HEIGHT) / MAP.WIDTH)} />;
  const profile = (code: string) => localePath(locale, `/states/${code}`);

  const scale = width / MAP.WIDTH;
  const height = Math.round(MAP.HEIGHT * scale);
  // The DC label stays legible on a phone: at least MIN_LABEL_PX on screen.
  const labelSize = Math.max(15, MAP.MIN_LABEL_PX / scale);
  const dc = shapes.find((s) => s.code === 'DC');
  const activeCode = active === null ? null : order[active];
  const activeShape = activeCode ? shapes.find((s) => s.code === activeCode) : null;
  const activeValue = activeCode ? byCode.get(activeCode) : undefined;
  const markerOf = (code: string) => (code === 'DC' ? MAP.DC_MARKER : null);

  let tooltip: TooltipContent | null = null;
  if (activeShape) {
    tooltip = activeValue ? (texts.get(activeShape.code)?.text ?? null) : { title: placeName(activeShape.code, locale), lines: [t('map.noFigure')] };
    if (tooltip && tapped === activeShape.code) tooltip = { ...tooltip, lines: [...tooltip.lines, t('tapAgain')] };
  }
  const anchor = activeShape ? (markerOf(activeShape.code) ?? { x: activeShape.centroid[0], y: activeShape.centroid[1] }) : { x: 0, y: 0 };

  return (
    <div className="chart-body map-body" ref={ref} data-width={width}>
      <svg viewBox={`0 0 ${MAP.WIDTH} ${MAP.HEIGHT}`} width="100%" height={height} role="group" aria-label={label} data-chart="map">
        <defs>
          <pattern id="no-data" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" className="no-data-bg" />
            <line x1="0" y1="0" x2="0" y2="8" className="no-data-line" strokeWidth="3" />
          </pattern>
        </defs>
        {shapes.map((shape, i) => {
          const value = byCode.get(shape.code);
          const fill = value ? MAP_COLORS[classOf(value.value, classes)] : 'url(#no-data)';
          const marker = markerOf(shape.code);
          // A state narrower than a finger (Indiana, Tennessee on a phone) gets an invisible square
          // target; the smallest ones have their boxes beside the map instead.
          const square = callouts.has(shape.code) ? null : targetSquare(bounds.get(shape.code) ?? [0, 0, 0, 0], shape.centroid, scale);
          return (
            <a
              key={shape.code}
              href={profile(shape.code)}
              {...bind(i)}
              aria-label={texts.get(shape.code)?.label}
              className={activeCode === shape.code ? 'state active' : 'state'}
              data-state={shape.code}
              {...handlers(shape.code, i)}
            >
              {square ? <rect x={square.x} y={square.y} width={square.size} height={square.size} className="state-hit" /> : null}
              <path d={shape.d} fill={fill} className="state-shape" />
              {marker && dc ? (
                <>
                  <line x1={dc.centroid[0]} y1={dc.centroid[1]} x2={marker.x - marker.r} y2={marker.y} className="leader" />
                  <circle cx={marker.x} cy={marker.y} r={marker.r} fill={fill} className="state-shape" />
                  <text x={marker.x + marker.r + 4} y={marker.y} dy="0.35em" className="map-label" style={{ fontSize: labelSize }} aria-hidden="true">
                    DC
                  </text>
                </>
              ) : null}
            </a>
          );
        })}
        {activeShape ? (
          <g className="focus-outline" aria-hidden="true">
            {activeShape.code === 'DC' ? (
              <circle cx={MAP.DC_MARKER.x} cy={MAP.DC_MARKER.y} r={MAP.DC_MARKER.r} />
            ) : (
              <path d={activeShape.d} />
            )}
          </g>
        ) : null}
      </svg>
      <KeysHint>{t('keys.map')}</KeysHint>
      <Tooltip content={tooltip} x={anchor.x * scale} y={anchor.y * scale} width={width} />
      {/*
        Boxes for the states too small to tap (and DC), beside the map as news maps do: each acts
        like its state (hover or a first tap shows the figure, a click or second tap opens the
        profile). Keyboard and screen-reader users reach the same states on the map itself.
      */}
      <ul className="map-callouts" aria-hidden="true">
        {MAP.CALLOUTS.map((code) => {
          const i = order.indexOf(code);
          if (i === -1) return null;
          const value = byCode.get(code);
          return (
            <li key={code}>
              <a
                href={profile(code)}
                tabIndex={-1}
                data-callout={code}
                className={activeCode === code ? 'callout active' : 'callout'}
                // The state's map colour as the box's edge; dotted when it has no figure.
                style={{ borderLeftColor: value ? MAP_COLORS[classOf(value.value, classes)] : 'var(--no-data)', borderLeftStyle: value ? 'solid' : 'dotted' }}
                onPointerEnter={(e) => e.pointerType === 'mouse' && setActive(i)}
                onPointerLeave={(e) => e.pointerType === 'mouse' && setActive(null)}
                {...handlers(code, i)}
              >
                {code}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * A list of the states beside the map, for a phone (no tap on a small state) or anyone who would
 * rather pick a name: choosing one opens its profile, as selecting it on the map does. Usable only
 * once JavaScript runs (without it, the map's own links and the table serve).
 */
export function StatePicker() {
  const t = useTranslations('charts');
  const locale = useLocale();
  const router = useRouter();
  const hydrated = useHydrated();
  // Before JavaScript runs (and without it) the picker keeps its place, hidden and inert, so the
  // charts below do not jump when it appears.
  return (
    <label className="inline-select state-picker" style={hydrated ? undefined : { visibility: 'hidden' }} aria-hidden={hydrated ? undefined : true}>
      {t('picker.label')}{' '}
      <select
        disabled={!hydrated}
        value=""
        onChange={(e) => {
          const code = e.target.value;
          if (!code) return;
          const path = localePath(locale, `/states/${code}`);
          if (window.self !== window.top) window.open(path, '_blank', 'noopener');
          else router.push(path);
        }}
      >
        <option value="">{t('picker.choose')}</option>
        {statesByName(locale).map((g) => (
          <option key={g.code} value={g.code}>
            {g.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Colour key of the map, with the value range of each colour and the pattern for "no figure". */
export function MapLegend({ classes, format, missing, caption }: { classes: MapClass[]; format: (v: number) => string; missing: boolean; caption?: string }) {
  const t = useTranslations('charts');
  return (
    <ul className="legend" aria-label={caption ? t('map.keyOf', { caption: caption.replace(/:$/, '') }) : t('map.key')}>
      {caption ? <li className="legend-caption">{caption}</li> : null}
      {classes.map((c) => (
        <li key={c.color}>
          <svg width="18" height="14" aria-hidden="true">
            <rect width="18" height="14" fill={MAP_COLORS[c.color]} className="swatch" />
          </svg>
          {t('map.range', { from: format(c.from), to: format(c.to) })}
        </li>
      ))}
      {missing ? (
        <li>
          <svg width="18" height="14" aria-hidden="true">
            <rect width="18" height="14" fill="url(#no-data)" className="swatch" />
          </svg>
          {t('map.noFigureLegend')}
        </li>
      ) : null}
    </ul>
  );
}
