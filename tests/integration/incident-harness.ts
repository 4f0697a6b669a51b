// What every incident test file sets up: a recording provider emptied before each test (after
// the jobs of the last one ran), the job queue released at the end, and a signed reply helper.
import { afterAll, beforeEach } from "vitest";
import { workerUtils } from "@/lib/server/jobs/job-queue";
import { handleTwilioWebhook } from "@/lib/server/messaging/webhooks";
import { drainJobs } from "./jobs";
import { recordOutgoingMessages } from "./recording-provider";
import { inboundSms, signedWebhook } from "./webhook-request";

export function setUpIncidentTests() {
  const sent = recordOutgoingMessages();
  beforeEach(async () => {
    await drainJobs();
    sent.length = 0;
  });
  afterAll(async () => (await workerUtils()).release());
  return sent;
}

/** A text from `from`, signed as the provider signs it, through the public webhook. */
export const replyFrom = (from: string, body: string) => handleTwilioWebhook(signedWebhook("/api/twilio/sms", inboundSms(from, body)));
