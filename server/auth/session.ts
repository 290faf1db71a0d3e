import "server-only";
import { getServerSession, type Session } from "next-auth";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { authOptions } from "./options";

export type SessionUser = Session["user"];

/** The signed-in user for this request (session version checked), or null. Once per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  await connection(); // per-request: never prerendered at build time
  const session = await getServerSession(authOptions());
  return session?.user?.id ? session.user : null;
});

/** For workspace pages: the user, or a redirect to sign-in. */
export async function requireSessionUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  return user;
}
