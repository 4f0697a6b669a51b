import { getTranslations } from "next-intl/server";
import { formatPhone } from "@/lib/phone";
import { AssignExistingContact } from "./assign-existing-contact";
import { ContactForm } from "./contact-form";
import { ContactTree } from "./contact-tree";
import { Disclosure } from "./disclosure";

type Entry = { id: string; tier: number; contact: { id: string; name: string; phone: string; relationship: string; channel: string } };
type FamilyContact = { id: string; name: string; phone: string };

/** A person's contact tree, with forms to add a new or an existing contact (editors only). */
export async function PersonContactsEditor(props: {
  familyId: string;
  person: { id: string; name: string; contacts: Entry[] };
  familyContacts: FamilyContact[];
  canEdit: boolean;
  defaultLocale: string;
}) {
  const [people, contacts] = await Promise.all([getTranslations("people"), getTranslations("contacts")]);
  const inTree = new Set(props.person.contacts.map((entry) => entry.contact.id));
  const available = props.familyContacts.filter((contact) => !inTree.has(contact.id));
  return (
    <section aria-labelledby={`tree-${props.person.id}`} className="flex flex-col gap-4 rounded-xl border-2 border-gray-200 p-4">
      <h3 id={`tree-${props.person.id}`} className="text-xl font-bold">
        {people("contactsTitle", { name: props.person.name })}
      </h3>
      <ContactTree familyId={props.familyId} entries={props.person.contacts} canEdit={props.canEdit} />
      {props.canEdit && (
        <>
          <Disclosure summary={contacts("addTitle", { name: props.person.name })} initiallyOpen={props.person.contacts.length === 0}>
            <ContactForm familyId={props.familyId} personId={props.person.id} defaultLocale={props.defaultLocale} />
          </Disclosure>
          <AssignExistingContact
            familyId={props.familyId}
            personId={props.person.id}
            contacts={available.map((contact) => ({ id: contact.id, label: `${contact.name} (${formatPhone(contact.phone)})` }))}
          />
        </>
      )}
    </section>
  );
}
