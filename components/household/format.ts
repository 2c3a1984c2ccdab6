import type { Role } from "@/lib/generated/prisma/enums";

export const ROLE_LABELS = { parent: "Parent", helper: "Helper" } as const satisfies Record<Role, string>;
