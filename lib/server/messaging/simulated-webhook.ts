import "server-only";
import twilio from "twilio";
import { env } from "@/lib/env";
import { webhookAuthToken } from "./provider";
import { handleTwilioWebhook } from "./webhooks";

/**
 * Delivers a webhook from the simulator exactly as Twilio would: a signed form POST handled by
 * the same function as the public routes (same parsing, storage, idempotency).
 */
export async function dispatchSignedWebhook(pathWithQuery: string, params: Record<string, string>): Promise<Response> {
  const url = `${env.PUBLIC_BASE_URL}${pathWithQuery}`;
  const signature = twilio.getExpectedTwilioSignature(webhookAuthToken(), url, params);
  const request = new Request(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature },
    body: new URLSearchParams(params).toString(),
  });
  return handleTwilioWebhook(request);
}
