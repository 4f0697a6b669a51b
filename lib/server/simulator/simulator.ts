import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { carrierKeyword } from "@/lib/messaging/keywords";
import { isSimulatorAvailable } from "@/lib/server/messaging/provider";
import { CHECK_IN_REPLY_WINDOW_MS } from "@/lib/server/replies/receive-reply";
import { dispatchSignedWebhook } from "@/lib/server/messaging/simulated-webhook";
import { SIMULATOR_ACCOUNT_SID, SIMULATOR_NUMBER, simulatedSid } from "@/lib/server/messaging/simulator-provider";
import { requireMembership } from "@/lib/server/family/require-membership";

// The simulated phones are the family's own conversations: a number appears once this family
// has sent it something, shows only what this family sent and what came back to this family,
// and a reply typed here may only reach this family's conversations (docs/decisions/011-…).

function requireSimulator() {
  if (!isSimulatorAvailable()) throw new AppError("not_found", "simulator.unavailable");
}

export type SimulatorEntry =
  | {
      kind: "out";
      id: string;
      at: Date;
      channel: "sms" | "voice";
      body: string;
      status: string;
      segments: number;
      awaitingKeypress: boolean;
    }
  | { kind: "in"; id: string; at: Date; body: string };

export type SimulatorConversation = { familyId: string; familyName: string; phone: string; names: string[]; entries: SimulatorEntry[] };

/** Each conversation that one of the caller's families started, newest activity last. */
export async function listSimulatorConversations(options: { userId: string }): Promise<SimulatorConversation[]> {
  requireSimulator();
  const memberships = await db.membership.findMany({
    where: { userId: options.userId },
    select: { familyId: true, family: { select: { name: true } } },
  });
  const families = memberships.map((row) => row.familyId);
  const [outbound, inbound, people, contacts] = await Promise.all([
    // The newest 500 of each.
    db.outboundMessage
      .findMany({ where: { familyId: { in: families } }, orderBy: { createdAt: "desc" }, take: 500 })
      .then((rows) => rows.reverse()),
    db.inboundWebhook.findMany({
      where: { familyId: { in: families }, kind: { in: ["sms", "gather"] } },
      orderBy: { receivedAt: "desc" },
      take: 500,
    }),
    db.person.findMany({ where: { familyId: { in: families } }, select: { familyId: true, phone: true, name: true } }),
    db.contact.findMany({ where: { familyId: { in: families } }, select: { familyId: true, phone: true, name: true } }),
  ]);
  const answeredCalls = new Set(inbound.filter((row) => row.kind === "gather").map((row) => row.providerKey.replace(/:gather$/, "")));
  const conversations = new Map<string, SimulatorConversation>();
  const familyName = new Map(memberships.map((row) => [row.familyId, row.family.name]));
  for (const message of outbound) {
    const key = `${message.familyId}|${message.to}`;
    if (!conversations.has(key)) {
      const names = [...people, ...contacts]
        .filter((row) => row.familyId === message.familyId && row.phone === message.to)
        .map((row) => row.name);
      conversations.set(key, {
        familyId: message.familyId!,
        familyName: familyName.get(message.familyId!) ?? "",
        phone: message.to,
        names,
        entries: [],
      });
    }
    conversations.get(key)!.entries.push({
      kind: "out",
      id: message.id,
      at: message.createdAt,
      channel: message.channel,
      body: message.body,
      status: message.status,
      segments: message.segments,
      awaitingKeypress: message.channel === "voice" && message.status === "in-progress" && !answeredCalls.has(message.providerSid ?? ""),
    });
  }
  for (const row of inbound) {
    const conversation = conversations.get(`${row.familyId}|${row.fromNumber}`);
    conversation?.entries.push({
      kind: "in",
      id: row.id,
      at: row.receivedAt,
      body: row.kind === "gather" ? `⌨ ${row.body ?? ""}` : (row.body ?? ""),
    });
  }
  for (const conversation of conversations.values()) conversation.entries.sort((a, b) => a.at.getTime() - b.at.getTime());
  return [...conversations.values()];
}

/**
 * A simulated reply may come only from a number this family texted or called, and only if it
 * cannot reach anyone else: the number is in no other family's plan, is no other family's adult's
 * alert number, and answers no other family's check-in (inbound messages are matched by number
 * alone, across families). A STOP or START changes the number's opt-out for every family, so it
 * is refused as well when any other family has ever texted or called the number.
 */
async function requireOwnConversation(options: { familyId: string; phone: string; body: string }) {
  const { familyId, phone } = options;
  const since = new Date(Date.now() - CHECK_IN_REPLY_WINDOW_MS);
  const optOutChange = ["stop", "start"].includes(carrierKeyword(options.body) ?? "");
  const [started, otherPerson, otherContact, otherAdult, otherCheckIn, otherMessage] = await Promise.all([
    db.outboundMessage.findFirst({ where: { familyId, to: phone }, select: { id: true } }),
    db.person.findFirst({ where: { phone, familyId: { not: familyId } }, select: { id: true } }),
    db.contact.findFirst({ where: { phone, familyId: { not: familyId } }, select: { id: true } }),
    db.membership.findFirst({ where: { phone, familyId: { not: familyId } }, select: { id: true } }),
    db.checkIn.findFirst({
      where: { phone, familyId: { not: familyId }, ...(optOutChange ? {} : { createdAt: { gt: since } }) },
      select: { id: true },
    }),
    optOutChange ? db.outboundMessage.findFirst({ where: { to: phone, familyId: { not: familyId } }, select: { id: true } }) : null,
  ]);
  if (!started) throw new AppError("not_found", "simulator.noConversation");
  if (otherPerson || otherContact || otherAdult || otherCheckIn || otherMessage) throw new AppError("conflict", "simulator.sharedNumber");
}

/** A reply typed on a simulated phone enters through the same signed webhook as Twilio's. */
export async function simulateInboundSms(options: { userId: string; familyId: string; from: string; body: string }) {
  requireSimulator();
  await requireMembership({ familyId: options.familyId, userId: options.userId });
  await requireOwnConversation({ familyId: options.familyId, phone: options.from, body: options.body });
  const sid = simulatedSid("SM");
  await dispatchSignedWebhook("/api/twilio/sms", {
    MessageSid: sid,
    SmsSid: sid,
    AccountSid: SIMULATOR_ACCOUNT_SID,
    From: options.from,
    To: SIMULATOR_NUMBER,
    Body: options.body,
    NumMedia: "0",
  });
}

/** A key pressed during a simulated call of one of the caller's families: the gather webhook, then the call ends. */
export async function simulateKeypress(options: { userId: string; messageId: string; digit: string }) {
  requireSimulator();
  const message = await db.outboundMessage.findFirst({
    where: { id: options.messageId, channel: "voice", family: { memberships: { some: { userId: options.userId } } } },
  });
  if (!message?.providerSid || !message.familyId) throw new AppError("not_found", "simulator.noConversation");
  await dispatchSignedWebhook(`/api/twilio/voice/gather?m=${message.id}`, {
    CallSid: message.providerSid,
    AccountSid: SIMULATOR_ACCOUNT_SID,
    Digits: options.digit,
  });
  await dispatchSignedWebhook(`/api/twilio/status?m=${message.id}`, {
    CallSid: message.providerSid,
    AccountSid: SIMULATOR_ACCOUNT_SID,
    CallStatus: "completed",
  });
}
