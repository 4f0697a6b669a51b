import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import type { CallerCheckView, CallerErrorView } from "@/components/incident/caller-view";
import { isAppError } from "@/lib/app-error";
import type { IdentifierCheck } from "./check-identifier";

/** Turns what is known of an identifier into the translated lines the screen shows. */
export async function checkView(check: IdentifierCheck): Promise<CallerCheckView> {
  const [t, format] = await Promise.all([getTranslations("callers"), getFormatter()]);
  const { identifier, known, facts, line, bank } = check;
  const phone = identifier.kind === "phone";
  let warning: string | null = null;
  if (known && known.families > 0) {
    const recent = known.recentFamilies > 0;
    const count = recent ? known.recentFamilies : known.families;
    const key = phone ? (recent ? "warningNumber" : "warningNumberOlder") : recent ? "warningPayment" : "warningPaymentOlder";
    warning = t(key, { count, date: format.dateTime(known.lastSeenAt, { dateStyle: "medium" }) });
  }
  const lines: string[] = [];
  if (known?.source) {
    const listed = t("listed", { source: known.source });
    warning = warning ? `${warning} ${listed}` : listed;
  }
  if (facts) {
    const country =
      facts.country === "MX" || facts.country === "US" ? t(`country.${facts.country}`) : t("country.other", { code: facts.country ?? "?" });
    const parts = [country];
    if (facts.area)
      parts.push(facts.areaName ? t("areaNamed", { area: facts.area, name: facts.areaName }) : t("area", { area: facts.area }));
    if (facts.line && !line) parts.push(t(`lineKind.${facts.line}`));
    lines.push(parts.join(" · "));
  }
  if (line?.lineType) {
    const type = t(`lineType.${line.lineType}`);
    lines.push(line.carrier ? t("carrierLineWith", { type, carrier: line.carrier }) : t("carrierLine", { type }));
  }
  if (line?.lineType === "nonFixedVoip" || (!line && facts?.line === "voip")) lines.push(t("voipHint"));
  if (bank) lines.push(t("bank", { bank }));
  if (!warning) lines.push(t("notKnown"));
  if (check.reportedByFamily) lines.push(t("reportedByYou"));
  return {
    status: "ok",
    display: check.display,
    kindLabel: t(`kindShort.${identifier.kind}`),
    hash: check.hash,
    warning,
    lines,
    reportedByFamily: check.reportedByFamily,
  };
}

/** A failure as one translated sentence; anything unexpected is logged and said generically. */
export async function errorView(error: unknown): Promise<CallerErrorView> {
  const t = await getTranslations("errors");
  if (isAppError(error))
    return {
      status: "error",
      error: t.has(error.messageKey) ? t(error.messageKey, error.details as Record<string, string>) : t("generic"),
    };
  if (typeof error === "string") return { status: "error", error: t.has(error) ? t(error) : t("generic") };
  console.error("Caller check failed", error);
  return { status: "error", error: t("generic") };
}
