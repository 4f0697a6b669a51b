// Twilio Lookup v2 through the real SDK against the fake Twilio, behind the provider interface:
// line type and carrier, cached per number under its hash; the simulator answers the same way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { setMessagingProvider } from "@/lib/server/messaging/provider";
import { createSimulatorProvider } from "@/lib/server/messaging/simulator-provider";
import { createTwilioProvider } from "@/lib/server/messaging/twilio-provider";
import { startFakeTwilio, type FakeTwilio } from "@/tests/fake-twilio/server";
import { lookUpLine } from "./look-up-line";
import { identifierHash } from "./registry-key";

let fake: FakeTwilio;
beforeAll(async () => {
  fake = await startFakeTwilio();
  setMessagingProvider(
    createTwilioProvider({
      ...env,
      TWILIO_ACCOUNT_SID: fake.accountSid,
      TWILIO_AUTH_TOKEN: fake.authToken,
      TWILIO_FROM_NUMBER: "+15005550006",
      TWILIO_API_BASE_URL: fake.url,
      TWILIO_TIMEOUT_MS: 3000,
    }),
  );
});
afterAll(async () => {
  setMessagingProvider(undefined);
  await fake.close();
});

describe("line lookup", () => {
  it("asks Twilio Lookup v2 for line type intelligence once, then answers from the cache", async () => {
    expect(await lookUpLine("+525512340009")).toEqual({ lineType: "nonFixedVoip", carrier: "Fake VoIP" });
    expect(await lookUpLine("+525512340008")).toEqual({ lineType: "landline", carrier: "Fake Telephone Co." });
    expect(await lookUpLine("+525512340001")).toEqual({ lineType: "mobile", carrier: "Fake Mobile" });
    expect(await lookUpLine("+525512340009")).toEqual({ lineType: "nonFixedVoip", carrier: "Fake VoIP" });
    expect(fake.lookups).toEqual(["+525512340009", "+525512340008", "+525512340001"]);
    // The cache is keyed by the number's hash: no number in clear.
    const cached = await db.numberLookup.findUniqueOrThrow({ where: { hash: identifierHash({ kind: "phone", value: "+525512340009" }) } });
    expect(cached).toMatchObject({ lineType: "nonFixedVoip", provider: "twilio" });
    expect(JSON.stringify(await db.numberLookup.findMany())).not.toContain("+52551234");
  });

  it("answers nothing, without failing, when the provider fails", async () => {
    fake.failNext(500);
    expect(await lookUpLine("+525512340101")).toBeNull();
    fake.behaveNormally();
  });

  it("the simulator's lookup is deterministic too", async () => {
    setMessagingProvider(createSimulatorProvider());
    try {
      expect(await lookUpLine("+525512349999")).toEqual({ lineType: "nonFixedVoip", carrier: "Simulated VoIP" });
    } finally {
      setMessagingProvider(
        createTwilioProvider({
          ...env,
          TWILIO_ACCOUNT_SID: fake.accountSid,
          TWILIO_AUTH_TOKEN: fake.authToken,
          TWILIO_FROM_NUMBER: "+15005550006",
          TWILIO_API_BASE_URL: fake.url,
          TWILIO_TIMEOUT_MS: 3000,
        }),
      );
    }
  });
});
