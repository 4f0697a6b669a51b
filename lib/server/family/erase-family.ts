import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { cancelSteps } from "@/lib/server/incidents/schedule";
import { workerUtils } from "@/lib/server/jobs/job-queue";

/**
 * Erases one family and every row that holds its data. Rows that belong to the family go by
 * foreign key (ON DELETE CASCADE: people, contacts, words, incidents and their events,
 * check-ins, messages, webhooks, invites, memberships). Rows keyed by phone number (opt-outs,
 * answers to numbers in no plan, webhooks no check-in claimed, rate-limit counters) go too when
 * no other family holds that number; a number another family also holds stays, with that
 * family's own data. Pending escalation jobs of its incidents are removed.
 * No permission check here: callers are deleteFamily, leaveFamily and deleteAccount.
 */
export async function eraseFamily(familyId: string, options: { soleMemberId?: string } = {}): Promise<void> {
  await workerUtils(); // its timers are removed in the same transaction
  await db.$transaction(async (tx) => {
    // Locks the family row first, so no one adds a person or an incident while it goes.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM family WHERE id = ${familyId}::uuid FOR UPDATE`;
    if (locked.length === 0) return;
    if (options.soleMemberId) {
      // Erasing with an account: only if nobody joined in the meantime.
      const others = await tx.membership.count({ where: { familyId, userId: { not: options.soleMemberId } } });
      if (others > 0) throw new AppError("conflict", "account.familyChanged");
    }
    const [people, contacts, adults, incidents] = await Promise.all([
      tx.person.findMany({ where: { familyId }, select: { phone: true } }),
      tx.contact.findMany({ where: { familyId }, select: { phone: true } }),
      tx.membership.findMany({ where: { familyId, phone: { not: null } }, select: { phone: true } }),
      tx.incident.findMany({ where: { familyId }, select: { id: true } }),
    ]);
    const numbers = [...new Set([...people, ...contacts, ...adults].map((row) => row.phone!).filter(Boolean))];
    const [otherPeople, otherContacts, otherAdults] = await Promise.all([
      tx.person.findMany({ where: { phone: { in: numbers }, familyId: { not: familyId } }, select: { phone: true } }),
      tx.contact.findMany({ where: { phone: { in: numbers }, familyId: { not: familyId } }, select: { phone: true } }),
      tx.membership.findMany({ where: { phone: { in: numbers }, familyId: { not: familyId } }, select: { phone: true } }),
    ]);
    const shared = new Set([...otherPeople, ...otherContacts, ...otherAdults].map((row) => row.phone));
    const own = numbers.filter((number) => !shared.has(number));
    const ids = incidents.map((incident) => incident.id);

    await tx.family.delete({ where: { id: familyId } });
    if (own.length) {
      await tx.smsOptOut.deleteMany({ where: { phone: { in: own } } });
      await tx.inboundWebhook.deleteMany({ where: { fromNumber: { in: own } } });
      await tx.outboundMessage.deleteMany({ where: { to: { in: own }, familyId: null } });
    }
    const counterKeys = [...own.map((number) => `unknown-sender:${number}`), ...ids.map((id) => `caller-word:${id}`)];
    await tx.attemptCounter.deleteMany({ where: { OR: [{ key: { in: counterKeys } }, { key: { startsWith: `word-check:${familyId}:` } }] } });
    for (const incidentId of ids) await cancelSteps(tx, incidentId);
    // A text from a number another family still holds stays, without what it meant to this one.
    await tx.$executeRaw`UPDATE inbound_webhook SET readings = readings - ${familyId}::text WHERE readings ? ${familyId}::text`;
  });
}
