import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/config";
import { renderMessage, renderSms, type SmsTemplate, type VoiceTemplate } from "./templates";

const smsTemplates: SmsTemplate[] = [
  "testCheckIn",
  "help",
  "unknownSender",
  "incidentCheckIn",
  "contactAsk",
  "allClear",
  "scamNotice",
  "tripWarning",
];
const voiceTemplates: VoiceTemplate[] = ["testCheckInCall", "callThanks", "callNoInput", "incidentCall", "contactAskCall", "deskAskCall"];
const longName = "Familia Hernández de la Fuente y Castañeda Villaseñor";

describe("message templates", () => {
  for (const locale of locales) {
    it(`fit in two segments in ${locale}, even with a long family name`, () => {
      for (const template of smsTemplates) {
        const { body, segments } = renderSms(locale, template, { family: longName, name: longName }, { drill: true });
        expect(segments, `${template}: ${body}`).toBeLessThanOrEqual(2);
      }
    });

    it(`are discreet in ${locale}`, () => {
      for (const template of [...smsTemplates, ...voiceTemplates]) {
        const text = renderMessage(locale, template, { family: "García", name: "Ana" }).toLowerCase();
        expect(text).not.toMatch(/kidnap|ransom|secuestr|rescate|extors/);
      }
    });
  }

  it("fit the exposure tips in two segments and keep them discreet, with every step asked for", () => {
    for (const locale of locales) {
      const { body, segments } = renderSms(locale, "exposureTips", { phone: "yes", profiles: "yes", trips: "yes", places: "yes" });
      expect(segments, body).toBeLessThanOrEqual(2);
      expect(body.toLowerCase()).not.toMatch(/kidnap|ransom|secuestr|rescate|extors/);
      // Only the steps asked for, and the advice that holds for everyone.
      const none = renderSms(locale, "exposureTips", { phone: "no", profiles: "no", trips: "no", places: "no" }).body;
      expect(none.length).toBeLessThan(body.length);
      expect(none).toMatch(/hang up and call home|cuelga y llama a casa/);
    }
    expect(renderSms("es", "exposureTips", { phone: "yes", profiles: "no", trips: "no", places: "no" }).body).toContain(
      "quita tu celular de tus redes",
    );
  });

  it("cuts long names", () => {
    expect(renderSms("en", "testCheckIn", { family: longName }).body).toMatch(/^Familia Hernández de la Fuente safety plan test/);
  });
});
