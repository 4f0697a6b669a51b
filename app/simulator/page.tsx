import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/components/auto-refresh";
import { formatPhone } from "@/lib/phone";
import { requireSession } from "@/lib/server/auth/session";
import { isSimulatorAvailable } from "@/lib/server/messaging/provider";
import { listSimulatorConversations } from "@/lib/server/simulator/simulator";
import { Keypad, ReplyForm } from "./phone-controls";

export default async function SimulatorPage() {
  const session = await requireSession("/simulator");
  if (!isSimulatorAvailable()) notFound();
  const [conversations, t, format] = await Promise.all([
    listSimulatorConversations({ userId: session.user.id }),
    getTranslations("simulator"),
    getFormatter(),
  ]);
  const multipleFamilies = new Set(conversations.map((conversation) => conversation.familyId)).size > 1;
  return (
    <div className="flex flex-col gap-5">
      <AutoRefresh active intervalMs={2000} />
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("lead")}</p>
      {conversations.length === 0 && <p>{t("empty")}</p>}
      {conversations.map(({ familyId, familyName, phone, names, entries }) => {
        const name = names.join(", ") || formatPhone(phone);
        const call = entries.findLast((entry) => entry.kind === "out" && entry.awaitingKeypress);
        return (
          <section
            key={`${familyId}-${phone}`}
            aria-label={`${name} ${formatPhone(phone)}`}
            className="flex flex-col gap-3 rounded-xl border-2 border-gray-300 p-4"
            data-phone={phone}
          >
            <h2 className="text-xl font-bold">
              {name} · <span dir="ltr">{formatPhone(phone)}</span>
            </h2>
            {multipleFamilies && <p className="text-base text-gray-700">{familyName}</p>}
            <ol className="flex flex-col gap-2" data-testid="conversation">
              {entries.map((entry) => (
                <li
                  key={entry.id}
                  className={
                    entry.kind === "in" ? "self-end rounded-lg bg-brand-700 p-3 text-white" : "self-start rounded-lg bg-gray-100 p-3"
                  }
                >
                  {entry.kind === "out" && entry.channel === "voice" && <p className="text-sm font-bold">📞 {t("call")}</p>}
                  <p>{entry.body}</p>
                  <p className="text-sm">
                    {format.dateTime(entry.at, { timeStyle: "medium" })}
                    {entry.kind === "out" && (
                      <>
                        {" · "}
                        <span data-testid="message-status">{entry.status}</span>
                        {entry.channel === "sms" && ` · ${t("segments", { count: entry.segments })}`}
                      </>
                    )}
                  </p>
                </li>
              ))}
            </ol>
            {call && call.kind === "out" && (
              <div className="flex flex-col gap-2">
                <p className="font-semibold">{t("callInProgress")}</p>
                <Keypad messageId={call.id} name={name} />
              </div>
            )}
            <ReplyForm familyId={familyId} phone={phone} name={name} />
          </section>
        );
      })}
    </div>
  );
}
