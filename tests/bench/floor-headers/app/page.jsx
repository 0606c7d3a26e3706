export { default } from '../../floor/app/page.jsx';
