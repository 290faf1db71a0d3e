"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";

/** Every collapsed schedule is opened before printing, so the paper copy is complete. */
function openAllDetails() {
  document.querySelectorAll("main details").forEach((d) => d.setAttribute("open", ""));
}

export function PrintButton({ label = "打印计划" }: { label?: string }) {
  useEffect(() => {
    window.addEventListener("beforeprint", openAllDetails);
    return () => window.removeEventListener("beforeprint", openAllDetails);
  }, []);
  return (
    <Button
      variant="secondary"
      className="print:hidden"
      onClick={() => {
        openAllDetails();
        window.print();
      }}
    >
      {label}
    </Button>
  );
}
