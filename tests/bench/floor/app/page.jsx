export default function Page() {
  return (
    <main>
      <h1>A bare page</h1>
      <p>One heading and one paragraph, built from the same Next.js and React versions as the site.</p>
    </main>
  );
}
