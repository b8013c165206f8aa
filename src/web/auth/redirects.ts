import { BlockList, isIP } from 'node:net';
import type { Principal } from '../../domain/access.js';

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
 * Where a sign-in lands when no page was asked for (`next` missing, unsafe, or the front page
 * the login link carries by default): the work area, not the public front page, so a person
 * sees at once that they are signed in. Secretaries and administrators: /redigering; members
 * (an account tied to a person): /medlem; anyone else: the front page.
 */
export function landingAfterSignIn(next: string, principal: Pick<Principal, 'role' | 'personId'> | null): string {
  if (next !== '/' || principal === null) return next;
  if (principal.role === 'admin' || principal.role === 'secretary') return '/redigering';
  if (principal.personId !== null) return '/medlem';
  return '/';
}

/** "::ffff:10.0.0.1" is 10.0.0.1: a dual-stack socket reports IPv4 peers that way. */
const plainAddress = (a: string): string => (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a) ? a.slice(7) : a);

/** TRUSTED_PROXIES (IPs and CIDRs, validated by config.ts) as a set to test addresses against. */
export function proxySet(entries: readonly string[]): BlockList {
  const set = new BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) set.addAddress(address, type);
    else set.addSubnet(address, Number(bits), type);
  }
  return set;
}

/** 127.0.0.0/8 or ::1 (also as ::ffff:127.x): a connection from this machine. */
export function isLoopback(address: string): boolean {
  const a = plainAddress(address);
  return a === '::1' || /^127\.\d+\.\d+\.\d+$/.test(a);
}

const inSet = (set: BlockList, address: string): boolean => {
  const a = plainAddress(address);
  const version = isIP(a);
  return version !== 0 && set.check(a, version === 6 ? 'ipv6' : 'ipv4');
};

/**
 * The visitor's address, for the per-address sign-in limit: the socket's peer, unless that
 * peer is one of the TRUSTED_PROXIES. Then X-Forwarded-For is read from the right: each
 * trusted proxy appends the address it got the request from, so the right-most entry that is
 * not itself a trusted proxy is the client; everything left of it could be forged. From an
 * untrusted peer the header is ignored, whatever it says.
 */
export function clientAddress(env: unknown, forwardedFor: string | undefined, trusted: BlockList | null): string | null {
  const peer = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? null;
  if (peer === null) return null;
  if (trusted === null || !inSet(trusted, peer) || forwardedFor === undefined) return plainAddress(peer);
  const hops = forwardedFor
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] ?? '';
    if (isIP(plainAddress(hop)) === 0) return plainAddress(peer);
    if (!inSet(trusted, hop)) return plainAddress(hop);
  }
  // Every hop is a trusted proxy: the request began at one of them.
  return plainAddress(hops[0] ?? peer);
}
