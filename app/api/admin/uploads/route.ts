import { getStore, recordAudit } from '@/lib/store/store';
import { adminError, adminJson, requireStaffApi } from '@/lib/admin/guard';
import { uploadCheck } from '@/lib/admin/rate-limit';
import { adminFailure, clientAddress } from '@/lib/admin/requests';
import { analyseUpload, DATASET_NAME, MAX_UPLOAD_BYTES, readLimited } from '@/lib/admin/uploads';
import { sha256 } from '@/lib/data/package';

export const dynamic = 'force-dynamic';

/**
 * POST /api/admin/uploads?dataset=ID&mode=replace|add&name=FILE — the file itself is the body
 * (any content type; at most 20 MB, counted while it streams in). Optional X-Content-SHA256
 * (hex) is checked against the bytes received. Answers with the report: 200 when the file could be
 * published or holds exactly the live data (`sameAsLive`: nothing to publish, not an error), 422
 * when it has errors (the report lists them by row and column).
 */
export async function POST(request: Request) {
  const guard = await requireStaffApi(request, true);
  if (guard.response) return guard.response;
  try {
    const url = new URL(request.url);
    const dataset = url.searchParams.get('dataset') ?? '';
    const mode = url.searchParams.get('mode') ?? 'replace';
    const name = (url.searchParams.get('name') ?? 'upload.csv').replace(/[^\w .()+-]/g, '_');
    if (!DATASET_NAME.test(dataset)) return adminError(400, 'bad-dataset', 'The dataset name must be 3–64 lower-case letters, digits and dashes, starting and ending with a letter or digit.');
    if (mode !== 'replace' && mode !== 'add') return adminError(400, 'bad-mode', 'mode must be replace or add.');
    const declared = Number(request.headers.get('content-length') ?? NaN);
    if (declared > MAX_UPLOAD_BYTES) return adminError(413, 'too-large', `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, the upload limit. Split it, or remove rows that do not change.`);
    const { wait } = await (await getStore()).staff.attempt([uploadCheck(guard.staff.email)]);
    if (wait > 0) return adminError(429, 'rate-limited', `Too many uploads in the last hour; try again in ${Math.ceil(wait / 60_000)} minutes.`);
    const bytes = await readLimited(request.body);
    if (bytes.length === 0) return adminError(400, 'empty', 'The upload is empty: choose a CSV file.');
    const claimed = request.headers.get('x-content-sha256');
    if (claimed && `sha256:${claimed.toLowerCase()}` !== sha256(bytes)) {
      return adminError(400, 'hash-mismatch', 'The file arrived incomplete or changed on the way (its SHA-256 does not match). Upload it again.');
    }
    const report = await analyseUpload({ bytes, fileName: name, dataset, mode, user: guard.staff.email });
    await recordAudit({
      user: guard.staff.email,
      action: 'upload',
      dataset,
      fromHash: report.baseHash,
      ...(report.candidateHash ? { toHash: report.candidateHash } : {}),
      detail: `${name}, ${bytes.length} bytes, ${report.format ?? 'unknown format'}: ${report.ok ? `valid; +${report.diff?.added} −${report.diff?.removed} ~${report.diff?.changed}` : report.sameAsLive ? 'valid; the same as the live data, nothing to publish' : `${report.errorCount} error${report.errorCount === 1 ? '' : 's'}`}`,
      address: clientAddress(request),
    });
    return adminJson(report, report.ok || report.sameAsLive ? 200 : 422);
  } catch (err) {
    return adminFailure(err);
  }
}
