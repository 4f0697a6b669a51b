// The page the service worker shows when the network is gone and no copy of the page asked for
// is on the phone (decision 012): the call guidance and every emergency number, in one
// language, as static HTML with no script, built once at build time.
import { createTranslator } from "next-intl";
import { defaultSteps, onTheLineSteps, warningSigns } from "@/lib/guidance/call-guidance";
import { emergencyNumbers } from "@/lib/guidance/emergency-numbers";
import { localeTags, type AppLocale } from "@/lib/i18n/config";
import en from "@/messages/en.json";
import es from "@/messages/es.json";

const catalogues = { en, es } as const;
const phrases = ["repeat", "slow", "proof", "bank"] as const;

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

// Plain CSS in the page itself: the app's stylesheet has a hashed name the route cannot know.
const style = `
*{box-sizing:border-box}
body{margin:0;font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#111827;background:#fff;font-size:1.125rem;line-height:1.5}
header{border-bottom:2px solid #e5e7eb}
header div,main{max-width:48rem;margin:0 auto;padding:0.75rem 1rem}
header div{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:0.75rem}
.brand{font-size:1.5rem;font-weight:700;color:#084437}
h1{font-size:1.875rem;margin:0.5rem 0}
h2{font-size:1.5rem;margin:1.5rem 0 0.5rem}
h3{font-size:1.25rem;margin:1rem 0 0.5rem}
a{color:#084437}
a:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.calls{list-style:none;padding:0;margin:0;display:flex;flex-direction:column;gap:0.5rem}
.call{display:flex;flex-direction:column;justify-content:center;min-height:4rem;padding:0.5rem 1.25rem;border-radius:0.75rem;border:2px solid #111827;text-decoration:none;color:#111827}
.call strong{font-size:1.5rem}
.call.first{background:#b42318;border-color:#b42318;color:#fff}
.steps{padding-left:1.5rem;display:flex;flex-direction:column;gap:0.5rem}
.box{border-radius:0.75rem;background:#f3f4f6;padding:1rem}
.box p{margin:0.25rem 0 0}
.retry{display:inline-flex;align-items:center;min-height:2.75rem;padding:0 0.75rem;border-radius:0.5rem;border:2px solid #374151;font-weight:600;text-decoration:none;color:#111827}
`;

export function offlinePage(locale: AppLocale): string {
  const t = createTranslator({ locale, messages: catalogues[locale] });
  const other: AppLocale = locale === "es" ? "en" : "es";
  const numbers = (["MX", "US"] as const)
    .map((country) => {
      const items = emergencyNumbers[country]
        .map((entry, index) => {
          const label = t(`guidance.numbers.${entry.key}` as "guidance.numbers.emergency");
          return `<li><a class="call${index === 0 ? " first" : ""}" href="${escape(entry.href)}"><strong dir="ltr">${escape(entry.display)}</strong> <span>${escape(label)}</span></a></li>`;
        })
        .join("");
      return `<h3>${escape(t(country === "MX" ? "offline.mexico" : "offline.unitedStates"))}</h3><ul class="calls">${items}</ul>`;
    })
    .join("");
  const list = (keys: { key: string }[], namespace: "guidance.steps" | "guidance.signs") =>
    keys.map(({ key }) => `<li>${escape(t(`${namespace}.${key}` as "guidance.steps.hangUp"))}</li>`).join("");

  return `<!DOCTYPE html>
<html lang="${localeTags[locale]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#0b5a4a">
<title>${escape(t("offline.title"))} · ${escape(t("common.appName"))}</title>
<link rel="icon" href="/icon.svg" type="image/svg+xml">
<style>${style}</style>
</head>
<body>
<header><div><span class="brand">${escape(t("common.appName"))}</span><a class="retry" href="/offline/${other}" lang="${localeTags[other]}" hreflang="${localeTags[other]}">${escape(t("offline.otherLanguage"))}</a></div></header>
<main id="main">
<h1>${escape(t("offline.title"))}</h1>
<p>${escape(t("offline.lead"))}</p>
<p><a class="retry" href="">${escape(t("offline.retry"))}</a></p>
<section aria-labelledby="numbers-title"><h2 id="numbers-title">${escape(t("incident.numbersTitle"))}</h2>${numbers}</section>
<section aria-labelledby="steps-title">
<h2 id="steps-title">${escape(t("incident.stepsTitle"))}</h2>
<ol class="steps">${list(defaultSteps, "guidance.steps")}</ol>
<div class="box"><h3>${escape(t("incident.isolationTitle"))}</h3><p>${escape(t("incident.isolationLead"))}</p></div>
<h2>${escape(t("incident.onLineTitle"))}</h2>
<ol class="steps">${list(onTheLineSteps, "guidance.steps")}</ol>
<h2>${escape(t("incident.phrasesTitle"))}</h2>
<ul class="steps">${phrases.map((phrase) => `<li>${escape(t(`incident.phrases.${phrase}`))}</li>`).join("")}</ul>
<h2>${escape(t("incident.signsTitle"))}</h2>
<ul class="steps">${list(warningSigns, "guidance.signs")}</ul>
</section>
</main>
</body>
</html>
`;
}
