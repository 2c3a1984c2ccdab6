import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authorizeCredentials } from "@/lib/auth/authorize";
import { SECURE_COOKIES } from "@/lib/auth/cookies";
import { decodeRemembering, encodeUnlessUnchanged } from "@/lib/auth/jwt-memo";
import { revokeSession } from "@/lib/auth/sessions";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
    sessionId?: string;
  }
  interface Session {
    sessionVersion?: number;
    sessionId?: string;
  }
}

// Credentials sign-in only issues JWT sessions. The token carries the user's
// sessionVersion and this device's session id (`sid`); lib/auth/session.ts
// checks both against the database on every request: "sign out" revokes this
// device's session row, "sign out everywhere" all of them.
export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: process.env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  // No re-encryption of an unchanged token on every render (lib/auth/jwt-memo.ts).
  jwt: { encode: encodeUnlessUnchanged, decode: decodeRemembering },
  useSecureCookies: SECURE_COOKIES,
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: (credentials, request) => authorizeCredentials(credentials, request.headers),
    }),
  ],
  callbacks: {
    // Must return the token it was given, untouched, unless something changed:
    // jwt-memo re-uses the old cookie for an unchanged token.
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = user.sessionVersion ?? 0;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = typeof token.sv === "number" ? token.sv : -1;
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    // "Sign out" ends this device's session on the server: a copy of the cookie stops working.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token?.sub && typeof token.sid === "string") await revokeSession(token.sub, token.sid, new Date());
    },
  },
  logger: {
    // A wrong password is not a server error; keep the log for real ones.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
});
