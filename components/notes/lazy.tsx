"use client";

import { FORM_LOADING, lazyComponent } from "@/components/ui/lazy";

// Notes' browser parts where they show only sometimes (Tonight's morning
// summary and handoff card, thanks received, a night's closed "Write a note"):
// each loads when it is rendered (components/ui/lazy.tsx), not with the page.

export const MarkRead = lazyComponent(() => import("./mark-read").then((m) => m.MarkRead));
export const NoteForm = lazyComponent(() => import("./note-form").then((m) => m.NoteForm), FORM_LOADING);
export const ThankButton = lazyComponent(() => import("./summary-actions").then((m) => m.ThankButton));
export const PutAwayButton = lazyComponent(() => import("./summary-actions").then((m) => m.PutAwayButton));
