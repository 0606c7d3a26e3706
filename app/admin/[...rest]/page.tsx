import { notFound } from 'next/navigation';

/** Unknown staff addresses are a 404 inside the staff frame. */
export default function Unknown() {
  notFound();
}
