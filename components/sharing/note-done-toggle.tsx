"use client";

import dynamic from "next/dynamic";

/**
 * 标记已完成 for a counselor's recommendation, loaded only where one is shown: the dashboard
 * imports it, and a static import would put the tRPC client into every dashboard load.
 */
export const NoteDoneToggle = dynamic(() => import("./sharing-forms").then((m) => m.NoteDoneToggle));
