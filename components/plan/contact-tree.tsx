import { getTranslations } from "next-intl/server";
import { formatPhone } from "@/lib/phone";
import { tiers } from "@/lib/plan-options";
import { TreeEntryControls } from "./tree-entry-controls";

type Entry = { id: string; tier: number; contact: { id: string; name: string; phone: string; relationship: string; channel: string } };

/** A person's contacts, tier by tier, with controls for editors. */
export async function ContactTree({ familyId, entries, canEdit }: { familyId: string; entries: Entry[]; canEdit: boolean }) {
  const [t, plan] = await Promise.all([getTranslations("contacts"), getTranslations("plan")]);
  if (entries.length === 0) return <p className="text-base">{plan("noContacts")}</p>;
  return (
    <div className="flex flex-col gap-3">
      {tiers.map((tier) => {
        const inTier = entries.filter((entry) => entry.tier === tier);
        if (inTier.length === 0) return null;
        return (
          <section key={tier} aria-label={plan("tierLabel", { tier })} className="flex flex-col gap-2">
            <h4 className="text-base font-bold uppercase tracking-wide text-gray-700">{plan("tierLabel", { tier })}</h4>
            <ol className="flex flex-col gap-2">
              {inTier.map((entry, index) => (
                <li key={entry.id} className="flex flex-col gap-2 rounded-lg bg-gray-50 p-3">
                  <div className="flex flex-wrap justify-between gap-2">
                    <span className="font-semibold">{entry.contact.name}</span>
                    <span>
                      {t(`relationshipName.${entry.contact.relationship}`)} · {t(`channelName.${entry.contact.channel}`)} ·{" "}
                      <span dir="ltr">{formatPhone(entry.contact.phone)}</span>
                    </span>
                  </div>
                  {canEdit && (
                    <TreeEntryControls
                      familyId={familyId}
                      assignmentId={entry.id}
                      name={entry.contact.name}
                      tier={tier}
                      isFirst={index === 0}
                      isLast={index === inTier.length - 1}
                    />
                  )}
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
