import "server-only";
import { CredentialsSignin } from "next-auth";
import { checkCredentials } from "@/lib/account/check-credentials";
import { clientAddress } from "@/lib/auth/client-address";
import { openSession } from "@/lib/auth/sessions";

/** Same code for unknown email and wrong password: nothing to learn from it. */
export class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

/** Auth.js Credentials `authorize`: the user to put in the session (with this device's new session), or a typed refusal. */
export async function authorizeCredentials(
  credentials: Partial<Record<string, unknown>> | undefined,
  headers: Headers,
) {
  const result = await checkCredentials({
    email: typeof credentials?.email === "string" ? credentials.email : "",
    password: typeof credentials?.password === "string" ? credentials.password : "",
    address: clientAddress(headers),
  });
  if (!result.ok) throw result.reason === "throttled" ? new ThrottledSignIn() : new InvalidCredentials();
  return {
    sessionId: await openSession(result.user.id, headers.get("user-agent")),
    id: result.user.id,
    email: result.user.email,
    name: result.user.name,
    sessionVersion: result.user.sessionVersion,
  };
}
