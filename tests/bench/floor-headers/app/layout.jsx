/** The bare floor's layout (tests/bench/floor), unchanged: only this app's headers differ. */
export { default, metadata } from '../../floor/app/layout.jsx';

// Route segment options cannot be re-exported; the same as the bare floor's.
export const dynamic = 'force-dynamic';
