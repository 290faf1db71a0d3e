import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";

export const dynamic = "force-dynamic";

/** Liveness and database check: 200 {"status":"ok"} or 503 with what failed. */
export async function GET() {
  const started = performance.now();
  try {
    const { db, kind } = await getDatabase();
    await db.execute(sql`select 1`);
    return Response.json(
      { status: "ok", database: kind, latencyMs: Math.round(performance.now() - started) },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (err) {
    console.error("[health]", err);
    return Response.json(
      { status: "error", database: "unavailable" },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
}
