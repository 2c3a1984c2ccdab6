"use server";

import { serverAction } from "@/lib/action";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";

// Settings → "Connect a device or app": personal API tokens (docs/decisions/0027).
export const createApiTokenAction = serverAction(createApiToken, { revalidate: ["/settings"] });
export const revokeApiTokenAction = serverAction(revokeApiToken, { revalidate: ["/settings"] });
