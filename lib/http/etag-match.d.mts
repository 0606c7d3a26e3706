// Types for etag-match.mjs (plain JavaScript, so lib/cli/serve.mjs runs it without a build).
export declare function namesEtag(header: string | null | undefined, etag: string): boolean;
