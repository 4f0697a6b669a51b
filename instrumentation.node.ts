// Validates the environment when the server boots, so a bad variable stops the app with one
// clear line instead of failing on the first request.
import { appEnvSchema, InvalidEnvironmentError, parseEnvironment } from "./lib/env-schema";

try {
  parseEnvironment(appEnvSchema, process.env);
} catch (error) {
  if (!(error instanceof InvalidEnvironmentError)) throw error;
  console.error(error.message);
  process.exit(1);
}
