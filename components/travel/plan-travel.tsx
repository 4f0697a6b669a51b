import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { getPlanOverview } from "@/lib/server/plan/get-plan-overview";

type Person = Awaited<ReturnType<typeof getPlanOverview>>["people"][number];

/** On the plan: a person's exposure level and their trips that are not over. */
export async function PersonTravelSummary({ person }: { person: Person }) {
  const [t, travel, format] = await Promise.all([getTranslations("plan"), getTranslations("travel"), getFormatter()]);
  const day = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <>
      <p className={person.exposure && !person.exposure.due ? "" : "font-semibold text-danger-700"} data-testid="plan-exposure">
        {person.exposure ? t("exposureLevel", { level: travel(`level.${person.exposure.level}`) }) : `⚠ ${t("exposureMissing")}`}
      </p>
      {person.trips.map((trip) => (
        <p key={trip.id} data-testid="plan-trip">
          {t("tripLine", { destination: trip.destination, dates: travel("dates", { start: day(trip.startsOn), end: day(trip.endsOn) }) })} ·{" "}
          {travel(`status.${trip.status}`)}
          {!trip.hasDesk && <span className="font-semibold text-danger-700"> · ⚠ {t("tripNoDesk")}</span>}
        </p>
      ))}
    </>
  );
}

/** Shown to the family's adults when someone's exposure check is missing or over six months old. */
export async function ExposureReminder({ familyId, due }: { familyId: string; due: { id: string; name: string; never: boolean }[] }) {
  const t = await getTranslations("plan");
  if (due.length === 0) return null;
  return (
    <section
      aria-labelledby="exposure-due-title"
      className="flex flex-col gap-2 rounded-xl border-2 border-yellow-700 bg-yellow-50 p-4"
      data-testid="exposure-reminder"
    >
      <h2 id="exposure-due-title" className="text-xl font-bold">
        {t("exposureDueTitle")}
      </h2>
      <p>{t("exposureDueLead")}</p>
      <ul className="flex flex-col gap-1">
        {due.map((person) => (
          <li key={person.id}>
            <Link
              href={`/family/${familyId}/people/${person.id}#exposure-title`}
              className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline"
            >
              {person.never ? t("exposureNever", { name: person.name }) : t("exposureOld", { name: person.name })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
