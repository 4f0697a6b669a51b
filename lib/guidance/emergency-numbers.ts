import type { Country } from "@/lib/validation/family";

export type EmergencyNumber = { key: string; display: string; href: string };

/** Who to call or where to report, per country (sources: the national emergency and anonymous-report lines of each country, and the FBI/IC3 for the United States). */
export const emergencyNumbers: Record<Country, EmergencyNumber[]> = {
  MX: [
    { key: "emergency", display: "911", href: "tel:911" },
    { key: "anonymousReport", display: "089", href: "tel:089" },
    { key: "consejoCiudadano", display: "55 5533 5533", href: "tel:+525555335533" },
    { key: "guardiaNacional", display: "088", href: "tel:088" },
  ],
  US: [
    { key: "emergency", display: "911", href: "tel:911" },
    { key: "fbi", display: "1-800-CALL-FBI (1-800-225-5324)", href: "tel:+18002255324" },
    { key: "ic3", display: "ic3.gov", href: "https://www.ic3.gov" },
  ],
};
