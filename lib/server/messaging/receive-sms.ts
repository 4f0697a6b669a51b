import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { intakePool } from "@/lib/pg-pool";
import type { Locale } from "@/lib/generated/prisma/enums";
import { carrierKeyword } from "@/lib/messaging/keywords";
import { renderSms } from "@/lib/messaging/templates";
import { normalizeSecretWord, SECRET_WORD_MAX_LENGTH, SECRET_WORD_MIN_LENGTH } from "@/lib/secret-word";
import { consumeAttempt } from "@/lib/server/rate-limit/consume-attempt";
import { recordIncidentReply } from "@/lib/server/incidents/record-reply";
import { secretWordMatches } from "@/lib/server/secret-words/secret-words";
import { inboundSmsSchema } from "@/lib/validation/twilio-webhooks";
import { sendSms } from "./send-message";
import type { WebhookInput } from "./webhooks";

export const REDACTED = "[redacted]";
export const CHECK_IN_REPLY_WINDOW_MS = 24 * 3600_000;

type SenderContext = {
  checkIn: { id: string; kind: string; personId: string | null; contactId: string | null; incidentId: string | null; wave: number | null; familyId: string } | null;
  familyLocale: Locale | null;
  safeWordHash: string | null;
  duressWordHash: string | null;
  known: boolean;
};

/**
 * In one query: the check-in this number is answering (an unanswered test, or any incident's,
 * where several answers count), its family's word hashes, and whether the number is in any plan.
 */
async function lookupSender(phone: string): Promise<SenderContext> {
  const { rows } = await intakePool.query(
    `SELECT c.id, c.kind, c."personId", c."contactId", c."incidentId", c.wave, c."familyId", f.locale,
            w."safeWordHash", w."duressWordHash",
            EXISTS (SELECT 1 FROM person WHERE phone = $1) OR EXISTS (SELECT 1 FROM contact WHERE phone = $1) AS known
       FROM (SELECT 1) AS one
       LEFT JOIN LATERAL (
         SELECT * FROM check_in
          WHERE phone = $1 AND "createdAt" > now() - make_interval(secs => $2) AND (kind = 'incident' OR "repliedAt" IS NULL)
          ORDER BY "createdAt" DESC LIMIT 1
       ) c ON true
       LEFT JOIN family f ON f.id = c."familyId"
       LEFT JOIN secret_words w ON w."familyId" = c."familyId"`,
    [phone, CHECK_IN_REPLY_WINDOW_MS / 1000],
  );
  const row = rows[0];
  return {
    checkIn: row.id ? { id: row.id, kind: row.kind, personId: row.personId, contactId: row.contactId, incidentId: row.incidentId, wave: row.wave, familyId: row.familyId } : null,
    familyLocale: row.locale ?? null,
    safeWordHash: row.safeWordHash ?? null,
    duressWordHash: row.duressWordHash ?? null,
    known: row.known,
  };
}

/** A short reply from a protected person may be a secret word: then it is never stored in clear. */
async function matchingSecretWord(sender: SenderContext, body: string): Promise<"safe" | "duress" | null> {
  const length = normalizeSecretWord(body).length;
  if (!sender.checkIn?.personId || !sender.safeWordHash || !sender.duressWordHash) return null;
  if (length < SECRET_WORD_MIN_LENGTH || length > SECRET_WORD_MAX_LENGTH) return null;
  const [safe, duress] = await Promise.all([secretWordMatches(sender.safeWordHash, body), secretWordMatches(sender.duressWordHash, body)]);
  return safe ? "safe" : duress ? "duress" : null;
}

async function senderLocale(phone: string, fallback?: Locale): Promise<Locale> {
  const known = (await db.person.findFirst({ where: { phone }, select: { locale: true } })) ?? (await db.contact.findFirst({ where: { phone }, select: { locale: true } }));
  return known?.locale ?? fallback ?? (phone.startsWith("+52") ? "es" : "en");
}

/**
 * An inbound SMS, stored once (keyed by MessageSid) and acted on once: the row and its database
 * effects (opt-out, opt-in, a test's answer) commit together, so a repeated delivery finds the
 * key taken and changes nothing, and a crash before the commit leaves it for the provider's
 * retry. Replies that need more (HELP, incidents, strangers) are handled after the commit.
 */
export async function receiveInboundSms({ params }: WebhookInput): Promise<Response | void> {
  const parsed = inboundSmsSchema.safeParse(params);
  if (!parsed.success) return new Response("Bad request", { status: 400 });
  const { MessageSid, From, Body } = parsed.data;

  const sender = await lookupSender(From);
  const checkIn = sender.checkIn;
  const word = await matchingSecretWord(sender, Body);
  const storedBody = word ? REDACTED : Body;
  const keyword = carrierKeyword(Body);
  const effects: [string, unknown[]][] = [];
  if (keyword === "stop") effects.push([`INSERT INTO sms_opt_out (phone, "optedOutAt") VALUES ($1, now()) ON CONFLICT DO NOTHING`, [From]]);
  if (keyword === "start") effects.push([`DELETE FROM sms_opt_out WHERE phone = $1`, [From]]);
  if (!keyword && checkIn?.kind === "test") effects.push([`UPDATE check_in SET reply = $2, "repliedAt" = now() WHERE id = $1 AND "repliedAt" IS NULL`, [checkIn.id, storedBody]]);

  const insert = [
    `INSERT INTO inbound_webhook (id, "providerKey", kind, "fromNumber", body, params, "familyId", "processedAt")
     VALUES ($1, $2, 'sms', $3, $4, $5, $6, now()) ON CONFLICT ("providerKey") DO NOTHING RETURNING id`,
    [randomUUID(), MessageSid, From, storedBody, JSON.stringify({ ...params, Body: storedBody }), checkIn?.familyId ?? null],
  ] as const;
  const client = await intakePool.connect();
  try {
    if (effects.length) await client.query("BEGIN");
    const stored = await client.query(insert[0], [...insert[1]]);
    if (stored.rowCount === 0) {
      if (effects.length) await client.query("ROLLBACK");
      return; // a repeated delivery: acknowledged, not processed again
    }
    for (const [sql, values] of effects) await client.query(sql, values);
    if (effects.length) await client.query("COMMIT");
  } catch (error) {
    if (effects.length) await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }

  if (!keyword && checkIn?.kind === "incident") {
    await recordIncidentReply({ checkIn, text: storedBody, word, via: "sms" });
    return;
  }

  if (keyword === "help") {
    const locale = await senderLocale(From, sender.familyLocale ?? undefined);
    await sendSms({ familyId: checkIn?.familyId ?? null, to: From, locale, purpose: "help_reply", ...renderSms(locale, "help") });
  } else if (!keyword && !checkIn && !sender.known) {
    // One short answer a day to a number we do not know, so two robots cannot loop.
    const allowed = await consumeAttempt({ key: `unknown-sender:${From}`, limit: 1, windowSeconds: 24 * 3600 });
    if (allowed.allowed) {
      const locale = await senderLocale(From);
      await sendSms({ familyId: null, to: From, locale, purpose: "unknown_sender_reply", ...renderSms(locale, "unknownSender") });
    }
  }
}
