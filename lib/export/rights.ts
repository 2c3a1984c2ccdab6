// Who may download what (docs/export-format.md): pure predicates over plain
// objects, used by the export's check (lib/export/export.ts) and by Settings
// to decide which links to show. No server code here.
import type { Role } from "@/lib/generated/prisma/enums";
import { canManageHousehold } from "@/lib/household/rights";

/** "household": everything the household holds; "mine": what the caller did or wrote. */
export const EXPORT_SCOPES = ["household", "mine"] as const;
export type TExportScope = (typeof EXPORT_SCOPES)[number];

/**
 * The household's whole record goes to whoever is in charge of the household
 * (parents, canManageHousehold); everyone, a helper too, may take their own.
 */
export function canExport(me: { role: Role }, scope: TExportScope): boolean {
  return scope === "mine" || canManageHousehold(me);
}

export const EXPORT_REFUSED = "Only parents can download the household's data. You can download your own.";
