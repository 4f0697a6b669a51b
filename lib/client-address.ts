// Who is on the other end of a request, for rate limits. Kept free of "server-only" so the
// unit tests and the launcher's server can share it.
import { isIPv4, isIPv6 } from "node:net";

/**
 * The header the app's own HTTP server (scripts/next-server.mjs) sets to the TCP peer's address,
 * replacing any value a client sent. Nothing else may be trusted without TRUSTED_PROXY_HOPS.
 */
export const PEER_ADDRESS_HEADER = "x-confirma-peer";

/** IPv4-mapped addresses as IPv4; IPv6 collapsed to its /64, which one subscriber usually holds. */
export function normalizeAddress(raw: string): string | null {
  let address = raw.trim().toLowerCase();
  if (address.startsWith("[") && address.includes("]")) address = address.slice(1, address.indexOf("]"));
  if (address.startsWith("::ffff:") && isIPv4(address.slice(7))) address = address.slice(7);
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return null;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") ? (tail ? tail.split(":") : []) : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.padStart(4, "0"))
    .join(":")}::/64`;
}

/**
 * The client's address. With `trustedHops` = 0 only the TCP peer counts and X-Forwarded-For is
 * ignored (anyone can write it). With N trusted proxies in front of the app, the last N entries
 * of the chain "X-Forwarded-For, peer" were written by them, and the entry before is the client.
 * A request that arrives with a shorter chain did not come through all of them: its leftmost entry.
 */
export function resolveClientAddress(headers: Headers, trustedHops: number): string {
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim() || null;
  if (trustedHops <= 0) return (peer && normalizeAddress(peer)) ?? "unknown";
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = peer ? [...forwarded, peer] : forwarded;
  const candidate = chain[chain.length - 1 - trustedHops] ?? chain[0];
  return (candidate && normalizeAddress(candidate)) ?? "unknown";
}
