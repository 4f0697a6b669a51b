import { defineConfig } from "prisma/config";

// The stock CLI is only used for `prisma generate`; migrations run on the WebAssembly
// schema engine through scripts/db (see docs/decisions/001-offline-migrations.md).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
