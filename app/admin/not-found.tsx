import Link from 'next/link';

export default function StaffNotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is no staff page at this address. <Link prefetch={false} href="/admin">Go to the datasets</Link>.
      </p>
    </>
  );
}
