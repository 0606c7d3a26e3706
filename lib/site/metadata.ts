/** Site-wide names and per-page metadata (title, description, canonical URL, Open Graph). */
import type { Metadata } from 'next';

export const SITE_NAME = 'Substance Use Atlas';

/** The public address, for absolute links in Open Graph tags and the sitemap. */
export function siteUrl(): URL {
  return new URL(process.env.SITE_URL ?? 'http://localhost:3000');
}

/** `absolute` titles skip the " · Substance Use Atlas" suffix (the home page names the site itself). */
export function pageMetadata(title: string, description: string, path: string, absolute = false): Metadata {
  return {
    title: absolute ? { absolute: title } : title,
    description,
    alternates: { canonical: path },
    openGraph: { title: `${title} · ${SITE_NAME}`, description, url: path, siteName: SITE_NAME, type: 'website', locale: 'en_US' },
    twitter: { card: 'summary', title: `${title} · ${SITE_NAME}`, description },
  };
}

export const NAV = [
  { href: '/', label: 'Dashboard' },
  { href: '/states', label: 'States' },
  { href: '/iop', label: 'IOP' },
  { href: '/data', label: 'Data' },
  { href: '/methodology', label: 'Methodology' },
];

export const HELP_LINES = [
  { name: 'SAMHSA’s National Helpline', detail: 'free, confidential, 24 hours a day, every day, in English and Spanish', action: '1-800-662-HELP (4357)', href: 'tel:+18006624357' },
  { name: 'FindTreatment.gov', detail: 'search for treatment programs near you, including intensive outpatient programs', action: 'FindTreatment.gov', href: 'https://findtreatment.gov' },
  { name: '988 Suicide & Crisis Lifeline', detail: 'for a mental health or substance use crisis', action: 'call or text 988', href: 'tel:988' },
];
