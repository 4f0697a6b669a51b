// The choices offered by the plan's forms. Kept apart from the zod schemas that check them, so
// that client components can list them without shipping zod to the browser.
export const countries = ["MX", "US"] as const;
export type Country = (typeof countries)[number];

export const relationships = [
  "partner",
  "parent",
  "child",
  "sibling",
  "relative",
  "friend",
  "neighbor",
  "school",
  "employer",
  "coworker",
  "coach",
  "hotel",
  "other",
] as const;
export type Relationship = (typeof relationships)[number];

export const channels = ["sms", "voice"] as const;
export const tiers = [1, 2, 3] as const;
