/** Visual constants of the state trend chart (the shared trend constants are in constants.ts). */

export const STATE_TREND = {
  /** Height of the compact charts on a state's page, one per indicator. */
  COMPACT_HEIGHT: 240,
  /** The place's two-year bar and the line through the periods' middles. */
  BAR_WIDTH: 2.5,
  /** Half the height of the ticks that end a period's bar. */
  BAR_END: 4,
  US_BAR_END: 2.5,
  LINE_WIDTH: 1.5,
  /** The U.S., drawn lighter for comparison. */
  US_BAR_WIDTH: 1.5,
  US_LINE_WIDTH: 1.25,
  US_DASH: '4 3',
  US_POINT_SIZE: 30,
  /** Caps on interval whiskers. */
  WHISKER_CAP: 3,
  /** How far a period's mark stops short of the edge of its first and last year's slot (years). */
  PERIOD_INSET: 0.4,
  /** Counts-only periods: a dotted mark this far under the x axis (above the year labels). */
  COUNTS_ONLY_OFFSET: 4,
  COUNTS_ONLY_WIDTH: 3,
};
