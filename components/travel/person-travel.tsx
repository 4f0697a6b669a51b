import { randomUUID } from "node:crypto";
import { getFormatter, getTranslations } from "next-intl/server";
import { deleteTripAction, removeTripContactAction } from "@/app/family/[familyId]/travel-actions";
import { DeleteButtonForm } from "@/components/plan/delete-button-form";
import { Disclosure } from "@/components/plan/disclosure";
import { formatPhone } from "@/lib/phone";
import { getExposureCheck } from "@/lib/server/exposure/exposure-checks";
import { listTrips } from "@/lib/server/travel/trips";
import { dayIn, defaultTripTimeZone, formatDay, MAX_DAYS_AHEAD, type TripStatus } from "@/lib/travel/trip-dates";
import { CompanionForm } from "./companion-form";
import { ExposureForm, SendExposureTipsForm } from "./exposure-form";
import { ExposureSummaryView } from "./exposure-summary";
import { TripForm } from "./trip-form";

type Props = {
  familyId: string;
  userId: string;
  person: { id: string; name: string };
  family: { country: "MX" | "US"; locale: string };
  canEdit: boolean;
};

const statusStyle: Record<TripStatus, string> = {
  upcoming: "bg-gray-100 text-gray-900",
  active: "bg-yellow-200 text-black",
  past: "bg-gray-100 text-gray-700",
};

/** A person's trips (desk, companions, warning) and exposure check, on their page. */
export async function PersonTravel({ familyId, userId, person, family, canEdit }: Props) {
  const scope = { familyId, userId, personId: person.id };
  const [trips, exposure, t, format] = await Promise.all([
    listTrips(scope),
    getExposureCheck(scope),
    getTranslations("travel"),
    getFormatter(),
  ]);
  const day = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });
  const when = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });
  const today = dayIn(defaultTripTimeZone[family.country], new Date());
  const days = {
    min: formatDay(new Date(today.getTime() - 86_400_000)),
    max: formatDay(new Date(today.getTime() + MAX_DAYS_AHEAD * 86_400_000)),
  };
  const defaults = { locale: family.locale, timeZone: defaultTripTimeZone[family.country] };
  return (
    <>
      <section aria-labelledby="trips-title" className="flex flex-col gap-3" data-testid="trips">
        <h2 id="trips-title" className="text-2xl font-bold">
          {t("tripsTitle")}
        </h2>
        <p>{t("tripsLead", { name: person.name })}</p>
        {trips.length === 0 && <p>{t("noTrips")}</p>}
        <ul className="flex flex-col gap-3">
          {trips.map((trip) => {
            const desk = trip.contacts.find((entry) => entry.role === "desk");
            const companions = trip.contacts.filter((entry) => entry.role === "companion");
            return (
              <li key={trip.id} className="flex flex-col gap-3 rounded-xl border-2 border-gray-300 p-4" data-testid="trip">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="text-xl font-bold">{trip.destination}</h3>
                  <span className={`rounded px-2 py-1 font-semibold ${statusStyle[trip.status]}`}>{t(`status.${trip.status}`)}</span>
                </div>
                <p>{t("dates", { start: day(trip.startsOn), end: day(trip.endsOn) })}</p>
                {desk ? (
                  <p>
                    <span className="font-semibold">{t("desk")}:</span> {trip.hotelName || desk.contact.name} ·{" "}
                    <span dir="ltr">{formatPhone(desk.contact.phone)}</span>
                  </p>
                ) : (
                  <p className="font-semibold text-danger-700">⚠ {t("noDesk")}</p>
                )}
                <p className="text-base text-gray-800">
                  {trip.warning.state === "scheduled" && t("warningPending", { name: person.name, date: when(trip.warning.at) })}
                  {trip.warning.state === "sent" && t("warningSent", { name: person.name, date: when(trip.warning.at) })}
                  {trip.warning.state === "optedOut" && t("warningOptedOut")}
                </p>
                <h4 className="font-semibold">{t("companionsTitle", { name: person.name })}</h4>
                {companions.length === 0 ? (
                  <p>{t("noCompanions")}</p>
                ) : (
                  <ul className="flex flex-col gap-2">
                    {companions.map((entry) => (
                      <li key={entry.id} className="flex flex-wrap items-center justify-between gap-2">
                        <span>
                          {entry.contact.name} · <span dir="ltr">{formatPhone(entry.contact.phone)}</span>
                        </span>
                        {canEdit && (
                          <DeleteButtonForm
                            action={removeTripContactAction.bind(null, familyId, trip.id)}
                            hidden={{ tripContactId: entry.id }}
                            label={t("remove", { name: entry.contact.name })}
                            confirmation={t("removeConfirm", { name: entry.contact.name })}
                          />
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                {canEdit && (
                  <>
                    <Disclosure summary={t("addCompanion")} initiallyOpen={false}>
                      <CompanionForm familyId={familyId} tripId={trip.id} defaultLocale={family.locale} />
                    </Disclosure>
                    <Disclosure summary={t("editTrip")} initiallyOpen={!desk}>
                      <TripForm
                        familyId={familyId}
                        tripId={trip.id}
                        tripKey={trip.id}
                        defaults={defaults}
                        days={days}
                        trip={{
                          destination: trip.destination,
                          hotelName: trip.hotelName,
                          startsOn: formatDay(trip.startsOn),
                          endsOn: formatDay(trip.endsOn),
                          timeZone: trip.timeZone,
                          phone: desk ? formatPhone(desk.contact.phone) : "",
                          deskLocale: desk?.contact.locale ?? family.locale,
                        }}
                      />
                    </Disclosure>
                    <DeleteButtonForm
                      action={deleteTripAction.bind(null, familyId, trip.id)}
                      label={t("deleteTrip", { destination: trip.destination })}
                      confirmation={t("deleteTripConfirm", { destination: trip.destination })}
                    />
                  </>
                )}
              </li>
            );
          })}
        </ul>
        {canEdit && (
          <Disclosure summary={t("addTrip")} initiallyOpen={false}>
            <p className="mb-3">{t("warningLead", { name: person.name })}</p>
            <TripForm familyId={familyId} personId={person.id} tripKey={randomUUID()} defaults={defaults} days={days} />
          </Disclosure>
        )}
      </section>
      <section aria-labelledby="exposure-title" className="flex flex-col gap-3" data-testid="exposure">
        <h2 id="exposure-title" className="text-2xl font-bold">
          {t("exposureTitle")}
        </h2>
        <p>{t("exposureLead", { name: person.name })}</p>
        <ExposureSummaryView exposure={exposure} />
        {canEdit && exposure && exposure.nextSteps.length > 0 && (
          <SendExposureTipsForm familyId={familyId} personId={person.id} name={person.name} />
        )}
        {canEdit && (
          <Disclosure summary={exposure ? t("redoCheck") : t("doCheck")} initiallyOpen={!exposure || exposure.due}>
            <ExposureForm familyId={familyId} personId={person.id} name={person.name} previous={exposure?.answers} />
          </Disclosure>
        )}
      </section>
    </>
  );
}
