import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import type { UserRole } from "@/db/queries/users";
import { signInInput } from "@/server/api/schemas/auth";
import { AppError } from "@/server/errors";
import { authenticate } from "./accounts";
import { authSecret } from "./secret";
import { clientAddress } from "./request-meta";
import { adoptSessionVersion, recheckSessionToken } from "./session-token";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; role: UserRole };
  }
  interface User {
    role: UserRole;
    sessionVersion: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    role?: UserRole;
    /** The user's session version when this session was issued. */
    sv?: number;
  }
}

let options: NextAuthOptions | undefined;

/** next-auth options, built on first use (so a build never needs the secret or the database). */
export function authOptions(): NextAuthOptions {
  options ??= {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "邮箱和密码",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const parsed = signInInput.safeParse(credentials ?? {});
          if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "请输入邮箱和密码");
          const headers = new Headers(req.headers as Record<string, string>);
          try {
            const user = await authenticate(await getDb(), parsed.data, {
              ip: clientAddress(headers),
              userAgent: headers.get("user-agent"),
            });
            return {
              id: user.id,
              name: user.displayName,
              email: user.email,
              role: user.role,
              sessionVersion: user.sessionVersion,
            };
          } catch (err) {
            if (err instanceof AppError) throw new Error(err.message);
            throw err;
          }
        },
      }),
    ],
    callbacks: {
      /**
       * Runs on sign-in and on every session read. After sign-in it re-checks the account on each
       * request: a deleted account or a changed session version (sign-out everywhere, password
       * change) ends the session at once — except the browser that changed the password, which
       * updates its session with the proof the change returned (see session-version-proof.ts).
       */
      async jwt({ token, user, trigger, session }) {
        if (user) {
          return { ...token, sub: user.id, name: user.name, role: user.role, sv: user.sessionVersion };
        }
        const current = trigger === "update" ? adoptSessionVersion(token, session) : token;
        return recheckSessionToken(await getDb(), current);
      },
      session({ session, token }) {
        session.user = {
          id: token.sub ?? "",
          name: token.name ?? "",
          email: token.email ?? "",
          role: token.role ?? "borrower",
        };
        return session;
      },
    },
    logger: {
      error(code, metadata) {
        // A revoked session is expected, not an error worth logging.
        if (code === "JWT_SESSION_ERROR") return;
        console.error("[auth]", code, metadata);
      },
      warn(code) {
        if (code === "NEXTAUTH_URL") return;
        console.warn("[auth]", code);
      },
      debug() {},
    },
  };
  return options;
}
