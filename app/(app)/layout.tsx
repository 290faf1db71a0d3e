import { AppHeader } from "@/components/layout/app-header";
import { requireSessionUser } from "@/server/auth/session";

/** The signed-in workspace: every page below requires a current session. */
export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const user = await requireSessionUser();
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader user={user} />
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
