import "server-only";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { isSimulatorAvailable } from "@/lib/server/messaging/provider";
import { dispatchSignedWebhook } from "@/lib/server/messaging/simulated-webhook";
import { SIMULATOR_ACCOUNT_SID, SIMULATOR_NUMBER, simulatedSid } from "@/lib/server/messaging/simulator-provider";

function requireSimulator() {
  if (!isSimulatorAvailable()) throw new AppError("not_found", "simulator.unavailable");
}

/** The phones of the caller's families, by number, with who holds them. */
async function familyPhones(userId: string) {
  const families = (await db.membership.findMany({ where: { userId }, select: { familyId: true } })).map((row) => row.familyId);
  const [people, contacts] = await Promise.all([
    db.person.findMany({ where: { familyId: { in: families } }, select: { phone: true, name: true } }),
    db.contact.findMany({ where: { familyId: { in: families } }, select: { phone: true, name: true } }),
  ]);
  const phones = new Map<string, string[]>();
  for (const { phone, name } of [...people, ...contacts]) phones.set(phone, [...(phones.get(phone) ?? []), name]);
  return { families, phones };
}

export type SimulatorEntry =
  | { kind: "out"; id: string; at: Date; channel: "sms" | "voice"; body: string; status: string; segments: number; awaitingKeypress: boolean }
  | { kind: "in"; id: string; at: Date; body: string };

/** Each phone of the caller's families with its conversation, newest phones first. */
export async function listSimulatorConversations(options: { userId: string }) {
  requireSimulator();
  const { families, phones } = await familyPhones(options.userId);
  const numbers = [...phones.keys()];
  const [outbound, inbound, gathered] = await Promise.all([
    db.outboundMessage.findMany({ where: { to: { in: numbers }, familyId: { in: families } }, orderBy: { createdAt: "asc" }, take: 500 }),
    db.inboundWebhook.findMany({ where: { fromNumber: { in: numbers }, kind: { in: ["sms", "gather"] } }, orderBy: { receivedAt: "asc" }, take: 500 }),
    db.inboundWebhook.findMany({ where: { kind: "gather", fromNumber: { in: numbers } }, select: { providerKey: true } }),
  ]);
  const answeredCalls = new Set(gathered.map((row) => row.providerKey.replace(/:gather$/, "")));
  return numbers.map((phone) => {
    const entries: SimulatorEntry[] = [
      ...outbound
        .filter((message) => message.to === phone)
        .map((message) => ({
          kind: "out" as const,
          id: message.id,
          at: message.createdAt,
          channel: message.channel,
          body: message.body,
          status: message.status,
          segments: message.segments,
          awaitingKeypress: message.channel === "voice" && message.status === "in-progress" && !answeredCalls.has(message.providerSid ?? ""),
        })),
      ...inbound.filter((row) => row.fromNumber === phone).map((row) => ({ kind: "in" as const, id: row.id, at: row.receivedAt, body: row.kind === "gather" ? `⌨ ${row.body ?? ""}` : (row.body ?? "") })),
    ].sort((a, b) => a.at.getTime() - b.at.getTime());
    return { phone, names: phones.get(phone)!, entries };
  });
}

async function requireOwnPhone(userId: string, phone: string) {
  const { phones } = await familyPhones(userId);
  if (!phones.has(phone)) throw new AppError("not_found", "person.notFound");
}

/** A reply typed on a simulated phone enters through the same signed webhook as Twilio's. */
export async function simulateInboundSms(options: { userId: string; from: string; body: string }) {
  requireSimulator();
  await requireOwnPhone(options.userId, options.from);
  const sid = simulatedSid("SM");
  await dispatchSignedWebhook("/api/twilio/sms", { MessageSid: sid, SmsSid: sid, AccountSid: SIMULATOR_ACCOUNT_SID, From: options.from, To: SIMULATOR_NUMBER, Body: options.body, NumMedia: "0" });
}

/** A key pressed during a simulated call: the gather webhook, then the call ends. */
export async function simulateKeypress(options: { userId: string; messageId: string; digit: string }) {
  requireSimulator();
  const message = await db.outboundMessage.findFirst({ where: { id: options.messageId, channel: "voice" } });
  if (!message?.providerSid) throw new AppError("not_found", "person.notFound");
  await requireOwnPhone(options.userId, message.to);
  await dispatchSignedWebhook(`/api/twilio/voice/gather?m=${message.id}`, { CallSid: message.providerSid, AccountSid: SIMULATOR_ACCOUNT_SID, Digits: options.digit });
  await dispatchSignedWebhook(`/api/twilio/status?m=${message.id}`, { CallSid: message.providerSid, AccountSid: SIMULATOR_ACCOUNT_SID, CallStatus: "completed" });
}
