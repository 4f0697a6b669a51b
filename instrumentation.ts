// Validates the environment when the server boots, so a bad variable stops the app with one
// clear line instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { appEnvSchema, parseEnvironment, InvalidEnvironmentError } = await import("./lib/env-schema");
  try {
    parseEnvironment(appEnvSchema, process.env);
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
