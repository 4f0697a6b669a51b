import "server-only";
import { db } from "@/lib/db";
import { getMessagingProvider, toLineType, type LineLookup } from "@/lib/server/messaging/provider";
import { identifierHash } from "./registry-key";

/** A line's type and carrier change rarely: a provider lookup (paid, with Twilio) is kept this long. */
export const lineCacheDays = 30;
/** The screen answers within a second: a slower provider is left out of this answer (and cached when it arrives). */
export const lineLookupTimeoutMs = 700;

/**
 * Line type and carrier of a number from the provider (Twilio Lookup v2, or the simulator's
 * deterministic answer), cached per number under its registry hash, so the cache holds no number
 * in clear. Null when the provider has no lookup, fails, or is too slow for this answer.
 */
export async function lookUpLine(e164: string): Promise<LineLookup | null> {
  const hash = identifierHash({ kind: "phone", value: e164 });
  const cached = await db.numberLookup.findUnique({ where: { hash } });
  if (cached && cached.fetchedAt.getTime() > Date.now() - lineCacheDays * 86400_000)
    return { lineType: toLineType(cached.lineType), carrier: cached.carrier };
  const provider = getMessagingProvider();
  if (!provider.lookUpNumber) return null;
  const fetched = provider
    .lookUpNumber(e164)
    .then(async (line) => {
      const data = { lineType: line.lineType, carrier: line.carrier, provider: provider.name, fetchedAt: new Date() };
      await db.numberLookup.upsert({ where: { hash }, create: { hash, ...data }, update: data });
      return line;
    })
    .catch(() => null);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), lineLookupTimeoutMs)));
  try {
    return await Promise.race([fetched, late]);
  } finally {
    clearTimeout(timer);
  }
}
