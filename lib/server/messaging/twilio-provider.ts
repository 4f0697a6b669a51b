import "server-only";
import twilio from "twilio";
import type { AppEnv } from "@/lib/env-schema";
import { ProviderError, toLineType, type MessagingProvider, type RecordedMessage } from "./provider";

type TwilioMessage = { sid: string; direction: string; from: string; to: string; body: string; status: string; dateSent: Date | null };
const recorded = (message: TwilioMessage): RecordedMessage => ({
  sid: message.sid,
  direction: message.direction,
  from: message.from,
  to: message.to,
  body: message.body ?? "",
  status: message.status,
  sentAt: message.dateSent,
});

/**
 * The SDK's HTTP client, pointed at TWILIO_API_BASE_URL when set (a regional edge, a compatible
 * provider, or a fake server in tests). The SDK's own retries are off: send-message.ts retries,
 * so that every attempt is counted and a timeout is never retried.
 */
class RebasedRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string | undefined,
    options: ConstructorParameters<typeof twilio.RequestClient>[0],
  ) {
    super(options);
  }

  request<TData>(options: Parameters<InstanceType<typeof twilio.RequestClient>["request"]>[0] & { data?: TData }) {
    if (!this.baseUrl) return super.request<TData>(options);
    const target = new URL(options.uri);
    const base = new URL(this.baseUrl);
    target.protocol = base.protocol;
    target.host = base.host;
    return super.request<TData>({ ...options, uri: target.toString() });
  }
}

function toProviderError(error: unknown): ProviderError {
  const status = (error as { status?: number }).status;
  const code = (error as { code?: string | number }).code;
  if (typeof status === "number") {
    if (status === 429 || status >= 500) return new ProviderError(`provider answered ${status}`, "retryable", String(code ?? status));
    return new ProviderError(`provider refused (${status})`, "permanent", String(code ?? status));
  }
  // Nothing was sent if the connection was refused; after a timeout or reset, it may have been.
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN")
    return new ProviderError(`provider unreachable (${code})`, "retryable", String(code));
  return new ProviderError(`no answer from the provider (${String(code ?? "timeout")})`, "timeout", "timeout");
}

export function createTwilioProvider(env: AppEnv): MessagingProvider {
  const httpClient = new RebasedRequestClient(env.TWILIO_API_BASE_URL, {
    timeout: env.TWILIO_TIMEOUT_MS,
    autoRetry: false,
    keepAlive: true,
  });
  const client = twilio(env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN, { httpClient });
  const sender = env.TWILIO_MESSAGING_SERVICE_SID
    ? { messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID }
    : { from: env.TWILIO_FROM_NUMBER ?? env.TWILIO_FROM_NUMBERS?.[0] };
  return {
    name: "twilio",
    senderPool: env.TWILIO_FROM_NUMBERS ?? [],
    inboundNumbers: [...new Set([...(env.TWILIO_FROM_NUMBERS ?? []), ...(env.TWILIO_FROM_NUMBER ? [env.TWILIO_FROM_NUMBER] : [])])],
    record: {
      async listInbound({ to, since }) {
        const messages = await client.messages.list({ ...(to ? { to } : {}), dateSentAfter: since, limit: 10_000 });
        return messages.filter((message) => message.direction === "inbound").map(recorded);
      },
      async listSent({ to, since }) {
        const messages = await client.messages.list({ to, dateSentAfter: since, limit: 200 });
        return messages.filter((message) => message.direction !== "inbound").map(recorded);
      },
      async fetchMessage(sid) {
        try {
          return recorded(await client.messages(sid).fetch());
        } catch (error) {
          if ((error as { status?: number }).status === 404) return null;
          throw toProviderError(error);
        }
      },
    },
    async sendSms({ to, body, statusCallback, from }) {
      try {
        const message = await client.messages.create({ to, body, statusCallback, ...(from ? { from } : sender) });
        return { sid: message.sid, status: message.status };
      } catch (error) {
        throw toProviderError(error);
      }
    },
    async lookUpNumber(e164) {
      try {
        const found = await client.lookups.v2.phoneNumbers(e164).fetch({ fields: "line_type_intelligence" });
        const line = found.lineTypeIntelligence;
        return { lineType: toLineType(line?.type), carrier: line?.carrierName ?? null };
      } catch (error) {
        throw toProviderError(error);
      }
    },
    async startCall({ to, twimlUrl, statusCallback, from }) {
      const caller = from ?? env.TWILIO_FROM_NUMBER ?? env.TWILIO_FROM_NUMBERS?.[0];
      if (!caller) throw new ProviderError("calls need TWILIO_FROM_NUMBER", "permanent", "no_from_number");
      try {
        const call = await client.calls.create({
          to,
          from: caller,
          url: twimlUrl,
          method: "POST",
          statusCallback,
          statusCallbackMethod: "POST",
          statusCallbackEvent: ["initiated", "ringing", "answered", "completed"],
          // A voicemail must not count as an answer.
          machineDetection: "Enable",
        });
        return { sid: call.sid, status: call.status };
      } catch (error) {
        throw toProviderError(error);
      }
    },
  };
}
