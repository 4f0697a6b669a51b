import { handleTwilioWebhook } from "@/lib/server/messaging/webhooks";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return handleTwilioWebhook(request);
}
