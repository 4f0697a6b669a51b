"use client";
import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";

export function SubmitButton({ children, variant = "primary" }: { children: React.ReactNode; variant?: "primary" | "secondary" }) {
  const { pending } = useFormStatus();
  const t = useTranslations("common");
  const style =
    variant === "primary" ? "bg-brand-700 text-white hover:bg-brand-800" : "border-2 border-brand-700 text-brand-800 hover:bg-gray-100";
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`min-h-12 rounded-lg px-5 text-lg font-semibold disabled:opacity-70 ${style}`}
    >
      {pending ? t("submitting") : children}
    </button>
  );
}
