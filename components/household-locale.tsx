"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { TAnyLocale } from "@/lib/i18n/locales";

// Its own module: the root layout places the provider on every page, and
// should not bring the formatters (components/format-provider.tsx) with it.
const HouseholdLocale = createContext<TAnyLocale | null>(null);

/** The signed-in caregiver's household conventions (the clock), for useFormat. */
export function HouseholdLocaleProvider({ locale, children }: { locale: TAnyLocale; children: ReactNode }) {
  return <HouseholdLocale.Provider value={locale}>{children}</HouseholdLocale.Provider>;
}

/** The household's conventions, or null outside the provider. */
export function useHouseholdLocale(): TAnyLocale | null {
  return useContext(HouseholdLocale);
}
