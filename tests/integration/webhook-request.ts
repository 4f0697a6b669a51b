// Webhook requests as the provider sends them, signed with the SDK's own signing function.
import { randomBytes } from "node:crypto";
import twilio from "twilio";
import { env } from "@/lib/env";
import { webhookAuthToken } from "@/lib/server/messaging/provider";

export function signedWebhook(
  pathWithQuery: string,
  params: Record<string, string>,
  options: { token?: string; signature?: string | null; body?: string; contentType?: string } = {},
) {
  const url = `${env.PUBLIC_BASE_URL}${pathWithQuery}`;
  const signature =
    options.signature === undefined
      ? twilio.getExpectedTwilioSignature(options.token ?? webhookAuthToken(), url, params)
      : options.signature;
  const headers: Record<string, string> = { "Content-Type": options.contentType ?? "application/x-www-form-urlencoded" };
  if (signature !== null) headers["X-Twilio-Signature"] = signature;
  // As seen from inside a proxy: the request's own host differs from the public one.
  return new Request(`http://10.0.0.7:3000${pathWithQuery}`, {
    method: "POST",
    headers,
    body: options.body ?? new URLSearchParams(params).toString(),
  });
}

export function messageSid() {
  return `SM${randomBytes(16).toString("hex")}`;
}

export function callSid() {
  return `CA${randomBytes(16).toString("hex")}`;
}

export function inboundSms(from: string, body: string, sid = messageSid()) {
  return { MessageSid: sid, SmsSid: sid, AccountSid: `AC${"1".repeat(32)}`, From: from, To: "+15005550006", Body: body, NumMedia: "0" };
}
