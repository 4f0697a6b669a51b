import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import type { Channel, Locale } from "@/lib/generated/prisma/enums";
import { failedStatuses } from "@/lib/messaging/status";
import { renderMessage, renderSms } from "@/lib/messaging/templates";
import { editorRoles, requireMembership } from "@/lib/server/family/require-membership";
import { workerUtils } from "@/lib/server/jobs/job-queue";
import { queueMessage } from "@/lib/server/messaging/send-message";
import { requireUuid } from "@/lib/server/plan/input-guards";

export type TestTarget = { kind: "person"; id: string } | { kind: "contact"; id: string } | { kind: "everyone" };
type Recipient = { phone: string; locale: Locale; channel: Channel; personId?: string; contactId?: string };

async function recipientsFor(familyId: string, target: TestTarget): Promise<Recipient[]> {
  const people = async (where: object) =>
    (await db.person.findMany({ where: { familyId, ...where } })).map((p) => ({
      phone: p.phone,
      locale: p.locale,
      channel: "sms" as const,
      personId: p.id,
    }));
  const contacts = async (where: object) =>
    (await db.contact.findMany({ where: { familyId, ...where } })).map((c) => ({
      phone: c.phone,
      locale: c.locale,
      channel: c.channel,
      contactId: c.id,
    }));
  if (target.kind === "person") return people({ id: requireUuid(target.id, "person.notFound") });
  if (target.kind === "contact") return contacts({ id: requireUuid(target.id, "contact.notFound") });
  return [...(await people({})), ...(await contacts({}))];
}

/**
 * A test from the plan: each number gets a message (or, for contacts reached by phone, a call)
 * saying it is a test and asking for an answer, so wrong numbers are found before a crisis.
 */
export async function sendTestCheckIns(options: { familyId: string; userId: string; target: TestTarget }) {
  const { family } = await requireMembership({ ...options, roles: editorRoles });
  const recipients = await recipientsFor(family.id, options.target);
  if (recipients.length === 0) throw new AppError("not_found", options.target.kind === "contact" ? "contact.notFound" : "person.notFound");
  await workerUtils();
  // Each check-in, its message and the job that sends it commit together (the outbox): the
  // adult's tap returns at once and the worker sends.
  return db.$transaction(async (tx) => {
    const created = [];
    for (const recipient of recipients) {
      const body =
        recipient.channel === "voice"
          ? renderMessage(recipient.locale, "testCheckInCall", { family: family.name })
          : renderSms(recipient.locale, "testCheckIn", { family: family.name }).body;
      const message = await queueMessage(tx, {
        familyId: family.id,
        channel: recipient.channel,
        to: recipient.phone,
        locale: recipient.locale,
        purpose: "test_check_in",
        body,
      });
      created.push(
        await tx.checkIn.create({
          data: {
            familyId: family.id,
            kind: "test",
            phone: recipient.phone,
            channel: recipient.channel,
            personId: recipient.personId,
            contactId: recipient.contactId,
            messageId: message.id,
          },
        }),
      );
    }
    return created;
  });
}

export type CheckInState = "sending" | "delivered" | "replied" | "failed" | "optedOut";

export function checkInState(checkIn: {
  repliedAt: Date | null;
  message: { status: string; errorCode: string | null } | null;
}): CheckInState {
  if (checkIn.repliedAt) return "replied";
  if (!checkIn.message) return "sending";
  if (checkIn.message.errorCode === "opted_out") return "optedOut";
  if (failedStatuses.has(checkIn.message.status)) return "failed";
  if (["delivered", "read", "in-progress", "completed"].includes(checkIn.message.status)) return "delivered";
  return "sending";
}

/** How long the plan keeps refreshing while a test waits for its delivery or its answer. */
const WATCH_WINDOW_MS = 10 * 60_000;

/** The latest test per number, for the plan: delivered / replied / failed, and opted-out numbers. */
export async function listTestCheckIns(options: { familyId: string; userId: string; now?: Date }) {
  const membership = await requireMembership(options);
  const familyId = membership.familyId;
  const [checkIns, people, contacts] = await Promise.all([
    db.checkIn.findMany({
      where: { familyId, kind: "test" },
      orderBy: { createdAt: "desc" },
      take: 200,
      include: { message: { select: { status: true, errorCode: true } } },
    }),
    db.person.findMany({ where: { familyId }, select: { phone: true } }),
    db.contact.findMany({ where: { familyId }, select: { phone: true } }),
  ]);
  const optOuts = await db.smsOptOut.findMany({ where: { phone: { in: [...people, ...contacts].map((row) => row.phone) } } });
  const optedOut = new Set(optOuts.map((row) => row.phone));

  const byPhone = new Map<string, (typeof checkIns)[number] & { state: CheckInState }>();
  for (const checkIn of checkIns) if (!byPhone.has(checkIn.phone)) byPhone.set(checkIn.phone, { ...checkIn, state: checkInState(checkIn) });
  const watchFrom = (options.now ?? new Date()).getTime() - WATCH_WINDOW_MS;
  const awaitingUpdate = [...byPhone.values()].some(
    (test) => !optedOut.has(test.phone) && test.createdAt.getTime() > watchFrom && (test.state === "sending" || test.state === "delivered"),
  );
  return { byPhone, optedOut, awaitingUpdate };
}
