import type { ReactNode } from "react";
import { AlertIcon, CheckIcon, InfoIcon } from "@/components/ui/icons";

type TTone = "info" | "success" | "error";

/** A calm message box. Tone is shown by icon and border as well as colour. */
export function Notice({
  tone = "info",
  children,
  role,
  testId,
}: {
  tone?: TTone;
  children: ReactNode;
  role?: "status" | "alert";
  testId?: string;
}) {
  const Icon = tone === "success" ? CheckIcon : tone === "error" ? AlertIcon : InfoIcon;
  return (
    <div className={`notice${tone === "info" ? "" : ` notice-${tone}`}`} role={role} data-testid={testId}>
      <Icon />
      <div>{children}</div>
    </div>
  );
}
