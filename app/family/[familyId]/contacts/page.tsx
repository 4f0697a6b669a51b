import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatPhone } from "@/lib/phone";
import { requireSession } from "@/lib/server/auth/session";
import { listContacts } from "@/lib/server/contacts/contacts";
import { notFoundOnMissing } from "@/lib/server/not-found";

export default async function ContactsPage({ params }: PageProps<"/family/[familyId]/contacts">) {
  const { familyId } = await params;
  const session = await requireSession(`/family/${familyId}/contacts`);
  const contacts = await listContacts({ familyId, userId: session.user.id }).catch(notFoundOnMissing);
  const [t, plan] = await Promise.all([getTranslations("contacts"), getTranslations("plan")]);
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-lg">{t("lead")}</p>
      {contacts.length === 0 && <p>{t("none")}</p>}
      <ul className="flex flex-col gap-3">
        {contacts.map((contact) => (
          <li key={contact.id} className="flex flex-col gap-1 rounded-xl border-2 border-gray-200 p-4">
            <div className="flex flex-wrap justify-between gap-2">
              <span className="text-lg font-bold">{contact.name}</span>
              <span dir="ltr">{formatPhone(contact.phone)}</span>
            </div>
            <p>
              {t(`relationshipName.${contact.relationship}`)} · {t(`channelName.${contact.channel}`)}
            </p>
            <p>
              {contact.vouchesFor.length
                ? t("vouchesFor", {
                    people: contact.vouchesFor
                      .map((entry) => `${entry.person.name} (${plan("tierLabel", { tier: entry.tier })})`)
                      .join(", "),
                  })
                : t("vouchesForNobody")}
            </p>
            <Link href={`/family/${familyId}/contacts/${contact.id}`} className="self-start py-2 font-semibold text-brand-800 underline">
              {t("edit", { name: contact.name })}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
