// The texts sent by SMS and spoken in calls, from the same catalogue as the interface. They are
// discreet (never "kidnapping", "ransom" or a secret word) and kept within two SMS segments:
// the Spanish ones are written without á, í, ó, ú, which would switch them to UCS-2.
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import type { AppLocale } from "@/lib/i18n/config";
import { smsSegments } from "./sms-segments";

const catalogues = { en, es } as const;

export type SmsTemplate =
  | "testCheckIn"
  | "help"
  | "unknownSender"
  | "incidentCheckIn"
  | "contactAsk"
  | "allClear"
  | "scamNotice"
  | "standDown"
  | "adultAlert"
  | "tripWarning"
  | "exposureTips";
export type VoiceTemplate =
  | "testCheckInCall"
  | "callThanks"
  | "callNoInput"
  | "incidentCall"
  | "contactAskCall"
  | "allClearCall"
  | "standDownCall"
  | "drillCallPrefix"
  | "deskAskCall";

/** Family names are cut so that no message grows past two segments. */
export const MAX_NAME_IN_SMS = 30;

function shorten(value: string): string {
  const trimmed = value.trim();
  // No ellipsis: "…" is not in the GSM alphabet and would switch the message to UCS-2.
  return trimmed.length <= MAX_NAME_IN_SMS ? trimmed : trimmed.slice(0, MAX_NAME_IN_SMS).trimEnd();
}

export function renderMessage(locale: AppLocale, template: SmsTemplate | VoiceTemplate, values: Record<string, string> = {}): string {
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: "sms" });
  return t(template, Object.fromEntries(Object.entries(values).map(([key, value]) => [key, shorten(value)])));
}

/** In a drill every message says so (SIMULACRO / DRILL), first. */
export function renderSms(
  locale: AppLocale,
  template: SmsTemplate,
  values: Record<string, string> = {},
  options: { drill?: boolean } = {},
) {
  const prefix = options.drill ? createTranslator({ locale, messages: catalogues[locale], namespace: "sms" })("drillPrefix") : "";
  const body = prefix + renderMessage(locale, template, values);
  return { body, segments: smsSegments(body).segments };
}
