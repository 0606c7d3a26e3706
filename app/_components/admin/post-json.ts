/**
 * The staff pages' JSON requests (publish, restore, remove): POST the body, and answer either the
 * server's JSON or the plain-English message to show — the server's own error message when it
 * sent one, else a sentence that says nothing was changed.
 */
export type PostOutcome<T> = { ok: true; body: T } | { ok: false; message: string };

export const errorMessage = (body: unknown, fallback: string) => (body as { error?: { message?: string } } | null)?.error?.message ?? fallback;

export async function postJson<T>(url: string, data: unknown, nothingDone = 'Nothing was changed.'): Promise<PostOutcome<T>> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(data) });
    const body = (await res.json().catch(() => null)) as T | null;
    if (res.ok && body) return { ok: true, body };
    return { ok: false, message: errorMessage(body, `The server answered ${res.status}. ${nothingDone}`) };
  } catch {
    return { ok: false, message: `The connection failed. ${nothingDone}` };
  }
}
