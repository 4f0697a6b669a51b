// Partner organizations' API tokens (docs/decisions/015-caller-registry.md):
//   npm run partners -- create-token "<organization>"   prints the token once; only its hash is kept
//   npm run partners -- list
//   npm run partners -- revoke <id>
import { runOperatorCommand } from "./operator-env.ts";

const [command, argument] = process.argv.slice(2);
const usage = 'usage: npm run partners -- create-token "<organization>" | list | revoke <id>';

await runOperatorCommand(async () => {
  const { createPartnerToken, listPartnerTokens, revokePartnerToken } = await import("../lib/server/callers/partners.ts");
  if (command === "create-token" && argument) {
    const { id, token } = await createPartnerToken(argument);
    console.log(`Token for ${argument} (id ${id}). Give it to the partner now: it is not shown again.\n${token}`);
  } else if (command === "list") {
    for (const row of await listPartnerTokens()) {
      console.log(
        [
          row.id,
          row.organization,
          `created ${row.createdAt.toISOString()}`,
          row.lastUsedAt ? `last used ${row.lastUsedAt.toISOString()}` : "never used",
          row.revokedAt ? `REVOKED ${row.revokedAt.toISOString()}` : "active",
        ].join("  "),
      );
    }
  } else if (command === "revoke" && argument) {
    console.log((await revokePartnerToken(argument)) ? `Revoked ${argument}.` : `No active token ${argument}.`);
  } else {
    throw new Error(usage);
  }
});
