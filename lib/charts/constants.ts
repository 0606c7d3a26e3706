/**
 * Visual constants shared by the charts. Colours are CSS custom properties (defined in
 * app/globals.css for light and dark themes) from the Okabe–Ito palette, which stays distinct
 * for the common forms of colour blindness; every series also has its own marker shape.
 */

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Width charts are laid out at on the server, before the browser measures the real width. */
export const DEFAULT_WIDTH = 720;

/**
 * Width the server lays charts out at for a request that looks like a phone (lib/http/touch.ts).
 * A chart spans the viewport less 32 px of padding: 343 px on a 375 px phone, 398 px on a 430 px
 * one. Drawn at 343, it is kept (scaled up, see MAX_UPSCALE) on phones 375 to 430 px wide.
 */
export const PHONE_WIDTH = 343;

/**
 * How much wider than the width a chart was drawn at its container may be before the browser lays
 * the chart out again: within it, the drawing is scaled up to fit (text and targets by at most
 * 17%), which saves a phone re-rendering every chart just after the page loads. A narrower
 * container is always laid out again: scaled down, text and touch targets would shrink below
 * their designed sizes.
 */
export const MAX_UPSCALE = 0.17;

export const TREND = {
  HEIGHT: 340,
  MARGIN: { top: 34, right: 16, bottom: 34, left: 56 } satisfies Margin,
  STROKE_WIDTH: 2.5,
  POINT_SIZE: 64,
  MIN_TICK_SPACING: 44,
};

export const RANKING = {
  ROW_HEIGHT: 18,
  /** On a touch screen each row is a finger's target: at least 24 px (WCAG 2.5.8), with room to spare. */
  TOUCH_ROW_HEIGHT: 28,
  MARGIN: { top: 30, right: 64, bottom: 30, left: 132 } satisfies Margin,
  POINT_RADIUS: 4.5,
  WHISKER_CAP: 3,
};

export const AGE = {
  ROW_HEIGHT: 34,
  MARGIN: { top: 24, right: 24, bottom: 32, left: 64 } satisfies Margin,
  POINT_RADIUS: 6,
  WHISKER_CAP: 5,
};

export const MAP = {
  /** us-atlas shapes are projected into this box with geoAlbersUsa; the SVG scales it. */
  WIDTH: 975,
  HEIGHT: 610,
  /** Where the District of Columbia's marker sits, out in the Atlantic, with a leader line. */
  DC_MARKER: { x: 905, y: 300, r: 11 },
  CLASSES: 5,
  /** The DC label's smallest size on screen (px): the label grows in map units as the map shrinks. */
  MIN_LABEL_PX: 12,
  /**
   * States too small to tap on a phone's map (and DC), north to south: each also gets a labelled
   * box beside the map that acts like the state, as news maps do.
   */
  CALLOUTS: ['VT', 'NH', 'MA', 'RI', 'CT', 'NJ', 'DE', 'MD', 'DC'],
};

/** One CSS colour variable and one marker shape per comparability series, in SERIES order. */
export const SERIES_STYLES = [
  { color: 'var(--series-1)', symbol: 'circle' },
  { color: 'var(--series-2)', symbol: 'square' },
  { color: 'var(--series-3)', symbol: 'triangle' },
  { color: 'var(--series-4)', symbol: 'diamond' },
] as const;

/** Sequential blues for the map, light to dark (ColorBrewer Blues, 5 classes). */
export const MAP_COLORS = ['var(--map-1)', 'var(--map-2)', 'var(--map-3)', 'var(--map-4)', 'var(--map-5)'];
