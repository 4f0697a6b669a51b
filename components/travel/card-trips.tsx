import { getFormatter, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/generated/prisma/enums";
import { formatPhone } from "@/lib/phone";
import type { getPlanOverview } from "@/lib/server/plan/get-plan-overview";

type Person = Awaited<ReturnType<typeof getPlanOverview>>["people"][number];

/** On the printed card, in the family's language: each trip not over, with its desk and companions (tier 1 during the trip). */
export async function CardTrips({ person, locale }: { person: Person; locale: Locale }) {
  if (person.trips.length === 0) return null;
  const [t, travel, format] = await Promise.all([
    getTranslations({ locale, namespace: "card" }),
    getTranslations({ locale, namespace: "travel" }),
    getFormatter({ locale }),
  ]);
  const day = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <>
      {person.trips.map((trip) => {
        const desk = trip.contacts.find((entry) => entry.role === "desk");
        const companions = trip.contacts.filter((entry) => entry.role === "companion");
        return (
          <div key={trip.id} data-testid="card-trip">
            <h3 className="font-semibold">
              {t("trip", { destination: trip.destination, dates: travel("dates", { start: day(trip.startsOn), end: day(trip.endsOn) }) })}
            </h3>
            <ul className="pl-3">
              {desk && (
                <li>
                  {t("tripDesk", { hotel: trip.hotelName || desk.contact.name })}: <span dir="ltr">{formatPhone(desk.contact.phone)}</span>
                </li>
              )}
              {companions.map((entry) => (
                <li key={entry.id}>
                  {t("tripCompanion")}: {entry.contact.name}, <span dir="ltr">{formatPhone(entry.contact.phone)}</span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}
