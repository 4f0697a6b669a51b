import { getTranslations } from "next-intl/server";
import { deletePersonAction } from "@/app/family/[familyId]/people/actions";
import { DeleteButtonForm } from "@/components/plan/delete-button-form";
import { PersonContactsEditor } from "@/components/plan/person-contacts-editor";
import { PersonForm } from "@/components/plan/person-form";
import { PersonTravel } from "@/components/travel/person-travel";
import { formatPhone } from "@/lib/phone";
import { requireSession } from "@/lib/server/auth/session";
import { listContacts } from "@/lib/server/contacts/contacts";
import { editorRoles } from "@/lib/server/family/require-membership";
import { notFoundOnMissing } from "@/lib/server/not-found";
import { getPerson } from "@/lib/server/people/people";

export default async function PersonPage({ params, searchParams }: PageProps<"/family/[familyId]/people/[personId]">) {
  const { familyId, personId } = await params;
  const justAdded = (await searchParams).added === "1";
  const session = await requireSession(`/family/${familyId}/people/${personId}`);
  const scope = { familyId, userId: session.user.id };
  const [{ person, family, role }, familyContacts] = await Promise.all([getPerson({ ...scope, personId }), listContacts(scope)]).catch(
    notFoundOnMissing,
  );
  const t = await getTranslations("people");
  const canEdit = editorRoles.includes(role);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{canEdit ? t("editTitle", { name: person.name }) : person.name}</h1>
      {justAdded && canEdit && (
        <p role="status" className="rounded-lg border-2 border-brand-700 bg-emerald-50 p-3 text-base font-semibold text-brand-800">
          {t("addedNext", { name: person.name })}
        </p>
      )}
      {canEdit ? (
        <PersonForm
          familyId={familyId}
          personId={person.id}
          person={{ name: person.name, phone: formatPhone(person.phone), locale: person.locale, notes: person.notes }}
          defaultLocale={family.locale}
        />
      ) : (
        <p dir="ltr">{formatPhone(person.phone)}</p>
      )}
      <PersonContactsEditor
        familyId={familyId}
        person={person}
        familyContacts={familyContacts}
        canEdit={canEdit}
        defaultLocale={family.locale}
      />
      <PersonTravel familyId={familyId} userId={session.user.id} person={person} family={family} canEdit={canEdit} />
      {canEdit && (
        <DeleteButtonForm
          action={deletePersonAction.bind(null, familyId, person.id)}
          label={t("delete", { name: person.name })}
          confirmation={t("deleteConfirm", { name: person.name })}
        />
      )}
    </div>
  );
}
