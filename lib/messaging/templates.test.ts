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

  it("cuts long names", () => {
    expect(renderSms("en", "testCheckIn", { family: longName }).body).toMatch(/^Familia Hernández de la Fuente safety plan test/);
  });
});
