import { notFound } from 'next/navigation';

/** Any other address under a language is that language's 404 page (not-found.tsx beside the layout). */
export default function Unknown() {
  notFound();
}
