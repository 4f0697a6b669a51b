"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createTripAction, updateTripAction } from "@/app/family/[familyId]/travel-actions";
import { FormAlert } from "@/components/form/form-alert";
import { FormSuccess } from "@/components/form/form-success";
import { LocaleField } from "@/components/form/locale-field";
import { PhoneField } from "@/components/form/phone-field";
import { SelectField } from "@/components/form/select-field";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { tripTimeZones } from "@/lib/travel/trip-dates";
import { initialFormState } from "@/lib/validation/form-state";

export type TripValues = {
  destination: string;
  hotelName: string;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  phone: string;
  deskLocale: string;
};

/**
 * Adds a trip for a person (`personId`) or changes one (`tripId`). `tripKey`, made when the page
 * is drawn, names the trip: a double submit adds it once.
 */
export function TripForm(props: {
  familyId: string;
  personId?: string;
  tripId?: string;
  tripKey: string;
  trip?: TripValues;
  defaults: { locale: string; timeZone: string };
  days: { min: string; max: string };
}) {
  const t = useTranslations("travel");
  const action = props.tripId
    ? updateTripAction.bind(null, props.familyId, props.tripId)
    : createTripAction.bind(null, props.familyId, props.personId ?? "");
  const [state, formAction] = useActionState(action, initialFormState);
  const values = state.status === "error" ? state.values : (state.values ?? props.trip);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormAlert state={state} />
      <input type="hidden" name="tripKey" value={props.tripKey} />
      <TextField
        name="destination"
        label={t("destination")}
        hint={t("destinationHint")}
        required
        maxLength={80}
        autoComplete="off"
        defaultValue={values?.destination}
        errors={errors.destination}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="startsOn"
          type="date"
          label={t("startsOn")}
          hint={t("datesHint")}
          required
          max={props.days.max}
          defaultValue={values?.startsOn}
          errors={errors.startsOn}
        />
        <TextField
          name="endsOn"
          type="date"
          label={t("endsOn")}
          hint={t("datesHint")}
          required
          min={props.days.min}
          max={props.days.max}
          defaultValue={values?.endsOn}
          errors={errors.endsOn}
        />
      </div>
      <SelectField
        name="timeZone"
        label={t("timeZone")}
        defaultValue={values?.timeZone ?? props.defaults.timeZone}
        errors={errors.timeZone}
        options={tripTimeZones.map((zone) => ({ value: zone, label: t(`timeZoneName.${zone}`) }))}
      />
      <TextField
        name="hotelName"
        label={t("hotelName")}
        hint={t("hotelHint")}
        maxLength={80}
        autoComplete="off"
        defaultValue={values?.hotelName}
        errors={errors.hotelName}
      />
      <PhoneField label={t("deskPhone")} hint={t("deskPhoneHint")} defaultValue={values?.phone} state={state} />
      <LocaleField
        name="deskLocale"
        label={t("deskLocale")}
        defaultValue={values?.deskLocale ?? props.defaults.locale}
        errors={errors.deskLocale}
      />
      <FormSuccess state={state} namespace="travel" focus={!props.tripId} />
      <SubmitButton>{t("saveTrip")}</SubmitButton>
    </form>
  );
}
