// Where a sign-in may send the browser afterwards: a path on this site, nothing else. "//host"
// and "/\host" are other sites to a browser (it reads "\" as "/"), so both are refused.

export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//')) return '/';
  // Backslashes and control characters have no place in our own paths.
  if (value.includes('\\') || [...value].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return '/';
  return value;
}

/**
 * The visitor's address, for the per-address sign-in limit. The socket's address when the
 * server passes it; behind a reverse proxy on this machine, the address the proxy appended
 * last to X-Forwarded-For (the client cannot forge that entry, only the ones before it).
 */
export function clientAddress(env: unknown, forwardedFor: string | undefined): string | null {
  const peer = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? null;
  const last = forwardedFor?.split(',').map((s) => s.trim()).filter((s) => s.length > 0).at(-1) ?? null;
  if (peer === null) return last;
  const local = peer === '127.0.0.1' || peer === '::1' || peer === '::ffff:127.0.0.1';
  return local && last ? last : peer;
}
