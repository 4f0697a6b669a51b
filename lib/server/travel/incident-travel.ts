import "server-only";
import { db } from "@/lib/db";
import { requireIncident } from "@/lib/server/incidents/manage-incident";

/**
 * The trips under way when the incident started, of the people it verifies: what the live screen
 * needs to call the hotel's front desk (decision 016). Any adult of the family.
 */
export async function getIncidentTravel(options: { familyId: string; userId: string; incidentId: string }) {
  const { incident, family } = await requireIncident(options);
  const trips = await db.trip.findMany({
    where: {
      familyId: family.id,
      startsAt: { lte: incident.startedAt },
      endsAt: { gt: incident.startedAt },
      person: { verifications: { some: { incidentId: incident.id } } },
    },
    orderBy: [{ person: { position: "asc" } }, { startsAt: "asc" }],
    include: {
      person: { select: { name: true } },
      contacts: { include: { contact: { select: { name: true, phone: true } } }, orderBy: [{ role: "asc" }, { createdAt: "asc" }] },
    },
  });
  return trips.map((trip) => ({
    id: trip.id,
    personName: trip.person.name,
    destination: trip.destination,
    hotelName: trip.hotelName,
    desk: trip.contacts.find((entry) => entry.role === "desk")?.contact ?? null,
    companions: trip.contacts.filter((entry) => entry.role === "companion").map((entry) => entry.contact),
  }));
}
