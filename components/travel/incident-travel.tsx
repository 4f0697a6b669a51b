import { getTranslations } from "next-intl/server";
import { formatPhone } from "@/lib/phone";
import { getIncidentTravel } from "@/lib/server/travel/incident-travel";
import { locales } from "@/lib/i18n/config";

/**
 * For the live screen, rendered on the server (no JavaScript of its own): when someone being
 * verified is travelling, the "hotel" variant of the scam — silence is expected — the front
 * desk to call, what to say to it in Spanish and in English, and who travels with them.
 */
export async function IncidentTravel(props: { familyId: string; userId: string; incidentId: string }) {
  const trips = await getIncidentTravel(props);
  if (trips.length === 0) return null;
  const [t, ...scripts] = await Promise.all([
    getTranslations("travel"),
    ...locales.map((locale) => getTranslations({ locale, namespace: "travel" })),
  ]);
  return (
    <>
      {trips.map((trip) => (
        <section
          key={trip.id}
          aria-labelledby={`travel-${trip.id}`}
          className="flex flex-col gap-3 rounded-xl border-4 border-yellow-600 bg-yellow-50 p-4"
          data-testid="incident-travel"
        >
          <h2 id={`travel-${trip.id}`} className="text-2xl font-bold">
            {t("liveTitle", { name: trip.personName, destination: trip.destination })}
          </h2>
          <p className="font-semibold">{t("liveSilence", { name: trip.personName })}</p>
          {trip.desk && (
            <a
              href={`tel:${trip.desk.phone}`}
              className="flex min-h-14 flex-wrap items-center gap-x-3 rounded-xl border-2 border-gray-900 bg-white px-4 py-2"
            >
              <span>{t("liveCallDesk", { hotel: trip.hotelName || trip.desk.name })}</span>
              <strong className="text-2xl" dir="ltr">
                {formatPhone(trip.desk.phone)}
              </strong>
            </a>
          )}
          <h3 className="text-xl font-bold">{t("liveScriptTitle")}</h3>
          {locales.map((locale, index) => (
            <figure key={locale} lang={locale === "es" ? "es-MX" : "en-US"} className="rounded-lg bg-white p-3">
              <figcaption className="text-base font-semibold text-gray-800">{t(`liveScriptLanguage.${locale}`)}</figcaption>
              <blockquote>{scripts[index]!("liveScript", { name: trip.personName })}</blockquote>
            </figure>
          ))}
          {trip.companions.length > 0 && (
            <>
              <h3 className="text-xl font-bold">{t("liveCompanions", { name: trip.personName })}</h3>
              <ul className="flex flex-col gap-2">
                {trip.companions.map((companion) => (
                  <li key={companion.phone}>
                    <a
                      href={`tel:${companion.phone}`}
                      className="flex min-h-12 flex-wrap items-center gap-x-3 rounded-lg border-2 border-gray-400 bg-white px-4 py-2"
                    >
                      {companion.name}{" "}
                      <span dir="ltr" className="font-semibold">
                        {formatPhone(companion.phone)}
                      </span>
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
    </>
  );
}
