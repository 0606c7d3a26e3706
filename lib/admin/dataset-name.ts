/**
 * A dataset's name: 3–64 lower-case letters, digits and dashes, starting and ending with a letter
 * or digit. One rule for the server and the browser: `DATASET_NAME_PATTERN` goes into the name
 * fields' `pattern` attribute, which browsers compile with the `v` flag — there a `-` inside a
 * character class must be escaped, or the pattern is invalid and silently ignored.
 */
export const DATASET_NAME_PATTERN = '[a-z0-9][a-z0-9\\-]{1,62}[a-z0-9]';
export const DATASET_NAME = new RegExp(`^(?:${DATASET_NAME_PATTERN})$`, 'v');
