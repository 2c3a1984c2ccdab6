export const ROLE_LABELS = { parent: "Parent", helper: "Helper" } as const;
