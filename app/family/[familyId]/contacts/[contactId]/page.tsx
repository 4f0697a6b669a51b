import { getTranslations } from "next-intl/server";
import { deleteContactAction } from "@/app/family/[familyId]/contacts/actions";
import { ContactForm } from "@/components/plan/contact-form";
import { DeleteButtonForm } from "@/components/plan/delete-button-form";
import { formatPhone } from "@/lib/phone";
import { requireSession } from "@/lib/server/auth/session";
import { getContact } from "@/lib/server/contacts/get-contact";
import { editorRoles } from "@/lib/server/family/require-membership";
import { notFoundOnMissing } from "@/lib/server/not-found";

export default async function ContactPage({ params }: PageProps<"/family/[familyId]/contacts/[contactId]">) {
  const { familyId, contactId } = await params;
  const session = await requireSession(`/family/${familyId}/contacts/${contactId}`);
  const { contact, family, role } = await getContact({ familyId, userId: session.user.id, contactId }).catch(notFoundOnMissing);
  const t = await getTranslations("contacts");
  const canEdit = editorRoles.includes(role);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{canEdit ? t("edit", { name: contact.name }) : contact.name}</h1>
      {canEdit ? (
        <>
          <ContactForm
            familyId={familyId}
            contactId={contact.id}
            contact={{
              name: contact.name,
              phone: formatPhone(contact.phone),
              locale: contact.locale,
              relationship: contact.relationship,
              channel: contact.channel,
            }}
            defaultLocale={family.locale}
          />
          <DeleteButtonForm action={deleteContactAction.bind(null, familyId, contact.id)} label={t("delete")} confirmation={t("delete")} />
        </>
      ) : (
        <p dir="ltr">{formatPhone(contact.phone)}</p>
      )}
    </div>
  );
}
