import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { withdrawFamilyReportsIn } from "@/lib/server/callers/registry";
import { cancelSteps } from "@/lib/server/incidents/schedule";
import { workerUtils } from "@/lib/server/jobs/job-queue";
import { cancelTripWarning } from "@/lib/server/travel/trip-warning";
import { tripRateKey } from "@/lib/server/travel/trips";
import { exposureTipsKey } from "@/lib/server/exposure/exposure-checks";

/**
 * Erases one family and every row that holds its data. Rows that belong to the family go by
 * foreign key (ON DELETE CASCADE: people, contacts, words, incidents and their events,
 * check-ins, messages, webhooks, invites, memberships, trips and exposure checks). Rows keyed by phone number (opt-outs,
 * answers to numbers in no plan, webhooks no check-in claimed, rate-limit counters) go too for
 * every number the family holds or ever texted or heard from (people and contacts removed
 * earlier included), unless another family holds or has used that number: then it stays, with
 * that family's own data. Pending escalation jobs of its incidents and its trips' warnings are
 * removed, and its reports to the caller registry withdrawn.
 * No permission check here: callers are deleteFamily, leaveFamily and deleteAccount.
 */
export async function eraseFamily(familyId: string, options: { soleMemberId?: string; tx?: Prisma.TransactionClient } = {}): Promise<void> {
  await workerUtils(); // its timers are removed in the same transaction
  if (options.tx) return eraseFamilyIn(options.tx, familyId, options);
  await db.$transaction((tx) => eraseFamilyIn(tx, familyId, options));
}

async function eraseFamilyIn(tx: Prisma.TransactionClient, familyId: string, options: { soleMemberId?: string }): Promise<void> {
  // Locks the family row first, so no one adds a person or an incident while it goes.
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM family WHERE id = ${familyId}::uuid FOR UPDATE`;
  if (locked.length === 0) return;
  if (options.soleMemberId) {
    // Erasing with an account: only if nobody joined in the meantime.
    const others = await tx.membership.count({ where: { familyId, userId: { not: options.soleMemberId } } });
    if (others > 0) throw new AppError("conflict", "account.familyChanged");
  }
  // Every number the family holds or ever used: its plan now, and the numbers it texted, called
  // or heard from (a person or contact removed earlier leaves its opt-out, its texts and its
  // counters behind, keyed by the number alone).
  const numbers = (
    await tx.$queryRaw<{ phone: string }[]>`
      SELECT phone FROM person WHERE "familyId" = ${familyId}::uuid
      UNION SELECT phone FROM contact WHERE "familyId" = ${familyId}::uuid
      UNION SELECT phone FROM membership WHERE "familyId" = ${familyId}::uuid AND phone IS NOT NULL
      UNION SELECT phone FROM check_in WHERE "familyId" = ${familyId}::uuid
      UNION SELECT "to" FROM outbound_message WHERE "familyId" = ${familyId}::uuid
      UNION SELECT "fromNumber" FROM inbound_webhook
       WHERE ("familyId" = ${familyId}::uuid OR readings ? ${familyId}::text) AND "fromNumber" IS NOT NULL`
  ).map((row) => row.phone);
  // A number another family holds, or has texted, called or heard from, stays with that family.
  const shared = new Set(
    (
      await tx.$queryRaw<{ phone: string }[]>`
        SELECT phone FROM person WHERE phone = ANY(${numbers}::text[]) AND "familyId" <> ${familyId}::uuid
        UNION SELECT phone FROM contact WHERE phone = ANY(${numbers}::text[]) AND "familyId" <> ${familyId}::uuid
        UNION SELECT phone FROM membership WHERE phone = ANY(${numbers}::text[]) AND "familyId" <> ${familyId}::uuid
        UNION SELECT phone FROM check_in WHERE phone = ANY(${numbers}::text[]) AND "familyId" <> ${familyId}::uuid
        UNION SELECT "to" FROM outbound_message WHERE "to" = ANY(${numbers}::text[]) AND "familyId" <> ${familyId}::uuid
        UNION SELECT "fromNumber" FROM inbound_webhook WHERE "fromNumber" = ANY(${numbers}::text[]) AND "familyId" <> ${familyId}::uuid`
    ).map((row) => row.phone),
  );
  const own = numbers.filter((number) => !shared.has(number));
  const incidents = await tx.incident.findMany({ where: { familyId }, select: { id: true } });
  const ids = incidents.map((incident) => incident.id);
  const trips = await tx.trip.findMany({ where: { familyId }, select: { id: true } });

  // Its reports to the shared caller registry are withdrawn: the counts drop, and a number or
  // account that falls below the threshold is kept as a hash only again.
  await withdrawFamilyReportsIn(tx, familyId);
  await tx.family.delete({ where: { id: familyId } });
  if (own.length) {
    await tx.smsOptOut.deleteMany({ where: { phone: { in: own } } });
    await tx.inboundWebhook.deleteMany({ where: { fromNumber: { in: own } } });
    await tx.outboundMessage.deleteMany({ where: { to: { in: own }, familyId: null } });
  }
  const counterKeys = [...own.map((number) => `unknown-sender:${number}`), ...ids.map((id) => `caller-word:${id}`)];
  await tx.attemptCounter.deleteMany({
    where: {
      OR: [
        { key: { in: counterKeys } },
        { key: { startsWith: `word-check:${familyId}:` } },
        { key: tripRateKey(familyId) },
        { key: { startsWith: exposureTipsKey(familyId, "") } },
      ],
    },
  });
  for (const incidentId of ids) await cancelSteps(tx, incidentId);
  for (const trip of trips) await cancelTripWarning(tx, trip.id);
  // A text from a number another family still holds stays, without what it meant to this one.
  await tx.$executeRaw`UPDATE inbound_webhook SET readings = readings - ${familyId}::text WHERE readings ? ${familyId}::text`;
}
